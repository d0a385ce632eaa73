// Box cycles on a real database (both backends) and through merchantdesk-cli: the inputs read
// for a month (who gets a box, their plan's box features through the entitlement check),
// confirming a cycle records every box and takes exactly its units from stock in one
// transaction, the next cycles avoid the last 3 boxes, the picking list CSV, and the
// entitlement and boxes commands with their exit codes.

#include "clirun.h"
#include "db/sql.h"
#include "seedproducts.h"
#include "subscriptions/boxcyclestore.h"
#include "subscriptions/planstore.h"
#include "subscriptions/subscriptionservice.h"
#include "testdb.h"

#include <QBuffer>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace md;

namespace {

constexpr qint64 kDay = 86400;
const qint64 kCycleStart = 1798761600; // 2027-01-01 00:00 UTC

using test::CliRun;
using test::runCliOn;

Status exec(const Database &db, const QString &statement, const QVariantList &values = {})
{
    return sql::exec(db.sql(), statement, values);
}

// Plans Basic (2 items) and Premium (3 items, 1 exclusive, inherits from Basic); 8 regular
// products with 10 units, 2 exclusive ones with 1 unit (one titled like a formula); five
// subscribers: three Basic, one Premium, one paused until after the cycle starts.
Status seed(const Database &db)
{
    std::vector<test::SeedProduct> products;
    for (int i = 0; i < 10; ++i) {
        const bool exclusive = i >= 8;
        products.push_back({.sku = QStringLiteral("SKU-%1").arg(i),
                            .title = i == 9 ? QStringLiteral("=HYPERLINK(\"x\")")
                                            : QStringLiteral("Product %1").arg(i),
                            .stockLevel = exclusive ? 1 : 10,
                            .exclusive = exclusive});
    }
    if (auto added = test::seedProducts(db, products); !added)
        return added;
    FeatureDef items{0,
                     QStringLiteral("target_item_count"),
                     QStringLiteral("Items per box"),
                     FeatureType::Int,
                     {},
                     QStringLiteral("1"),
                     1};
    FeatureDef flag{0,
                    QStringLiteral("exclusive_item"),
                    QStringLiteral("Exclusive item"),
                    FeatureType::Bool,
                    {},
                    QStringLiteral("false"),
                    2};
    FeatureDef count{0,
                     QStringLiteral("num_exclusive_items"),
                     QStringLiteral("Exclusives"),
                     FeatureType::Int,
                     {},
                     QStringLiteral("0"),
                     3};
    auto itemsId = PlanStore::saveFeature(db, items);
    auto flagId = PlanStore::saveFeature(db, flag);
    auto countId = PlanStore::saveFeature(db, count);
    if (!itemsId || !flagId || !countId)
        return fail(QStringLiteral("features not saved"));
    PlanDef basic;
    basic.name = QStringLiteral("Basic");
    basic.priceCents = 2000;
    auto basicId = PlanStore::savePlan(db, basic);
    if (!basicId)
        return fail(basicId.error());
    PlanDef premium;
    premium.name = QStringLiteral("Premium");
    premium.priceCents = 5000;
    premium.parentId = *basicId;
    auto premiumId = PlanStore::savePlan(db, premium);
    if (!premiumId)
        return fail(premiumId.error());
    auto matrix = PlanStore::load(db);
    if (!matrix)
        return fail(matrix.error());
    if (auto saved = PlanStore::saveValues(db, *matrix,
                                           {{*basicId, *itemsId, QStringLiteral("2")},
                                            {*premiumId, *itemsId, QStringLiteral("3")},
                                            {*premiumId, *flagId, QStringLiteral("true")},
                                            {*premiumId, *countId, QStringLiteral("1")}});
        !saved) {
        return saved;
    }
    const char *const emails[] = {"b1@example.com", "b2@example.com",     "b3@example.com",
                                  "p1@example.com", "paused@example.com", "gone@example.com"};
    for (int i = 0; i < 6; ++i) {
        auto customer = sql::scalar(db.sql(),
                                    QStringLiteral("INSERT INTO customers (email, created_at) "
                                                   "VALUES (?, 0) RETURNING id"),
                                    {QString::fromUtf8(emails[i])});
        if (!customer)
            return fail(customer.error());
        auto id = SubscriptionService::subscribe(db, customer->toLongLong(),
                                                 i == 3 ? *premiumId : *basicId,
                                                 kCycleStart - (100 - i) * kDay);
        if (!id)
            return fail(id.error());
        if (i == 4) {
            if (auto paused = SubscriptionService::pause(db, *id, kCycleStart + 5 * kDay,
                                                         kCycleStart - 10 * kDay);
                !paused) {
                return paused;
            }
        }
        if (i == 5) {
            if (auto gone = SubscriptionService::cancel(db, *id, QStringLiteral("Moving"),
                                                        kCycleStart - 10 * kDay);
                !gone) {
                return gone;
            }
        }
    }
    return {};
}

qint64 totalStock(const Database &db)
{
    auto total = sql::scalar(db.sql(), QStringLiteral("SELECT SUM(stock_level) FROM products"));
    return total ? total->toLongLong() : -1;
}

} // namespace

class tst_BoxCycle : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void inputsOfACycle();
    void confirmRecordsAndTakesStock();
    void confirmRefusedWhenStockFell();
    void nextCyclesAvoidLastThreeBoxes();
    void pickingList();
    void cliEntitlement();
    void cliBoxesCompose();
    void cliBadInput_data();
    void cliBadInput();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::optional<Database> m_db;
};

void tst_BoxCycle::init()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    m_db.emplace(std::move(*db));
    MD_VERIFY(seed(*m_db));
}

void tst_BoxCycle::cleanup()
{
    m_db.reset();
    m_scratch.reset();
}

void tst_BoxCycle::inputsOfACycle()
{
    auto input = BoxCycleStore::load(*m_db, QStringLiteral("2027-01"), 1);
    MD_VERIFY(input);
    QCOMPARE(input->cycleStart, kCycleStart);
    QCOMPARE(input->products.size(), size_t(10));
    // Four subscribers: not the one paused past the start, not the cancelled one.
    QCOMPARE(
        input->email,
        (std::vector<QString>{QStringLiteral("b1@example.com"), QStringLiteral("b2@example.com"),
                              QStringLiteral("b3@example.com"), QStringLiteral("p1@example.com")}));
    QCOMPARE(input->subscribers[0].itemCount, 2);
    QCOMPARE(input->subscribers[0].exclusiveCount, 0);
    QCOMPARE(input->subscribers[3].itemCount, 3);
    QCOMPARE(input->subscribers[3].exclusiveCount, 1);
    QCOMPARE(input->planName[3], QStringLiteral("Premium"));
    QVERIFY(input->subscribers[3].tierCents > input->subscribers[0].tierCents);
    // In February the pause is over: five.
    auto february = BoxCycleStore::load(*m_db, QStringLiteral("2027-02"), 1);
    MD_VERIFY(february);
    QCOMPARE(february->subscribers.size(), size_t(5));
    QVERIFY(!BoxCycleStore::load(*m_db, QStringLiteral("2027-13"), 1).ok());
}

void tst_BoxCycle::confirmRecordsAndTakesStock()
{
    auto input = BoxCycleStore::load(*m_db, QStringLiteral("2027-01"), 9);
    MD_VERIFY(input);
    const BoxComposition c = BoxComposer::compose(input->products, input->subscribers, 9);
    QCOMPARE(c.boxCount(), 4);
    const qint64 before = totalStock(*m_db);
    auto summary = BoxCycleStore::confirm(*m_db, *input, c, kCycleStart);
    MD_VERIFY(summary);
    QCOMPARE(summary->items, qint64(2 + 2 + 2 + 3));
    QCOMPARE(totalStock(*m_db), before - 9);
    auto boxes = sql::scalar(m_db->sql(), QStringLiteral("SELECT COUNT(*) FROM boxes"));
    auto items = sql::scalar(m_db->sql(), QStringLiteral("SELECT COUNT(*) FROM box_items"));
    auto exclusive
        = sql::scalar(m_db->sql(), QStringLiteral("SELECT COUNT(*) FROM box_items i JOIN boxes b "
                                                  "ON b.id = i.box_id WHERE i.is_exclusive = 1 "
                                                  "AND b.plan_name = 'Premium'"));
    MD_VERIFY(boxes);
    MD_VERIFY(items);
    MD_VERIFY(exclusive);
    QCOMPARE(boxes->toInt(), 4);
    QCOMPARE(items->toInt(), 9);
    QCOMPARE(exclusive->toInt(), 1);
    // Once only.
    auto twice = BoxCycleStore::confirm(*m_db, *input, c, kCycleStart);
    QVERIFY(!twice.ok());
    QVERIFY(twice.error().contains(QLatin1String("confirmed already")));
}

void tst_BoxCycle::confirmRefusedWhenStockFell()
{
    auto input = BoxCycleStore::load(*m_db, QStringLiteral("2027-01"), 9);
    MD_VERIFY(input);
    const BoxComposition c = BoxComposer::compose(input->products, input->subscribers, 9);
    // The exclusive product the Premium box holds sold out after composing.
    MD_VERIFY(exec(*m_db, QStringLiteral("UPDATE products SET stock_level = 0 "
                                         "WHERE is_exclusive = 1")));
    const qint64 before = totalStock(*m_db);
    auto refused = BoxCycleStore::confirm(*m_db, *input, c, kCycleStart);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QLatin1String("compose the cycle again")),
             qPrintable(refused.error()));
    QCOMPARE(totalStock(*m_db), before);
    auto cycles = sql::scalar(m_db->sql(), QStringLiteral("SELECT COUNT(*) FROM box_cycles"));
    MD_VERIFY(cycles);
    QCOMPARE(cycles->toInt(), 0); // nothing half-written
}

void tst_BoxCycle::nextCyclesAvoidLastThreeBoxes()
{
    // Plenty of stock: 8 regular products, Basic boxes of 2. Over 3 cycles a subscriber gets 6
    // different products; the 4th cycle may only repeat what the 1st gave.
    MD_VERIFY(exec(*m_db, QStringLiteral("UPDATE products SET stock_level = 100")));
    std::vector<test::SeedProduct> extras; // enough exclusives for Premium's four boxes
    for (int i = 0; i < 6; ++i) {
        extras.push_back({.sku = QStringLiteral("X-%1").arg(i),
                          .title = QStringLiteral("Extra"),
                          .stockLevel = 100,
                          .exclusive = true});
    }
    MD_VERIFY(test::seedProducts(*m_db, extras));
    std::map<QString, std::vector<QSet<qint64>>> received;
    const QStringList cycles = {QStringLiteral("2027-02"), QStringLiteral("2027-03"),
                                QStringLiteral("2027-04"), QStringLiteral("2027-05")};
    for (const QString &cycle : cycles) {
        auto input = BoxCycleStore::load(*m_db, cycle, 77);
        MD_VERIFY(input);
        const BoxComposition c = BoxComposer::compose(input->products, input->subscribers, 77);
        QCOMPARE(c.unfilled.size(), size_t(0));
        for (int b = 0; b < c.boxCount(); ++b) {
            QSet<qint64> box;
            for (qint64 i = c.itemStart[size_t(b)]; i < c.itemStart[size_t(b) + 1]; ++i)
                box.insert(c.items[size_t(i)]);
            received[input->email[size_t(c.boxSubscriber[size_t(b)])]].push_back(box);
        }
        MD_VERIFY(BoxCycleStore::confirm(*m_db, *input, c, kCycleStart));
    }
    const auto &b1 = received.at(QStringLiteral("b1@example.com"));
    QCOMPARE(b1.size(), size_t(4));
    for (size_t i = 0; i < b1.size(); ++i) {
        for (size_t j = i + 1; j < b1.size() && j <= i + 3; ++j) {
            QVERIFY2(!b1[i].intersects(b1[j]),
                     qPrintable(QStringLiteral("cycles %1 and %2 repeat").arg(i).arg(j)));
        }
    }
}

void tst_BoxCycle::pickingList()
{
    auto input = BoxCycleStore::load(*m_db, QStringLiteral("2027-01"), 9);
    MD_VERIFY(input);
    const BoxComposition c = BoxComposer::compose(input->products, input->subscribers, 9);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    MD_VERIFY(BoxCycleStore::writePickingList(&buffer, *input, c));
    const QList<QByteArray> lines = bytes.split('\n');
    QCOMPARE(lines.first(), QByteArray("cycle,customer_email,plan,sku,title,exclusive\r"));
    QCOMPARE(lines.size(), 1 + 9 + 1); // header, 9 items, the empty rest after the last CRLF
    // Premium is served first: its exclusive item opens the list, the formula neutralised.
    QVERIFY2(lines.at(1).startsWith("2027-01,p1@example.com,Premium,SKU-"),
             lines.at(1).constData());
    QVERIFY(lines.at(1).endsWith(",yes\r"));
    int exclusive = 0;
    for (const QByteArray &line : lines)
        exclusive += line.endsWith(",yes\r") ? 1 : 0;
    QCOMPARE(exclusive, 1);
    if (bytes.contains("HYPERLINK"))
        QVERIFY(bytes.contains("\"'=HYPERLINK(\"\"x\"\")\""));
}

void tst_BoxCycle::cliEntitlement()
{
    QVERIFY2(!test::cliProgram().isEmpty(), "MERCHANTDESK_CLI is not set");
    m_db.reset(); // the command opens its own connection
    CliRun run = runCliOn(m_scratch->location(),
                          {QStringLiteral("entitlement"), QStringLiteral("p1@example.com"),
                           QStringLiteral("num_exclusive_items")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("num_exclusive_items = 1 (active on Premium)\n"));
    run = runCliOn(m_scratch->location(),
                   {QStringLiteral("entitlement"), QStringLiteral("gone@example.com"),
                    QStringLiteral("target_item_count")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("target_item_count = 1 (cancelled on ")),
             qPrintable(run.out));
    run = runCliOn(m_scratch->location(),
                   {QStringLiteral("entitlement"), QStringLiteral("nobody@example.com"),
                    QStringLiteral("target_item_count")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("no customer with the email address nobody@")),
             qPrintable(run.err));
    run = runCliOn(m_scratch->location(), {QStringLiteral("entitlement"), QStringLiteral("x")});
    QCOMPARE(run.exitCode, 1);
}

void tst_BoxCycle::cliBoxesCompose()
{
    m_db.reset();
    QTemporaryDir dir;
    const QString picklist = dir.filePath(QStringLiteral("picklist.csv"));
    CliRun run = runCliOn(m_scratch->location(),
                          {QStringLiteral("boxes"), QStringLiteral("compose"),
                           QStringLiteral("--cycle"), QStringLiteral("2027-01"),
                           QStringLiteral("--dry-run"), QStringLiteral("--output"), picklist});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("Cycle 2027-01: 4 boxes with 9 items for 4 "
                                              "subscribers; 0 could not be filled.")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("Dry run")));
    QFile file(picklist);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray dryList = file.readAll();
    file.close();
    QCOMPARE(dryList.count('\n'), 10);

    auto db = m_scratch->open();
    MD_VERIFY(db);
    const qint64 before = totalStock(*db);
    db->close();
    run = runCliOn(m_scratch->location(),
                   {QStringLiteral("boxes"), QStringLiteral("compose"), QStringLiteral("--cycle"),
                    QStringLiteral("2027-01"), QStringLiteral("--output"), picklist});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QLatin1String("Recorded the boxes")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), dryList); // the same cycle and seed compose the same boxes
    file.close();
    auto again = m_scratch->open();
    MD_VERIFY(again);
    QCOMPARE(totalStock(*again), before - 9);
    again->close();

    run = runCliOn(m_scratch->location(), {QStringLiteral("boxes"), QStringLiteral("compose"),
                                           QStringLiteral("--cycle"), QStringLiteral("2027-01")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("confirmed already")), qPrintable(run.err));
}

void tst_BoxCycle::cliBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no action") << QStringList{QStringLiteral("boxes")}
                               << QStringLiteral("the only action is compose");
    QTest::newRow("no cycle") << QStringList{QStringLiteral("boxes"), QStringLiteral("compose")}
                              << QStringLiteral("--cycle YYYY-MM");
    QTest::newRow("bad cycle") << QStringList{QStringLiteral("boxes"), QStringLiteral("compose"),
                                              QStringLiteral("--cycle"), QStringLiteral("Jan")}
                               << QStringLiteral("“Jan” is not a cycle");
    QTest::newRow("bad seed") << QStringList{QStringLiteral("boxes"),   QStringLiteral("compose"),
                                             QStringLiteral("--cycle"), QStringLiteral("2027-01"),
                                             QStringLiteral("--seed"),  QStringLiteral("-3")}
                              << QStringLiteral("--seed");
}

void tst_BoxCycle::cliBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    m_db.reset();
    const CliRun run = runCliOn(m_scratch->location(), arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_BoxCycle)
#include "tst_boxcycle.moc"
