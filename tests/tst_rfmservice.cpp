// RfmService and RfmStore on both backends: a hand-made shop with known measures, scores,
// groups, grid, shares and CSV bytes (cancelled, refunded, pending, guest and later orders and
// customers who joined later all left out), and a generated shop where the service agrees with
// RfmScoring run on the same measures.

#include "db/sql.h"
#include "db/transaction.h"
#include "marketing/rfmexport.h"
#include "marketing/rfmservice.h"
#include "marketing/rfmstore.h"
#include "marketing/segmentservice.h"
#include "testdb.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

#include <map>
#include <optional>
#include <set>

using namespace md;

namespace {

constexpr qint64 kAsOf = 1782863999; // 2026-06-30T23:59:59Z
constexpr qint64 kDay = 86400;
constexpr qint64 kJoined = 1780272000; // 2026-06-01

struct OrderRow
{
    std::optional<qint64> customer;
    qint64 at;
    const char *status;
    qint64 cents;
};

Status insertCustomer(const Database &db, qint64 id, const QString &email, qint64 created)
{
    return sql::exec(
        db.sql(), QStringLiteral("INSERT INTO customers (id, email, created_at) VALUES (?, ?, ?)"),
        {id, email, created});
}

Status insertOrders(const Database &db, const std::vector<OrderRow> &orders)
{
    static int number = 0; // order numbers stay unique across calls
    for (const OrderRow &o : orders) {
        if (auto s = sql::exec(
                db.sql(),
                QStringLiteral("INSERT INTO orders (order_number, customer_id, "
                               "ordered_at, status, total_cents) "
                               "VALUES (?, ?, ?, ?, ?)"),
                {QStringLiteral("N%1").arg(++number),
                 o.customer ? QVariant(*o.customer) : QVariant(QMetaType(QMetaType::LongLong)),
                 o.at, QString::fromLatin1(o.status), o.cents});
            !s) {
            return s;
        }
    }
    return {};
}

// Five scored customers; their measures, scores and groups are worked out in the test.
Status seedHandMade(const Database &db)
{
    const std::vector<std::pair<qint64, const char *>> customers = {
        {1, "ann@example.com"}, {2, "bo@example.com"},  {3, "cy@example.com"},
        {4, "di@example.com"},  {6, "fay@example.com"}, {7, "gus@example.com"},
    };
    for (const auto &[id, email] : customers) {
        if (auto s = insertCustomer(db, id, QString::fromLatin1(email), kJoined); !s)
            return s;
    }
    // Joined after the moment: not scored although the order is before it.
    if (auto s = insertCustomer(db, 5, QStringLiteral("ed@example.com"), kAsOf + 1); !s)
        return s;
    return insertOrders(
        db, {
                // ann: 1 day (86500 s) ago and 10 days ago; cancelled, refunded and pending
                // orders do not count.
                {1, kAsOf - kDay - 100, "completed", 10000},
                {1, kAsOf - 10 * kDay, "completed", 5050},
                {1, kAsOf - 10, "cancelled", 90000},
                {1, kAsOf - 20, "refunded", 80000},
                {1, kAsOf - 30, "pending", 70000},
                // bo: 5 days less a second is 4 whole days; the order after the moment is out.
                {2, kAsOf - 5 * kDay + 1, "completed", 1234},
                {2, kAsOf + 1, "completed", 99999},
                // cy: three orders, the latest exactly 30 days ago.
                {3, kAsOf - 40 * kDay, "completed", 100},
                {3, kAsOf - 35 * kDay, "completed", 200},
                {3, kAsOf - 30 * kDay, "completed", 300},
                // di: at the moment itself (0 days), one cent.
                {4, kAsOf, "completed", 1},
                {5, kAsOf - kDay, "completed", 50000},
                {6, kAsOf - kDay, "cancelled", 50000},
                // A guest order belongs to no customer.
                {std::nullopt, kAsOf - kDay, "completed", 77777},
                {7, kAsOf - 130 * kDay, "completed", 2500},
                {7, kAsOf - 120 * kDay, "completed", 2500},
                {7, kAsOf - 110 * kDay, "completed", 2500},
                {7, kAsOf - 100 * kDay, "completed", 2500},
            });
}

} // namespace

class tst_RfmService : public QObject
{
    Q_OBJECT

private slots:
    void handMadeShop();
    void csvBytes();
    void emptyShop();
    void generatedShopAgreesWithEngine();
    void segmentFieldAgreesWithService();
};

void tst_RfmService::handMadeShop()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seedHandMade(*db));

    auto analysis = RfmService::analyse(*db, kAsOf);
    MD_VERIFY(analysis);
    QCOMPARE(analysis->asOf, kAsOf);
    QCOMPARE(analysis->customers.size(), size_t(5));

    struct Expected
    {
        qint64 id;
        const char *email;
        RfmMeasures measures;
        RfmScore score;
        RfmGroup group;
    };
    // Breaks (x5): recency 9 19 77 225, frequency 10 13 17 21, monetary 2901 5402 24202 55550.
    const Expected expected[] = {
        {1, "ann@example.com", {1, 2, 15050}, {5, 2, 5}, RfmGroup::NewCustomers},
        {2, "bo@example.com", {4, 1, 1234}, {3, 1, 3}, RfmGroup::Promising},
        {3, "cy@example.com", {30, 3, 600}, {2, 3, 2}, RfmGroup::LoyalCustomers},
        {4, "di@example.com", {0, 1, 1}, {5, 1, 1}, RfmGroup::NewCustomers},
        {7, "gus@example.com", {100, 4, 10000}, {1, 4, 4}, RfmGroup::CantLoseThem},
    };
    std::vector<RfmMeasures> measures;
    for (size_t i = 0; i < analysis->customers.size(); ++i) {
        const RfmCustomer &got = analysis->customers[i];
        const Expected &want = expected[i];
        QCOMPARE(got.customerId, want.id);
        QCOMPARE(got.email, QString::fromLatin1(want.email));
        QCOMPARE(got.measures.recencyDays, want.measures.recencyDays);
        QCOMPARE(got.measures.frequency, want.measures.frequency);
        QCOMPARE(got.measures.monetaryCents, want.measures.monetaryCents);
        QCOMPARE(got.score, want.score);
        QCOMPARE(got.group, want.group);
        measures.push_back(got.measures);
    }
    // The same scores as the engine given the measures alone.
    const std::vector<RfmScore> engine = RfmScoring::score(measures);
    for (size_t i = 0; i < engine.size(); ++i)
        QCOMPARE(analysis->customers[i].score, engine[i]);
    QCOMPARE(analysis->breaks.recency.fifths, (std::array<qint64, 4>{9, 19, 77, 225}));
    QCOMPARE(analysis->breaks.frequency.fifths, (std::array<qint64, 4>{10, 13, 17, 21}));
    QCOMPARE(analysis->breaks.monetary.fifths, (std::array<qint64, 4>{2901, 5402, 24202, 55550}));

    // The grid: one customer in each of five cells, nothing elsewhere.
    std::array<std::array<qint64, 5>, 5> grid{};
    grid[4][1] = 1; // ann r5 f2
    grid[2][0] = 1; // bo r3 f1
    grid[1][2] = 1; // cy r2 f3
    grid[4][0] = 1; // di r5 f1
    grid[0][3] = 1; // gus r1 f4
    QCOMPARE(analysis->grid, grid);

    QCOMPARE(analysis->revenueCents, qint64(26885));
    QCOMPARE(analysis->groups.size(), size_t(int(RfmGroup::Others) + 1));
    const auto group = [&](RfmGroup g) {
        return analysis->groups[size_t(g)];
    };
    QCOMPARE(group(RfmGroup::NewCustomers).customers, qint64(2));
    QCOMPARE(group(RfmGroup::NewCustomers).revenueCents, qint64(15051));
    QCOMPARE(group(RfmGroup::NewCustomers).customerShare, 0.4);
    QCOMPARE(group(RfmGroup::NewCustomers).revenueShare, 15051.0 / 26885.0);
    QCOMPARE(group(RfmGroup::CantLoseThem).revenueCents, qint64(10000));
    QCOMPARE(group(RfmGroup::CantLoseThem).customerShare, 0.2);
    QCOMPARE(group(RfmGroup::Champions).customers, qint64(0));
    QCOMPARE(group(RfmGroup::Champions).revenueShare, 0.0);
    qint64 customers = 0;
    double share = 0;
    for (const RfmGroupSummary &g : analysis->groups) {
        QCOMPARE(g.group, RfmGroup(&g - analysis->groups.data()));
        customers += g.customers;
        share += g.revenueShare;
    }
    QCOMPARE(customers, qint64(5));
    QVERIFY(qAbs(share - 1.0) < 1e-12);

    // A moment earlier: bo's order (4 days before) is not there yet.
    auto earlier = RfmStore::customers(*db, kAsOf - 5 * kDay);
    MD_VERIFY(earlier);
    QCOMPARE(earlier->size(), size_t(3)); // ann (10 days), cy, gus
    QCOMPARE(earlier->at(0).measures.frequency, qint64(1));
    QCOMPARE(earlier->at(0).measures.monetaryCents, qint64(5050));
    QCOMPARE(earlier->at(0).measures.recencyDays, qint64(5));
}

void tst_RfmService::csvBytes()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seedHandMade(*db));
    auto analysis = RfmService::analyse(*db, kAsOf);
    MD_VERIFY(analysis);
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    MD_VERIFY(RfmExport::writeCustomers(*analysis, &buffer));
    QCOMPARE(buffer.data(), QByteArray("email,recency_days,frequency,monetary,r,f,m,group\r\n"
                                       "ann@example.com,1,2,150.50,5,2,5,new_customers\r\n"
                                       "bo@example.com,4,1,12.34,3,1,3,promising\r\n"
                                       "cy@example.com,30,3,6.00,2,3,2,loyal_customers\r\n"
                                       "di@example.com,0,1,0.01,5,1,1,new_customers\r\n"
                                       "gus@example.com,100,4,100.00,1,4,4,cant_lose_them\r\n"));
}

void tst_RfmService::emptyShop()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(insertCustomer(*db, 1, QStringLiteral("ann@example.com"), kJoined));
    auto analysis = RfmService::analyse(*db, kAsOf);
    MD_VERIFY(analysis);
    QVERIFY(analysis->customers.empty());
    QCOMPARE(analysis->revenueCents, qint64(0));
    for (const RfmGroupSummary &g : analysis->groups) {
        QCOMPARE(g.customers, qint64(0));
        QCOMPARE(g.customerShare, 0.0);
    }
}

namespace {

// 300 customers, some joined after the moment, with up to five orders each in every status,
// some placed after the moment.
Status seedGenerated(const Database &db, std::vector<OrderRow> &orders)
{
    QRandomGenerator random(11);
    Transaction transaction(db.sql(), db.dialect());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    for (qint64 id = 1; id <= 300; ++id) {
        if (auto s = insertCustomer(db, id, QStringLiteral("c%1@example.com").arg(id),
                                    kAsOf - random.bounded(400) * kDay + 20 * kDay);
            !s) {
            return s;
        }
        const int count = random.bounded(6);
        for (int i = 0; i < count; ++i) {
            static const char *statuses[]
                = {"completed", "completed", "completed", "cancelled", "refunded", "pending"};
            orders.push_back({id, kAsOf - random.bounded(500 * kDay) + 10 * kDay,
                              statuses[random.bounded(6)], random.bounded(20000)});
        }
    }
    if (auto s = insertOrders(db, orders); !s)
        return s;
    return transaction.commit();
}

} // namespace

void tst_RfmService::generatedShopAgreesWithEngine()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    std::vector<OrderRow> orders;
    MD_VERIFY(seedGenerated(*db, orders));
    auto analysis = RfmService::analyse(*db, kAsOf);
    MD_VERIFY(analysis);
    QVERIFY(analysis->customers.size() > 100);

    // The measures written out from the rows generated, independent of the SQL.
    std::map<qint64, RfmMeasures> expected;
    std::map<qint64, qint64> latest;
    for (const OrderRow &o : orders) {
        if (qstrcmp(o.status, "completed") != 0 || o.at > kAsOf)
            continue;
        RfmMeasures &m = expected[*o.customer];
        ++m.frequency;
        m.monetaryCents += o.cents;
        auto [it, added] = latest.try_emplace(*o.customer, o.at);
        it->second = std::max(it->second, o.at);
    }
    {
        // Scoped: QPSQL's forward-only query holds the connection until it is gone.
        auto joined
            = sql::select(db->sql(), QStringLiteral("SELECT id, created_at FROM customers"));
        MD_VERIFY(joined);
        while (joined->next()) {
            if (joined->value(1).toLongLong() > kAsOf)
                expected.erase(joined->value(0).toLongLong());
        }
    }
    QCOMPARE(analysis->customers.size(), expected.size());
    std::vector<RfmMeasures> measures;
    size_t i = 0;
    qint64 gridTotal = 0;
    for (const auto &[id, m] : expected) {
        const RfmCustomer &got = analysis->customers[i++];
        QCOMPARE(got.customerId, id);
        QCOMPARE(got.measures.frequency, m.frequency);
        QCOMPARE(got.measures.monetaryCents, m.monetaryCents);
        QCOMPARE(got.measures.recencyDays, (kAsOf - latest[id]) / kDay);
        measures.push_back(got.measures);
    }
    const std::vector<RfmScore> engine = RfmScoring::score(measures);
    for (size_t k = 0; k < engine.size(); ++k) {
        QCOMPARE(analysis->customers[k].score, engine[k]);
        QCOMPARE(analysis->customers[k].group, RfmScoring::group(engine[k]));
    }
    for (const auto &row : analysis->grid) {
        for (qint64 cell : row)
            gridTotal += cell;
    }
    QCOMPARE(gridTotal, qint64(analysis->customers.size()));
    auto breaks = RfmStore::breaks(*db, kAsOf);
    MD_VERIFY(breaks);
    QCOMPARE(*breaks, analysis->breaks);
}

// The rfm_group field compiled to SQL puts every customer in the group the service gives, on
// both backends: for each group with =, for != and for in, and members() shows the key.
void tst_RfmService::segmentFieldAgreesWithService()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    std::vector<OrderRow> orders;
    MD_VERIFY(seedGenerated(*db, orders));
    // Also the hand-made moment's edge: an order exactly at the moment, one a second later.
    MD_VERIFY(insertOrders(*db, {{1, kAsOf, "completed", 1}, {2, kAsOf + 1, "completed", 1}}));
    for (qint64 asOf : {kAsOf, kAsOf - 60 * kDay}) {
        auto analysis = RfmService::analyse(*db, asOf);
        MD_VERIFY(analysis);
        std::map<RfmGroup, std::set<qint64>> byGroup;
        std::map<qint64, RfmGroup> groupOf;
        for (const RfmCustomer &c : analysis->customers) {
            byGroup[c.group].insert(c.customerId);
            groupOf[c.customerId] = c.group;
        }
        QVERIFY2(byGroup.size() >= 4, "the shop should spread over several groups");
        for (int g = 0; g <= int(RfmGroup::Others); ++g) {
            const QString key = keyOf(RfmGroup(g));
            const auto members = [&](const QString &op, const QString &value) {
                auto rule = SegmentRule::parse(
                    QStringLiteral(R"({"field":"rfm_group","op":"%1","value":%2})")
                        .arg(op, value)
                        .toUtf8());
                std::set<qint64> ids;
                if (!rule) {
                    qWarning("%s", qPrintable(rule.error()));
                    return ids;
                }
                auto listed = SegmentService::members(*db, *rule, asOf);
                if (!listed) {
                    qWarning("%s", qPrintable(listed.error()));
                    return std::set<qint64>{-1};
                }
                for (const SegmentMember &m : listed->rows) {
                    ids.insert(m.customerId);
                    // The value column is the customer's own group.
                    if (m.values.value(0) != keyOf(groupOf[m.customerId]))
                        ids.insert(-2);
                }
                return ids;
            };
            const std::set<qint64> want = byGroup[RfmGroup(g)];
            QCOMPARE(members(QStringLiteral("="), QLatin1Char('"') + key + QLatin1Char('"')), want);
            std::set<qint64> others;
            for (const auto &[id, group] : groupOf) {
                if (group != RfmGroup(g))
                    others.insert(id);
            }
            QCOMPARE(members(QStringLiteral("!="), QLatin1Char('"') + key + QLatin1Char('"')),
                     others);
            const QString next = keyOf(RfmGroup((g + 1) % (int(RfmGroup::Others) + 1)));
            std::set<qint64> both = want;
            both.insert(byGroup[RfmGroup((g + 1) % (int(RfmGroup::Others) + 1))].begin(),
                        byGroup[RfmGroup((g + 1) % (int(RfmGroup::Others) + 1))].end());
            QCOMPARE(members(QStringLiteral("in"), QStringLiteral(R"(["%1","%2"])").arg(key, next)),
                     both);
        }
        // count() takes the same path.
        auto rule = SegmentRule::parse(R"({"not":{"field":"rfm_group","op":"=","value":"lost"}})");
        MD_VERIFY(rule);
        auto counted = SegmentService::count(*db, *rule, asOf);
        MD_VERIFY(counted);
        auto everyone = sql::scalar(db->sql(),
                                    QStringLiteral("SELECT COUNT(*) FROM customers WHERE "
                                                   "created_at <= ?"),
                                    {asOf});
        MD_VERIFY(everyone);
        QCOMPARE(*counted, everyone->toLongLong() - qint64(byGroup[RfmGroup::Lost].size()));
    }
}

QTEST_GUILESS_MAIN(tst_RfmService)
#include "tst_rfmservice.moc"
