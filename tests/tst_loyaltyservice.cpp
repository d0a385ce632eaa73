// LoyaltyService on a real database, once per backend: award credits completed orders of
// registered customers at the tier held before each, dated at the order, as of a moment;
// running it again changes nothing; a refund afterwards is reversed exactly once; guest orders
// never earn; expiry consumes the oldest batches first; the ledger's unique source refuses a
// second credit even when written around the service; tier edits are validated.

#include "db/sql.h"
#include "db/transaction.h"
#include "loyalty/loyaltyservice.h"
#include "testdb.h"

#include <QTest>

using namespace md;

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kT0 = 1767225600; // 2026-01-01T00:00:00Z

// The ledger as text, one line per entry in id order: customer, kind, delta, order, time,
// source.
QStringList ledgerLines(const Database &db)
{
    QStringList lines;
    auto query = sql::select(db.sql(), QStringLiteral("SELECT customer_id, kind, delta, order_id, "
                                                      "created_at, source FROM points_ledger "
                                                      "ORDER BY id"));
    if (!query)
        return {query.error()};
    while (query->next()) {
        QStringList cells;
        for (int i = 0; i < 6; ++i) {
            cells << (query->value(i).isNull() ? QStringLiteral("NULL")
                                               : query->value(i).toString());
        }
        lines << cells.join(QLatin1Char('|'));
    }
    return lines;
}

qint64 scalar(const Database &db, const QString &statement)
{
    auto value = sql::scalar(db.sql(), statement);
    if (!value)
        qFatal("%s: %s", qPrintable(statement), qPrintable(value.error()));
    return value->toLongLong();
}

} // namespace

class tst_LoyaltyService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void awardCreditsOnceAtTheTierBefore();
    void asOfAwardsInSteps();
    void refundIsReversedOnce();
    void sourceRefusesASecondCredit();
    void balances();
    void expiryIsFifo();
    void tierEdits();
    void settingsRoundTrip();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::optional<Database> m_db;
};

void tst_LoyaltyService::init()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    m_db.emplace(std::move(*db));
    auto seeded = LoyaltyService::seedDefaultTiers(*m_db);
    MD_VERIFY(seeded);
    QCOMPARE(*seeded, 4);
    auto again = LoyaltyService::seedDefaultTiers(*m_db);
    MD_VERIFY(again);
    QCOMPARE(*again, 0);
    const QStringList statements = {
        QStringLiteral("INSERT INTO customers (id, email, created_at) VALUES "
                       "(1, 'ann@example.com', 1700000000), (2, 'bo@shop.org', 1700000000), "
                       "(3, 'cy@example.com', 1700000000)"),
        // Ann crosses Silver with her second order; #A5 is pending, #A4 after the award's day.
        QStringLiteral("INSERT INTO orders (id, order_number, customer_id, ordered_at, status, "
                       "total_cents) VALUES "
                       "(1, 'A1', 1, %1, 'completed', 45000), "
                       "(2, 'A2', 1, %2, 'completed', 10000), "
                       "(3, 'A3', 1, %3, 'completed', 5680), "
                       "(4, 'A4', 1, %4, 'completed', 10000), "
                       "(5, 'A5', 1, %3, 'pending', 10000), "
                       "(6, 'B1', 2, %1, 'completed', 1999), "
                       "(7, 'B2', 2, %2, 'cancelled', 90000), "
                       "(8, 'G1', NULL, %1, 'completed', 99900)")
            .arg(kT0)
            .arg(kT0 + 3600)
            .arg(kT0 + 7200)
            .arg(kT0 + 10 * kDay),
    };
    for (const QString &statement : statements)
        MD_VERIFY(sql::exec(m_db->sql(), statement));
}

void tst_LoyaltyService::cleanup()
{
    m_db.reset();
    m_scratch.reset();
}

void tst_LoyaltyService::awardCreditsOnceAtTheTierBefore()
{
    auto report = LoyaltyService::award(*m_db, kT0 + kDay);
    MD_VERIFY(report);
    QCOMPARE(report->creditedOrders, 4);
    QCOMPARE(report->creditedPoints, 450 + 100 + 71 + 19);
    QCOMPARE(report->reversedOrders, 0);
    QCOMPARE(report->customers, 2);
    QStringList expected = {
        QStringLiteral("1|earn|450|1|%1|order:1").arg(kT0),
        QStringLiteral("1|earn|100|2|%1|order:2").arg(kT0 + 3600), // crosses 500 at x1
        QStringLiteral("1|earn|71|3|%1|order:3").arg(kT0 + 7200),  // 56.80 x1.25
        QStringLiteral("2|earn|19|6|%1|order:6").arg(kT0),         // 19.99 x1
    };
    // Written per customer: the order between customers is the cursor's, so compare sorted.
    expected.sort();
    QStringList lines = ledgerLines(*m_db);
    lines.sort();
    QCOMPARE(lines, expected);
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM points_ledger WHERE order_id = 8")),
             0); // the guest order
    auto note = sql::scalar(m_db->sql(),
                            QStringLiteral("SELECT note FROM points_ledger WHERE order_id = 3"));
    MD_VERIFY(note);
    QCOMPARE(note->toString(), QStringLiteral("Order A3"));

    // Again: nothing to do, not one row more.
    auto again = LoyaltyService::award(*m_db, kT0 + kDay);
    MD_VERIFY(again);
    QCOMPARE(again->creditedOrders, 0);
    QCOMPARE(again->creditedPoints, 0);
    QCOMPARE(again->customers, 0);
    QStringList after = ledgerLines(*m_db);
    after.sort();
    QCOMPARE(after, expected);
}

void tst_LoyaltyService::asOfAwardsInSteps()
{
    // Awarding up to 01:30, then up to day 11, gives what one award up to day 11 gives.
    auto first = LoyaltyService::award(*m_db, kT0 + 5400);
    MD_VERIFY(first);
    QCOMPARE(first->creditedOrders, 3); // A1, A2, B1
    auto second = LoyaltyService::award(*m_db, kT0 + 11 * kDay);
    MD_VERIFY(second);
    QCOMPARE(second->creditedOrders, 2); // A3 at Silver, A4 at Silver
    QCOMPARE(second->creditedPoints, 71 + 125);
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT created_at FROM points_ledger "
                                          "WHERE source = 'order:4'")),
             kT0 + 10 * kDay);
    auto rows = LoyaltyService::balances(*m_db, kT0 + 11 * kDay);
    MD_VERIFY(rows);
    QCOMPARE(rows->size(), size_t(2));
    QCOMPARE(rows->front().standing.balance, 450 + 100 + 71 + 125);
}

void tst_LoyaltyService::refundIsReversedOnce()
{
    MD_VERIFY(LoyaltyService::award(*m_db, kT0 + kDay));
    MD_VERIFY(sql::exec(m_db->sql(),
                        QStringLiteral("UPDATE orders SET status = 'refunded' WHERE id = 2")));
    auto report = LoyaltyService::award(*m_db, kT0 + 2 * kDay);
    MD_VERIFY(report);
    QCOMPARE(report->reversedOrders, 1);
    QCOMPARE(report->reversedPoints, 100);
    QCOMPARE(report->creditedOrders, 0);
    QCOMPARE(ledgerLines(*m_db).last(),
             QStringLiteral("1|reverse|-100|2|%1|order:2:reverse").arg(kT0 + 2 * kDay));
    auto again = LoyaltyService::award(*m_db, kT0 + 3 * kDay);
    MD_VERIFY(again);
    QCOMPARE(again->reversedOrders, 0);
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM points_ledger")), 5);
    // The earn entry is still there: nothing is edited or deleted.
    QCOMPARE(
        scalar(*m_db, QStringLiteral("SELECT delta FROM points_ledger WHERE source = 'order:2'")),
        100);
    auto ledger = LoyaltyService::ledger(*m_db, QStringLiteral("Ann@Example.com"), kT0 + 3 * kDay);
    MD_VERIFY(ledger);
    QCOMPARE(ledger->standing.balance, 521);
    QCOMPARE(ledger->standing.qualifying, 521);
    QCOMPARE(ledger->tier, QStringLiteral("Silver"));
    QCOMPARE(ledger->lines.back().balance, 521);
}

void tst_LoyaltyService::sourceRefusesASecondCredit()
{
    MD_VERIFY(LoyaltyService::award(*m_db, kT0 + kDay));
    const qint64 before = scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM points_ledger"));
    // A second writer that did not look (a crashed run's leftovers, another desktop) cannot
    // credit order 1 again: the bulk write fails and its transaction leaves nothing.
    {
        Transaction tx(m_db->sql(), m_db->dialect());
        MD_VERIFY(tx.begin());
        LoyaltyNewEntry twice;
        twice.customerId = 1;
        twice.entry.kind = LoyaltyKind::Earn;
        twice.entry.delta = 450;
        twice.entry.at = kT0;
        twice.entry.orderId = 1;
        twice.entry.source = QStringLiteral("order:1");
        QVERIFY(!LoyaltyStore::appendEntries(*m_db, {twice}).ok());
    }
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM points_ledger")), before);
    // The ledger stays append-only.
    QVERIFY(!sql::exec(m_db->sql(), QStringLiteral("UPDATE points_ledger SET delta = 1")).ok());
    QVERIFY(!sql::exec(m_db->sql(), QStringLiteral("DELETE FROM points_ledger")).ok());
}

void tst_LoyaltyService::balances()
{
    MD_VERIFY(LoyaltyService::award(*m_db, kT0 + kDay));
    auto rows = LoyaltyService::balances(*m_db, kT0 + kDay);
    MD_VERIFY(rows);
    QCOMPARE(rows->size(), size_t(2)); // cy has no entries
    QCOMPARE(rows->at(0).email, QStringLiteral("ann@example.com"));
    QCOMPARE(rows->at(0).standing.balance, 621);
    QCOMPARE(rows->at(0).tier, QStringLiteral("Silver"));
    QCOMPARE(rows->at(1).email, QStringLiteral("bo@shop.org"));
    QCOMPARE(rows->at(1).standing.balance, 19);
    QCOMPARE(rows->at(1).tier, QStringLiteral("Bronze"));
    // As of 01:30 only what was earned by then counts.
    auto earlier = LoyaltyService::balances(*m_db, kT0 + 5400);
    MD_VERIFY(earlier);
    QCOMPARE(earlier->at(0).standing.balance, 550);
    // Before anything was earned, nobody is listed.
    auto none = LoyaltyService::balances(*m_db, kT0 - 1);
    MD_VERIFY(none);
    QCOMPARE(none->size(), size_t(0));
    // Under the balance basis a redemption lowers the tier.
    MD_VERIFY(sql::exec(m_db->sql(),
                        QStringLiteral("INSERT INTO points_ledger (customer_id, delta, kind, "
                                       "created_at, source, note) VALUES (1, -200, 'redeem', ?, "
                                       "'redeem:test', 'voucher')"),
                        {kT0 + 2 * kDay}));
    MD_VERIFY(
        LoyaltyService::updateSettings(*m_db, std::nullopt, LoyaltyBasis::Balance, std::nullopt));
    auto byBalance = LoyaltyService::balances(*m_db, kT0 + 3 * kDay);
    MD_VERIFY(byBalance);
    QCOMPARE(byBalance->at(0).standing.qualifying, 421);
    QCOMPARE(byBalance->at(0).tier, QStringLiteral("Bronze"));
}

void tst_LoyaltyService::expiryIsFifo()
{
    // The hand-worked example of docs/loyalty.md on the database.
    MD_VERIFY(sql::exec(
        m_db->sql(),
        QStringLiteral("INSERT INTO points_ledger (customer_id, delta, kind, created_at, source) "
                       "VALUES (3, 100, 'adjust', ?, 'a'), (3, 50, 'adjust', ?, 'b'), "
                       "(3, -120, 'redeem', ?, 'c'), (3, 40, 'adjust', ?, 'd')"),
        {kT0, kT0 + 100 * kDay, kT0 + 200 * kDay, kT0 + 300 * kDay}));
    auto off = LoyaltyService::expire(*m_db, kT0 + 500 * kDay);
    MD_VERIFY(off);
    QCOMPARE(off->points, 0); // expiry is off by default
    MD_VERIFY(LoyaltyService::updateSettings(*m_db, 365, std::nullopt, std::nullopt));
    auto early = LoyaltyService::expire(*m_db, kT0 + 400 * kDay);
    MD_VERIFY(early);
    QCOMPARE(early->points, 0);
    auto report = LoyaltyService::expire(*m_db, kT0 + 500 * kDay);
    MD_VERIFY(report);
    QCOMPARE(report->customers, 1);
    QCOMPARE(report->points, 30);
    QCOMPARE(ledgerLines(*m_db).last(),
             QStringLiteral("3|expire|-30|NULL|%1|expire:customer:3:%1").arg(kT0 + 500 * kDay));
    auto again = LoyaltyService::expire(*m_db, kT0 + 500 * kDay);
    MD_VERIFY(again);
    QCOMPARE(again->customers, 0);
    auto later = LoyaltyService::expire(*m_db, kT0 + 700 * kDay);
    MD_VERIFY(later);
    QCOMPARE(later->points, 40);
    auto ledger = LoyaltyService::ledger(*m_db, QStringLiteral("cy@example.com"), kT0 + 700 * kDay);
    MD_VERIFY(ledger);
    QCOMPARE(ledger->standing.balance, 0);
}

void tst_LoyaltyService::tierEdits()
{
    const Status taken = LoyaltyService::setTier(*m_db, QStringLiteral("gold"), 500, std::nullopt);
    QVERIFY(!taken);
    QVERIFY2(taken.error().contains(QLatin1String("tier \"Silver\" already starts at 500")),
             qPrintable(taken.error()));
    const Status half
        = LoyaltyService::setTier(*m_db, QStringLiteral("Diamond"), 9000, std::nullopt);
    QVERIFY(!half);
    QVERIFY2(half.error().contains(QLatin1String("needs both")), qPrintable(half.error()));
    QVERIFY(!LoyaltyService::setTier(*m_db, QStringLiteral("Gold"), std::nullopt, 0));
    // Silver at x1.3 from now on: A3 (56.80) earns 73, not 71.
    MD_VERIFY(LoyaltyService::setTier(*m_db, QStringLiteral("silver"), std::nullopt, 13000));
    MD_VERIFY(LoyaltyService::setTier(*m_db, QStringLiteral("Diamond"), 9000, 30000));
    auto tiers = LoyaltyStore::tiers(*m_db);
    MD_VERIFY(tiers);
    QCOMPARE(tiers->size(), size_t(5));
    QCOMPARE(tiers->at(1).name, QStringLiteral("Silver"));
    QCOMPARE(tiers->at(1).multiplierBp, 13000);
    QCOMPARE(tiers->back().name, QStringLiteral("Diamond"));
    MD_VERIFY(LoyaltyService::award(*m_db, kT0 + kDay));
    QCOMPARE(
        scalar(*m_db, QStringLiteral("SELECT delta FROM points_ledger WHERE source = 'order:3'")),
        73);
    auto perks = LoyaltyStore::tierPerks(*m_db);
    MD_VERIFY(perks);
    QCOMPARE(perks->size(), size_t(7));
    QCOMPARE(perks->front().key, QStringLiteral("free_standard_shipping_over"));
    QCOMPARE(perks->front().type, LoyaltyPerkType::Money);
    QCOMPARE(perks->front().value, QStringLiteral("5000"));
}

void tst_LoyaltyService::settingsRoundTrip()
{
    auto defaults = LoyaltyStore::settings(*m_db);
    MD_VERIFY(defaults);
    QCOMPARE(defaults->expiryDays, 0);
    QCOMPARE(defaults->basis, LoyaltyBasis::Lifetime);
    QCOMPARE(defaults->pendingDays, 0);
    MD_VERIFY(LoyaltyService::updateSettings(*m_db, 365, LoyaltyBasis::Rolling12, 14));
    auto stored = LoyaltyStore::settings(*m_db);
    MD_VERIFY(stored);
    QCOMPARE(stored->expiryDays, 365);
    QCOMPARE(stored->basis, LoyaltyBasis::Rolling12);
    QCOMPARE(stored->pendingDays, 14);
    // Only what is given changes.
    MD_VERIFY(LoyaltyService::updateSettings(*m_db, 0, std::nullopt, std::nullopt));
    stored = LoyaltyStore::settings(*m_db);
    MD_VERIFY(stored);
    QCOMPARE(stored->expiryDays, 0);
    QCOMPARE(stored->basis, LoyaltyBasis::Rolling12);
    // A stored value that does not parse is named.
    MD_VERIFY(sql::exec(m_db->sql(),
                        QStringLiteral("UPDATE settings SET value = 'weekly' WHERE name = ?"),
                        {LoyaltyStore::basisKey()}));
    auto broken = LoyaltyStore::settings(*m_db);
    QVERIFY(!broken);
    QVERIFY2(broken.error().contains(QLatin1String("\"weekly\"")), qPrintable(broken.error()));
}

QTEST_GUILESS_MAIN(tst_LoyaltyService)
#include "tst_loyaltyservice.moc"
