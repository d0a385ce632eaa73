#pragma once

// Fills an empty database with a realistic, deterministic demo shop: the same seed and as-of date
// give the same rows on SQLite and PostgreSQL. Small (the README's demo), medium or large
// (benchmarks).

#include "core/enumkeys.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <functional>
#include <utility>
#include <vector>

namespace md {

class Database;

struct DemoOptions
{
    enum class Scale { Small, Medium, Large };
    Scale scale = Scale::Small;
    quint64 seed = 42;
    // The shop's "today": order history ends the day before. Invalid → today's date in UTC.
    QDate asOf;
};

// The values of --scale.
constexpr auto enumKeys(DemoOptions::Scale)
{
    using Scale = DemoOptions::Scale;
    return keyTable<Scale>(
        {{Scale::Small, "small"}, {Scale::Medium, "medium"}, {Scale::Large, "large"}});
}

class DemoShop
{
    Q_DECLARE_TR_FUNCTIONS(md::DemoShop)

public:
    // percent 0..100 and a short stage name ("orders"); return false to cancel (rolls back).
    using Progress = std::function<bool(int percent, const QString &stage)>;

    // Refuses a database that already holds products, customers or orders: nothing is ever
    // overwritten. All rows are written in one transaction through BulkWriter.
    static Status generate(Database &db, const DemoOptions &options, const Progress &progress = {});

    // A key of enumKeys(DemoOptions::Scale) in any case, or an error listing them.
    static Result<DemoOptions::Scale> parseScale(const QString &name);

    // The SKU pairs (A, B) planted in the baskets: B joins about half of the baskets holding A,
    // so their lift stands out for cross-sell. Also stored in the settings table under
    // plantedPairsSetting() as "A1,B1;A2,B2;...".
    static std::vector<std::pair<QString, QString>> plantedPairs(const DemoOptions &options);
    static QString plantedPairsSetting() { return QStringLiteral("demo.planted_pairs"); }
};

} // namespace md
