#pragma once

// The values of cross-sell mining: the parameters of a run, the rules and bundles it finds, and
// the sources the miner reads baskets from. Plain structs, shared by the miner, its storage, the
// command line and the page.

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace md {

struct MiningParameters
{
    Q_DECLARE_TR_FUNCTIONS(md::MiningParameters)

public:
    // Below 1: a share of the baskets (0.01 = 1 % of the orders); 1 or more: a number of orders.
    double minSupport = 0.01;
    double minConfidence = 0.1;
    double minLift = 1.0;
    // Only orders placed at or after this time (UTC epoch seconds).
    std::optional<qint64> sinceAt;
    // Also count bundles of three (a third pass over the orders).
    bool bundles = true;
    // Also mine "viewed this, bought that" from the behaviour events.
    bool viewed = true;

    // The smallest number of baskets a pair must be in, for `baskets` baskets (at least 1).
    qint64 minCount(qint64 baskets) const;
    // An error naming the bad value, for the command line and the page.
    Status validate() const;
};

struct PairRule
{
    qint64 antecedent = 0; // product ids
    qint64 consequent = 0;
    qint64 count = 0;      // baskets holding both
    double support = 0;    // count / baskets
    double confidence = 0; // count / baskets holding the antecedent
    double lift = 0;       // confidence / share of baskets holding the consequent
};

struct Bundle
{
    qint64 a = 0; // product ids, a < b < c
    qint64 b = 0;
    qint64 c = 0;
    qint64 count = 0;
    double support = 0;
};

struct MiningResult
{
    qint64 baskets = 0;  // orders (or view sessions) that were counted
    qint64 minCount = 0; // the support threshold as a number of baskets
    qint64 frequentItems = 0;
    // Sorted by lift, then count, descending; ties by antecedent and consequent id.
    std::vector<PairRule> rules;
    // Sorted by count descending; ties by ids.
    std::vector<Bundle> bundles;
};

// Where the miner reads baskets: it calls scan() once per pass. A basket lists product ids; a
// product may appear twice (two lines of one order) and counts once.
class BasketSource
{
public:
    using Visit = std::function<bool(std::span<const qint64> basket)>;
    virtual ~BasketSource() = default;
    // Calls visit for every basket, in any order; stops (and returns success) when visit
    // returns false.
    virtual Status scan(const Visit &visit) = 0;
    // How many baskets scan() will visit, for progress; 0 when unknown.
    virtual qint64 expectedBaskets() { return 0; }
    // Called once before the first scan(): a source that reads its baskets into memory does it
    // here, reporting `done` of about `total` rows; `progress` returning false cancels (then the
    // source stays unloaded and the caller gives up).
    using LoadProgress = std::function<bool(qint64 done, qint64 total)>;
    virtual Status load(const LoadProgress &progress)
    {
        Q_UNUSED(progress);
        return {};
    }
};

// A view session: what one customer viewed and what they bought on one day.
class SessionSource
{
public:
    using Visit
        = std::function<bool(std::span<const qint64> viewed, std::span<const qint64> bought)>;
    virtual ~SessionSource() = default;
    virtual Status scan(const Visit &visit) = 0;
    virtual qint64 expectedSessions() { return 0; }
};

// Baskets held in memory: the tests, and the brute-force checks.
class VectorBasketSource : public BasketSource
{
public:
    explicit VectorBasketSource(const std::vector<std::vector<qint64>> &baskets)
        : m_baskets(baskets)
    {}
    Status scan(const Visit &visit) override
    {
        for (const auto &basket : m_baskets) {
            if (!visit(basket))
                break;
        }
        return {};
    }
    qint64 expectedBaskets() override { return qint64(m_baskets.size()); }

private:
    const std::vector<std::vector<qint64>> &m_baskets;
};

} // namespace md
