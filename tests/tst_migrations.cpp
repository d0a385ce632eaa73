// The schema's migrations on both backends: an empty database reaches the latest version, a
// rerun changes nothing, a newer or foreign schema is refused, and a version-1 database holding
// rows keeps every value through all later migrations, which add their tables and backfill the
// plan history.

#include "db/migrations.h"
#include "db/sql.h"
#include "testdb.h"

#include <QSqlQuery>
#include <QSqlRecord>
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
    void versionOneWithRowsKeepsThem();
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

void tst_Migrations::versionOneWithRowsKeepsThem()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    QVariantList ids; // product, customer, order, basic, premium, feature, active, cancelled
    {
        auto raw = scratch.open(Database::Options{.migrate = false, .createIfMissing = true});
        MD_VERIFY(raw);
        const QSqlDatabase db = raw->sql();
        // A database as release 1 left it: the v1 script, recorded as version 1, nothing later.
        QCOMPARE(Migrations::all().front().version, 1);
        for (const QString &statement : Migrations::all().front().statements(raw->dialect()))
            MD_VERIFY(sql::exec(db, statement));
        MD_VERIFY(sql::exec(db, QStringLiteral("CREATE TABLE schema_migrations (version INTEGER "
                                               "PRIMARY KEY, name TEXT NOT NULL, "
                                               "applied_at BIGINT NOT NULL)")));
        MD_VERIFY(sql::exec(db, QStringLiteral("INSERT INTO schema_migrations VALUES "
                                               "(1, 'five playbooks', 1700000000)")));
        const auto insert = [&](const char *statement, const QVariantList &values) {
            auto id = sql::scalar(db, QString::fromUtf8(statement), values);
            if (!id)
                qWarning("%s: %s", statement, qPrintable(id.error()));
            ids << (id ? id->toLongLong() : -1);
            return id.ok();
        };
        MD_VERIFY(sql::exec(db, QStringLiteral("INSERT INTO settings (name, value) "
                                               "VALUES ('pricing.max_step', '15')")));
        QVERIFY(insert("INSERT INTO products (sku, title, category, cost_cents, "
                       "base_price_cents, current_price_cents, min_price_cents, stock_level, "
                       "demand_score, is_exclusive, created_at, updated_at) VALUES "
                       "('MUG-1', 'Mug “Größe L”', 'Kitchen', 450, 1299, 1199, 999, 7, 2.5, 1, "
                       "1700000000, 1700000100) RETURNING id",
                       {}));
        QVERIFY(insert("INSERT INTO customers (email, first_name, last_name, created_at, "
                       "accepts_marketing) VALUES ('ana@example.com', 'Ana', 'Müller', "
                       "1700000000, 1) RETURNING id",
                       {}));
        QVERIFY(insert("INSERT INTO orders (order_number, customer_id, ordered_at, status, "
                       "total_cents) VALUES ('#1001', ?, 1700001000, 'completed', 2398) "
                       "RETURNING id",
                       {ids[1]}));
        QVERIFY(insert("INSERT INTO plans (name, price_cents, billing_interval, display_order) "
                       "VALUES ('Basic Box', 2999, 'monthly', 1) RETURNING id",
                       {}));
        QVERIFY(insert("INSERT INTO plans (name, price_cents, billing_interval, display_order, "
                       "parent_plan_id) VALUES ('Premium Box', 15999, 'quarterly', 2, ?) "
                       "RETURNING id",
                       {ids[3]}));
        QVERIFY(insert("INSERT INTO features (feature_key, label, value_type, default_value) "
                       "VALUES ('target_item_count', 'Items per box', 'int', '4') RETURNING id",
                       {}));
        QVERIFY(insert("INSERT INTO subscriptions (customer_id, plan_id, status, started_at, "
                       "current_period_end) VALUES (?, ?, 'active', 1700002000, 1702594000) "
                       "RETURNING id",
                       {ids[1], ids[4]}));
        QVERIFY(insert("INSERT INTO subscriptions (customer_id, plan_id, status, started_at, "
                       "cancelled_at, cancel_reason) VALUES (?, ?, 'cancelled', 1690000000, "
                       "1695000000, 'Too expensive') RETURNING id",
                       {ids[1], ids[3]}));
        for (const auto &[statement, values] :
             std::initializer_list<std::pair<const char *, QVariantList>>{
                 {"INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents) "
                  "VALUES (?, ?, 2, 1199)",
                  {ids[2], ids[0]}},
                 {"INSERT INTO price_changes (product_id, old_price_cents, new_price_cents, "
                  "changed_at, reason) VALUES (?, 1299, 1199, 1700000100, 'slow seller')",
                  {ids[0]}},
                 {"INSERT INTO plan_features (plan_id, feature_id, value) VALUES (?, ?, '6')",
                  {ids[4], ids[5]}},
                 {"INSERT INTO subscription_status_log (subscription_id, changed_at, new_status, "
                  "note) VALUES (?, 1700002000, 'active', 'Subscribed')",
                  {ids[6]}},
                 {"INSERT INTO points_ledger (customer_id, delta, kind, order_id, created_at) "
                  "VALUES (?, 24, 'earn', ?, 1700001000)",
                  {ids[1], ids[2]}},
                 // A second earn for the same order (a hand-made ledger) and a redemption.
                 {"INSERT INTO points_ledger (customer_id, delta, kind, order_id, created_at) "
                  "VALUES (?, 24, 'earn', ?, 1700001001)",
                  {ids[1], ids[2]}},
                 {"INSERT INTO points_ledger (customer_id, delta, kind, created_at) "
                  "VALUES (?, -20, 'redeem', 1700001002)",
                  {ids[1]}},
                 {"INSERT INTO loyalty_tiers (name, min_points, multiplier) VALUES "
                  "('silver', 500, 1.25), ('odd', 900, 1.2345)",
                  {}}}) {
            MD_VERIFY(sql::exec(db, QString::fromUtf8(statement), values));
        }
        auto version = raw->schemaVersion();
        MD_VERIFY(version);
        QCOMPARE(*version, 1);
    }

    auto db = scratch.open(); // migrates
    MD_VERIFY(db);
    auto version = db->schemaVersion();
    MD_VERIFY(version);
    QCOMPARE(*version, Migrations::latestVersion());
    auto applied = sql::scalar(db->sql(), QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
    MD_VERIFY(applied);
    QCOMPARE(applied->toInt(), int(Migrations::all().size()));

    // Every value of every row as it was written.
    const auto row = [&](const QString &statement, const QVariantList &values) {
        QStringList cells;
        auto query = sql::select(db->sql(), statement, values);
        if (!query || !query->next())
            return QStringLiteral("(no row: %1)").arg(query ? QString() : query.error());
        for (int i = 0; i < query->record().count(); ++i)
            cells << (query->value(i).isNull() ? QStringLiteral("NULL")
                                               : query->value(i).toString());
        return cells.join(QLatin1Char('|'));
    };
    QCOMPARE(row(QStringLiteral("SELECT value FROM settings WHERE name = 'pricing.max_step'"), {}),
             QStringLiteral("15"));
    QCOMPARE(row(QStringLiteral("SELECT sku, title, category, cost_cents, base_price_cents, "
                                "current_price_cents, min_price_cents, max_price_cents, "
                                "stock_level, demand_score, is_exclusive, created_at, updated_at "
                                "FROM products WHERE id = ?"),
                 {ids[0]}),
             QStringLiteral("MUG-1|Mug “Größe L”|Kitchen|450|1299|1199|999|NULL|7|2.5|1|"
                            "1700000000|1700000100"));
    QCOMPARE(row(QStringLiteral("SELECT email, first_name, last_name, accepts_marketing, "
                                "unsubscribed_at FROM customers WHERE id = ?"),
                 {ids[1]}),
             QStringLiteral("ana@example.com|Ana|Müller|1|NULL"));
    QCOMPARE(row(QStringLiteral("SELECT o.order_number, o.customer_id, o.status, o.total_cents, "
                                "l.quantity, l.unit_price_cents, l.product_id FROM orders o "
                                "JOIN order_lines l ON l.order_id = o.id WHERE o.id = ?"),
                 {ids[2]}),
             QStringLiteral("#1001|%1|completed|2398|2|1199|%2")
                 .arg(ids[1].toString(), ids[0].toString()));
    QCOMPARE(row(QStringLiteral("SELECT old_price_cents, new_price_cents, reason, run_id "
                                "FROM price_changes WHERE product_id = ?"),
                 {ids[0]}),
             QStringLiteral("1299|1199|slow seller|NULL"));
    QCOMPARE(row(QStringLiteral("SELECT name, price_cents, billing_interval, active, "
                                "parent_plan_id FROM plans WHERE id = ?"),
                 {ids[4]}),
             QStringLiteral("Premium Box|15999|quarterly|1|%1").arg(ids[3].toString()));
    QCOMPARE(row(QStringLiteral("SELECT f.feature_key, pf.value FROM plan_features pf "
                                "JOIN features f ON f.id = pf.feature_id WHERE pf.plan_id = ?"),
                 {ids[4]}),
             QStringLiteral("target_item_count|6"));
    QCOMPARE(row(QStringLiteral("SELECT plan_id, status, started_at, current_period_end, "
                                "cancelled_at, cancel_reason, next_plan_id FROM subscriptions "
                                "WHERE id = ?"),
                 {ids[7]}),
             QStringLiteral("%1|cancelled|1690000000|NULL|1695000000|Too expensive|NULL")
                 .arg(ids[3].toString()));
    QCOMPARE(row(QStringLiteral("SELECT COUNT(*), MIN(note) FROM subscription_status_log"), {}),
             QStringLiteral("1|Subscribed"));
    QCOMPARE(row(QStringLiteral("SELECT delta, kind, order_id, source FROM points_ledger "
                                "ORDER BY id"),
                 {}),
             QStringLiteral("24|earn|%1|order:%1").arg(ids[2].toString()));
    // Migration 8: only the first earn entry of an order takes its source; the multipliers
    // became exact basis points.
    QCOMPARE(row(QStringLiteral("SELECT COUNT(*), COUNT(source) FROM points_ledger"), {}),
             QStringLiteral("3|1"));
    QCOMPARE(
        row(QStringLiteral("SELECT multiplier_bp FROM loyalty_tiers WHERE name = 'silver'"), {}),
        QStringLiteral("12500"));
    QCOMPARE(row(QStringLiteral("SELECT multiplier_bp FROM loyalty_tiers WHERE name = 'odd'"), {}),
             QStringLiteral("12345"));
    // The new kinds are accepted; a second entry with the same source is not.
    MD_VERIFY(
        sql::exec(db->sql(),
                  QStringLiteral("INSERT INTO points_ledger (customer_id, delta, kind, "
                                 "order_id, created_at, source) VALUES (?, -24, 'reverse', "
                                 "?, 1700005000, ?)"),
                  {ids[1], ids[2], QStringLiteral("order:%1:reverse").arg(ids[2].toString())}));
    QVERIFY(!sql::exec(db->sql(),
                       QStringLiteral("INSERT INTO points_ledger (customer_id, delta, kind, "
                                      "created_at, source) VALUES (?, 5, 'wheel', 1700005001, ?)"),
                       {ids[1], QStringLiteral("order:%1").arg(ids[2].toString())})
                 .ok());
    // The ledger's append-only trigger of v1 still holds.
    QVERIFY(!sql::exec(db->sql(), QStringLiteral("UPDATE points_ledger SET delta = 1")).ok());

    // Migration 6 backfilled the plan history: one open period per subscription, on its current
    // plan since it started (the cancelled one too: it counts until its cancellation).
    auto periods
        = sql::select(db->sql(), QStringLiteral("SELECT subscription_id, plan_id, started_at, "
                                                "ended_at FROM subscription_plan_periods "
                                                "ORDER BY subscription_id"));
    MD_VERIFY(periods);
    QStringList history;
    while (periods->next()) {
        history << QStringLiteral("%1:%2:%3:%4")
                       .arg(periods->value(0).toString(), periods->value(1).toString(),
                            periods->value(2).toString(),
                            periods->value(3).isNull() ? QStringLiteral("open")
                                                       : periods->value(3).toString());
    }
    periods->finish();
    QStringList expected
        = {QStringLiteral("%1:%2:1700002000:open").arg(ids[6].toString(), ids[4].toString()),
           QStringLiteral("%1:%2:1690000000:open").arg(ids[7].toString(), ids[3].toString())};
    expected.sort();
    history.sort();
    QCOMPARE(history, expected);

    // The tables of migrations 3 to 5 are there, empty, and take rows that refer to the old ones
    // with their defaults.
    for (const char *table : {"pricing_locked_products", "price_proposals", "box_cycles", "boxes",
                              "crosssell_runs", "crosssell_rules"}) {
        auto count = sql::scalar(
            db->sql(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
        MD_VERIFY(count);
        QCOMPARE(count->toInt(), 0);
    }
    auto proposal
        = sql::scalar(db->sql(), QStringLiteral("INSERT INTO price_proposals (source, created_at) "
                                                "VALUES ('manual', 1700003000) RETURNING id"));
    MD_VERIFY(proposal);
    QCOMPARE(row(QStringLiteral("SELECT status, change_count, decided_at, created_by "
                                "FROM price_proposals WHERE id = ?"),
                 {proposal->toLongLong()}),
             QStringLiteral("pending|0|NULL|"));
    auto cycle = sql::scalar(db->sql(),
                             QStringLiteral("INSERT INTO box_cycles (cycle, seed, confirmed_at, "
                                            "box_count) VALUES ('2023-12', 1, 1700003000, 1) "
                                            "RETURNING id"));
    MD_VERIFY(cycle);
    MD_VERIFY(sql::exec(db->sql(),
                        QStringLiteral("INSERT INTO boxes (cycle_id, subscription_id, plan_name) "
                                       "VALUES (?, ?, 'Premium Box')"),
                        {cycle->toLongLong(), ids[6]}));
    QCOMPARE(row(QStringLiteral("SELECT unfilled_count FROM box_cycles WHERE id = ?"),
                 {cycle->toLongLong()}),
             QStringLiteral("0"));
    // New rows continue after the migrated ones (PostgreSQL identities included).
    auto next = sql::scalar(db->sql(),
                            QStringLiteral("INSERT INTO products (sku, title, base_price_cents, "
                                           "current_price_cents, created_at, updated_at) VALUES "
                                           "('MUG-2', 'Mug', 1, 1, 0, 0) RETURNING id"));
    MD_VERIFY(next);
    QVERIFY(next->toLongLong() > ids[0].toLongLong());
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
