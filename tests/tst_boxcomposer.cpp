// The box composition engine on hand-made inputs: counts per tier, exclusives only where the
// plan has them, stock never oversold, no repeats of the last 3 boxes, priority under scarcity
// (tier, then seniority), unfillable boxes reported and holding nothing, determinism per seed.

#include "subscriptions/boxcomposer.h"

#include <QSet>
#include <QTest>

#include <map>

using namespace md;

namespace {

std::vector<BoxProduct> catalog(int regular, int exclusive, qint64 stock)
{
    std::vector<BoxProduct> products;
    for (int i = 0; i < regular; ++i)
        products.push_back({1000 + i, stock, false});
    for (int i = 0; i < exclusive; ++i)
        products.push_back({5000 + i, stock, true});
    return products;
}

BoxSubscriber subscriber(qint64 id, qint64 tier, qint64 started, int items, int exclusives)
{
    BoxSubscriber s;
    s.subscriptionId = id;
    s.tierCents = tier;
    s.startedAt = started;
    s.itemCount = items;
    s.exclusiveCount = exclusives;
    return s;
}

std::vector<qint64> boxOf(const BoxComposition &c, int subscriber)
{
    for (int b = 0; b < c.boxCount(); ++b) {
        if (c.boxSubscriber[size_t(b)] == subscriber) {
            return {c.items.begin() + c.itemStart[size_t(b)],
                    c.items.begin() + c.itemStart[size_t(b) + 1]};
        }
    }
    return {};
}

} // namespace

class tst_BoxComposer : public QObject
{
    Q_OBJECT

private slots:
    void countsPerTier();
    void exclusivesOnlyWhereThePlanHasThem();
    void stockNeverOversold_data();
    void stockNeverOversold();
    void noRepeatWithinLastThreeBoxes();
    void priorityUnderScarcity();
    void unfillableBoxIsReportedAndEmpty();
    void deterministicPerSeed();
    void badPlanReported();
};

void tst_BoxComposer::countsPerTier()
{
    const auto products = catalog(50, 10, 100);
    const std::vector<BoxSubscriber> subs
        = {subscriber(1, 2999, 10, 4, 0), subscriber(2, 5999, 20, 6, 1),
           subscriber(3, 9999, 30, 8, 3)};
    const BoxComposition c = BoxComposer::compose(products, subs, 7);
    QCOMPARE(c.boxCount(), 3);
    QVERIFY(c.unfilled.empty());
    QCOMPARE(boxOf(c, 0).size(), size_t(4));
    QCOMPARE(boxOf(c, 1).size(), size_t(6));
    QCOMPARE(boxOf(c, 2).size(), size_t(8));
    for (int s = 0; s < 3; ++s) {
        const auto box = boxOf(c, s);
        QCOMPARE(QSet<qint64>(box.begin(), box.end()).size(), qsizetype(box.size())); // distinct
    }
}

void tst_BoxComposer::exclusivesOnlyWhereThePlanHasThem()
{
    const auto products = catalog(50, 10, 100);
    const std::vector<BoxSubscriber> subs
        = {subscriber(1, 2999, 10, 4, 0), subscriber(2, 5999, 20, 6, 1),
           subscriber(3, 9999, 30, 8, 3)};
    const BoxComposition c = BoxComposer::compose(products, subs, 7);
    const int expected[] = {0, 1, 3};
    for (int s = 0; s < 3; ++s) {
        int exclusives = 0;
        for (qint64 id : boxOf(c, s))
            exclusives += id >= 5000 ? 1 : 0;
        QCOMPARE(exclusives, expected[s]);
    }
    // The flags travel with the items.
    for (size_t i = 0; i < c.items.size(); ++i)
        QCOMPARE(bool(c.itemExclusive[i]), c.items[i] >= 5000);
}

void tst_BoxComposer::stockNeverOversold_data()
{
    QTest::addColumn<int>("subscribers");
    QTest::addColumn<qint64>("stock");
    QTest::newRow("plenty") << 50 << qint64(100);
    QTest::newRow("scarce: one unit each") << 200 << qint64(1);
    QTest::newRow("scarce: three units each") << 300 << qint64(3);
}

void tst_BoxComposer::stockNeverOversold()
{
    QFETCH(int, subscribers);
    QFETCH(qint64, stock);
    auto products = catalog(40, 8, stock);
    products[3].stock = 0; // out of stock: never chosen
    std::vector<BoxSubscriber> subs;
    for (int i = 0; i < subscribers; ++i)
        subs.push_back(
            subscriber(i + 1, (i % 3 + 1) * 1000, i, 4 + 2 * (i % 3), i % 3 == 0 ? 0 : i % 3));
    const BoxComposition c = BoxComposer::compose(products, subs, 99);
    std::map<qint64, qint64> used;
    for (qint64 id : c.items)
        ++used[id];
    for (const BoxProduct &p : products)
        QVERIFY2(used[p.id] <= p.stock, qPrintable(QStringLiteral("product %1").arg(p.id)));
    QCOMPARE(used[products[3].id], qint64(0));
    QCOMPARE(c.boxCount() + int(c.unfilled.size()), subscribers);
}

void tst_BoxComposer::noRepeatWithinLastThreeBoxes()
{
    // 8 regular products, the subscriber received 4 of them recently: the box must be the other 4.
    const auto products = catalog(8, 0, 10);
    BoxSubscriber s = subscriber(1, 2999, 0, 4, 0);
    s.recentProducts = {1000, 1002, 1004, 1006};
    const BoxComposition c = BoxComposer::compose(products, {s}, 3);
    QCOMPARE(c.boxCount(), 1);
    auto box = boxOf(c, 0);
    std::sort(box.begin(), box.end());
    QCOMPARE(box, (std::vector<qint64>{1001, 1003, 1005, 1007}));

    // With 5 recent there are only 3 left: reported, not filled with a repeat.
    s.recentProducts.push_back(1001);
    const BoxComposition short_ = BoxComposer::compose(products, {s}, 3);
    QCOMPARE(short_.boxCount(), 0);
    QCOMPARE(short_.unfilled.size(), size_t(1));
    QCOMPARE(short_.unfilled[0].available, 3);
}

void tst_BoxComposer::priorityUnderScarcity()
{
    // 4 exclusive units in all: a Deluxe box needs 3, a Premium box 1. Listed worst first.
    const auto products = catalog(100, 4, 1);
    const std::vector<BoxSubscriber> subs = {
        subscriber(10, 5999, 500, 6, 1), // Premium, newer
        subscriber(11, 5999, 100, 6, 1), // Premium, longer-standing
        subscriber(12, 9999, 900, 8, 3), // Deluxe, newest of all
    };
    const BoxComposition c = BoxComposer::compose(products, subs, 5);
    QCOMPARE(c.order, (std::vector<int>{2, 1, 0}));
    QCOMPARE(c.boxCount(), 2);
    QVERIFY(!boxOf(c, 2).empty()); // Deluxe first
    QVERIFY(!boxOf(c, 1).empty()); // then the longer-standing Premium
    QCOMPARE(c.unfilled.size(), size_t(1));
    QCOMPARE(c.unfilled[0].subscriber, 0);
    QCOMPARE(c.unfilled[0].reason, UnfilledReason::NotEnoughExclusive);
    QCOMPARE(c.unfilled[0].available, 0);
}

void tst_BoxComposer::unfillableBoxIsReportedAndEmpty()
{
    // 5 regular units: the first box takes 4; the second can get only 1 and gets nothing, so a
    // third, smaller box after it still finds its unit.
    auto products = catalog(5, 0, 1);
    const std::vector<BoxSubscriber> subs = {
        subscriber(1, 3000, 1, 4, 0), subscriber(2, 2000, 1, 4, 0), subscriber(3, 1000, 1, 1, 0)};
    const BoxComposition c = BoxComposer::compose(products, subs, 11);
    QCOMPARE(c.boxCount(), 2);
    QCOMPARE(boxOf(c, 1).size(), size_t(0));
    QCOMPARE(boxOf(c, 2).size(), size_t(1));
    QCOMPARE(c.unfilled.size(), size_t(1));
    QCOMPARE(c.unfilled[0].reason, UnfilledReason::NotEnoughRegular);
    QCOMPARE(c.unfilled[0].wanted, 4);
    QCOMPARE(c.unfilled[0].available, 1);
    QVERIFY(BoxComposer::reasonText(c.unfilled[0]).contains(QLatin1String("only 1")));
}

void tst_BoxComposer::deterministicPerSeed()
{
    const auto products = catalog(300, 30, 2);
    std::vector<BoxSubscriber> subs;
    for (int i = 0; i < 150; ++i)
        subs.push_back(subscriber(i + 1, (i % 3) * 1000, i, 4 + i % 3, i % 3));
    const BoxComposition a = BoxComposer::compose(products, subs, 42);
    const BoxComposition b = BoxComposer::compose(products, subs, 42);
    const BoxComposition other = BoxComposer::compose(products, subs, 43);
    QCOMPARE(a.items, b.items);
    QCOMPARE(a.boxSubscriber, b.boxSubscriber);
    QVERIFY(a.items != other.items);
}

void tst_BoxComposer::badPlanReported()
{
    const auto products = catalog(10, 10, 5);
    const BoxComposition c
        = BoxComposer::compose(products, {subscriber(1, 1000, 0, 2, 3)}, 1); // 3 of 2 exclusive
    QCOMPARE(c.boxCount(), 0);
    QCOMPARE(c.unfilled.size(), size_t(1));
    QCOMPARE(c.unfilled[0].reason, UnfilledReason::BadPlan);
}

QTEST_GUILESS_MAIN(tst_BoxComposer)
#include "tst_boxcomposer.moc"
