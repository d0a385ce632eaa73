#include "db/migrations.h"
#include "db/sql.h"
#include "testdb.h"

#include <QTest>

using namespace md;

class tst_Migrations : public QObject
{
    Q_OBJECT

private slots:
    void fromEmptyReachesLatest();
    void rerunningChangesNothing();
    void refusesNewerSchema();
    void refusesForeignDatabase();
};

void tst_Migrations::fromEmptyReachesLatest()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    auto version = db->schemaVersion();
    MD_VERIFY(version);
    QCOMPARE(*version, Migrations::latestVersion());

    auto counts = db->tableCounts();
    MD_VERIFY(counts);
    QStringList tables;
    for (const auto &[name, count] : *counts) {
        tables << name;
        if (name != QLatin1String("schema_migrations"))
            QCOMPARE(count, 0);
    }
    for (const char *expected :
         {"products",      "price_changes", "customers",      "orders",        "order_lines",
          "events",        "plans",         "features",       "plan_features", "subscriptions",
          "segments",      "campaigns",     "campaign_sends", "suppressions",  "loyalty_tiers",
          "points_ledger", "badges",        "challenges",     "referrals",     "scheduled_jobs",
          "settings"}) {
        QVERIFY2(tables.contains(QLatin1String(expected)), expected);
    }
}

void tst_Migrations::rerunningChangesNothing()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    {
        auto db = scratch.open();
        MD_VERIFY(db);
        MD_VERIFY(sql::exec(
            db->sql(), QStringLiteral("INSERT INTO settings (name, value) VALUES ('k', 'v')")));
    }
    auto again = scratch.open();
    MD_VERIFY(again);
    MD_VERIFY(Migrations::migrate(again->sql(), again->dialect()));
    auto applied
        = sql::scalar(again->sql(), QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
    MD_VERIFY(applied);
    QCOMPARE(applied->toInt(), int(Migrations::all().size()));
    auto kept
        = sql::scalar(again->sql(), QStringLiteral("SELECT value FROM settings WHERE name = 'k'"));
    MD_VERIFY(kept);
    QCOMPARE(kept->toString(), QStringLiteral("v"));
}

void tst_Migrations::refusesNewerSchema()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    {
        auto db = scratch.open();
        MD_VERIFY(db);
        MD_VERIFY(sql::exec(
            db->sql(), QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                                      "VALUES (999, 'from the future', 0)")));
    }
    auto refused = scratch.open();
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("999")), qPrintable(refused.error()));
    QVERIFY2(refused.error().contains(QLatin1String("newer")), qPrintable(refused.error()));
}

void tst_Migrations::refusesForeignDatabase()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    {
        auto raw = scratch.open(Database::Options{.migrate = false, .createIfMissing = true});
        MD_VERIFY(raw);
        MD_VERIFY(sql::exec(raw->sql(), QStringLiteral("CREATE TABLE invoices (id INTEGER)")));
    }
    auto refused = scratch.open();
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("invoices")), qPrintable(refused.error()));
    auto raw = scratch.open(Database::Options{.migrate = false, .createIfMissing = false});
    QVERIFY(!raw); // the version check refuses before anything is written
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
