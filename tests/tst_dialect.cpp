// Every Dialect function on the backend of this run: the SQL it gives runs, and does what its
// name says (temporary tables private to their connection and, on PostgreSQL, gone at commit;
// null-safe inequality; the server's reason for a failed statement).

#include "db/dialect.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "testdb.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace md;

class tst_Dialect : public QObject
{
    Q_OBJECT

private slots:
    // One scratch database for all: each test uses tables of its own.
    void initTestCase();
    void cleanupTestCase();

    void tempTableIsPrivateToItsConnection_data();
    void tempTableIsPrivateToItsConnection();
    void dropTempTableLeavesANamesakeAlone();
    void isDistinctFrom_data();
    void isDistinctFrom();
    void errorTextOfAFailingStatement_data();
    void errorTextOfAFailingStatement();
    void errorTextOfADriverError_data();
    void errorTextOfADriverError();
    void errorTextOfALibpqMessage();
    void lockAndAnalyzeStatementsRun();
    void appendOnlyTriggersRefuseChanges();
    void listsSecondaryIndexesAndForeignKeys();
    void serverVersion();
    void stagingTypesHoldTheirValues();

private:
    bool tableExists(const Database &db, const QString &table);

    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::optional<Database> m_db;
};

void tst_Dialect::initTestCase()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    m_db.emplace(std::move(*db));
    // For errorTextOfAFailingStatement.
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("CREATE TABLE md_probe (k BIGINT NOT NULL "
                                                    "UNIQUE, n BIGINT CHECK (n >= 0))")));
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("INSERT INTO md_probe VALUES (1, 1)")));
}

void tst_Dialect::cleanupTestCase()
{
    m_db.reset();
    m_scratch.reset();
}

bool tst_Dialect::tableExists(const Database &db, const QString &table)
{
    QSqlQuery query(db.sql());
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
}

void tst_Dialect::tempTableIsPrivateToItsConnection_data()
{
    QTest::addColumn<bool>("fromSelect");
    QTest::newRow("createTempTable(name, columns)") << false;
    QTest::newRow("createTempTableAs(name, select)") << true;
}

void tst_Dialect::tempTableIsPrivateToItsConnection()
{
    QFETCH(bool, fromSelect);
    const Dialect &dialect = m_db->dialect();
    const QString name = QStringLiteral("md_probe_stage");
    auto other = m_db->openAnother();
    MD_VERIFY(other);

    {
        Transaction tx(m_db->sql(), dialect);
        MD_VERIFY(tx.begin());
        MD_VERIFY(sql::exec(m_db->sql(), dialect.dropTempTable(name)));
        const QString create
            = fromSelect ? dialect.createTempTableAs(name, QStringLiteral("SELECT 1 AS k"))
                         : dialect.createTempTable(name, QStringLiteral("k BIGINT NOT NULL"));
        MD_VERIFY(sql::exec(m_db->sql(), create));
        if (!fromSelect)
            MD_VERIFY(
                sql::exec(m_db->sql(), QStringLiteral("INSERT INTO %1 VALUES (1)").arg(name)));
        auto count = sql::scalar(m_db->sql(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(name));
        MD_VERIFY(count);
        QCOMPARE(count->toLongLong(), qint64(1));
        QVERIFY2(!tableExists(*other, name), "another connection must not see a temporary table");
        MD_VERIFY(tx.commit());
    }

    if (dialect.isPostgres()) {
        QVERIFY2(!tableExists(*m_db, name), "ON COMMIT DROP: gone after the commit");
    } else {
        // SQLite has no ON COMMIT DROP: the table lives until dropped.
        QVERIFY(tableExists(*m_db, name));
        MD_VERIFY(sql::exec(m_db->sql(), dialect.dropTempTable(name)));
        QVERIFY(!tableExists(*m_db, name));
    }
    // Made again in a new transaction: the drop before the create finds nothing or its own.
    Transaction again(m_db->sql(), dialect);
    MD_VERIFY(again.begin());
    MD_VERIFY(sql::exec(m_db->sql(), dialect.dropTempTable(name)));
    MD_VERIFY(sql::exec(m_db->sql(), dialect.createTempTable(name, QStringLiteral("k TEXT"))));
    QVERIFY(tableExists(*m_db, name));
}

void tst_Dialect::dropTempTableLeavesANamesakeAlone()
{
    const Dialect &dialect = m_db->dialect();
    const QString name = QStringLiteral("md_probe_namesake");
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("CREATE TABLE %1 (k BIGINT)").arg(name)));
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("INSERT INTO %1 VALUES (7)").arg(name)));
    Transaction tx(m_db->sql(), dialect);
    MD_VERIFY(tx.begin());
    MD_VERIFY(sql::exec(m_db->sql(), dialect.dropTempTable(name))); // no temporary one yet
    MD_VERIFY(sql::exec(m_db->sql(), dialect.createTempTable(name, QStringLiteral("k BIGINT"))));
    MD_VERIFY(sql::exec(m_db->sql(), dialect.dropTempTable(name)));
    MD_VERIFY(sql::exec(m_db->sql(), dialect.dropTempTable(name)));
    MD_VERIFY(tx.commit());
    auto kept = sql::scalar(m_db->sql(), QStringLiteral("SELECT k FROM %1").arg(name));
    MD_VERIFY(kept);
    QCOMPARE(kept->toLongLong(), qint64(7));
}

void tst_Dialect::isDistinctFrom_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("distinct");
    QTest::newRow("NULL, NULL") << "NULL"
                                << "NULL" << false;
    QTest::newRow("NULL, 1") << "NULL"
                             << "1" << true;
    QTest::newRow("1, NULL") << "1"
                             << "NULL" << true;
    QTest::newRow("1, 1") << "1"
                          << "1" << false;
    QTest::newRow("1, 2") << "1"
                          << "2" << true;
    QTest::newRow("text equal") << "'a'"
                                << "'a'" << false;
    QTest::newRow("text differs by case") << "'a'"
                                          << "'A'" << true;
    QTest::newRow("column NULL, column value") << "x.n"
                                               << "x.v" << true;
    QTest::newRow("column NULL, itself") << "x.n"
                                         << "x.n" << false;
}

void tst_Dialect::isDistinctFrom()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, distinct);
    const QString expr = m_db->dialect().isDistinctFrom(a, b);
    // From a subquery too: the columns there have a type, the bare literals have none.
    auto result
        = sql::scalar(m_db->sql(), QStringLiteral("SELECT CASE WHEN %1 THEN 1 ELSE 0 END FROM "
                                                  "(SELECT CAST(NULL AS BIGINT) AS n, 5 AS v) AS x")
                                       .arg(expr));
    MD_VERIFY(result);
    QCOMPARE(result->toInt() == 1, distinct);
}

void tst_Dialect::errorTextOfAFailingStatement_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("sqliteText");
    QTest::addColumn<QString>("postgresText");
    QTest::newRow("duplicate key")
        << "INSERT INTO md_probe (k, n) VALUES (1, 1)"
        << "UNIQUE constraint failed: md_probe.k"
        << "duplicate key value violates unique constraint \"md_probe_k_key\"";
    QTest::newRow("check") << "INSERT INTO md_probe (k, n) VALUES (2, -1)"
                           << "CHECK constraint failed: n >= 0"
                           << "new row for relation \"md_probe\" violates check constraint "
                              "\"md_probe_n_check\"";
    QTest::newRow("not null") << "INSERT INTO md_probe (k, n) VALUES (NULL, 1)"
                              << "NOT NULL constraint failed: md_probe.k"
                              << "null value in column \"k\" of relation \"md_probe\" violates "
                                 "not-null constraint";
    QTest::newRow("unknown table") << "SELECT * FROM md_no_such_table"
                                   << "no such table: md_no_such_table"
                                   << "relation \"md_no_such_table\" does not exist";
    QTest::newRow("syntax") << "SELEC 1"
                            << "near \"SELEC\": syntax error"
                            << "syntax error at or near \"SELEC\"";
}

void tst_Dialect::errorTextOfAFailingStatement()
{
    QFETCH(QString, statement);
    QFETCH(QString, sqliteText);
    QFETCH(QString, postgresText);
    const QString expected = m_db->dialect().isPostgres() ? postgresText : sqliteText;

    // Run directly, and prepared (QPSQL then fails at the server's PREPARE or EXECUTE).
    QSqlQuery direct(m_db->sql());
    QVERIFY(!direct.exec(statement));
    QCOMPARE(sql::errorText(direct), expected);

    QSqlQuery prepared(m_db->sql());
    if (prepared.prepare(statement))
        QVERIFY(!prepared.exec());
    QCOMPARE(sql::errorText(prepared), expected);

    // What every store quotes.
    const Status viaExec = sql::exec(m_db->sql(), statement);
    QVERIFY(!viaExec);
    QCOMPARE(viaExec.error(), expected);
}

void tst_Dialect::errorTextOfADriverError_data()
{
    QTest::addColumn<QString>("databaseText");
    QTest::addColumn<QString>("driverText");
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QString>("expected");
    QTest::newRow("PostgreSQL: DETAIL, HINT and SQLSTATE dropped")
        << "ERROR:  duplicate key value violates unique constraint \"k_key\"\n"
           "DETAIL:  Key (k)=(1) already exists.\nHINT:  none\n(23505)"
        << "QPSQL: Unable to create query" << true
        << "duplicate key value violates unique constraint \"k_key\"";
    QTest::newRow("PostgreSQL: a translated severity")
        << "FEHLER:  Relation »x« existiert nicht\nLINE 1: SELECT * FROM x\n"
           "                      ^\n(42P01)"
        << "QPSQL: Unable to create query" << true << "Relation »x« existiert nicht";
    QTest::newRow("PostgreSQL: a refused connection on one line")
        << "connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n"
           "\tIs the server running on that host and accepting TCP/IP connections?\n"
        << "QPSQL: Unable to connect" << true
        << "connection to server at \"127.0.0.1\", port 1 failed: Connection refused Is the "
           "server running on that host and accepting TCP/IP connections?";
    QTest::newRow("PostgreSQL: a lost connection, SQLSTATE dropped")
        << "server closed the connection unexpectedly\n\tThis probably means the server "
           "terminated abnormally\n(08006)"
        << "QPSQL: Unable to create query" << true
        << "server closed the connection unexpectedly This probably means the server "
           "terminated abnormally";
    QTest::newRow("PostgreSQL: no server text, the driver's")
        << ""
        << "QPSQL: Unable to prepare statement\n\n"
        << true << "QPSQL: Unable to prepare statement";
    QTest::newRow("SQLite: trailing blank lines dropped")
        << "UNIQUE constraint failed: t.k\n\n"
        << "Unable to fetch row" << false << "UNIQUE constraint failed: t.k";
    QTest::newRow("SQLite: no database text, the driver's") << ""
                                                            << "Driver not loaded\n"
                                                            << false << "Driver not loaded";
}

void tst_Dialect::errorTextOfADriverError()
{
    QFETCH(QString, databaseText);
    QFETCH(QString, driverText);
    QFETCH(bool, postgres);
    QFETCH(QString, expected);
    const QSqlError error(driverText, databaseText, QSqlError::StatementError);
    QCOMPARE(sql::errorText(error, postgres ? Backend::Postgres : Backend::Sqlite), expected);
}

void tst_Dialect::errorTextOfALibpqMessage()
{
    // What COPY reports through PQresultErrorMessage: no SQLSTATE, but CONTEXT and DETAIL.
    QCOMPARE(sql::postgresErrorText("ERROR:  duplicate key value violates unique constraint "
                                    "\"products_sku_key\"\nDETAIL:  Key (sku)=(a) already "
                                    "exists.\nCONTEXT:  COPY products, line 51\n"),
             QStringLiteral("duplicate key value violates unique constraint \"products_sku_key\""));
    QCOMPARE(sql::postgresErrorText("no COPY in progress\n"),
             QStringLiteral("no COPY in progress"));
    QCOMPARE(sql::postgresErrorText(""), QString());
}

void tst_Dialect::lockAndAnalyzeStatementsRun()
{
    const Dialect &dialect = m_db->dialect();
    Transaction tx(m_db->sql(), dialect);
    MD_VERIFY(tx.begin());
    const QStringList statements
        = {dialect.transactionLock(0x4d44'5445'5354),
           dialect.lockTables({QStringLiteral("products"), QStringLiteral("orders")}),
           dialect.analyze(QStringLiteral("products"))};
    for (const QString &statement : statements) {
        QCOMPARE(statement.isEmpty(), !dialect.isPostgres());
        if (!statement.isEmpty())
            MD_VERIFY(sql::exec(m_db->sql(), statement));
    }
    // The lock is held: another connection cannot take it without waiting.
    if (dialect.isPostgres()) {
        auto other = m_db->openAnother();
        MD_VERIFY(other);
        auto taken = sql::scalar(
            other->sql(),
            QStringLiteral("SELECT pg_try_advisory_xact_lock(%1)").arg(qint64(0x4d44'5445'5354)));
        MD_VERIFY(taken);
        QVERIFY(!taken->toBool());
    }
    MD_VERIFY(tx.commit());
}

void tst_Dialect::appendOnlyTriggersRefuseChanges()
{
    const Dialect &dialect = m_db->dialect();
    const QString table = QStringLiteral("md_probe_ledger");
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("CREATE TABLE %1 (k BIGINT)").arg(table)));
    for (const QString &statement : dialect.appendOnlyTriggers({table}))
        MD_VERIFY(sql::exec(m_db->sql(), statement));
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("INSERT INTO %1 VALUES (1)").arg(table)));
    for (const QString &change :
         {QStringLiteral("UPDATE %1 SET k = 2"), QStringLiteral("DELETE FROM %1")}) {
        const Status refused = sql::exec(m_db->sql(), change.arg(table));
        QVERIFY2(!refused, qPrintable(change));
        QCOMPARE(refused.error(), table + QStringLiteral(" is append-only"));
    }
    auto kept = sql::scalar(m_db->sql(), QStringLiteral("SELECT k FROM %1").arg(table));
    MD_VERIFY(kept);
    QCOMPARE(kept->toLongLong(), qint64(1));
}

void tst_Dialect::listsSecondaryIndexesAndForeignKeys()
{
    const Dialect &dialect = m_db->dialect();
    for (const char *statement :
         {"CREATE TABLE md_probe_parent (id BIGINT PRIMARY KEY)",
          "CREATE TABLE md_probe_child (id BIGINT PRIMARY KEY, code TEXT UNIQUE, "
          "parent_id BIGINT REFERENCES md_probe_parent (id), n BIGINT)",
          "CREATE INDEX md_probe_child_n ON md_probe_child (n)"}) {
        MD_VERIFY(sql::exec(m_db->sql(), QString::fromLatin1(statement)));
    }
    auto indexes = sql::select(m_db->sql(), dialect.listSecondaryIndexes(),
                               {QStringLiteral("md_probe_child")});
    MD_VERIFY(indexes);
    QStringList names;
    while (indexes->next()) {
        names << indexes->value(0).toString();
        QVERIFY2(indexes->value(1).toString().contains(QLatin1String("md_probe_child_n")),
                 qPrintable(indexes->value(1).toString()));
    }
    QCOMPARE(names, QStringList{QStringLiteral("md_probe_child_n")}); // not the unique ones

    const QString keys = dialect.listForeignKeys();
    QCOMPARE(keys.isEmpty(), !dialect.isPostgres());
    if (keys.isEmpty())
        return;
    auto found = sql::select(m_db->sql(), keys, {QStringLiteral("md_probe_child")});
    MD_VERIFY(found);
    QVERIFY(found->next());
    QVERIFY2(found->value(1).toString().startsWith(QLatin1String("FOREIGN KEY (parent_id)")),
             qPrintable(found->value(1).toString()));
    QVERIFY(!found->next());
}

void tst_Dialect::serverVersion()
{
    auto version = m_db->serverVersion();
    MD_VERIFY(version);
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d+")).match(*version).hasMatch(),
             qPrintable(*version));
}

void tst_Dialect::stagingTypesHoldTheirValues()
{
    // A 64-bit integer past 32 bits and a double with a fraction, ordered by the line.
    const Dialect &dialect = m_db->dialect();
    const QString name = QStringLiteral("md_probe_types");
    Transaction tx(m_db->sql(), dialect);
    MD_VERIFY(tx.begin());
    MD_VERIFY(sql::exec(m_db->sql(), dialect.dropTempTable(name)));
    MD_VERIFY(sql::exec(
        m_db->sql(),
        dialect.createTempTable(name, QStringLiteral("line %1, big %2, r %3")
                                          .arg(dialect.insertionOrderKeyType(),
                                               dialect.bigintType(), dialect.realType()))));
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?)").arg(name),
                        {qint64(2), qint64(9'000'000'000'000), 0.25}));
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?)").arg(name),
                        {qint64(1), qint64(-9'000'000'000'000), 1.5}));
    auto rows = sql::select(m_db->sql(),
                            QStringLiteral("SELECT line, big, r FROM %1 ORDER BY line").arg(name));
    MD_VERIFY(rows);
    QVERIFY(rows->next());
    QCOMPARE(rows->value(1).toLongLong(), qint64(-9'000'000'000'000));
    QCOMPARE(rows->value(2).toDouble(), 1.5);
    QVERIFY(rows->next());
    QCOMPARE(rows->value(1).toLongLong(), qint64(9'000'000'000'000));
    QCOMPARE(rows->value(2).toDouble(), 0.25);
    QVERIFY(!rows->next());
}

QTEST_GUILESS_MAIN(tst_Dialect)
#include "tst_dialect.moc"
