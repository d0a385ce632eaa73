// LoyaltyService on a real database, once per backend: award credits completed orders of
// registered customers at the tier held before each, dated at the order, as of a moment;
// running it again changes nothing; a refund afterwards is reversed exactly once; guest orders
// never earn; expiry consumes the oldest batches first; the ledger's unique source refuses a
// second credit even when written around the service; tier edits are validated.

#include "db/sql.h"
#include "db/transaction.h"
#include "loyalty/loyaltyservice.h"
#include "testdb.h"

#include <QRegularExpression>
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
    void rewardsAreValidated();
    void redeemTakesPointsAndGivesACode();
    void redeemWritesOffExpiredPointsFirst();
    void adjustNeedsAReasonAndNeverOverdraws();

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

namespace {

LoyaltyRewardEdit rewardEdit(const char *name, std::optional<LoyaltyRewardKind> kind,
                             std::optional<QString> value, std::optional<qint64> cost)
{
    LoyaltyRewardEdit edit;
    edit.name = QString::fromUtf8(name);
    edit.kind = kind;
    edit.value = std::move(value);
    edit.pointsCost = cost;
    return edit;
}

} // namespace

void tst_LoyaltyService::rewardsAreValidated()
{
    using K = LoyaltyRewardKind;
    MD_VERIFY(sql::exec(
        m_db->sql(), QStringLiteral("INSERT INTO products (id, sku, title, base_price_cents, "
                                    "current_price_cents, created_at, updated_at) VALUES "
                                    "(1, 'MUG-01', 'Mug', 1200, 1200, 1700000000, 1700000000)")));
    const auto refused = [&](const LoyaltyRewardEdit &edit, const QString &message) {
        auto saved = LoyaltyService::saveReward(*m_db, edit);
        QVERIFY2(!saved, "accepted");
        QVERIFY2(saved.error().contains(message), qPrintable(saved.error()));
    };
    refused(rewardEdit("Ten off", std::nullopt, QStringLiteral("10.00"), 500),
            QStringLiteral("There is no reward \"Ten off\"; a new reward needs at least --kind"));
    refused(rewardEdit("Ten off", K::FixedDiscount, std::nullopt, 500),
            QStringLiteral("Reward \"Ten off\": a fixed_discount needs --value"));
    refused(rewardEdit("Ten off", K::FixedDiscount, QStringLiteral("ten"), 500),
            QStringLiteral("the value \"ten\" of a fixed discount is not an amount"));
    refused(rewardEdit("Ten off", K::FixedDiscount, QStringLiteral("0.00"), 500),
            QStringLiteral("the value \"0.00\" of a fixed discount"));
    refused(rewardEdit("Big", K::PercentDiscount, QStringLiteral("150"), 500),
            QStringLiteral("\"150\" of a percentage discount is not a whole percentage from 1"));
    refused(rewardEdit("Big", K::PercentDiscount, QStringLiteral("12.5"), 500),
            QStringLiteral("\"12.5\" of a percentage discount"));
    refused(rewardEdit("Mug", K::FreeProduct, QStringLiteral("MUG-99"), 500),
            QStringLiteral("there is no product with the SKU \"MUG-99\""));
    refused(rewardEdit("Ship", K::FreeShipping, QStringLiteral("5"), 300),
            QStringLiteral("free shipping takes no --value"));
    refused(rewardEdit("Ship", K::FreeShipping, std::nullopt, 0),
            QStringLiteral("the cost must be at least 1 point"));
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM loyalty_rewards")), 0);

    auto ten = LoyaltyService::saveReward(
        *m_db, rewardEdit("Ten off", K::FixedDiscount, QStringLiteral("10.00"), 500));
    MD_VERIFY(ten);
    QCOMPARE(ten->amountCents, 1000);
    QCOMPARE(LoyaltyService::rewardText(*ten), QStringLiteral("10.00 off"));
    auto pct = LoyaltyService::saveReward(
        *m_db, rewardEdit("Ten percent", K::PercentDiscount, QStringLiteral("10%"), 800));
    MD_VERIFY(pct);
    QCOMPARE(pct->percent, 10);
    QCOMPARE(LoyaltyService::rewardText(*pct), QStringLiteral("10% off"));
    auto mug = LoyaltyService::saveReward(
        *m_db, rewardEdit("Free mug", K::FreeProduct, QStringLiteral("MUG-01"), 900));
    MD_VERIFY(mug);
    QCOMPARE(mug->productId, 1);
    QCOMPARE(LoyaltyService::rewardText(*mug), QStringLiteral("free MUG-01"));

    // An edit by name in any case keeps what it does not give; a new kind needs its value.
    LoyaltyRewardEdit cheaper = rewardEdit("TEN OFF", std::nullopt, std::nullopt, 450);
    cheaper.perCustomerLimit = 2;
    cheaper.active = false;
    auto edited = LoyaltyService::saveReward(*m_db, cheaper);
    MD_VERIFY(edited);
    QCOMPARE(edited->name, QStringLiteral("Ten off"));
    QCOMPARE(edited->pointsCost, 450);
    QCOMPARE(edited->amountCents, 1000);
    QCOMPARE(edited->perCustomerLimit, 2);
    QVERIFY(!edited->active);
    refused(rewardEdit("Ten off", K::PercentDiscount, std::nullopt, std::nullopt),
            QStringLiteral("a percent_discount needs --value"));
    auto shipping = LoyaltyService::saveReward(
        *m_db, rewardEdit("Free mug", K::FreeShipping, std::nullopt, std::nullopt));
    MD_VERIFY(shipping);
    QCOMPARE(shipping->productId, 0); // the kind's old value is cleared with it
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM loyalty_rewards")), 3);
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM loyalty_rewards WHERE "
                                          "product_id IS NOT NULL")),
             0);
}

void tst_LoyaltyService::redeemTakesPointsAndGivesACode()
{
    using K = LoyaltyRewardKind;
    MD_VERIFY(LoyaltyService::award(*m_db, kT0 + kDay)); // Ann 621, Bo 19
    LoyaltyRewardEdit ten = rewardEdit("Ten off", K::FixedDiscount, QStringLiteral("10.00"), 400);
    ten.perCustomerLimit = 1;
    MD_VERIFY(LoyaltyService::saveReward(*m_db, ten));
    LoyaltyRewardEdit vip = rewardEdit("VIP", K::FreeShipping, std::nullopt, 10);
    vip.minBalance = 1000;
    MD_VERIFY(LoyaltyService::saveReward(*m_db, vip));
    LoyaltyRewardEdit old = rewardEdit("Old", K::FreeShipping, std::nullopt, 10);
    old.active = false;
    MD_VERIFY(LoyaltyService::saveReward(*m_db, old));
    MD_VERIFY(
        LoyaltyService::saveReward(*m_db, rewardEdit("Ship", K::FreeShipping, std::nullopt, 300)));

    const qint64 now = kT0 + 2 * kDay;
    auto redeemed = LoyaltyService::redeem(*m_db, QStringLiteral(" Ann@Example.com "),
                                           QStringLiteral("ten OFF"), now);
    MD_VERIFY(redeemed);
    QCOMPARE(redeemed->email, QStringLiteral("ann@example.com"));
    QCOMPARE(redeemed->reward, QStringLiteral("Ten off"));
    QCOMPARE(redeemed->points, 400);
    QCOMPARE(redeemed->balanceAfter, 221);
    QCOMPARE(redeemed->expiredFirst, 0);
    static const QRegularExpression code(
        QStringLiteral("^MD-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$"));
    QVERIFY2(code.match(redeemed->code).hasMatch(), qPrintable(redeemed->code));
    QCOMPARE(ledgerLines(*m_db).last(),
             QStringLiteral("1|redeem|-400|NULL|%1|redeem:%2").arg(now).arg(redeemed->code));
    auto row = sql::select(m_db->sql(),
                           QStringLiteral("SELECT customer_id, points, created_at, code FROM "
                                          "loyalty_redemptions"));
    MD_VERIFY(row);
    QVERIFY(row->next());
    QCOMPARE(row->value(0).toLongLong(), 1);
    QCOMPARE(row->value(1).toLongLong(), 400);
    QCOMPARE(row->value(2).toLongLong(), now);
    QCOMPARE(row->value(3).toString(), redeemed->code);
    QVERIFY(!row->next());
    auto ledger = LoyaltyService::ledger(*m_db, QStringLiteral("ann@example.com"), now);
    MD_VERIFY(ledger);
    QCOMPARE(ledger->standing.balance, 221);
    QCOMPARE(ledger->standing.qualifying, 621); // spending never demotes
    QCOMPARE(ledger->tier, QStringLiteral("Silver"));

    const qint64 entries = scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM points_ledger"));
    const auto refused = [&](const char *email, const char *reward, const QString &message) {
        auto r = LoyaltyService::redeem(*m_db, QString::fromUtf8(email), QString::fromUtf8(reward),
                                        now);
        QVERIFY2(!r, "accepted");
        QVERIFY2(r.error().contains(message), qPrintable(r.error()));
        QVERIFY2(r.error().contains(QLatin1String("Redeeming \"")), qPrintable(r.error()));
    };
    refused("ann@example.com", "Ten off",
            QStringLiteral("ann@example.com has redeemed it 1 time(s), its limit per customer"));
    refused("ann@example.com", "Ship",
            QStringLiteral("it costs 300 points and ann@example.com has 221 to spend"));
    refused("ann@example.com", "VIP",
            QStringLiteral("it needs a balance of at least 1000 points and ann@example.com has "
                           "221"));
    refused("ann@example.com", "Old", QStringLiteral("not offered at the moment"));
    refused("ann@example.com", "Gold bar", QStringLiteral("there is no reward \"Gold bar\""));
    refused("nobody@example.com", "Ship",
            QStringLiteral("There is no customer with the email \"nobody@example.com\""));
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM points_ledger")), entries);
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM loyalty_redemptions")), 1);
    // The codes are the ledger's sources: two redemptions never share one.
    auto second = LoyaltyService::redeem(*m_db, QStringLiteral("ann@example.com"),
                                         QStringLiteral("Ship"), now + 1);
    QVERIFY(!second); // 221 < 300
    MD_VERIFY(LoyaltyService::adjust(*m_db, QStringLiteral("ann@example.com"), 500,
                                     QStringLiteral("goodwill"), now));
    auto third = LoyaltyService::redeem(*m_db, QStringLiteral("ann@example.com"),
                                        QStringLiteral("Ship"), now + 1);
    MD_VERIFY(third);
    QVERIFY(third->code != redeemed->code);
    QCOMPARE(third->balanceAfter, 421);
}

void tst_LoyaltyService::redeemWritesOffExpiredPointsFirst()
{
    // Cy: 100 points on day 0, 50 on day 100; expiry after 365 days. On day 400 the first batch
    // is past its date but no expiry ran: a redemption must not spend it.
    MD_VERIFY(sql::exec(
        m_db->sql(),
        QStringLiteral("INSERT INTO points_ledger (customer_id, delta, kind, created_at, source) "
                       "VALUES (3, 100, 'adjust', ?, 'a'), (3, 50, 'adjust', ?, 'b')"),
        {kT0, kT0 + 100 * kDay}));
    MD_VERIFY(LoyaltyService::updateSettings(*m_db, 365, std::nullopt, std::nullopt));
    MD_VERIFY(LoyaltyService::saveReward(
        *m_db, rewardEdit("Sixty", LoyaltyRewardKind::FreeShipping, std::nullopt, 60)));
    MD_VERIFY(LoyaltyService::saveReward(
        *m_db, rewardEdit("Fifty", LoyaltyRewardKind::FreeShipping, std::nullopt, 50)));
    const qint64 now = kT0 + 400 * kDay;
    auto tooMuch = LoyaltyService::redeem(*m_db, QStringLiteral("cy@example.com"),
                                          QStringLiteral("Sixty"), now);
    QVERIFY(!tooMuch);
    QVERIFY2(tooMuch.error().contains(QLatin1String("costs 60 points and cy@example.com has 50")),
             qPrintable(tooMuch.error()));
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM points_ledger")), 2);

    auto redeemed = LoyaltyService::redeem(*m_db, QStringLiteral("cy@example.com"),
                                           QStringLiteral("Fifty"), now);
    MD_VERIFY(redeemed);
    QCOMPARE(redeemed->expiredFirst, 100);
    QCOMPARE(redeemed->balanceAfter, 0);
    const QStringList lines = ledgerLines(*m_db);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[2], QStringLiteral("3|expire|-100|NULL|%1|expire:customer:3:%1").arg(now));
    QVERIFY(lines[3].startsWith(QStringLiteral("3|redeem|-50|NULL|%1|redeem:MD-").arg(now)));
    // The redemption took the second batch: nothing is left to expire later.
    auto later = LoyaltyService::expire(*m_db, kT0 + 600 * kDay);
    MD_VERIFY(later);
    QCOMPARE(later->points, 0);
}

void tst_LoyaltyService::adjustNeedsAReasonAndNeverOverdraws()
{
    MD_VERIFY(LoyaltyService::award(*m_db, kT0 + kDay)); // Bo 19
    const QString bo = QStringLiteral("bo@shop.org");
    auto noReason = LoyaltyService::adjust(*m_db, bo, 10, QStringLiteral("  "), kT0 + 2 * kDay);
    QVERIFY(!noReason);
    QVERIFY2(noReason.error().contains(QLatin1String("needs a reason")),
             qPrintable(noReason.error()));
    auto overdraw = LoyaltyService::adjust(*m_db, bo, -20, QStringLiteral("typo"), kT0 + 2 * kDay);
    QVERIFY(!overdraw);
    QVERIFY2(overdraw.error().contains(QLatin1String(
                 "bo@shop.org has 19 points; taking 20 would leave the balance below zero")),
             qPrintable(overdraw.error()));
    auto added = LoyaltyService::adjust(*m_db, bo, 31, QStringLiteral("Parcel lost in transit"),
                                        kT0 + 2 * kDay);
    MD_VERIFY(added);
    QCOMPARE(added->balanceAfter, 50);
    auto taken = LoyaltyService::adjust(*m_db, bo, -50, QStringLiteral("Duplicate account"),
                                        kT0 + 3 * kDay);
    MD_VERIFY(taken);
    QCOMPARE(taken->balanceAfter, 0);
    auto ledger = LoyaltyService::ledger(*m_db, bo, kT0 + 3 * kDay);
    MD_VERIFY(ledger);
    QCOMPARE(ledger->lines.size(), size_t(3));
    QCOMPARE(ledger->lines[1].entry.kind, LoyaltyKind::Adjust);
    QCOMPARE(ledger->lines[1].entry.note, QStringLiteral("Parcel lost in transit"));
    QCOMPARE(ledger->lines[2].entry.delta, -50);
    QCOMPARE(ledger->lines[2].balance, 0);
}

QTEST_GUILESS_MAIN(tst_LoyaltyService)
#include "tst_loyaltyservice.moc"
