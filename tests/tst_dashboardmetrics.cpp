#include "db/sql.h"
#include "db/transaction.h"
#include "sales/dashboardmetrics.h"
#include "testdb.h"

#include <QDateTime>
#include <QTest>

#include <map>

using namespace md;

namespace {

constexpr qint64 kDay = 86400;

qint64 utc(int y, int m, int d, int h = 0, int min = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::UTC).toSecsSinceEpoch();
}

// Wednesday, 12 June 2024, noon UTC: the shop's "now" in these tests.
const qint64 kNow = utc(2024, 6, 12, 12);

} // namespace

class tst_DashboardMetrics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void periods();
    void changes();
    void weeklyBuckets();
    void emptyShop();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
};

void tst_DashboardMetrics::initTestCase()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    Transaction tx(db->sql(), db->dialect());
    MD_VERIFY(tx.begin());

    // Customers: two joined in the last 30 days (one exactly at its start), three in the 30
    // days before, one long ago.
    const QList<qint64> joined = {kNow - 100 * kDay, kNow - 10 * kDay, kNow - 40 * kDay,
                                  kNow - 45 * kDay,  kNow - 30 * kDay, kNow - 59 * kDay};
    for (int i = 0; i < joined.size(); ++i) {
        MD_VERIFY(sql::exec(db->sql(),
                            QStringLiteral("INSERT INTO customers (id, email, created_at) "
                                           "VALUES (?, ?, ?)"),
                            {i + 1, QStringLiteral("c%1@example.com").arg(i + 1), joined.at(i)}));
    }

    struct Order
    {
        const char *number;
        qint64 at;
        const char *status;
        qint64 cents;
    };
    const Order orders[] = {
        {"o1", kNow - 1 * kDay, "completed", 10000},
        {"o2", kNow - 5 * kDay, "completed", 5050},
        {"o3", kNow - 2 * kDay, "cancelled", 99999},
        {"o4", kNow - 30 * kDay, "completed", 2500}, // first second of the window
        {"o5", kNow - 3 * kDay, "refunded", 7000},
        {"o6", kNow - 4 * kDay, "pending", 123},
        {"o7", kNow + 3600, "completed", 4242}, // after now: not counted
        {"o8", kNow - 31 * kDay, "completed", 20000},
        {"o9", kNow - 59 * kDay, "completed", 1000},
        {"o10", kNow - 40 * kDay, "cancelled", 5000},
        {"o11", kNow - 61 * kDay, "completed", 3000},           // before both windows
        {"o12", utc(2024, 6, 10), "completed", 4444},           // Monday 00:00: this week
        {"o13", utc(2024, 6, 9, 23, 59, 59), "completed", 555}, // Sunday: the week before
        {"o14", utc(2023, 12, 17, 12), "completed", 777},       // the day before the 26 weeks
        {"o15", utc(2023, 12, 18), "completed", 888},           // the first of the 26 weeks
    };
    int id = 0;
    for (const Order &order : orders) {
        ++id;
        MD_VERIFY(sql::exec(db->sql(),
                            QStringLiteral("INSERT INTO orders (id, order_number, customer_id, "
                                           "ordered_at, status, total_cents) "
                                           "VALUES (?, ?, ?, ?, ?, ?)"),
                            {id, QString::fromLatin1(order.number),
                             id % 3 == 0 ? QVariant() : QVariant(id % 6 + 1), order.at,
                             QString::fromLatin1(order.status), order.cents}));
    }
    MD_VERIFY(tx.commit());
}

void tst_DashboardMetrics::periods()
{
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto figures = DashboardMetrics::compute(*db, kNow);
    MD_VERIFY(figures);
    QCOMPARE(figures->now, kNow);

    // o1 + o2 + o4 + o12 + o13; cancelled, refunded, pending and future orders left out.
    QCOMPARE(figures->current.revenueCents, qint64(10000 + 5050 + 2500 + 4444 + 555));
    QCOMPARE(figures->current.orders, qint64(5));
    QCOMPARE(figures->current.averageOrderCents(), qint64(4510)); // 4509.8 rounded
    QCOMPARE(figures->current.newCustomers, qint64(2));

    QCOMPARE(figures->previous.revenueCents, qint64(20000 + 1000));
    QCOMPARE(figures->previous.orders, qint64(2));
    QCOMPARE(figures->previous.averageOrderCents(), qint64(10500));
    QCOMPARE(figures->previous.newCustomers, qint64(3));
}

void tst_DashboardMetrics::changes()
{
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto figures = DashboardMetrics::compute(*db, kNow);
    MD_VERIFY(figures);
    const auto &now = figures->current;
    const auto &before = figures->previous;

    const auto revenue = DashboardFigures::changePercent(before.revenueCents, now.revenueCents);
    QVERIFY(revenue.has_value());
    QVERIFY(qAbs(*revenue - 1549.0 * 100.0 / 21000.0) < 1e-9); // +7.38 %
    const auto orders = DashboardFigures::changePercent(before.orders, now.orders);
    QVERIFY(orders.has_value());
    QVERIFY(qAbs(*orders - 150.0) < 1e-9);
    const auto average
        = DashboardFigures::changePercent(before.averageOrderCents(), now.averageOrderCents());
    QVERIFY(average.has_value());
    QVERIFY(qAbs(*average - (4510.0 - 10500.0) * 100.0 / 10500.0) < 1e-9); // -57.05 %
    const auto customers = DashboardFigures::changePercent(before.newCustomers, now.newCustomers);
    QVERIFY(customers.has_value());
    QVERIFY(qAbs(*customers - (-100.0 / 3.0)) < 1e-9);

    QVERIFY(!DashboardFigures::changePercent(0, 500).has_value());
    QCOMPARE(*DashboardFigures::changePercent(200, 200), 0.0);
}

void tst_DashboardMetrics::weeklyBuckets()
{
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto figures = DashboardMetrics::compute(*db, kNow);
    MD_VERIFY(figures);
    QCOMPARE(int(figures->weeks.size()), DashboardMetrics::kWeeks);

    // Mondays counted with QDate, not with the SQL under test.
    QDate monday = QDate(2024, 6, 12);
    monday = monday.addDays(1 - monday.dayOfWeek());
    QCOMPARE(monday, QDate(2024, 6, 10));
    const QDate first = monday.addDays(-7 * (DashboardMetrics::kWeeks - 1));
    QCOMPARE(first, QDate(2023, 12, 18));

    const std::map<QDate, qint64> expected = {
        {QDate(2023, 12, 18), 888},         // o15; o14 is a day too early
        {QDate(2024, 4, 8), 1000 + 3000},   // o9 (Sunday) and o11 (Friday)
        {QDate(2024, 5, 6), 20000},         // o8 on Sunday 12 May
        {QDate(2024, 5, 13), 2500},         // o4 on Monday 13 May
        {QDate(2024, 6, 3), 5050 + 555},    // o2 and o13 (Sunday 23:59:59)
        {QDate(2024, 6, 10), 10000 + 4444}, // o1 and o12 (Monday 00:00); not o7, o3
    };
    for (int i = 0; i < DashboardMetrics::kWeeks; ++i) {
        const QDate week = first.addDays(7 * i);
        const WeekRevenue &bucket = figures->weeks[size_t(i)];
        QCOMPARE(bucket.weekStart, QDateTime(week, QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
        const auto it = expected.find(week);
        QCOMPARE(bucket.revenueCents, it == expected.end() ? qint64(0) : it->second);
    }
}

void tst_DashboardMetrics::emptyShop()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    auto figures = DashboardMetrics::compute(*db, kNow);
    MD_VERIFY(figures);
    QCOMPARE(figures->current.revenueCents, qint64(0));
    QCOMPARE(figures->current.orders, qint64(0));
    QCOMPARE(figures->current.averageOrderCents(), qint64(0));
    QCOMPARE(int(figures->weeks.size()), DashboardMetrics::kWeeks);
    for (const WeekRevenue &week : figures->weeks)
        QCOMPARE(week.revenueCents, qint64(0));
}

QTEST_GUILESS_MAIN(tst_DashboardMetrics)
#include "tst_dashboardmetrics.moc"
