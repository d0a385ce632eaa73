// merchantdesk-cli segment on both backends: exit codes, the count alone on stdout, members as
// CSV, and messages naming the JSON path of the node that is wrong.

#include "clirun.h"
#include "db/sql.h"
#include "testdb.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace md;
using test::CliRun;
using test::runCliOn;

class tst_SegmentCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void workflow();
    void rfm();
    void refusals_data();
    void refusals();

private:
    // A database with the built-ins and three customers (two buyers, one in the future).
    Status prepare(const test::ScratchDatabase &scratch);
};

void tst_SegmentCli::initTestCase()
{
    QVERIFY2(!test::cliProgram().isEmpty(), "MERCHANTDESK_CLI is not set");
}

Status tst_SegmentCli::prepare(const test::ScratchDatabase &scratch)
{
    CliRun init = runCliOn(scratch.location(), {QStringLiteral("init")});
    if (init.exitCode != 0)
        return fail(init.err);
    auto db = scratch.open();
    if (!db)
        return fail(db.error());
    // 2026-06-01 .. 2026-06-30 (UTC) in epoch seconds.
    const QStringList statements = {
        QStringLiteral("INSERT INTO customers (id, email, first_name, last_name, created_at) "
                       "VALUES (1, 'ann@example.com', 'Ann', 'Lee', 1780272000)"),
        QStringLiteral("INSERT INTO customers (id, email, first_name, last_name, created_at) "
                       "VALUES (2, 'bo@shop.org', 'Bo', '=cmd', 1780272000)"),
        QStringLiteral("INSERT INTO customers (id, email, first_name, last_name, created_at) "
                       "VALUES (3, 'cy@example.com', 'Cy', 'Late', 1790000000)"),
        QStringLiteral("INSERT INTO orders (order_number, customer_id, ordered_at, status, "
                       "total_cents) VALUES ('A1', 1, 1780358400, 'completed', 12550)"),
        QStringLiteral("INSERT INTO orders (order_number, customer_id, ordered_at, status, "
                       "total_cents) VALUES ('A2', 1, 1782777600, 'completed', 1000)"),
        QStringLiteral("INSERT INTO orders (order_number, customer_id, ordered_at, status, "
                       "total_cents) VALUES ('B1', 2, 1780358400, 'cancelled', 90000)"),
    };
    for (const QString &statement : statements) {
        if (auto s = sql::exec(db->sql(), statement); !s)
            return s;
    }
    return {};
}

void tst_SegmentCli::workflow()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    MD_VERIFY(prepare(scratch));
    const QString db = scratch.location();
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("rule.json"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"all":[{"field":"total_spent","op":">","value":100}]})");
    }
    CliRun r
        = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("create"), QStringLiteral("Big"),
                        QStringLiteral("--definition"), QLatin1Char('@') + file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // As of the end of 2026-06-30 Ann has spent 135.50; as of 2026-06-29 only 125.50 (A2 is
    // on the 30th): both above 100. Bo's only order was cancelled.
    r = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("Big"),
                      QStringLiteral("--as-of"), QStringLiteral("2026-06-30")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("1\n"));

    r = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("update"), QStringLiteral("Big"),
                      QStringLiteral("--definition"),
                      QStringLiteral(R"({"all":[{"field":"total_spent","op":">","value":130}]})")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("Big"),
                      QStringLiteral("--as-of"), QStringLiteral("2026-06-29")});
    QCOMPARE(r.out, QStringLiteral("0\n"));
    // A date means the end of that UTC day: A2 at 00:00 on the 30th counts.
    r = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("Big"),
                      QStringLiteral("--as-of"), QStringLiteral("2026-06-30")});
    QCOMPARE(r.out, QStringLiteral("1\n"));
    r = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("Big"),
                      QStringLiteral("--as-of"), QStringLiteral("2026-06-29T23:59:59Z")});
    QCOMPARE(r.out, QStringLiteral("0\n"));

    r = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("create"), QStringLiteral("All"),
                      QStringLiteral("--definition"),
                      QStringLiteral(R"({"any":[{"field":"orders_count","op":">=","value":0},)"
                                     R"({"field":"email_domain","op":"=","value":"shop.org"}]})")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString csv = dir.filePath(QStringLiteral("members.csv"));
    r = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("members"), QStringLiteral("All"),
                      QStringLiteral("--as-of"), QStringLiteral("2026-06-30"),
                      QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"),
                      csv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile in(csv);
    QVERIFY(in.open(QIODevice::ReadOnly));
    // Cy joined after the as-of moment; Bo's "=cmd" is neutralised for spreadsheets.
    QCOMPARE(QString::fromUtf8(in.readAll()),
             QStringLiteral("email,first_name,last_name,orders_count,email_domain\r\n"
                            "ann@example.com,Ann,Lee,2,example.com\r\n"
                            "bo@shop.org,Bo,'=cmd,0,shop.org\r\n"));

    r = runCliOn(db,
                 {QStringLiteral("segment"), QStringLiteral("list"), QStringLiteral("--as-of"),
                  QStringLiteral("2026-06-30"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("\r\nBig,1,,")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("\r\nHigh value,1,")), qPrintable(r.out));

    r = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("delete"), QStringLiteral("Big")});
    QCOMPARE(r.exitCode, 0);
    r = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("count"), QStringLiteral("Big")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QStringLiteral("There is no segment named \"Big\"")),
             qPrintable(r.err));
}

void tst_SegmentCli::rfm()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    MD_VERIFY(prepare(scratch));
    const QString db = scratch.location();
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("rfm.csv"));
    // As of the end of 2026-06-30 only Ann is scored (Bo's order was cancelled, Cy joined
    // later): her last order (A2, 00:00 on the 30th) is 0 whole days back; alone she reaches
    // no break, so R 5, F 1, M 1: a new customer.
    CliRun r
        = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("rfm"), QStringLiteral("--as-of"),
                        QStringLiteral("2026-06-30"), QStringLiteral("--format"),
                        QStringLiteral("csv"), QStringLiteral("--output"), csv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("RFM scores of 1 customers written to %1.\n").arg(csv));
    QFile in(csv);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QCOMPARE(in.readAll(), QByteArray("email,recency_days,frequency,monetary,r,f,m,group\r\n"
                                      "ann@example.com,0,2,135.50,5,1,1,new_customers\r\n"));

    // As of 2026-06-29 A2 is not placed yet: one order, 27 whole days back.
    r = runCliOn(db,
                 {QStringLiteral("segment"), QStringLiteral("rfm"), QStringLiteral("--as-of"),
                  QStringLiteral("2026-06-29"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("email,recency_days,frequency,monetary,r,f,m,group\r\n"
                                   "ann@example.com,27,1,125.50,5,1,1,new_customers\r\n"));

    // The summary: every group with its customers and shares, then the grid.
    r = runCliOn(db, {QStringLiteral("segment"), QStringLiteral("rfm"), QStringLiteral("--as-of"),
                      QStringLiteral("2026-06-30")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0),
             QStringLiteral("RFM groups of 1 customers as of 2026-06-30T23:59:59Z"));
    QVERIFY2(lines.value(2).startsWith(QStringLiteral("Group")), qPrintable(r.out));
    QVERIFY2(r.out.contains(
                 QRegularExpression(QStringLiteral("\nNew customers +1 +100\\.0 % +100\\.0 %\n"))),
             qPrintable(r.out));
    QVERIFY2(
        r.out.contains(QRegularExpression(QStringLiteral("\nChampions +0 +0\\.0 % +0\\.0 %\n"))),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\nR5 +1 +0 +0 +0 +0\n"))),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\nR1 +0 +0 +0 +0 +0\n"))),
             qPrintable(r.out));
}

void tst_SegmentCli::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    const auto create = [](const char *json) {
        return QStringList{QStringLiteral("segment"), QStringLiteral("create"), QStringLiteral("S"),
                           QStringLiteral("--definition"), QString::fromUtf8(json)};
    };
    QTest::newRow("bad JSON") << create(R"({"all": [)") << 2 << QStringLiteral("at offset");
    QTest::newRow("invalid node")
        << create(R"({"all":[{"field":"orders_count","op":">","value":1},)"
                  R"({"any":[{"field":"last_order","op":">","value":3}]}]})")
        << 2 << QStringLiteral("all[1].any[0].op: last_order does not allow the operator \">\"");
    QTest::newRow("unknown field")
        << create(R"({"not":{"field":"loyalty_tier","op":"=","value":"Gold"}})") << 2
        << QStringLiteral("not.field: unknown field \"loyalty_tier\"");
    QTest::newRow("unknown segment")
        << QStringList{QStringLiteral("segment"), QStringLiteral("members"), QStringLiteral("Nope")}
        << 2 << QStringLiteral("There is no segment named \"Nope\"");
    QTest::newRow("built-in exists")
        << create(R"({"all":[{"field":"orders_count","op":">","value":1}]})")
               .replaceInStrings(QStringLiteral("S"), QStringLiteral("Lapsed"))
        << 2 << QStringLiteral("already a segment named \"Lapsed\"");
    QTest::newRow("no action") << QStringList{QStringLiteral("segment")} << 1
                               << QStringLiteral("segment: give one of list, create");
    QTest::newRow("no definition")
        << QStringList{QStringLiteral("segment"), QStringLiteral("create"), QStringLiteral("S")}
        << 1 << QStringLiteral("--definition JSON|@FILE is needed");
    QTest::newRow("bad as-of") << QStringList{QStringLiteral("segment"), QStringLiteral("count"),
                                              QStringLiteral("Lapsed"), QStringLiteral("--as-of"),
                                              QStringLiteral("30.06.2026")}
                               << 1 << QStringLiteral("\"30.06.2026\" is not a date");
    QTest::newRow("rfm bad as-of")
        << QStringList{QStringLiteral("segment"), QStringLiteral("rfm"), QStringLiteral("--as-of"),
                       QStringLiteral("yesterday")}
        << 1 << QStringLiteral("segment: --as-of \"yesterday\" is not a date");
    QTest::newRow("rfm bad format")
        << QStringList{QStringLiteral("segment"), QStringLiteral("rfm"), QStringLiteral("--format"),
                       QStringLiteral("xml")}
        << 1 << QStringLiteral("\"xml\" is not a format");
    QTest::newRow("rfm takes no name")
        << QStringList{QStringLiteral("segment"), QStringLiteral("rfm"), QStringLiteral("Lapsed")}
        << 1 << QStringLiteral("segment rfm: takes no name");
    QTest::newRow("rfm definition")
        << QStringList{QStringLiteral("segment"), QStringLiteral("rfm"),
                       QStringLiteral("--definition"), QStringLiteral("{}")}
        << 1 << QStringLiteral("segment rfm: --definition does not apply here");
    QTest::newRow("missing file") << QStringList{QStringLiteral("segment"),
                                                 QStringLiteral("create"), QStringLiteral("S"),
                                                 QStringLiteral("--definition"),
                                                 QStringLiteral("@/nonexistent/rule.json")}
                                  << 2 << QStringLiteral("cannot read /nonexistent/rule.json");
}

void tst_SegmentCli::refusals()
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

QTEST_GUILESS_MAIN(tst_SegmentCli)
#include "tst_segmentcli.moc"
