#include "initcommand.h"

#include "console.h"
#include "databaseopener.h"
#include "db/migrations.h"
#include "demo/demoshop.h"
#include "loyalty/loyaltyservice.h"
#include "marketing/segmentservice.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace md {

namespace {

const QString kDemo = QStringLiteral("demo");
const QString kScale = QStringLiteral("scale");
const QString kSeed = QStringLiteral("seed");
const QString kAsOf = QStringLiteral("as-of");

QString scaleNames()
{
    return keyList<DemoOptions::Scale>(u"|");
}

} // namespace

QString InitCommand::name() const
{
    return QStringLiteral("init");
}

QString InitCommand::summary() const
{
    return tr("Create the schema or bring it up to date; with --demo, also fill an empty "
              "database with a demo shop");
}

QList<QCommandLineOption> InitCommand::options() const
{
    return {
        QCommandLineOption(kDemo, tr("Fill the database with a realistic demo shop (the "
                                     "database must not hold products, customers or orders)")),
        QCommandLineOption(kScale,
                           tr("Demo size: small (about 500 products, 2,000 customers, 20,000 "
                              "orders), medium (100,000 products and customers, about "
                              "1,000,000 order lines) or large (1,000,000 products and "
                              "customers, about 10,000,000 order lines)"),
                           scaleNames(), keyOf(DemoOptions::Scale::Small)),
        QCommandLineOption(kSeed, tr("Demo random seed: the same seed gives the same shop"),
                           QStringLiteral("N"), QString::number(DemoOptions{}.seed)),
        QCommandLineOption(kAsOf,
                           tr("The demo shop's today: its order history ends the day "
                              "before (default: today, UTC)"),
                           QStringLiteral("YYYY-MM-DD")),
    };
}

int InitCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                     Console &console)
{
    const bool demo = arguments.isSet(kDemo);
    DemoOptions demoOptions;
    for (const QString &option : {kScale, kSeed, kAsOf}) {
        if (arguments.isSet(option) && !demo) {
            return console.usageError(tr("init: --%1 only applies with --demo").arg(option));
        }
    }
    if (demo) {
        const QString scale = arguments.value(kScale);
        auto parsed = DemoShop::parseScale(scale);
        if (!parsed) {
            return console.usageError(
                tr("init: --scale \"%1\" is not a demo size; use %2").arg(scale, scaleNames()));
        }
        demoOptions.scale = *parsed;

        const QString seed = arguments.value(kSeed);
        bool seedOk = false;
        static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
        demoOptions.seed = seed.toULongLong(&seedOk);
        if (!digits.match(seed).hasMatch() || !seedOk) {
            return console.usageError(tr("init: --seed \"%1\" is not a whole number from 0 to %2")
                                          .arg(seed)
                                          .arg(std::numeric_limits<quint64>::max()));
        }

        if (arguments.isSet(kAsOf)) {
            const QString asOf = arguments.value(kAsOf);
            static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
            demoOptions.asOf = QDate::fromString(asOf, Qt::ISODate);
            if (!isoDate.match(asOf).hasMatch() || !demoOptions.asOf.isValid()) {
                return console.usageError(
                    tr("init: --as-of \"%1\" is not a date; use YYYY-MM-DD, such as 2025-06-30")
                        .arg(asOf));
            }
        } else {
            demoOptions.asOf = QDateTime::currentDateTimeUtc().date();
        }
    }

    auto db = database.open(console, Database::Options{.migrate = false, .createIfMissing = true});
    if (!db)
        return db.exitCode();
    auto before = db->schemaVersion();
    if (!before)
        return console.dataError(tr("%1: %2").arg(db.where(), before.error()));
    if (auto migrated = Migrations::migrate(db->sql(), db->dialect()); !migrated)
        return console.dataError(tr("%1: %2").arg(db.where(), migrated.error()));
    const int latest = Migrations::latestVersion();
    if (*before == 0) {
        console.print(
            tr("Created the MerchantDesk schema (version %1) in %2\n").arg(latest).arg(db.where()));
    } else if (*before < latest) {
        console.print(tr("Migrated %1 from schema version %2 to %3\n")
                          .arg(db.where())
                          .arg(*before)
                          .arg(latest));
    } else {
        console.print(tr("%1 is up to date (schema version %2)\n").arg(db.where()).arg(latest));
    }
    // A new shop starts with the built-in segments; a shop that has any segment keeps its own.
    auto builtIns = SegmentService::createBuiltIns(*db);
    if (!builtIns)
        return console.dataError(tr("%1: %2").arg(db.where(), builtIns.error()));
    if (*builtIns > 0) {
        console.print(tr("Created %1 built-in segments (docs/segments.md lists their rules)\n")
                          .arg(*builtIns));
    }
    // Likewise the loyalty programme's four tiers, when there are no tiers at all.
    auto tiers = LoyaltyService::seedDefaultTiers(*db);
    if (!tiers)
        return console.dataError(tr("%1: %2").arg(db.where(), tiers.error()));
    if (*tiers > 0) {
        console.print(tr("Created %1 loyalty tiers (docs/loyalty.md lists them)\n").arg(*tiers));
    }
    if (!demo)
        return Console::Success;

    QString lastStage;
    int lastPercent = -1;
    const auto progress = [&](int percent, const QString &stage) {
        // One line per stage and per tenth: enough to see it move, little enough for a log.
        if (stage != lastStage || percent / 10 != lastPercent / 10) {
            console.progress(tr("init: demo shop %1% (%2)").arg(percent).arg(stage));
            lastStage = stage;
            lastPercent = percent;
        }
        return true;
    };
    if (auto generated = DemoShop::generate(*db, demoOptions, progress); !generated) {
        return console.dataError(
            tr("%1: the demo shop was not written: %2").arg(db.where(), generated.error()));
    }

    auto counts = db->tableCounts();
    if (!counts)
        return console.dataError(tr("%1: %2").arg(db.where(), counts.error()));
    console.print(tr("Demo shop (%1, seed %2, as of %3):\n")
                      .arg(keyOf(demoOptions.scale))
                      .arg(demoOptions.seed)
                      .arg(demoOptions.asOf.toString(Qt::ISODate)));
    qsizetype nameWidth = 0;
    qsizetype countWidth = 0;
    for (const auto &[table, count] : *counts) {
        nameWidth = std::max(nameWidth, table.size());
        countWidth = std::max(countWidth, QString::number(count).size());
    }
    for (const auto &[table, count] : *counts) {
        if (count == 0 || table == QLatin1String("schema_migrations"))
            continue;
        console.print(
            QStringLiteral("  %1  %2\n").arg(table, -int(nameWidth)).arg(count, int(countWidth)));
    }
    return Console::Success;
}

} // namespace md
