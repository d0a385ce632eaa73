// merchantdesk-cli loyalty on both backends: award prints what it did and is idempotent,
// balances and ledger as exact CSV bytes, as-of, a refund reversed, tiers and tier set, settings
// and expire, and every refusal with its exit status and a message naming the bad value.

#include "clirun.h"
#include "db/sql.h"
#include "testdb.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace md;
using test::CliRun;
using test::runCliOn;

namespace {

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *arg : list)
        out << QString::fromUtf8(arg);
    return out;
}

} // namespace

class tst_LoyaltyCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void workflow();
    void tiersAndSettings();
    void concurrentAwardsCreditOnce();
    void rewardsRedeemAndAdjust();
    void concurrentRedemptionsNeverOverdraw();
    void refusals_data();
    void refusals();

private:
    // init (tiers seeded), three customers and their orders on 2026-01-01 (UTC).
    Status prepare(const test::ScratchDatabase &scratch);
};

void tst_LoyaltyCli::initTestCase()
{
    QVERIFY2(!test::cliProgram().isEmpty(), "MERCHANTDESK_CLI is not set");
}

Status tst_LoyaltyCli::prepare(const test::ScratchDatabase &scratch)
{
    CliRun init = runCliOn(scratch.location(), {QStringLiteral("init")});
    if (init.exitCode != 0)
        return fail(init.err);
    if (!init.out.contains(QLatin1String("Created 4 loyalty tiers")))
        return fail(init.out);
    auto db = scratch.open();
    if (!db)
        return fail(db.error());
    const QStringList statements = {
        QStringLiteral("INSERT INTO customers (id, email, first_name, created_at) VALUES "
                       "(1, 'ann@example.com', 'Ann', 1767000000), "
                       "(2, 'bo@shop.org', 'Bo', 1767000000), "
                       "(3, 'cy@example.com', 'Cy', 1767000000)"),
        // 00:00, 01:00 and 02:00 on 2026-01-01; a guest order; a cancelled one.
        QStringLiteral("INSERT INTO orders (id, order_number, customer_id, ordered_at, status, "
                       "total_cents) VALUES "
                       "(1, 'A1', 1, 1767225600, 'completed', 45000), "
                       "(2, 'A2', 1, 1767229200, 'completed', 10000), "
                       "(3, 'A3', 1, 1767232800, 'completed', 5680), "
                       "(4, 'B1', 2, 1767225600, 'completed', 1999), "
                       "(5, 'B2', 2, 1767229200, 'cancelled', 90000), "
                       "(6, 'G1', NULL, 1767225600, 'completed', 99900)"),
    };
    for (const QString &statement : statements) {
        if (auto s = sql::exec(db->sql(), statement); !s)
            return s;
    }
    return {};
}

void tst_LoyaltyCli::workflow()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    MD_VERIFY(prepare(scratch));
    const QString db = scratch.location();

    CliRun r = runCliOn(db, args({"loyalty", "award", "--as-of", "2026-01-15"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Credited 4 orders with 640 points and reversed 0 orders (0 "
                                   "points) as of 2026-01-15T23:59:59Z; 2 customers' ledgers "
                                   "changed.\n"));
    r = runCliOn(db, args({"loyalty", "award", "--as-of", "2026-01-15"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QLatin1String("Credited 0 orders with 0 points and reversed 0")),
             qPrintable(r.out));

    const QByteArray balances = "email,balance,qualifying_points,tier\r\n"
                                "ann@example.com,621,621,Silver\r\n"
                                "bo@shop.org,19,19,Bronze\r\n";
    r = runCliOn(db, args({"loyalty", "balances", "--format", "csv"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.toUtf8(), balances);
    // As of 01:30 the third order had not earned yet.
    r = runCliOn(
        db, args({"loyalty", "balances", "--format", "csv", "--as-of", "2026-01-01T01:30:00Z"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.toUtf8(), QByteArray("email,balance,qualifying_points,tier\r\n"
                                        "ann@example.com,550,550,Silver\r\n"
                                        "bo@shop.org,19,19,Bronze\r\n"));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("balances.csv"));
    r = runCliOn(db, args({"loyalty", "balances", "--format", "csv", "--output"}) << file);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("Balances of 2 customers")), qPrintable(r.out));
    {
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), balances);
    }

    // The refund of A2 is reversed once, dated at the award.
    {
        auto open = scratch.open();
        MD_VERIFY(open);
        MD_VERIFY(sql::exec(open->sql(),
                            QStringLiteral("UPDATE orders SET status = 'refunded' WHERE id = 2")));
    }
    r = runCliOn(db, args({"loyalty", "award", "--as-of", "2026-02-01T12:00:00Z"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Credited 0 orders with 0 points and reversed 1 orders (100 "
                                   "points) as of 2026-02-01T12:00:00Z; 1 customers' ledgers "
                                   "changed.\n"));
    r = runCliOn(db, args({"loyalty", "award"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("reversed 0 orders")), qPrintable(r.out));

    r = runCliOn(db, args({"loyalty", "ledger", "ANN@example.com", "--format", "csv"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.toUtf8(), QByteArray("created_at,kind,delta,balance,source,note\r\n"
                                        "2026-01-01T00:00:00Z,earn,450,450,order:1,Order A1\r\n"
                                        "2026-01-01T01:00:00Z,earn,100,550,order:2,Order A2\r\n"
                                        "2026-01-01T02:00:00Z,earn,71,621,order:3,Order A3\r\n"
                                        "2026-02-01T12:00:00Z,reverse,-100,521,order:2:reverse,"
                                        "Order A2 was refunded after it earned\r\n"));
    r = runCliOn(db, args({"loyalty", "ledger", "ann@example.com"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(
        r.out.contains(QLatin1String("ann@example.com: balance 521, qualifying 521, tier Silver")),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("order:2:reverse")), qPrintable(r.out));

    // Expiry: off until set; then each batch 30 days after it was earned.
    r = runCliOn(db, args({"loyalty", "expire", "--as-of", "2026-06-30"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QLatin1String("Points do not expire")), qPrintable(r.out));
    r = runCliOn(db, args({"loyalty", "settings", "--expiry-days", "30"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runCliOn(db, args({"loyalty", "expire", "--as-of", "2026-06-30"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out,
             QStringLiteral("Expired 540 points of 2 customers as of 2026-06-30T23:59:59Z.\n"));
    r = runCliOn(db, args({"loyalty", "expire", "--as-of", "2026-06-30"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QLatin1String("Expired 0 points of 0 customers")), qPrintable(r.out));
    r = runCliOn(db, args({"loyalty", "balances", "--format", "csv"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // Spending or losing points never demotes on the lifetime basis.
    QCOMPARE(r.out.toUtf8(), QByteArray("email,balance,qualifying_points,tier\r\n"
                                        "ann@example.com,0,521,Silver\r\n"
                                        "bo@shop.org,0,19,Bronze\r\n"));
}

void tst_LoyaltyCli::tiersAndSettings()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    MD_VERIFY(prepare(scratch));
    const QString db = scratch.location();

    CliRun r = runCliOn(db, args({"loyalty", "tiers"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY2(lines[2].contains(QLatin1String("500")) && lines[2].contains(QLatin1String("x1.25"))
                 && lines[2].contains(QLatin1String("Free standard shipping over 50.00")),
             qPrintable(lines[2]));
    QVERIFY2(lines[4].startsWith(QLatin1String("Platinum"))
                 && lines[4].contains(QLatin1String("x2"))
                 && lines[4].contains(QLatin1String("Annual gift")),
             qPrintable(lines[4]));

    r = runCliOn(db, args({"loyalty", "tier", "set", "silver", "--multiplier", "1.3", "--threshold",
                           "600"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Tier Silver: from 600 points, x1.3.\n"));
    r = runCliOn(db, args({"loyalty", "tier", "set", "Diamond", "--multiplier", "2.5",
                           "--threshold", "10000"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Tier Diamond: from 10000 points, x2.5.\n"));

    r = runCliOn(db, args({"loyalty", "settings"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out,
             QStringLiteral("Points expire: never\nTier basis: lifetime\nPending days: 0\n"));
    r = runCliOn(db, args({"loyalty", "settings", "--expiry-days", "365", "--basis", "rolling12"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Points expire: 365 days after they were earned\n"
                                   "Tier basis: rolling12\nPending days: 0\n"));

    // Earned at Silver x1.3 from 600: A1 450, A2 100 (550 < 600: still Bronze), A3 56 (x1).
    r = runCliOn(db, args({"loyalty", "award", "--as-of", "2026-01-15"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QLatin1String("Credited 4 orders with 625 points")),
             qPrintable(r.out));

    // jobs run-due runs the award as the job loyalty_award once it is scheduled.
    {
        auto open = scratch.open();
        MD_VERIFY(open);
        MD_VERIFY(sql::exec(open->sql(),
                            QStringLiteral("INSERT INTO orders (id, order_number, customer_id, "
                                           "ordered_at, status, total_cents) VALUES "
                                           "(7, 'C1', 3, 1767225600, 'completed', 1000)")));
        MD_VERIFY(sql::exec(open->sql(),
                            QStringLiteral("INSERT INTO scheduled_jobs (job_type, enabled, "
                                           "schedule_kind, interval_minutes, next_run_at) VALUES "
                                           "('loyalty_award', 1, 'interval', 60, 1)")));
    }
    r = runCliOn(db, args({"jobs", "run-due"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains(QLatin1String("loyalty_award: done: Credited 1 orders (10 points)")),
             qPrintable(r.out));
}

void tst_LoyaltyCli::concurrentAwardsCreditOnce()
{
    // Three awards started at once (three desktops, or cron beside the tray): they queue on the
    // ledger's lock, the first credits the four orders, the others find them credited.
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    MD_VERIFY(prepare(scratch));
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < 3; ++i) {
        auto process = std::make_unique<QProcess>();
        process->start(test::cliProgram(), args({"--db"})
                                               << scratch.location() << args({"loyalty", "award"}));
        processes.push_back(std::move(process));
    }
    int credited = 0;
    static const QRegularExpression count(QStringLiteral("^Credited (\\d+) orders"));
    for (const auto &process : processes) {
        QVERIFY(process->waitForFinished(-1));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        const QString out = QString::fromUtf8(process->readAllStandardOutput());
        QVERIFY2(process->exitCode() == 0,
                 qPrintable(QString::fromUtf8(process->readAllStandardError())));
        const QRegularExpressionMatch match = count.match(out);
        QVERIFY2(match.hasMatch(), qPrintable(out));
        credited += match.captured(1).toInt();
    }
    QCOMPARE(credited, 4);
    auto db = scratch.open();
    MD_VERIFY(db);
    auto rows = sql::scalar(db->sql(), QStringLiteral("SELECT COUNT(*) FROM points_ledger"));
    MD_VERIFY(rows);
    QCOMPARE(rows->toInt(), 4);
}

void tst_LoyaltyCli::rewardsRedeemAndAdjust()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    MD_VERIFY(prepare(scratch));
    const QString db = scratch.location();
    CliRun r = runCliOn(db, args({"loyalty", "rewards"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QLatin1String("There are no rewards yet")), qPrintable(r.out));
    r = runCliOn(db, args({"loyalty", "reward", "set", "Ten off", "--kind", "fixed_discount",
                           "--value", "10.00", "--cost", "400", "--limit", "1"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out,
             QStringLiteral(
                 "Reward Ten off: 10.00 off for 400 points, at most 1 redemption per customer.\n"));
    r = runCliOn(db, args({"loyalty", "reward", "set", "Free shipping", "--kind", "free_shipping",
                           "--cost", "150", "--min-balance", "200"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Reward Free shipping: free shipping for 150 points, from a "
                                   "balance of 200.\n"));
    r = runCliOn(db, args({"loyalty", "rewards"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Reward         Gives          Cost  Min. balance  Limit  "
                                   "Active\n"
                                   "Free shipping  free shipping   150           200   none  yes\n"
                                   "Ten off        10.00 off       400             0      1  "
                                   "yes\n"));

    r = runCliOn(db, args({"loyalty", "award", "--as-of", "2026-01-15"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err)); // Ann 621, Bo 19
    r = runCliOn(db, args({"loyalty", "redeem", "ann@example.com", "ten off"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    static const QRegularExpression redeemed(
        QStringLiteral("^Redeemed Ten off for ann@example.com: 400 points; reward code "
                       "(MD-[2-9A-Z]{4}-[2-9A-Z]{4}); "
                       "balance now 221\\.\n$"));
    const QRegularExpressionMatch match = redeemed.match(r.out);
    QVERIFY2(match.hasMatch(), qPrintable(r.out));
    const QString code = match.captured(1);
    r = runCliOn(db, args({"loyalty", "redeem", "ann@example.com", "Ten off"}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("has redeemed it 1 time, its limit per customer; "
                                          "nothing was written")),
             qPrintable(r.err));
    r = runCliOn(db, args({"loyalty", "redeem", "bo@shop.org", "Free shipping"}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("it needs a balance of at least 200 points and "
                                          "bo@shop.org has 19")),
             qPrintable(r.err));

    r = runCliOn(db,
                 args({"loyalty", "adjust", "bo@shop.org", "--points", "-20", "--reason", "typo"}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("bo@shop.org has 19 points; taking 20 would leave the "
                                          "balance below zero")),
             qPrintable(r.err));
    r = runCliOn(db, args({"loyalty", "adjust", "bo@shop.org", "--points", "+181", "--reason",
                           "Parcel lost in transit"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Adjusted bo@shop.org by +181 points; balance now 200.\n"));
    r = runCliOn(db, args({"loyalty", "redeem", "bo@shop.org", "Free shipping"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    r = runCliOn(db, args({"loyalty", "ledger", "ann@example.com", "--format", "csv"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY2(lines.last().contains(QStringLiteral(",redeem,-400,221,redeem:%1,\"Reward Ten off "
                                                  "(10.00 off), code %1\"")
                                       .arg(code)),
             qPrintable(lines.last()));
    r = runCliOn(db, args({"loyalty", "balances", "--format", "csv"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // Spending never demotes: Ann keeps her 621 qualifying points and Silver.
    QCOMPARE(r.out.toUtf8(), QByteArray("email,balance,qualifying_points,tier\r\n"
                                        "ann@example.com,221,621,Silver\r\n"
                                        "bo@shop.org,50,19,Bronze\r\n"));
}

void tst_LoyaltyCli::concurrentRedemptionsNeverOverdraw()
{
    // Ann has 621 points and four processes (four desktops, or cron beside the tray) each redeem
    // a 400-point reward at the same moment: they queue on the ledger's lock, one wins and the
    // three others see its entry and are refused. Never two, never a negative balance.
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    MD_VERIFY(prepare(scratch));
    const QString db = scratch.location();
    CliRun r = runCliOn(db, args({"loyalty", "award", "--as-of", "2026-01-15"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runCliOn(db, args({"loyalty", "reward", "set", "Big", "--kind", "percent_discount",
                           "--value", "25", "--cost", "400"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < 4; ++i) {
        auto process = std::make_unique<QProcess>();
        process->start(test::cliProgram(),
                       args({"--db"})
                           << db << args({"loyalty", "redeem", "ann@example.com", "Big"}));
        processes.push_back(std::move(process));
    }
    int won = 0;
    int refused = 0;
    for (const auto &process : processes) {
        QVERIFY(process->waitForFinished(-1));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        const QString err = QString::fromUtf8(process->readAllStandardError());
        if (process->exitCode() == 0) {
            ++won;
        } else {
            QCOMPARE(process->exitCode(), 2);
            QVERIFY2(err.contains(QLatin1String("it costs 400 points and ann@example.com has 221 "
                                                "to spend")),
                     qPrintable(err));
            ++refused;
        }
    }
    QCOMPARE(won, 1);
    QCOMPARE(refused, 3);
    auto opened = scratch.open();
    MD_VERIFY(opened);
    auto sum
        = sql::scalar(opened->sql(),
                      QStringLiteral("SELECT SUM(delta) FROM points_ledger WHERE customer_id = 1"));
    MD_VERIFY(sum);
    QCOMPARE(sum->toLongLong(), 221);
    auto redemptions
        = sql::scalar(opened->sql(), QStringLiteral("SELECT COUNT(*) FROM loyalty_redemptions"));
    MD_VERIFY(redemptions);
    QCOMPARE(redemptions->toInt(), 1);
}

void tst_LoyaltyCli::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    const auto tierSet = [](const char *option, const char *value) {
        return args({"loyalty", "tier", "set", "Silver"})
               << QString::fromUtf8(option) << QString::fromUtf8(value);
    };
    QTest::newRow("five decimals")
        << tierSet("--multiplier", "1.23456") << 1
        << QStringLiteral("--multiplier \"1.23456\" is not a multiplier: give a positive number "
                          "with at most four decimals");
    QTest::newRow("multiplier text")
        << tierSet("--multiplier", "abc") << 1 << QStringLiteral("\"abc\" is not a multiplier");
    QTest::newRow("multiplier 0") << tierSet("--multiplier", "0") << 1
                                  << QStringLiteral("\"0\" is not a multiplier: it must be "
                                                    "greater than 0");
    QTest::newRow("multiplier negative")
        << tierSet("--multiplier", "-1.5") << 1 << QStringLiteral("\"-1.5\" is not a multiplier");
    QTest::newRow("threshold negative")
        << tierSet("--threshold", "-5") << 1
        << QStringLiteral("--threshold \"-5\" is not a whole number of points");
    QTest::newRow("threshold taken")
        << args({"loyalty", "tier", "set", "Gold", "--threshold", "500"}) << 2
        << QStringLiteral("tier \"Silver\" already starts at 500 points");
    QTest::newRow("new tier half given")
        << args({"loyalty", "tier", "set", "Diamond", "--threshold", "9000"}) << 2
        << QStringLiteral("There is no tier \"Diamond\"; a new tier needs both");
    QTest::newRow("tier set nothing") << args({"loyalty", "tier", "set", "Gold"}) << 1
                                      << QStringLiteral("give --threshold N, --multiplier X");
    QTest::newRow("tier without set") << args({"loyalty", "tier", "add", "Gold"}) << 1
                                      << QStringLiteral("\"add\" is not an action");
    QTest::newRow("bad basis") << args({"loyalty", "settings", "--basis", "monthly"}) << 1
                               << QStringLiteral("--basis \"monthly\" is not a tier basis; use "
                                                 "lifetime|rolling12|balance");
    QTest::newRow("bad expiry days") << args({"loyalty", "settings", "--expiry-days", "1y"}) << 1
                                     << QStringLiteral("--expiry-days \"1y\" is not a number of "
                                                       "days");
    QTest::newRow("unknown customer") << args({"loyalty", "ledger", "nobody@example.com"}) << 2
                                      << QStringLiteral("There is no customer with the email "
                                                        "\"nobody@example.com\"");
    QTest::newRow("ledger without email")
        << args({"loyalty", "ledger"}) << 1 << QStringLiteral("loyalty ledger: takes one customer");
    QTest::newRow("option elsewhere") << args({"loyalty", "award", "--format", "csv"}) << 1
                                      << QStringLiteral("loyalty award: --format does not apply");
    QTest::newRow("bad as-of") << args({"loyalty", "award", "--as-of", "15.01.2026"}) << 1
                               << QStringLiteral("\"15.01.2026\" is not a date");
    QTest::newRow("bad format") << args({"loyalty", "balances", "--format", "xml"}) << 1
                                << QStringLiteral("--format \"xml\"");
    QTest::newRow("bad reward kind")
        << args({"loyalty", "reward", "set", "X", "--kind", "voucher", "--cost", "5"}) << 1
        << QStringLiteral("--kind \"voucher\" is not a kind of reward; use fixed_discount|"
                          "percent_discount|free_product|free_shipping");
    QTest::newRow("reward cost 0")
        << args({"loyalty", "reward", "set", "X", "--kind", "free_shipping", "--cost", "0"}) << 1
        << QStringLiteral("--cost \"0\" is not a whole number from 1");
    QTest::newRow("reward active maybe")
        << args({"loyalty", "reward", "set", "X", "--active", "maybe"}) << 1
        << QStringLiteral("--active \"maybe\" is neither yes nor no");
    QTest::newRow("reward without set") << args({"loyalty", "reward", "add", "X"}) << 1
                                        << QStringLiteral("\"add\" is not an action");
    QTest::newRow("new reward half given")
        << args({"loyalty", "reward", "set", "X", "--cost", "5"}) << 2
        << QStringLiteral("There is no reward \"X\"; a new reward needs at least --kind and "
                          "--cost");
    QTest::newRow("reward bad amount")
        << args({"loyalty", "reward", "set", "X", "--kind", "fixed_discount", "--value", "5,00",
                 "--cost", "5"})
        << 2 << QStringLiteral("the value \"5,00\" of a fixed discount is not an amount");
    QTest::newRow("redeem unknown reward")
        << args({"loyalty", "redeem", "ann@example.com", "Gold bar"}) << 2
        << QStringLiteral("there is no reward \"Gold bar\" (loyalty rewards lists them)");
    QTest::newRow("redeem one argument") << args({"loyalty", "redeem", "ann@example.com"}) << 1
                                         << QStringLiteral("takes a customer email and a reward");
    QTest::newRow("adjust points 0")
        << args({"loyalty", "adjust", "ann@example.com", "--points", "0", "--reason", "x"}) << 1
        << QStringLiteral("--points \"0\" is not a whole number of points other than 0");
    QTest::newRow("adjust points text")
        << args({"loyalty", "adjust", "ann@example.com", "--points", "ten", "--reason", "x"}) << 1
        << QStringLiteral("--points \"ten\"");
    QTest::newRow("adjust without reason")
        << args({"loyalty", "adjust", "ann@example.com", "--points", "5"}) << 1
        << QStringLiteral("--reason is needed");
    QTest::newRow("no action") << args({"loyalty"}) << 1
                               << QStringLiteral("loyalty: give one of award, balances");
}

void tst_LoyaltyCli::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    MD_VERIFY(prepare(scratch));
    const CliRun r = runCliOn(scratch.location(), arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(tst_LoyaltyCli)
#include "tst_loyaltycli.moc"
