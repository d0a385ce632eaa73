// merchantdesk-cli import and export, run as a process: exit status 0/1/2, the summary on
// stdout, problems on stderr, and nothing written when an all-or-nothing import is refused.

#include "clirun.h"
#include "db/sql.h"
#include "testdb.h"
#include "tst_csvsupport.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

using test::CliRun;

class tst_CsvCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void importPrintsTheSummary();
    void refusedImportExitsTwoAndWritesNothing();
    void usageErrors_data();
    void usageErrors();
    void missingFileIsADataError();
    void dryRunAndRejects();
    void overridesForEncodingDelimiterAndDecimal();
    void exportThenImportElsewhere();
    void helpListsTheCommands();

private:
    CliRun run(const QStringList &arguments) const;
    QString path(const QString &name) const { return m_dir->filePath(name); }

    QTemporaryDir m_home;
    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_CsvCli::initTestCase()
{
    QVERIFY2(QFileInfo(test::cliProgram()).isExecutable(),
             "MERCHANTDESK_CLI must name the merchantdesk-cli executable");
    QVERIFY(m_home.isValid());
}

void tst_CsvCli::init()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    {
        auto db = m_scratch->open();
        MD_VERIFY(db);
        MD_VERIFY(test::fillAwkwardShop(*db));
    }
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_CsvCli::cleanup()
{
    m_scratch.reset();
    m_dir.reset();
}

CliRun tst_CsvCli::run(const QStringList &arguments) const
{
    return test::runCli(QStringList{QStringLiteral("--db"), m_scratch->location()} + arguments,
                        test::isolatedCliEnvironment(m_home.path()));
}

void tst_CsvCli::importPrintsTheSummary()
{
    QVERIFY(test::writeFile(path(QStringLiteral("p.csv")),
                            "sku,title,base_price,colour\nSKU-000,Renamed,19.99,red\n"
                            "NEW-1,New,5,blue\n"));
    const CliRun r = run(
        {QStringLiteral("import"), QStringLiteral("products"), path(QStringLiteral("p.csv"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("Imported %1 into products (native format, utf-8, "
                                             "delimiter \",\", decimal symbol \".\"):\n")
                                  .arg(path(QStringLiteral("p.csv")))),
             qPrintable(r.out));
    for (const char *line : {"  rows read  2\n", "  inserted   1\n", "  updated    1\n",
                             "  unchanged  0\n", "Columns not imported: colour\n"}) {
        QVERIFY2(r.out.contains(QLatin1String(line)), qPrintable(r.out));
    }
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto title = sql::scalar(db->sql(), QStringLiteral("SELECT title FROM products WHERE sku = "
                                                       "'SKU-000'"));
    MD_VERIFY(title);
    QCOMPARE(title->toString(), QStringLiteral("Renamed"));
}

void tst_CsvCli::refusedImportExitsTwoAndWritesNothing()
{
    QString before;
    {
        auto db = m_scratch->open();
        MD_VERIFY(db);
        before = test::databaseDigest(*db);
    }
    QVERIFY(test::writeFile(path(QStringLiteral("bad.csv")),
                            "sku,title,base_price,stock_level\nA-1,Mug,1,1\nA-2,Bowl,-3,1\n"
                            "A-3,Cup,1,-1\nA-1,Again,1,1\n"));
    const CliRun r = run(
        {QStringLiteral("import"), QStringLiteral("products"), path(QStringLiteral("bad.csv"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    const QStringList lines = r.errLines();
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0], QStringLiteral("3:3: base_price: -3 is negative; it must be zero or more"));
    QCOMPARE(lines[1], QStringLiteral("4:4: stock_level: -1 is negative; it must be zero or more"));
    QVERIFY2(lines[2].startsWith(QLatin1String("5:1: sku: \"A-1\" is also on line 2")),
             qPrintable(lines[2]));
    QCOMPARE(lines[3], QStringLiteral("merchantdesk-cli: %1: 3 problems found; nothing was "
                                      "imported")
                           .arg(path(QStringLiteral("bad.csv"))));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    QCOMPARE(test::databaseDigest(*db), before);
}

void tst_CsvCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("words");
    const QString file = QStringLiteral("whatever.csv");
    QTest::newRow("no arguments") << QStringList{QStringLiteral("import")}
                                  << QStringLiteral("give an entity and a file");
    QTest::newRow("unknown entity")
        << QStringList{QStringLiteral("import"), QStringLiteral("widgets"), file}
        << QStringLiteral("unknown entity \"widgets\"");
    QTest::newRow("bad mode") << QStringList{QStringLiteral("import"), QStringLiteral("products"),
                                             file, QStringLiteral("--mode"),
                                             QStringLiteral("merge")}
                              << QStringLiteral("--mode \"merge\"");
    QTest::newRow("bad format") << QStringList{QStringLiteral("import"), QStringLiteral("products"),
                                               file, QStringLiteral("--format=excel")}
                                << QStringLiteral("--format \"excel\"");
    QTest::newRow("bad encoding") << QStringList{QStringLiteral("import"),
                                                 QStringLiteral("products"), file,
                                                 QStringLiteral("--encoding=ebcdic")}
                                  << QStringLiteral("--encoding \"ebcdic\"");
    QTest::newRow("replace the ledger")
        << QStringList{QStringLiteral("import"), QStringLiteral("ledger"), file,
                       QStringLiteral("--mode=replace")}
        << QStringLiteral("append-only");
    QTest::newRow("insert inventory")
        << QStringList{QStringLiteral("import"), QStringLiteral("inventory"), file,
                       QStringLiteral("--mode=insert")}
        << QStringLiteral("only updates stored rows");
    QTest::newRow("export without a file")
        << QStringList{QStringLiteral("export"), QStringLiteral("products")}
        << QStringLiteral("give an entity and a file");
}

void tst_CsvCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, words);
    const CliRun r = run(arguments);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.startsWith(QLatin1String("merchantdesk-cli: ")) && r.err.contains(words),
             qPrintable(r.err));
}

void tst_CsvCli::missingFileIsADataError()
{
    const CliRun r = run(
        {QStringLiteral("import"), QStringLiteral("products"), path(QStringLiteral("absent.csv"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(path(QStringLiteral("absent.csv"))), qPrintable(r.err));
}

void tst_CsvCli::dryRunAndRejects()
{
    QString before;
    {
        auto db = m_scratch->open();
        MD_VERIFY(db);
        before = test::databaseDigest(*db);
    }
    QVERIFY(test::writeFile(path(QStringLiteral("c.csv")),
                            "email,first_name\nnew@example.com,New\nnot-an-email,Bad\n"));
    const QString rejects = path(QStringLiteral("rejects.csv"));
    CliRun r
        = run({QStringLiteral("import"), QStringLiteral("customers"), path(QStringLiteral("c.csv")),
               QStringLiteral("--dry-run"), QStringLiteral("--rejects"), rejects});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QLatin1String("Dry run of importing")), qPrintable(r.out));
    static const QRegularExpression inserted(QStringLiteral("^  inserted +1$"),
                                             QRegularExpression::MultilineOption);
    QVERIFY2(inserted.match(r.out).hasMatch(), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("  rejected (see %1)  1\n").arg(rejects)),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("3:1: email: \"not-an-email\" is not an e-mail address")));
    {
        auto db = m_scratch->open();
        MD_VERIFY(db);
        QCOMPARE(test::databaseDigest(*db), before);
    }

    r = run({QStringLiteral("import"), QStringLiteral("customers"), path(QStringLiteral("c.csv")),
             QStringLiteral("--rejects"), rejects});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(
        test::readFile(rejects),
        QByteArray("email,first_name,error\r\nnot-an-email,Bad,3:1: email: \"\"not-an-email\"\" "
                   "is not an e-mail address\r\n")
            .replace("3:1: email: \"\"", "\"3:1: email: \"\"")
            .replace("address\r\n", "address\"\r\n"));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto count = sql::scalar(db->sql(), QStringLiteral("SELECT COUNT(*) FROM customers WHERE "
                                                       "email = 'new@example.com'"));
    MD_VERIFY(count);
    QCOMPARE(count->toInt(), 1);
}

void tst_CsvCli::overridesForEncodingDelimiterAndDecimal()
{
    // Tab-separated Windows-1252 with decimal commas, read as the owner says.
    QVERIFY(test::writeFile(path(QStringLiteral("t.csv")),
                            QByteArray("sku\ttitle\tbase_price\nT-1\tCaf\xE9\t3,50\n")));
    const CliRun r = run({QStringLiteral("import"), QStringLiteral("products"),
                          path(QStringLiteral("t.csv")), QStringLiteral("--encoding"),
                          QStringLiteral("windows-1252"), QStringLiteral("--delimiter"),
                          QStringLiteral("tab"), QStringLiteral("--decimal"), QStringLiteral(",")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("windows-1252, delimiter \"tab\", decimal symbol \",\"")),
             qPrintable(r.out));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto row = sql::scalar(db->sql(), QStringLiteral("SELECT title || ' ' || base_price_cents "
                                                     "FROM products WHERE sku = 'T-1'"));
    MD_VERIFY(row);
    QCOMPARE(row->toString(), QStringLiteral("Café 350"));
}

void tst_CsvCli::exportThenImportElsewhere()
{
    const QString file = path(QStringLiteral("customers.csv"));
    CliRun r = run({QStringLiteral("export"), QStringLiteral("customers"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Exported 5 rows of customers to %1\n").arg(file));
    QVERIFY(test::readFile(file).startsWith("email,first_name,last_name,created_at,"
                                            "accepts_marketing,unsubscribed_at\r\n"));

    // A second, empty database: the export goes in unchanged.
    test::ScratchDatabase other;
    QVERIFY2(other.isValid(), qPrintable(other.error()));
    {
        auto db = other.open();
        MD_VERIFY(db);
    }
    r = test::runCliOn(other.location(),
                       {QStringLiteral("import"), QStringLiteral("customers"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("  inserted   5\n")));
    const QString second = path(QStringLiteral("customers-2.csv"));
    r = test::runCliOn(other.location(),
                       {QStringLiteral("export"), QStringLiteral("customers"), second});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(test::readFile(second), test::readFile(file));

    // Exporting from a database that does not exist: a data error, and no file.
    r = test::runCliOn(
        path(QStringLiteral("none.sqlite")),
        {QStringLiteral("export"), QStringLiteral("customers"), path(QStringLiteral("x.csv"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!QFile::exists(path(QStringLiteral("x.csv"))));
}

void tst_CsvCli::helpListsTheCommands()
{
    CliRun r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("  import "))
                 && r.out.contains(QLatin1String("  export ")),
             qPrintable(r.out));
    r = run({QStringLiteral("import"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *option :
         {"--format auto|native|shopify|woocommerce", "--mode upsert|insert|replace", "--dry-run",
          "--rejects FILE", "--encoding ENCODING", "--delimiter D", "--decimal S"}) {
        QVERIFY2(r.out.contains(QLatin1String(option)), option);
    }
    QVERIFY(r.out.contains(QLatin1String("import [options] ENTITY FILE")));
}

QTEST_GUILESS_MAIN(tst_CsvCli)
#include "tst_csvcli.moc"
