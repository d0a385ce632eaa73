// merchantdesk-cli reprice, reprice-undo and jobs on a small known catalog: the exact CSV
// (column order, quoting, formula guard, "." decimals), --all, JSON that parses, applying as a
// run and undoing it, and the exit codes and messages for bad input and a held lock.

#include "clirun.h"
#include "db/sql.h"
#include "schedule/joblock.h"
#include "seedproducts.h"
#include "testdb.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

namespace {

using test::CliRun;
using test::runCliOn;

Status seed(const Database &db)
{
    return test::seedProducts(db, {
                                      {.sku = QStringLiteral("A-100"),
                                       .title = QStringLiteral("Widget, large"),
                                       .costCents = 500,
                                       .stockLevel = 5,
                                       .demandScore = 3.0},
                                      {.sku = QStringLiteral("B-200"),
                                       .title = QStringLiteral("Mug \"Classic\""),
                                       .costCents = 500,
                                       .currentPriceCents = 1200,
                                       .stockLevel = 50},
                                      {.sku = QStringLiteral("C-300"),
                                       .title = QStringLiteral("=SUM(A1)"),
                                       .costCents = 500,
                                       .currentPriceCents = 1500,
                                       .stockLevel = 150,
                                       .demandScore = 2.0},
                                      {.sku = QStringLiteral("D-400"),
                                       .title = QStringLiteral("Plain"),
                                       .costCents = 200,
                                       .basePriceCents = 800,
                                       .currentPriceCents = 800,
                                       .stockLevel = 20,
                                       .demandScore = 1.25},
                                      {.sku = QStringLiteral("E-500"),
                                       .title = QStringLiteral("No cost"),
                                       .stockLevel = 5,
                                       .demandScore = 2.0},
                                  });
}

const QString kHeader
    = QStringLiteral("sku,title,stock_level,demand_score,old_price,new_price,change_pct,reason\n");
const QString kChanges = QStringLiteral(
    "A-100,\"Widget, large\",5,3.00,10.00,11.50,15.00,\"Low stock (5), demand 3.00: +15.0 %\"\n"
    "B-200,\"Mug \"\"Classic\"\"\",50,0.00,12.00,10.20,-15.00,\"Normal stock (50), demand 0.00: "
    "-16.7 %, capped at -15 %\"\n"
    "D-400,Plain,20,1.25,8.00,8.50,6.25,\"Normal stock (20), demand 1.25: +6.3 %\"\n");

} // namespace

class tst_PricingCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void csvOfKnownCatalog();
    void csvWithAll();
    void jsonParses();
    void applyAndUndo();
    void badInput_data();
    void badInput();
    void heldLockRefusesToApply();
    void outputThatCannotBeWritten();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
};

void tst_PricingCli::init()
{
    QVERIFY2(!test::cliProgram().isEmpty(), "MERCHANTDESK_CLI is not set");
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
}

void tst_PricingCli::cleanup()
{
    m_scratch.reset();
}

void tst_PricingCli::csvOfKnownCatalog()
{
    const CliRun run
        = runCliOn(m_scratch->location(), {QStringLiteral("reprice"), QStringLiteral("--dry-run"),
                                           QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, kHeader + kChanges);
    QVERIFY2(run.err.contains(QLatin1String("Dry run: 3 price changes, nothing applied.")),
             qPrintable(run.err));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto runs = sql::scalar(db->sql(), QStringLiteral("SELECT COUNT(*) FROM price_runs"));
    MD_VERIFY(runs);
    QCOMPARE(runs->toInt(), 0);
}

void tst_PricingCli::csvWithAll()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("all.csv"));
    const CliRun run = runCliOn(m_scratch->location(),
                                {QStringLiteral("reprice"), QStringLiteral("--dry-run"),
                                 QStringLiteral("--all"), QStringLiteral("--format"),
                                 QStringLiteral("csv"), QStringLiteral("--output"), file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("Dry run: 3 price changes, nothing applied.\n"));
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QStringList lines = kChanges.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(QString::fromUtf8(written.readAll()),
             kHeader + lines[0] + QLatin1Char('\n') + lines[1] + QLatin1Char('\n')
                 + QStringLiteral("C-300,\"'=SUM(A1)\",150,2.00,15.00,15.00,0.00,Stock 150 above "
                                  "the high threshold (100): held\n")
                 + lines[2] + QLatin1Char('\n')
                 + QStringLiteral("E-500,No cost,5,2.00,10.00,10.00,0.00,\"No cost and no "
                                  "minimum price: not repriced, nothing protects the margin\"\n"));
}

void tst_PricingCli::jsonParses()
{
    const CliRun run
        = runCliOn(m_scratch->location(),
                   {QStringLiteral("reprice"), QStringLiteral("--dry-run"), QStringLiteral("--all"),
                    QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = document.object();
    QVERIFY(root.value(QLatin1String("run_id")).isNull());
    QCOMPARE(root.value(QLatin1String("totals")).toObject().value(QLatin1String("changes")).toInt(),
             3);
    const QJsonArray decisions = root.value(QLatin1String("decisions")).toArray();
    QCOMPARE(decisions.size(), 5);
    const QJsonObject mug = decisions.at(1).toObject();
    QCOMPARE(mug.value(QLatin1String("title")).toString(), QStringLiteral("Mug \"Classic\""));
    QCOMPARE(mug.value(QLatin1String("new_price")).toDouble(), 10.2);
    QCOMPARE(mug.value(QLatin1String("limit")).toString(), QStringLiteral("cap_down"));
    QCOMPARE(mug.value(QLatin1String("outcome")).toString(), QStringLiteral("change"));
    QCOMPARE(decisions.at(4).toObject().value(QLatin1String("outcome")).toString(),
             QStringLiteral("skipped"));
    QCOMPARE(decisions.at(2).toObject().value(QLatin1String("outcome")).toString(),
             QStringLiteral("unchanged"));
}

void tst_PricingCli::applyAndUndo()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("applied.csv"));
    const CliRun applied = runCliOn(m_scratch->location(),
                                    {QStringLiteral("reprice"), QStringLiteral("--format"),
                                     QStringLiteral("csv"), QStringLiteral("--output"), file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
    QCOMPARE(applied.out, QStringLiteral("Applied 3 price changes as run 1 (undo: "
                                         "merchantdesk-cli reprice-undo 1).\n"));
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(written.readAll()), kHeader + kChanges);
    {
        auto db = m_scratch->open();
        MD_VERIFY(db);
        auto sum = sql::scalar(db->sql(), QStringLiteral("SELECT SUM(current_price_cents) FROM "
                                                         "products"));
        MD_VERIFY(sum);
        QCOMPARE(sum->toLongLong(), 1150 + 1020 + 1500 + 850 + 1000);
        auto source = sql::scalar(db->sql(), QStringLiteral("SELECT source FROM price_runs"));
        MD_VERIFY(source);
        QCOMPARE(source->toString(), QStringLiteral("cli"));
        // Someone changes D-400 by hand before the undo.
        MD_VERIFY(sql::exec(db->sql(), QStringLiteral("UPDATE products SET current_price_cents "
                                                      "= 899 WHERE sku = 'D-400'")));
    }
    const CliRun undone
        = runCliOn(m_scratch->location(), {QStringLiteral("reprice-undo"), QStringLiteral("1")});
    QVERIFY2(undone.exitCode == 0, qPrintable(undone.err));
    QCOMPARE(undone.out, QStringLiteral("Undid run 1 as run 2: 2 prices restored.\n"
                                        "1 products changed again since run 1 were left alone:\n"
                                        "  D-400: now 8.99 (run 1 set 8.50)\n"));
    const CliRun again
        = runCliOn(m_scratch->location(), {QStringLiteral("reprice-undo"), QStringLiteral("1")});
    QCOMPARE(again.exitCode, 2);
    QVERIFY(again.out.isEmpty());
    QVERIFY2(again.err.contains(QLatin1String("Run 1 was undone already; nothing was changed")),
             qPrintable(again.err));
    const CliRun missing
        = runCliOn(m_scratch->location(), {QStringLiteral("reprice-undo"), QStringLiteral("77")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QLatin1String("There is no repricing run 77")),
             qPrintable(missing.err));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto sum = sql::scalar(db->sql(), QStringLiteral("SELECT SUM(current_price_cents) FROM "
                                                     "products"));
    MD_VERIFY(sum);
    QCOMPARE(sum->toLongLong(), 1000 + 1200 + 1500 + 899 + 1000);
}

void tst_PricingCli::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown format")
        << QString::fromUtf8("reprice --format xml").split(QLatin1Char(' '))
        << "reprice: --format \"xml\" is not a format; use "
           "table|csv|json";
    QTest::newRow("undo without id") << QString::fromUtf8("reprice-undo").split(QLatin1Char(' '))
                                     << "reprice-undo: give the id of one run";
    QTest::newRow("undo with a word")
        << QString::fromUtf8("reprice-undo last").split(QLatin1Char(' '))
        << "reprice-undo: give the id of one run";
    QTest::newRow("jobs without action")
        << QString::fromUtf8("jobs").split(QLatin1Char(' ')) << "jobs: give run-due or list";
    QTest::newRow("inventory without pull")
        << QString::fromUtf8("inventory push").split(QLatin1Char(' '))
        << "inventory: the only action is \"pull\"";
}

void tst_PricingCli::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun run = runCliOn(m_scratch->location(), arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(QLatin1String("merchantdesk-cli: ") + message),
             qPrintable(run.err));
}

void tst_PricingCli::heldLockRefusesToApply()
{
    auto db = m_scratch->open();
    MD_VERIFY(db);
    QString heldBy;
    auto lock = JobLock::tryAcquire(*db, QStringLiteral("reprice"), &heldBy);
    MD_VERIFY(lock);
    QVERIFY(*lock);
    const CliRun refused = runCliOn(m_scratch->location(), {QStringLiteral("reprice")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.out.isEmpty());
    QVERIFY2(refused.err.contains(QLatin1String("repricing is running in")),
             qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QLatin1String("nothing was changed")), qPrintable(refused.err));
    // A dry run only reads: it does not need the lock.
    const CliRun dry
        = runCliOn(m_scratch->location(), {QStringLiteral("reprice"), QStringLiteral("--dry-run")});
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.out.contains(QLatin1String("Price changes: 3 of 5 products (2 up, 1 down, 1 "
                                            "capped)")),
             qPrintable(dry.out));
    auto runs = sql::scalar(db->sql(), QStringLiteral("SELECT COUNT(*) FROM price_runs"));
    MD_VERIFY(runs);
    QCOMPARE(runs->toInt(), 0);
}

void tst_PricingCli::outputThatCannotBeWritten()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("no-such-folder/prices.csv"));
    const QStringList arguments = {QStringLiteral("reprice"), QStringLiteral("--format"),
                                   QStringLiteral("csv"), QStringLiteral("--output"), file};

    // Nothing on stdout, no file, and the error line (after the progress lines) says what
    // happened to the prices.
    CliRun run
        = runCliOn(m_scratch->location(), arguments + QStringList{QStringLiteral("--dry-run")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(
                 QStringLiteral("\nmerchantdesk-cli: reprice: cannot write %1: ").arg(file)),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("(the prices were not changed)")), qPrintable(run.err));

    run = runCliOn(m_scratch->location(), arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QLatin1String("(the prices were applied as run 1)")),
             qPrintable(run.err));
    QVERIFY(!QFile::exists(file));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto sum = sql::scalar(db->sql(), QStringLiteral("SELECT SUM(current_price_cents) FROM "
                                                     "products"));
    MD_VERIFY(sum);
    QCOMPARE(sum->toLongLong(), 1150 + 1020 + 1500 + 850 + 1000);
}

QTEST_GUILESS_MAIN(tst_PricingCli)
#include "tst_pricingcli.moc"
