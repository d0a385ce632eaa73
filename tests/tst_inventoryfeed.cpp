// The inventory feed against a local HTTP server started by the test (a QTcpServer with canned
// answers): a good feed with an unknown SKU, a timeout, HTTP 500 and 401, malformed JSON and
// wrong types; whatever fails changes nothing, and a scheduled repricing run on a failed feed is
// skipped. Also merchantdesk-cli inventory pull, in a second process.

#include "clirun.h"
#include "db/sql.h"
#include "inventory/inventoryfeed.h"
#include "inventory/inventoryimporter.h"
#include "inventory/inventorysettings.h"
#include "pricing/pricingjob.h"
#include "schedule/manualclock.h"
#include "schedule/schedulestore.h"
#include "schedule/standardjobs.h"
#include "seedproducts.h"
#include "testdb.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

using namespace md;

namespace {

constexpr qint64 kNow = 1'700'000'000;

// Answers every request with the same canned HTTP response, or never (silent).
class FeedServer : public QObject
{
public:
    FeedServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll();
                    if (!m_request.contains("\r\n\r\n") || silent)
                        return;
                    socket->write(m_response);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    void answer(int status, const QByteArray &reason, const QByteArray &body)
    {
        m_response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                     + "\r\nContent-Type: application/json\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/stock.json").arg(m_server.serverPort()));
    }
    QByteArray request() const { return m_request; }

    bool silent = false;

private:
    QTcpServer m_server;
    QByteArray m_response;
    QByteArray m_request;
};

Status seed(const Database &db)
{
    std::vector<test::SeedProduct> products;
    for (const auto &[sku, stock] :
         {std::pair{"A-1", 5}, std::pair{"B-2", 50}, std::pair{"C-3", 7}}) {
        products.push_back({.sku = QString::fromLatin1(sku),
                            .costCents = 100,
                            .stockLevel = stock,
                            .demandScore = 2});
    }
    return test::seedProducts(db, products);
}

QString stocks(const Database &db)
{
    auto query = sql::select(db.sql(), QStringLiteral("SELECT sku, stock_level FROM products "
                                                      "ORDER BY sku"));
    QStringList parts;
    while (query && query->next())
        parts << query->value(0).toString() + QLatin1Char('=') + query->value(1).toString();
    return parts.join(QLatin1Char(' '));
}

const QByteArray kGoodFeed = R"([
  {"product_id": "A-1", "stock_level": 15, "last_updated": "2023-10-27T10:00:00Z"},
  {"product_id": "B-2", "stock_level": 50, "last_updated": "2023-10-27T11:30:00Z"},
  {"product_id": "ZZ-9", "stock_level": 3, "last_updated": "2023-10-27T09:00:00Z"}
])";

} // namespace

class tst_InventoryFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void goodFeedUpdatesKnownSkus();
    void failuresChangeNothing_data();
    void failuresChangeNothing();
    void wrongTypesAreNamed_data();
    void wrongTypesAreNamed();
    void scheduledRunSkipsOnAFailedFeed();
    void commandLinePull();
};

void tst_InventoryFeed::initTestCase()
{
    // No keyring in the test environment: the documented fallback gives the token.
    qputenv("MERCHANTDESK_INVENTORY_TOKEN", "s3cret");
}

void tst_InventoryFeed::goodFeedUpdatesKnownSkus()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
    FeedServer server;
    server.answer(200, "OK", kGoodFeed);
    MD_VERIFY(InventorySettings::save(*db, server.url(), 10));
    auto config = InventorySettings::load(*db);
    MD_VERIFY(config);
    QCOMPARE(config->url, server.url());
    QCOMPARE(config->timeoutSeconds, 10);
    QCOMPARE(config->token, QStringLiteral("s3cret"));

    auto report = InventoryImporter::pull(*db, *config, kNow);
    MD_VERIFY(report);
    QCOMPARE(report->received, 3);
    QCOMPARE(report->updated, 1);
    QCOMPARE(report->unchanged, 1);
    QCOMPARE(report->unknownSkus, QStringList{QStringLiteral("ZZ-9")});
    QCOMPARE(report->newestUpdate.toUTC(),
             QDateTime::fromString(QStringLiteral("2023-10-27T11:30:00Z"), Qt::ISODate));
    QCOMPARE(stocks(*db), QStringLiteral("A-1=15 B-2=50 C-3=7"));
    auto count = sql::scalar(db->sql(), QStringLiteral("SELECT COUNT(*) FROM products"));
    MD_VERIFY(count);
    QCOMPARE(count->toInt(), 3); // the unknown SKU was not invented
    auto touched = sql::scalar(db->sql(),
                               QStringLiteral("SELECT updated_at FROM products WHERE sku = 'A-1'"));
    MD_VERIFY(touched);
    QCOMPARE(touched->toLongLong(), kNow);
    QVERIFY2(server.request().contains("Authorization: Bearer s3cret"),
             server.request().constData());
    QVERIFY(server.request().startsWith("GET /stock.json "));
    QCOMPARE(InventoryImporter::summary(*report),
             QStringLiteral("Updated the stock of 1 of 3 products in the feed (1 unchanged); 1 "
                            "SKUs are not in the shop and were ignored: ZZ-9"));
}

void tst_InventoryFeed::failuresChangeNothing_data()
{
    QTest::addColumn<int>("status"); // 0: the server never answers
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");

    QTest::newRow("timeout") << 0 << QByteArray() << QStringLiteral("t")
                             << QStringLiteral("did not answer within 1 seconds");
    QTest::newRow("HTTP 500") << 500 << QByteArray("oops") << QStringLiteral("t")
                              << QStringLiteral("answered HTTP 500 Internal Server Error");
    QTest::newRow("HTTP 401 without a token")
        << 401 << QByteArray("{}") << QString()
        << QStringLiteral("(no token was sent: set MERCHANTDESK_INVENTORY_TOKEN");
    QTest::newRow("malformed JSON")
        << 200 << QByteArray(R"([{"product_id": "A-1", )") << QStringLiteral("t")
        << QStringLiteral("The inventory feed is not valid JSON");
    QTest::newRow("wrong type in the last element")
        << 200 << QByteArray(R"([{"product_id": "A-1", "stock_level": 99},
                                 {"product_id": "B-2", "stock_level": "15"}])")
        << QStringLiteral("t")
        << QStringLiteral("element 2 (B-2): stock_level must be a whole number ≥ 0, got a text "
                          "\"15\"");
}

void tst_InventoryFeed::failuresChangeNothing()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, token);
    QFETCH(QString, message);

    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
    const QString before = stocks(*db);
    FeedServer server;
    server.silent = status == 0;
    server.answer(status, status == 500 ? "Internal Server Error" : "Whatever", body);
    InventoryFeedConfig config;
    config.url = server.url();
    config.token = token;
    config.timeoutSeconds = 1;
    auto report = InventoryImporter::pull(*db, config, kNow);
    QVERIFY(!report);
    QVERIFY2(report.error().contains(message), qPrintable(report.error()));
    QVERIFY2(report.error().contains(QStringLiteral("127.0.0.1")), qPrintable(report.error()));
    QCOMPARE(stocks(*db), before);
}

void tst_InventoryFeed::wrongTypesAreNamed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("not an array") << QByteArray(R"({"product_id": "A-1"})")
                                  << QStringLiteral(
                                         "The inventory feed must be a JSON array of products");
    QTest::newRow("element not an object")
        << QByteArray(R"([{"product_id": "A-1", "stock_level": 1}, 5])")
        << QStringLiteral("Inventory feed, element 2: expected an object with product_id and "
                          "stock_level, got a number");
    QTest::newRow("missing product_id")
        << QByteArray(R"([{"stock_level": 1}])")
        << QStringLiteral("Inventory feed, element 1: product_id must be a non-empty text, got "
                          "nothing");
    QTest::newRow("numeric product_id")
        << QByteArray(R"([{"product_id": 12, "stock_level": 1}])")
        << QStringLiteral("Inventory feed, element 1: product_id must be a non-empty text, got "
                          "a number");
    QTest::newRow("negative stock")
        << QByteArray(R"([{"product_id": "A-1", "stock_level": -2}])")
        << QStringLiteral("Inventory feed, element 1 (A-1): stock_level must be a whole number ≥ "
                          "0, got -2");
    QTest::newRow("fractional stock")
        << QByteArray(R"([{"product_id": "A-1", "stock_level": 1.5}])")
        << QStringLiteral("Inventory feed, element 1 (A-1): stock_level must be a whole number ≥ "
                          "0, got 1.5");
    QTest::newRow("missing stock")
        << QByteArray(R"([{"product_id": "A-1"}])")
        << QStringLiteral("Inventory feed, element 1 (A-1): stock_level must be a whole number ≥ "
                          "0, got nothing");
    QTest::newRow("bad time")
        << QByteArray(R"([{"product_id": "A-1", "stock_level": 1, "last_updated": "yesterday"}])")
        << QStringLiteral("Inventory feed, element 1 (A-1): last_updated must be a time such as "
                          "2023-10-27T10:00:00Z, got a text \"yesterday\"");
    QTest::newRow("duplicate")
        << QByteArray(R"([{"product_id": "A-1", "stock_level": 1},)"
                      R"( {"product_id": "A-1", "stock_level": 2}])")
        << QStringLiteral("Inventory feed: product_id A-1 appears twice (elements 1 and 2)");
}

void tst_InventoryFeed::wrongTypesAreNamed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    auto parsed = InventoryFeed::parse(json);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error(), message);
}

void tst_InventoryFeed::scheduledRunSkipsOnAFailedFeed()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
    FeedServer server;
    server.answer(500, "Internal Server Error", "down");
    MD_VERIFY(InventorySettings::save(*db, server.url(), 5));
    const QDateTime start = QDateTime::fromSecsSinceEpoch(kNow, QTimeZone::utc());
    ManualClock clock(start);
    JobSchedule schedule = JobSchedule::defaults(PricingJob::jobType());
    schedule.enabled = true;
    schedule.intervalMinutes = 60;
    schedule.mode = JobSchedule::Mode::Apply;
    MD_VERIFY(ScheduleStore::save(*db, schedule, start));
    clock.advance(3600);

    auto reports = StandardJobs::runner().runDue(*db, clock);
    MD_VERIFY(reports);
    QCOMPARE(reports->size(), size_t(1));
    QCOMPARE(int(reports->front().outcome.status), int(JobOutcome::Status::Failed));
    QVERIFY2(reports->front().outcome.message.startsWith(
                 QLatin1String("Repricing skipped, nothing changed: The inventory feed")),
             qPrintable(reports->front().outcome.message));
    auto runs = sql::scalar(db->sql(), QStringLiteral("SELECT COUNT(*) FROM price_runs"));
    MD_VERIFY(runs);
    QCOMPARE(runs->toInt(), 0);
    auto prices = sql::scalar(db->sql(), QStringLiteral("SELECT SUM(current_price_cents) FROM "
                                                        "products"));
    MD_VERIFY(prices);
    QCOMPARE(prices->toLongLong(), 3000);

    // With the feed back, the run pulls it first, then reprices on the new stock levels.
    server.answer(200, "OK", R"([{"product_id": "B-2", "stock_level": 500}])");
    clock.advance(3600);
    auto ok = StandardJobs::runner().runDue(*db, clock);
    MD_VERIFY(ok);
    QCOMPARE(int(ok->front().outcome.status), int(JobOutcome::Status::Succeeded));
    QVERIFY2(ok->front().outcome.message.startsWith(
                 QLatin1String("Updated the stock of 1 of 1 products in the feed (0 unchanged). "
                               "Applied 2 price changes")),
             qPrintable(ok->front().outcome.message));
    QCOMPARE(stocks(*db), QStringLiteral("A-1=5 B-2=500 C-3=7"));
}

void tst_InventoryFeed::commandLinePull()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    {
        auto db = scratch.open();
        MD_VERIFY(db);
        MD_VERIFY(seed(*db));
    }
    QVERIFY2(!test::cliProgram().isEmpty(), "MERCHANTDESK_CLI is not set");
    FeedServer server;
    // The server lives in this process: runCliOn() waits with the event loop running.
    const auto pull = [&](const QStringList &extra) {
        return test::runCliOn(scratch.location(),
                              QStringList{QStringLiteral("inventory"), QStringLiteral("pull")}
                                  + extra);
    };
    {
        const auto [status, out, err] = pull({});
        QCOMPARE(status, 1);
        QVERIFY2(err.contains(QLatin1String("no feed is configured")), qPrintable(err));
    }
    server.answer(200, "OK", kGoodFeed);
    {
        const auto [status, out, err] = pull({QStringLiteral("--url"), server.url().toString()});
        QVERIFY2(status == 0, qPrintable(err));
        QCOMPARE(out, QStringLiteral("Updated the stock of 1 of 3 products in the feed (1 "
                                     "unchanged); 1 SKUs are not in the shop and were ignored: "
                                     "ZZ-9.\n"));
    }
    server.answer(500, "Internal Server Error", "down");
    {
        const auto [status, out, err] = pull({QStringLiteral("--url"), server.url().toString(),
                                              QStringLiteral("--timeout"), QStringLiteral("5")});
        QCOMPARE(status, 2);
        QVERIFY(out.isEmpty());
        QVERIFY2(err.contains(QLatin1String("answered HTTP 500 Internal Server Error; no stock "
                                            "level was changed")),
                 qPrintable(err));
    }
    {
        const auto [status, out, err] = pull({QStringLiteral("--url"), QStringLiteral("ftp://x")});
        QCOMPARE(status, 1);
        QVERIFY2(err.contains(QLatin1String("--url \"ftp://x\" is not an http")), qPrintable(err));
    }
    auto db = scratch.open();
    MD_VERIFY(db);
    QCOMPARE(stocks(*db), QStringLiteral("A-1=15 B-2=50 C-3=7"));
}

QTEST_GUILESS_MAIN(tst_InventoryFeed)
#include "tst_inventoryfeed.moc"
