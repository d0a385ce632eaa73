#pragma once

// Cross-sell storage: the baskets of the shop's completed orders and its view sessions as miner
// sources (streamed, never loaded whole), and the runs, rules and bundles the miner stores.

#include "core/enumkeys.h"
#include "crosssellrecords.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace md {

class Database;

// Completed orders (cancelled, pending and refunded ones left out), each order one basket,
// optionally only orders placed since a time. load() reads the baskets once, in table order
// (no join, no sort in the database), into a compact array of 4 bytes a line; every scan()
// then runs in memory.
class OrderBasketSource : public BasketSource
{
    Q_DECLARE_TR_FUNCTIONS(md::OrderBasketSource)

public:
    OrderBasketSource(const Database &db, std::optional<qint64> sinceAt);
    Status load(const LoadProgress &progress) override;
    Status scan(const Visit &visit) override;
    qint64 expectedBaskets() override;

private:
    QString where() const;

    const Database &m_db;
    std::optional<qint64> m_sinceAt;
    bool m_loaded = false;
    std::vector<qint64> m_products; // dense index → product id
    std::vector<quint32> m_items;   // every basket's dense product indices, one run per order
    std::vector<size_t> m_offsets;  // basket k is m_items[m_offsets[k], m_offsets[k + 1])
};

// One session per customer and UTC day with at least one product view: what they viewed and
// what their completed orders of that day held.
class ViewSessionSource : public SessionSource
{
    Q_DECLARE_TR_FUNCTIONS(md::ViewSessionSource)

public:
    ViewSessionSource(const Database &db, std::optional<qint64> sinceAt);
    Status scan(const Visit &visit) override;

private:
    const Database &m_db;
    std::optional<qint64> m_sinceAt;
};

enum class CrossSellSource { Manual, Cli };

// The values of crosssell_runs.source.
constexpr auto enumKeys(CrossSellSource)
{
    return keyTable<CrossSellSource>(
        {{CrossSellSource::Manual, "manual"}, {CrossSellSource::Cli, "cli"}});
}

struct CrossSellRun
{
    qint64 id = 0;
    CrossSellSource source = CrossSellSource::Manual;
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    MiningParameters parameters;
    qint64 baskets = 0;
    qint64 minCount = 0;
    qint64 ruleCount = 0;
    qint64 bundleCount = 0;
};

struct ProductInfo
{
    QString sku;
    QString title;
    qint64 stock = 0;
};

// A stored rule with what the page and the exports show of its products.
struct RuleRow
{
    enum class Kind { Bought, Viewed };
    Kind kind = Kind::Bought;
    PairRule rule;
    ProductInfo antecedent;
    ProductInfo consequent;
};

// The values of crosssell_rules.kind.
constexpr auto enumKeys(RuleRow::Kind)
{
    return keyTable<RuleRow::Kind>(
        {{RuleRow::Kind::Bought, "bought"}, {RuleRow::Kind::Viewed, "viewed"}});
}

struct BundleRow
{
    Bundle bundle;
    ProductInfo a;
    ProductInfo b;
    ProductInfo c;
};

class CrossSellStore
{
    Q_DECLARE_TR_FUNCTIONS(md::CrossSellStore)

public:
    // Stores a run with its rules and bundles in one transaction; the rules and bundles of
    // earlier runs are removed (their run rows stay as the history). Returns the run's id.
    static Result<qint64> save(const Database &db, CrossSellRun run, const MiningResult &bought,
                               const MiningResult *viewed);
    static Result<std::optional<CrossSellRun>> latestRun(const Database &db);
    // The rules of a run, strongest first (lift, then count); antecedents limited to
    // `antecedents` when it is not empty.
    static Result<std::vector<RuleRow>> rules(const Database &db, qint64 runId,
                                              const QList<qint64> &antecedents = {});
    static Result<std::vector<BundleRow>> bundles(const Database &db, qint64 runId);
    // Product ids by SKU; an error names the SKUs that are not in the catalog.
    static Result<QList<qint64>> productIds(const Database &db, const QStringList &skus);
};

} // namespace md
