#include "demoshop.h"

#include "db/database.h"
#include "db/sql.h"
#include "democatalog.h"
#include "demoprogress.h"
#include "demosetup.h"
#include "demowriter.h"
#include "loyalty/loyaltystore.h"

#include <QCoreApplication>

namespace md {

namespace {

// Every table the generator fills must be empty, and the settings it writes must be absent:
// the demo shop never mixes with or overwrites a real shop's rows.
Status checkEmpty(const Database &db)
{
    QStringList filled;
    for (const QString &table : DemoWriter::tables()) {
        if (table == QLatin1String("settings"))
            continue;
        auto any = sql::scalar(db.sql(), QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM %1 "
                                                        "LIMIT 1) AS probe")
                                             .arg(Dialect::quoteIdentifier(table)));
        if (!any)
            return fail(
                DemoShop::tr("Cannot check whether %1 is empty: %2").arg(table, any.error()));
        if (any->toLongLong() > 0)
            filled << table;
    }
    auto demo
        = sql::scalar(db.sql(), QStringLiteral("SELECT COUNT(*) FROM settings WHERE name LIKE ?"),
                      {QStringLiteral("demo.%")});
    if (!demo)
        return fail(DemoShop::tr("Cannot check the settings table: %1").arg(demo.error()));
    if (demo->toLongLong() > 0)
        filled << QStringLiteral("settings (demo.*)");
    // The tiers are the programme's settings rather than shop rows: the demo earns by the default
    // ones, which init makes (or the demo, when there are none), and refuses other tiers.
    auto defaults = LoyaltyStore::hasDefaultTiers(db);
    if (!defaults)
        return fail(DemoShop::tr("Cannot check the loyalty tiers: %1").arg(defaults.error()));
    auto tierCount = sql::scalar(db.sql(), QStringLiteral("SELECT COUNT(*) FROM loyalty_tiers"));
    if (!tierCount)
        return fail(DemoShop::tr("Cannot check the loyalty tiers: %1").arg(tierCount.error()));
    if (tierCount->toLongLong() > 0 && !*defaults)
        filled << QStringLiteral("loyalty_tiers (not the default tiers)");
    if (filled.isEmpty())
        return {};
    return fail(
        DemoShop::tr("%1 is not empty: %2 already hold rows. The demo shop only fills an empty "
                     "database; nothing was changed.")
            .arg(db.spec().displayName(), filled.join(QStringLiteral(", "))));
}

} // namespace

Status DemoShop::generate(Database &db, const DemoOptions &options, const Progress &progress)
{
    if (!db.isOpen())
        return fail(DemoShop::tr("No database is open for the demo shop"));
    if (auto empty = checkEmpty(db); !empty)
        return empty;
    DemoProgress report(progress);
    DemoWriter writer(db, DemoSetup(options), report);
    return writer.run().withContext(
        DemoShop::tr("Creating the demo shop in %1").arg(db.spec().displayName()));
}

Result<DemoOptions::Scale> DemoShop::parseScale(const QString &name)
{
    if (const auto scale = fromKey<DemoOptions::Scale>(name.trimmed().toLower()))
        return *scale;
    return fail(DemoShop::tr("Unknown demo shop scale \"%1\": use one of %2")
                    .arg(name, keyList<DemoOptions::Scale>()));
}

std::vector<std::pair<QString, QString>> DemoShop::plantedPairs(const DemoOptions &options)
{
    const DemoCatalog catalog{DemoSetup(options)};
    std::vector<std::pair<QString, QString>> pairs;
    for (const DemoCatalog::PlantedPair &pair : catalog.plantedPairs())
        pairs.emplace_back(catalog.sku(pair.slotA), catalog.sku(pair.slotB));
    return pairs;
}

} // namespace md
