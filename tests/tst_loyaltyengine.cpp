// The loyalty engine on hand-made rows: points per order in exact integer arithmetic (totals
// that binary floating point gets wrong), the tier held just before an order, the three tier
// bases, reversals, idempotency against an existing ledger, and FIFO expiry of earning batches
// worked by hand (the example of docs/loyalty.md).

#include "loyalty/loyaltyengine.h"
#include "loyalty/loyaltymultiplier.h"

#include <QTest>

using namespace md;

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kT0 = 1767225600; // 2026-01-01T00:00:00Z

std::vector<LoyaltyTier> programme()
{
    return {{1, QStringLiteral("Bronze"), 0, 10000},
            {2, QStringLiteral("Silver"), 500, 12500},
            {3, QStringLiteral("Gold"), 2000, 15000},
            {4, QStringLiteral("Platinum"), 5000, 20000}};
}

LoyaltyOrder completed(qint64 id, qint64 at, qint64 cents)
{
    LoyaltyOrder order;
    order.id = id;
    order.number = QStringLiteral("#%1").arg(id);
    order.orderedAt = at;
    order.totalCents = cents;
    order.completed = true;
    order.status = QStringLiteral("completed");
    return order;
}

LoyaltyOrder voided(qint64 id, qint64 at, qint64 cents)
{
    LoyaltyOrder order = completed(id, at, cents);
    order.completed = false;
    order.voided = true;
    order.status = QStringLiteral("refunded");
    return order;
}

LoyaltyEntry entry(qint64 id, LoyaltyKind kind, qint64 delta, qint64 at, qint64 orderId = 0)
{
    LoyaltyEntry e;
    e.id = id;
    e.kind = kind;
    e.delta = delta;
    e.at = at;
    e.orderId = orderId;
    return e;
}

// The ledger after the plan's entries were written.
std::vector<LoyaltyEntry> withPlan(std::vector<LoyaltyEntry> ledger, const LoyaltyAwardPlan &plan)
{
    qint64 id = 1000;
    for (LoyaltyEntry e : plan.entries) {
        e.id = ++id;
        ledger.push_back(e);
    }
    return ledger;
}

std::vector<qint64> pointsOf(const LoyaltyAwardPlan &plan)
{
    std::vector<qint64> points;
    for (const LoyaltyOrderOutcome &outcome : plan.orders)
        points.push_back(outcome.points);
    return points;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<qint64>)

class tst_LoyaltyEngine : public QObject
{
    Q_OBJECT

private slots:
    void orderPoints_data();
    void orderPoints();
    void multiplierText_data();
    void multiplierText();
    void tierFor_data();
    void tierFor();
    void crossingEarnsAtTheOldRate();
    void bases_data();
    void bases();
    void awardIsIdempotent();
    void guestsAndFutureOrders();
    void reversal();
    void fifoExpiry();
    void debtIsPaidFirst();
    void pendingPoints();
    void checkRedeem_data();
    void checkRedeem();
};

void tst_LoyaltyEngine::orderPoints_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<qint64>("bp");
    QTest::addColumn<qint64>("points");

    // 56.80 * 1.25 is 70.99999999999999 in doubles: floor would give 70.
    QTest::newRow("56.80 x1.25") << qint64(5680) << qint64(12500) << qint64(71);
    // 0.29 * 2.0 = 0.58: nothing; 0.29 * 100 * 2 is 57.99999999999999 in doubles.
    QTest::newRow("0.29 x2") << qint64(29) << qint64(20000) << qint64(0);
    QTest::newRow("2.90 x2 (5.8)") << qint64(290) << qint64(20000) << qint64(5);
    QTest::newRow("19.99 x1.25 (24.9875)") << qint64(1999) << qint64(12500) << qint64(24);
    QTest::newRow("0.01 x1") << qint64(1) << qint64(10000) << qint64(0);
    QTest::newRow("0.99 x1") << qint64(99) << qint64(10000) << qint64(0);
    QTest::newRow("1.00 x1") << qint64(100) << qint64(10000) << qint64(1);
    QTest::newRow("0.80 x1.25 (exactly 1)") << qint64(80) << qint64(12500) << qint64(1);
    QTest::newRow("0.79 x1.25") << qint64(79) << qint64(12500) << qint64(0);
    QTest::newRow("1.15 x1.5 (1.725)") << qint64(115) << qint64(15000) << qint64(1);
    QTest::newRow("4.35 x1.5 (6.525)") << qint64(435) << qint64(15000) << qint64(6);
    QTest::newRow("1.10 x1.1 (1.21)") << qint64(110) << qint64(11000) << qint64(1);
    QTest::newRow("0 total") << qint64(0) << qint64(20000) << qint64(0);
    QTest::newRow("x1.0001 on 10,000.00") << qint64(1000000) << qint64(10001) << qint64(10001);
    // A billion currency units at x2: far past what a double holds to the cent.
    QTest::newRow("large") << qint64(100000000000000) << qint64(20000) << qint64(2000000000000);
    QTest::newRow("large, odd") << qint64(9007199254740993) << qint64(12500)
                                << qint64(112589990684262);
}

void tst_LoyaltyEngine::orderPoints()
{
    QFETCH(qint64, cents);
    QFETCH(qint64, bp);
    QFETCH(qint64, points);
    QCOMPARE(LoyaltyEngine::orderPoints(cents, bp), points);
}

void tst_LoyaltyEngine::multiplierText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bp"); // -1: refused
    QTest::newRow("1.25") << QStringLiteral("1.25") << qint64(12500);
    QTest::newRow("2") << QStringLiteral("2") << qint64(20000);
    QTest::newRow("2.") << QStringLiteral("2.") << qint64(20000);
    QTest::newRow("0.0001") << QStringLiteral("0.0001") << qint64(1);
    QTest::newRow("1.2345") << QStringLiteral(" 1.2345 ") << qint64(12345);
    QTest::newRow("1000") << QStringLiteral("1000") << qint64(10000000);
    QTest::newRow("five decimals") << QStringLiteral("1.23456") << qint64(-1);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(-1);
    QTest::newRow("0.0000") << QStringLiteral("0.0000") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-1.5") << qint64(-1);
    QTest::newRow("comma") << QStringLiteral("1,25") << qint64(-1);
    QTest::newRow("exponent") << QStringLiteral("1e2") << qint64(-1);
    QTest::newRow("text") << QStringLiteral("double") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("above 1000") << QStringLiteral("1000.0001") << qint64(-1);
}

void tst_LoyaltyEngine::multiplierText()
{
    QFETCH(QString, text);
    QFETCH(qint64, bp);
    const Result<qint64> parsed = LoyaltyMultiplier::parse(text);
    if (bp < 0) {
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().contains(QLatin1Char('"') + text + QLatin1Char('"')),
                 qPrintable(parsed.error()));
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(*parsed, bp);
    QCOMPARE(*LoyaltyMultiplier::parse(LoyaltyMultiplier::text(bp)), bp);
}

void tst_LoyaltyEngine::tierFor_data()
{
    QTest::addColumn<qint64>("qualifying");
    QTest::addColumn<int>("tier");
    QTest::newRow("negative") << qint64(-5) << -1;
    QTest::newRow("0") << qint64(0) << 0;
    QTest::newRow("499") << qint64(499) << 0;
    QTest::newRow("500") << qint64(500) << 1;
    QTest::newRow("1999") << qint64(1999) << 1;
    QTest::newRow("2000") << qint64(2000) << 2;
    QTest::newRow("5000") << qint64(5000) << 3;
    QTest::newRow("huge") << qint64(9000000000000000) << 3;
}

void tst_LoyaltyEngine::tierFor()
{
    QFETCH(qint64, qualifying);
    QFETCH(int, tier);
    // Given out of order: the engine sorts by threshold.
    std::vector<LoyaltyTier> tiers = programme();
    std::reverse(tiers.begin(), tiers.end());
    const LoyaltyEngine engine(tiers, {});
    QCOMPARE(engine.tierFor(qualifying), tier);
    QCOMPARE(engine.multiplierOf(tier), tier < 0 ? 10000 : programme()[size_t(tier)].multiplierBp);
}

void tst_LoyaltyEngine::crossingEarnsAtTheOldRate()
{
    const LoyaltyEngine engine(programme(), {});
    // 450 at Bronze; the next order (100.00) crosses 500 but earns x1: 100, reaching 550; the
    // one after earns x1.25. Two orders at one moment go by order number.
    std::vector<LoyaltyOrder> orders
        = {completed(1, kT0, 45000), completed(2, kT0 + 10, 10000), completed(3, kT0 + 20, 5680),
           completed(5, kT0 + 30, 145000), completed(4, kT0 + 30, 100)};
    std::sort(orders.begin(), orders.end(), [](const LoyaltyOrder &a, const LoyaltyOrder &b) {
        return a.orderedAt != b.orderedAt ? a.orderedAt < b.orderedAt : a.number < b.number;
    });
    const LoyaltyAwardPlan plan = engine.award(orders, {}, kT0 + 100);
    // #4 (1.00 at Silver: 1.25 -> 1) comes before #5 (1450.00 at Silver: 1812.5 -> 1812).
    QCOMPARE(pointsOf(plan), (std::vector<qint64>{450, 100, 71, 1, 1812}));
    QCOMPARE(plan.orders[1].tierBefore, 0);
    QCOMPARE(plan.orders[1].tierAfter, 1);
    QCOMPARE(plan.orders[2].tierBefore, 1);
    QCOMPARE(plan.orders[4].tierAfter, 2); // 450 + 100 + 71 + 1 + 1812 = 2434
    QCOMPARE(plan.creditedOrders, 5);
    QCOMPARE(plan.creditedPoints, 2434);
    for (const LoyaltyEntry &e : plan.entries) {
        QCOMPARE(e.kind, LoyaltyKind::Earn);
        QCOMPARE(e.source, LoyaltyEngine::orderSource(e.orderId));
    }
    QCOMPARE(plan.entries[1].at, kT0 + 10); // dated at the order, not at the award
    QCOMPARE(engine.standing(withPlan({}, plan), kT0 + 100).tier, 2);
}

void tst_LoyaltyEngine::bases_data()
{
    QTest::addColumn<int>("basis");
    QTest::addColumn<std::vector<qint64>>("points");
    QTest::addColumn<qint64>("qualifying");
    QTest::addColumn<int>("tier");

    // The worked example of docs/loyalty.md. Day 0: order A 600.00. Day 10: a redemption of
    // 500 points. Day 20: order B 100.00. Day 400: order C 100.00.
    //   lifetime: A 600 (x1), B at Silver 125, C at Silver 125: qualifying 850, Silver.
    //   rolling12: B at Silver (A within 365 days) 125; C on day 400: A and B (days 0 and 20)
    //     fell out of the window (day 35, day 400], Bronze: 100; qualifying 100, Bronze.
    //   balance: after the redemption 100 < 500: B at Bronze 100; balance 200 at C, Bronze:
    //     100; qualifying = balance 300, Bronze.
    QTest::newRow("lifetime") << int(LoyaltyBasis::Lifetime) << std::vector<qint64>{600, 125, 125}
                              << qint64(850) << 1;
    QTest::newRow("rolling12") << int(LoyaltyBasis::Rolling12) << std::vector<qint64>{600, 125, 100}
                               << qint64(100) << 0;
    QTest::newRow("balance") << int(LoyaltyBasis::Balance) << std::vector<qint64>{600, 100, 100}
                             << qint64(300) << 0;
}

void tst_LoyaltyEngine::bases()
{
    QFETCH(int, basis);
    QFETCH(std::vector<qint64>, points);
    QFETCH(qint64, qualifying);
    QFETCH(int, tier);
    LoyaltySettings settings;
    settings.basis = LoyaltyBasis(basis);
    const LoyaltyEngine engine(programme(), settings);
    const std::vector<LoyaltyEntry> ledger = {entry(1, LoyaltyKind::Redeem, -500, kT0 + 10 * kDay)};
    const std::vector<LoyaltyOrder> orders
        = {completed(1, kT0, 60000), completed(2, kT0 + 20 * kDay, 10000),
           completed(3, kT0 + 400 * kDay, 10000)};
    const LoyaltyAwardPlan plan = engine.award(orders, ledger, kT0 + 401 * kDay);
    QCOMPARE(pointsOf(plan), points);
    const LoyaltyStanding standing = engine.standing(withPlan(ledger, plan), kT0 + 401 * kDay);
    QCOMPARE(standing.qualifying, qualifying);
    QCOMPARE(standing.tier, tier);
    QCOMPARE(standing.balance, points[0] + points[1] + points[2] - 500);
}

void tst_LoyaltyEngine::awardIsIdempotent()
{
    const LoyaltyEngine engine(programme(), {});
    const std::vector<LoyaltyOrder> orders
        = {completed(1, kT0, 45000), completed(2, kT0 + 10, 10000), completed(3, kT0 + 20, 5680)};
    // Awarded up to the second order, then again up to the third: the same ledger as at once.
    const LoyaltyAwardPlan first = engine.award(orders, {}, kT0 + 15);
    QCOMPARE(first.creditedOrders, 2);
    const std::vector<LoyaltyEntry> ledger = withPlan({}, first);
    const LoyaltyAwardPlan second = engine.award(orders, ledger, kT0 + 30);
    QCOMPARE(second.creditedOrders, 1);
    QCOMPARE(second.entries.size(), size_t(1));
    QCOMPARE(second.entries[0].delta, 71); // at Silver, from the credited 550
    const LoyaltyAwardPlan third = engine.award(orders, withPlan(ledger, second), kT0 + 30);
    QCOMPARE(third.entries.size(), size_t(0));
    QCOMPARE(third.creditedPoints, 0);
    const LoyaltyAwardPlan once = engine.award(orders, {}, kT0 + 30);
    QCOMPARE(pointsOf(once), (std::vector<qint64>{450, 100, 71}));

    // An order credited before counts with the points it was credited, even when the tiers
    // have changed since: history is not recomputed.
    const std::vector<LoyaltyEntry> old = {entry(7, LoyaltyKind::Earn, 999, kT0, 1)};
    const LoyaltyAwardPlan after = engine.award(orders, old, kT0 + 30);
    QCOMPARE(pointsOf(after), (std::vector<qint64>{999, 125, 71}));
    QCOMPARE(after.creditedOrders, 2);
}

void tst_LoyaltyEngine::guestsAndFutureOrders()
{
    const LoyaltyEngine engine(programme(), {});
    LoyaltyOrder pending = completed(2, kT0 + 5, 10000);
    pending.completed = false;
    pending.status = QStringLiteral("pending");
    const std::vector<LoyaltyOrder> orders
        = {completed(1, kT0, 10000), pending, completed(3, kT0 + 50, 10000)};
    const LoyaltyAwardPlan plan = engine.award(orders, {}, kT0 + 49);
    QCOMPARE(plan.creditedOrders, 1); // the pending order earns nothing, the later one not yet
    QCOMPARE(plan.orders.size(), size_t(2));
    // Without tiers everyone earns at x1.
    const LoyaltyEngine bare({}, {});
    QCOMPARE(bare.award(orders, {}, kT0 + 60).creditedPoints, 200);
}

void tst_LoyaltyEngine::reversal()
{
    const LoyaltyEngine engine(programme(), {});
    std::vector<LoyaltyOrder> orders
        = {completed(1, kT0, 45000), completed(2, kT0 + 10, 10000), completed(3, kT0 + 20, 5680)};
    const std::vector<LoyaltyEntry> ledger = withPlan({}, engine.award(orders, {}, kT0 + 30));
    // Order 2 is refunded afterwards, and a refunded order that never earned is left alone.
    orders[1] = voided(2, kT0 + 10, 10000);
    orders.push_back(voided(4, kT0 + 25, 99999));
    const LoyaltyAwardPlan plan = engine.award(orders, ledger, kT0 + 1000);
    QCOMPARE(plan.reversedOrders, 1);
    QCOMPARE(plan.reversedPoints, 100);
    QCOMPARE(plan.creditedOrders, 0);
    QCOMPARE(plan.entries.size(), size_t(1));
    const LoyaltyEntry &reverse = plan.entries.front();
    QCOMPARE(reverse.kind, LoyaltyKind::Reverse);
    QCOMPARE(reverse.delta, -100);
    QCOMPARE(reverse.at, kT0 + 1000);
    QCOMPARE(reverse.orderId, 2);
    QCOMPARE(reverse.source, QStringLiteral("order:2:reverse"));
    // Net of the reversal 521 qualify, still Silver; a second run reverses nothing.
    const std::vector<LoyaltyEntry> after = withPlan(ledger, plan);
    QCOMPARE(engine.standing(after, kT0 + 1000).qualifying, 521);
    QCOMPARE(engine.standing(after, kT0 + 1000).tier, 1);
    QCOMPARE(engine.award(orders, after, kT0 + 2000).entries.size(), size_t(0));
    // A later order earns at the tier net of the reversal (521: Silver).
    orders.push_back(completed(5, kT0 + 3000, 10000));
    QCOMPARE(engine.award(orders, after, kT0 + 3000).creditedPoints, 125);
}

void tst_LoyaltyEngine::fifoExpiry()
{
    // The example of docs/loyalty.md, expiry after 365 days:
    //   day 0    earn 100 (batch A, expires day 365)
    //   day 100  earn 50  (batch B, expires day 465)
    //   day 200  redeem 120: A 100 -> 0, B 50 -> 30
    //   day 300  earn 40  (batch C, expires day 665)
    //   day 400  expire as of day 400: A is past its date but empty, nothing else is: 0
    //   day 500  expire: B's 30 expire; C's 40 remain
    //   day 700  expire: C's 40
    LoyaltySettings settings;
    settings.expiryDays = 365;
    const LoyaltyEngine engine(programme(), settings);
    std::vector<LoyaltyEntry> ledger = {entry(1, LoyaltyKind::Earn, 100, kT0, 1),
                                        entry(2, LoyaltyKind::Earn, 50, kT0 + 100 * kDay, 2),
                                        entry(3, LoyaltyKind::Redeem, -120, kT0 + 200 * kDay),
                                        entry(4, LoyaltyKind::Earn, 40, kT0 + 300 * kDay, 3)};
    const std::vector<LoyaltyBatch> batches = engine.batches(ledger, kT0 + 300 * kDay);
    QCOMPARE(batches.size(), size_t(3));
    QCOMPARE(batches[0].remaining, 0);
    QCOMPARE(batches[1].remaining, 30);
    QCOMPARE(batches[2].remaining, 40);
    QCOMPARE(batches[1].expiresAt, kT0 + 465 * kDay);
    QCOMPARE(engine.expiring(ledger, kT0 + 400 * kDay), 0);
    // Exactly on B's date it expires (at or after), a second earlier not.
    QCOMPARE(engine.expiring(ledger, kT0 + 465 * kDay - 1), 0);
    QCOMPARE(engine.expiring(ledger, kT0 + 465 * kDay), 30);
    QCOMPARE(engine.expiring(ledger, kT0 + 500 * kDay), 30);
    ledger.push_back(entry(5, LoyaltyKind::Expire, -30, kT0 + 500 * kDay));
    // Written, the expiry consumed B (the oldest with points): running it again finds nothing.
    QCOMPARE(engine.expiring(ledger, kT0 + 500 * kDay), 0);
    QCOMPARE(engine.expiring(ledger, kT0 + 700 * kDay), 40);
    QCOMPARE(engine.standing(ledger, kT0 + 700 * kDay).balance, 40);
    // Expiry is off by default.
    QCOMPARE(LoyaltyEngine(programme(), {}).expiring(ledger, kT0 + 9000 * kDay), 0);
}

void tst_LoyaltyEngine::debtIsPaidFirst()
{
    // A reversal of points already spent leaves a debt; the next batch pays it before anything
    // can expire from it.
    LoyaltySettings settings;
    settings.expiryDays = 30;
    const LoyaltyEngine engine(programme(), settings);
    const std::vector<LoyaltyEntry> ledger = {
        entry(1, LoyaltyKind::Earn, 100, kT0, 1), entry(2, LoyaltyKind::Redeem, -100, kT0 + kDay),
        entry(3, LoyaltyKind::Reverse, -100, kT0 + 2 * kDay, 1),
        entry(4, LoyaltyKind::Earn, 160, kT0 + 3 * kDay, 2)};
    const std::vector<LoyaltyBatch> batches = engine.batches(ledger, kT0 + 3 * kDay);
    QCOMPARE(batches.size(), size_t(2));
    QCOMPARE(batches[1].remaining, 60);
    QCOMPARE(engine.expiring(ledger, kT0 + 40 * kDay), 60);
    QCOMPARE(engine.standing(ledger, kT0 + 40 * kDay).balance, 60);
}

void tst_LoyaltyEngine::pendingPoints()
{
    LoyaltySettings settings;
    settings.pendingDays = 14;
    const LoyaltyEngine engine(programme(), settings);
    const std::vector<LoyaltyEntry> ledger = {entry(1, LoyaltyKind::Earn, 100, kT0, 1),
                                              entry(2, LoyaltyKind::Earn, 30, kT0 + 10 * kDay, 2),
                                              entry(3, LoyaltyKind::Badge, 50, kT0 + 10 * kDay)};
    const LoyaltyStanding standing = engine.standing(ledger, kT0 + 20 * kDay);
    QCOMPARE(standing.balance, 180);
    QCOMPARE(standing.available, 150); // the order of day 10 is usable from day 24
    QCOMPARE(engine.standing(ledger, kT0 + 24 * kDay).available, 180);
}

void tst_LoyaltyEngine::checkRedeem_data()
{
    QTest::addColumn<qint64>("cost");
    QTest::addColumn<qint64>("minBalance");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("active");
    QTest::addColumn<qint64>("redeemedBefore");
    QTest::addColumn<int>("pendingDays");
    QTest::addColumn<int>("refusal");
    QTest::addColumn<qint64>("spendable");

    // The ledger: earn 300 on day 0, earn 100 on day 10, as of day 12; a reversal of 50 dated
    // day 20 (after the moment) still bounds what may be spent: 400 - 50.
    const auto row
        = [](const char *name, qint64 cost, qint64 minBalance, int limit, bool active,
             qint64 before, int pending, LoyaltyRedeemRefusal refusal, qint64 spendable) {
              QTest::newRow(name) << cost << minBalance << limit << active << before << pending
                                  << int(refusal) << spendable;
          };
    using R = LoyaltyRedeemRefusal;
    row("exactly what may be spent", 350, 0, 0, true, 0, 0, R::None, 350);
    row("one point more", 351, 0, 0, true, 0, 0, R::NotEnoughPoints, 350);
    row("pending points are not spendable", 301, 0, 0, true, 0, 5, R::NotEnoughPoints, 300);
    row("minimum is on the balance, not the cost", 10, 401, 0, true, 0, 0, R::BelowMinimum, 350);
    row("minimum reached", 10, 400, 0, true, 0, 0, R::None, 350);
    row("under the limit", 10, 0, 2, true, 1, 0, R::None, 350);
    row("limit reached", 10, 0, 2, true, 2, 0, R::LimitReached, 350);
    row("no limit", 10, 0, 0, true, 50, 0, R::None, 350);
    row("inactive before anything", 10, 0, 0, false, 0, 0, R::Inactive, 350);
    row("limit before the points", 9999, 0, 1, true, 1, 0, R::LimitReached, 350);
}

void tst_LoyaltyEngine::checkRedeem()
{
    QFETCH(qint64, cost);
    QFETCH(qint64, minBalance);
    QFETCH(int, limit);
    QFETCH(bool, active);
    QFETCH(qint64, redeemedBefore);
    QFETCH(int, pendingDays);
    QFETCH(int, refusal);
    QFETCH(qint64, spendable);
    LoyaltySettings settings;
    settings.pendingDays = pendingDays;
    const LoyaltyEngine engine(programme(), settings);
    const std::vector<LoyaltyEntry> ledger
        = {entry(1, LoyaltyKind::Earn, 300, kT0, 1),
           entry(2, LoyaltyKind::Earn, 100, kT0 + 10 * kDay, 2),
           entry(3, LoyaltyKind::Reverse, -50, kT0 + 20 * kDay, 2)};
    LoyaltyReward reward;
    reward.pointsCost = cost;
    reward.minBalance = minBalance;
    reward.perCustomerLimit = limit;
    reward.active = active;
    const LoyaltyRedeemCheck check
        = engine.checkRedeem(reward, ledger, redeemedBefore, kT0 + 12 * kDay);
    QCOMPARE(int(check.refusal), refusal);
    QCOMPARE(check.balance, 400);
    QCOMPARE(check.spendable, spendable);
}

QTEST_GUILESS_MAIN(tst_LoyaltyEngine)
#include "tst_loyaltyengine.moc"
