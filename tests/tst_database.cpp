// The database foundation at the API level: Database::open refuses bad input with a message that
// names what and where and alters nothing; openAnother, Transaction and BulkWriter do what their
// headers promise on both backends.

#include "db/bulkwriter.h"
#include "db/migrations.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "seedproducts.h"
#include "snapshot.h"
#include "testdb.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>

using namespace md;

namespace {

using test::closedPort;
using test::folderSnapshot;

// A plain driver connection, for setting up what Database::open must refuse and for looking at
// it afterwards without going through the code under test.
class RawConnection
{
public:
    explicit RawConnection(const DatabaseSpec &spec)
        : m_name(QStringLiteral("tst_database_raw_%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(
            spec.isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_name);
        if (spec.isPostgres()) {
            db.setHostName(spec.host);
            db.setPort(spec.port);
            db.setDatabaseName(spec.database);
            db.setUserName(spec.user);
            db.setPassword(spec.password);
        } else {
            db.setDatabaseName(spec.path);
        }
        if (!db.open())
            m_error = db.lastError().text();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase sql() const { return QSqlDatabase::database(m_name, false); }
    QString error() const { return m_error; }

private:
    static inline int s_counter = 0;
    QString m_name;
    QString m_error;
};

// The invoices table is what the "other application's database" cases plant.
QStringList databaseSnapshot(const test::ScratchDatabase &scratch)
{
    return test::snapshot(scratch, {QStringLiteral("SELECT * FROM invoices ORDER BY 1")});
}

bool isPostgres()
{
    return test::backend() == Backend::Postgres;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

constexpr QFile::Permissions kReadOnly = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
constexpr QFile::Permissions kReadOnlyFolder
    = kReadOnly | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
constexpr QFile::Permissions kWritable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

// Text that breaks naive escaping: COPY's delimiters and escapes, SQL quotes, multi-byte UTF-8.
const QStringList &trickyTexts()
{
    static const QStringList texts = {
        QStringLiteral("plain"),
        QStringLiteral("tab\there\tand\tthere"),
        QStringLiteral("line\nbreak"),
        QStringLiteral("windows\r\nline"),
        QStringLiteral("back\\slash and trailing\\"),
        QStringLiteral("\\N"),
        QStringLiteral("\\."),
        QStringLiteral("\\t is not a tab"),
        QStringLiteral("it's \"quoted\" ''twice''"),
        QStringLiteral("Grüße aus Köln, Übermaß"),
        QStringLiteral("漢字とかな"),
        QStringLiteral("emoji 😀🛒 and 👩‍👩‍👧"),
        QStringLiteral("comma, semicolon; pipe | percent % underscore _"),
        QStringLiteral("\x01\x1f control"),
    };
    return texts;
}

} // namespace

class tst_Database : public QObject
{
    Q_OBJECT

private slots:
    void refusedConnection_data();
    void refusedConnection();
    void notASqliteDatabase_data();
    void notASqliteDatabase();
    void emptyFileIsFine();
    void newerSchema();
    void foreignDatabase();
    void readOnlyFile();
    void readOnlyFolder();

    void openAnotherFromAThread();
    void transactionRollsBackUnlessCommitted();
    void bulkWriterRoundTrip();
    void bulkWriterReportsViolation_data();
    void bulkWriterReportsViolation();
    void abandonedBulkWriterLeavesConnectionUsable();
};

void tst_Database::refusedConnection_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("closed port") << "port" << QStringList{QStringLiteral("Connection refused")};
    QTest::newRow("wrong password")
        << "password" << QStringList{QStringLiteral("password authentication failed")};
    QTest::newRow("unknown database")
        << "database" << QStringList{QStringLiteral("does not exist")};
    QTest::newRow("unknown role") << "user"
                                  << QStringList{QStringLiteral("password authentication failed"),
                                                 QStringLiteral("nobody_here")};
}

void tst_Database::refusedConnection()
{
    QFETCH(QString, what);
    QFETCH(QStringList, expected);
    if (what != QLatin1String("port") && !isPostgres())
        QSKIP("needs the PostgreSQL server; the _postgres variant runs it");

    DatabaseSpec spec;
    test::ScratchDatabase scratch;
    QStringList before;
    if (what == QLatin1String("port")) {
        spec.backend = Backend::Postgres;
        spec.host = QStringLiteral("127.0.0.1");
        spec.port = closedPort();
        spec.database = QStringLiteral("shop");
        spec.user = QStringLiteral("someone");
        spec.password = QStringLiteral("pw-secret");
    } else {
        QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
        spec = scratch.spec();
        before = databaseSnapshot(scratch);
        if (what == QLatin1String("password"))
            spec.password = QStringLiteral("pw-secret");
        else if (what == QLatin1String("database"))
            spec.database += QStringLiteral("_missing");
        else
            spec.user = QStringLiteral("nobody_here");
    }

    auto refused = Database::open(spec);
    QVERIFY(!refused);
    const QString message = refused.error();
    QVERIFY2(message.contains(spec.serverAddress()), qPrintable(message));
    for (const QString &fragment : expected)
        QVERIFY2(message.contains(fragment), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("pw-secret")), "never show the password");
    QVERIFY2(!message.contains(QLatin1Char('\n')), "one line");
    if (!before.isEmpty())
        QCOMPARE(databaseSnapshot(scratch), before);
}

void tst_Database::notASqliteDatabase_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("text file") << QByteArray("name,price\nmug,4.99\n");
    QTest::newRow("one byte") << QByteArray("x");
    QByteArray noise(8192, '\0');
    for (int i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919 + 13) % 251);
    QTest::newRow("binary noise") << noise;
    QTest::newRow("SQLite header then garbage")
        << QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\xa5');
}

void tst_Database::notASqliteDatabase()
{
    QFETCH(QByteArray, bytes);
    if (isPostgres())
        QSKIP("a file check; the _sqlite variant runs it");
    QTemporaryDir dir;
    DatabaseSpec spec;
    spec.path = dir.filePath(QStringLiteral("shop.sqlite"));
    writeFile(spec.path, bytes);
    const QStringList before = folderSnapshot(dir.path());

    for (const bool migrate : {true, false}) {
        auto refused = Database::open(spec, Database::Options{.migrate = migrate});
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(spec.path), qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(QLatin1String("not a")), qPrintable(refused.error()));
        QCOMPARE(folderSnapshot(dir.path()), before);
    }
}

void tst_Database::emptyFileIsFine()
{
    if (isPostgres())
        QSKIP("a file check; the _sqlite variant runs it");
    QTemporaryDir dir;
    DatabaseSpec spec;
    spec.path = dir.filePath(QStringLiteral("empty.sqlite"));
    writeFile(spec.path, {});

    {
        auto db
            = Database::open(spec, Database::Options{.migrate = true, .createIfMissing = false});
        MD_VERIFY(db);
        auto version = db->schemaVersion();
        MD_VERIFY(version);
        QCOMPARE(*version, Migrations::latestVersion());
        auto mode = sql::scalar(db->sql(), QStringLiteral("PRAGMA journal_mode"));
        MD_VERIFY(mode);
        QCOMPARE(mode->toString().toLower(), QStringLiteral("wal"));
        auto keys = sql::scalar(db->sql(), QStringLiteral("PRAGMA foreign_keys"));
        MD_VERIFY(keys);
        QCOMPARE(keys->toInt(), 1);
    }
    QVERIFY(QFileInfo(spec.path).size() > 0);
    auto again = Database::open(spec);
    MD_VERIFY(again);
}

void tst_Database::newerSchema()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    {
        auto db = scratch.open();
        MD_VERIFY(db);
        MD_VERIFY(sql::exec(db->sql(),
                            QStringLiteral("INSERT INTO schema_migrations (version, name, "
                                           "applied_at) VALUES (?, ?, ?)"),
                            {Migrations::latestVersion() + 1, QStringLiteral("next"), 1}));
    }
    const QStringList before = databaseSnapshot(scratch);
    QVERIFY(!before.isEmpty());

    for (const bool migrate : {true, false}) {
        auto refused = scratch.open(Database::Options{.migrate = migrate});
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("newer")), qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(scratch.spec().displayName()),
                 qPrintable(refused.error()));
        QCOMPARE(databaseSnapshot(scratch), before);
    }
}

void tst_Database::foreignDatabase()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    {
        // Another program's database, made without MerchantDesk (so in SQLite's default
        // rollback-journal mode).
        RawConnection raw(scratch.spec());
        QVERIFY2(raw.error().isEmpty(), qPrintable(raw.error()));
        QSqlQuery query(raw.sql());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, "
                                          "amount INTEGER)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO invoices VALUES (1, 100), (2, 250)")));
    }
    const QStringList before = databaseSnapshot(scratch);
    QVERIFY(before.join(QLatin1Char(' '))
                .contains(isPostgres() ? QStringLiteral("invoices ORDER BY 1: 2 250")
                                       : QStringLiteral("shop.sqlite")));

    for (const bool migrate : {true, false}) {
        auto refused = scratch.open(Database::Options{.migrate = migrate});
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("invoices")), qPrintable(refused.error()));
        QCOMPARE(databaseSnapshot(scratch), before);
    }
}

void tst_Database::readOnlyFile()
{
    if (isPostgres())
        QSKIP("a file check; the _sqlite variant runs it");
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    {
        auto db = scratch.open();
        MD_VERIFY(db);
    }
    const QString path = scratch.spec().path;
    // Tests run as root in CI, who could write anyway: the cleared write bits must be enough.
    QVERIFY(QFile::setPermissions(path, kReadOnly));
    const QStringList before = databaseSnapshot(scratch);

    for (const bool migrate : {true, false}) {
        auto refused = scratch.open(Database::Options{.migrate = migrate});
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(path), qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(QLatin1String("read-only")), qPrintable(refused.error()));
        QCOMPARE(databaseSnapshot(scratch), before);
    }
    QVERIFY(QFile::setPermissions(path, kWritable));
}

void tst_Database::readOnlyFolder()
{
    if (isPostgres())
        QSKIP("a file check; the _sqlite variant runs it");
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("shop"));
    QVERIFY(QDir().mkpath(folder));
    DatabaseSpec existing;
    existing.path = folder + QStringLiteral("/shop.sqlite");
    {
        auto db = Database::open(existing);
        MD_VERIFY(db);
    }
    QVERIFY(QFile::setPermissions(folder, kReadOnlyFolder));
    const QStringList before = folderSnapshot(folder);

    // SQLite must create its -wal and -shm files beside the database.
    auto refused = Database::open(existing);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(folder), qPrintable(refused.error()));
    QVERIFY2(refused.error().contains(QLatin1String("read-only")), qPrintable(refused.error()));
    QCOMPARE(folderSnapshot(folder), before);

    DatabaseSpec missing;
    missing.path = folder + QStringLiteral("/new.sqlite");
    refused = Database::open(missing);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(missing.path), qPrintable(refused.error()));
    QVERIFY2(refused.error().contains(QLatin1String("read-only")), qPrintable(refused.error()));
    QVERIFY(!QFileInfo::exists(missing.path));
    QCOMPARE(folderSnapshot(folder), before);

    QVERIFY(QFile::setPermissions(folder, kWritable));
}

void tst_Database::openAnotherFromAThread()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(sql::exec(db->sql(),
                        QStringLiteral("INSERT INTO settings (name, value) VALUES ('committed', "
                                       "'before the thread')")));

    // Reads the settings on a second connection opened by and used in another thread.
    const auto readInThread = [&db](QStringList *names, QString *error) {
        std::unique_ptr<QThread> thread(QThread::create([&db, names, error] {
            auto other = db->openAnother();
            if (!other) {
                *error = other.error();
                return;
            }
            if (other->connectionName() == db->connectionName()) {
                *error = QStringLiteral("openAnother() returned the same connection");
                return;
            }
            auto query = sql::select(other->sql(),
                                     QStringLiteral("SELECT name FROM settings ORDER BY name"));
            if (!query) {
                *error = query.error();
                return;
            }
            while (query->next())
                *names << query->value(0).toString();
        }));
        thread->start();
        thread->wait();
    };

    Transaction tx(db->sql(), db->dialect());
    MD_VERIFY(tx.begin());
    MD_VERIFY(
        sql::exec(db->sql(), QStringLiteral("INSERT INTO settings (name, value) VALUES ('pending', "
                                            "'not yet committed')")));
    QStringList names;
    QString error;
    readInThread(&names, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(names, QStringList{QStringLiteral("committed")});

    MD_VERIFY(tx.commit());
    names.clear();
    readInThread(&names, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(names, (QStringList{QStringLiteral("committed"), QStringLiteral("pending")}));
}

void tst_Database::transactionRollsBackUnlessCommitted()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    const auto insert = [&db](const char *name) {
        return sql::exec(db->sql(),
                         QStringLiteral("INSERT INTO settings (name, value) VALUES (?, 'v')"),
                         {QString::fromLatin1(name)});
    };
    const auto names = [&db] {
        QStringList out;
        auto query = sql::select(db->sql(), QStringLiteral("SELECT name FROM settings ORDER BY 1"));
        while (query && query->next())
            out << query->value(0).toString();
        return out;
    };

    {
        Transaction tx(db->sql(), db->dialect());
        MD_VERIFY(tx.begin());
        QVERIFY(tx.isActive());
        MD_VERIFY(insert("dropped by the destructor"));
        QCOMPARE(names().size(), 1); // visible inside the transaction
    }
    QCOMPARE(names(), QStringList{});

    {
        Transaction tx(db->sql(), db->dialect());
        MD_VERIFY(tx.begin());
        MD_VERIFY(insert("dropped by rollback"));
        tx.rollback();
        QVERIFY(!tx.isActive());
    }
    QCOMPARE(names(), QStringList{});

    {
        Transaction tx(db->sql(), db->dialect());
        MD_VERIFY(tx.begin());
        MD_VERIFY(insert("kept"));
        MD_VERIFY(tx.commit());
        QVERIFY(!tx.isActive());
    }
    QCOMPARE(names(), QStringList{QStringLiteral("kept")});

    // A failing statement inside: the guard still undoes the earlier ones.
    {
        Transaction tx(db->sql(), db->dialect());
        MD_VERIFY(tx.begin());
        MD_VERIFY(insert("before the error"));
        QVERIFY(!insert("kept").ok()); // duplicate primary key
    }
    QCOMPARE(names(), QStringList{QStringLiteral("kept")});
    // The connection is usable afterwards.
    MD_VERIFY(insert("after"));
    QCOMPARE(names(), (QStringList{QStringLiteral("after"), QStringLiteral("kept")}));
}

void tst_Database::bulkWriterRoundTrip()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);

    constexpr int kRows = 10000;
    constexpr qint64 kBigCents = Q_INT64_C(9000000000000000000); // beyond 32 bits
    const QStringList &texts = trickyTexts();
    const auto sku = [&texts](int i) -> QString {
        return QString::number(i) + QLatin1Char('#') + texts.at(i % texts.size());
    };
    const auto title = [&texts](int i) {
        return texts.at((i * 7 + 3) % texts.size());
    };
    const auto category = [&texts](int i) {
        return i % 5 == 0 ? QString() : texts.at((i * 3 + 1) % texts.size());
    };
    const auto demand = [](int i) {
        return i / 3.0 + 0.1;
    };

    {
        Transaction tx(db->sql(), db->dialect());
        MD_VERIFY(tx.begin());
        auto writer = BulkWriter::open(
            *db, QStringLiteral("products"),
            {QStringLiteral("id"), QStringLiteral("sku"), QStringLiteral("title"),
             QStringLiteral("category"), QStringLiteral("cost_cents"),
             QStringLiteral("base_price_cents"), QStringLiteral("current_price_cents"),
             QStringLiteral("demand_score"), QStringLiteral("is_exclusive"),
             QStringLiteral("created_at"), QStringLiteral("updated_at")});
        MD_VERIFY(writer);
        for (int i = 1; i <= kRows; ++i) {
            BulkWriter &w = **writer;
            w.addInt(i);
            w.addText(sku(i));
            w.addText(title(i));
            w.addText(category(i));
            if (i % 7 == 0)
                w.addNull();
            else
                w.addInt(i * 10);
            w.addInt(kBigCents + i);
            w.addInt(i);
            w.addReal(demand(i));
            w.addInt(i % 2);
            w.addInt(1700000000 + i);
            w.addInt(-i); // before 1970: negative epochs survive too
            MD_VERIFY(w.endRow());
        }
        MD_VERIFY((*writer)->finish());
        QCOMPARE((*writer)->rowsWritten(), qint64(kRows));
        writer->reset();
        MD_VERIFY(tx.commit());
    }

    auto query = sql::select(db->sql(),
                             QStringLiteral("SELECT id, sku, title, category, cost_cents, "
                                            "base_price_cents, current_price_cents, demand_score, "
                                            "is_exclusive, created_at, updated_at "
                                            "FROM products ORDER BY id"));
    MD_VERIFY(query);
    int i = 0;
    while (query->next()) {
        ++i;
        const auto where = [i](const char *column) {
            return QStringLiteral("row %1, %2").arg(i).arg(QLatin1String(column)).toUtf8();
        };
        QVERIFY2(query->value(0).toLongLong() == i, where("id").constData());
        QVERIFY2(query->value(1).toString() == sku(i), where("sku").constData());
        QVERIFY2(query->value(2).toString() == title(i), where("title").constData());
        QVERIFY2(query->value(3).toString() == category(i), where("category").constData());
        QVERIFY2(query->value(4).isNull() == (i % 7 == 0), where("cost_cents null").constData());
        if (i % 7 != 0)
            QVERIFY2(query->value(4).toLongLong() == i * 10, where("cost_cents").constData());
        QVERIFY2(query->value(5).toLongLong() == kBigCents + i,
                 where("base_price_cents").constData());
        QVERIFY2(query->value(6).toLongLong() == i, where("current_price_cents").constData());
        QVERIFY2(query->value(7).toDouble() == demand(i),
                 where("demand_score (exact)").constData());
        QVERIFY2(query->value(8).toInt() == i % 2, where("is_exclusive").constData());
        QVERIFY2(query->value(9).toLongLong() == 1700000000 + i, where("created_at").constData());
        QVERIFY2(query->value(10).toLongLong() == -i, where("updated_at").constData());
    }
    QCOMPARE(i, kRows);
    query->finish();

    // Rows with explicit ids: after resetting the identity, new rows continue after them.
    const QString reset = db->dialect().resetIdentity(QStringLiteral("products"));
    if (!reset.isEmpty())
        MD_VERIFY(sql::exec(db->sql(), reset));
    MD_VERIFY(test::seedProducts(*db, {{.sku = QStringLiteral("after"),
                                        .title = QStringLiteral("t"),
                                        .basePriceCents = 1,
                                        .currentPriceCents = 1}}));
    auto next
        = sql::scalar(db->sql(), QStringLiteral("SELECT id FROM products WHERE sku = 'after'"));
    MD_VERIFY(next);
    QCOMPARE(next->toLongLong(), qint64(kRows + 1));
}

void tst_Database::bulkWriterReportsViolation_data()
{
    QTest::addColumn<QString>("badSku");
    QTest::addColumn<qint64>("badStock");
    QTest::addColumn<QString>("sqliteText");
    QTest::addColumn<QString>("postgresText");
    QTest::newRow("duplicate SKU") << QStringLiteral("SKU-50") << qint64(1)
                                   << QStringLiteral("UNIQUE constraint failed: products.sku")
                                   << QStringLiteral("products_sku_key");
    QTest::newRow("negative stock")
        << QStringLiteral("SKU-new") << qint64(-1) << QStringLiteral("CHECK constraint failed")
        << QStringLiteral("products_stock_level_check");
}

void tst_Database::bulkWriterReportsViolation()
{
    QFETCH(QString, badSku);
    QFETCH(qint64, badStock);
    QFETCH(QString, sqliteText);
    QFETCH(QString, postgresText);
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(test::seedProducts(*db, {{.sku = QStringLiteral("existing"),
                                        .title = QStringLiteral("kept"),
                                        .basePriceCents = 1,
                                        .currentPriceCents = 1}}));

    QString error;
    {
        Transaction tx(db->sql(), db->dialect());
        MD_VERIFY(tx.begin());
        auto writer = BulkWriter::open(
            *db, QStringLiteral("products"),
            {QStringLiteral("sku"), QStringLiteral("title"), QStringLiteral("base_price_cents"),
             QStringLiteral("current_price_cents"), QStringLiteral("stock_level"),
             QStringLiteral("created_at"), QStringLiteral("updated_at")});
        MD_VERIFY(writer);
        const auto row = [&](const QString &sku, qint64 stock) {
            (*writer)->addText(sku);
            (*writer)->addText(QStringLiteral("title"));
            (*writer)->addInt(100);
            (*writer)->addInt(100);
            (*writer)->addInt(stock);
            (*writer)->addInt(0);
            (*writer)->addInt(0);
            return (*writer)->endRow();
        };
        for (int i = 1; i <= 100 && error.isEmpty(); ++i)
            error = row(QStringLiteral("SKU-%1").arg(i), i).error();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = row(badSku, badStock).error();
        // SQLite reports the row at once; COPY reports it when the data is flushed.
        if (error.isEmpty())
            error = (*writer)->finish().error();
        // The caller's transaction is rolled back by the guard.
    }
    QVERIFY2(!error.isEmpty(), "the violation must be reported");
    QVERIFY2(error.contains(QLatin1String("products")), qPrintable(error));
    QVERIFY2(error.contains(isPostgres() ? postgresText : sqliteText), qPrintable(error));

    auto rows = sql::select(db->sql(), QStringLiteral("SELECT sku FROM products"));
    MD_VERIFY(rows);
    QStringList skus;
    while (rows->next())
        skus << rows->value(0).toString();
    QCOMPARE(skus, QStringList{QStringLiteral("existing")});
}

void tst_Database::abandonedBulkWriterLeavesConnectionUsable()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    {
        Transaction tx(db->sql(), db->dialect());
        MD_VERIFY(tx.begin());
        auto writer = BulkWriter::open(*db, QStringLiteral("settings"),
                                       {QStringLiteral("name"), QStringLiteral("value")});
        MD_VERIFY(writer);
        (*writer)->addText(QStringLiteral("half"));
        (*writer)->addText(QStringLiteral("written"));
        MD_VERIFY((*writer)->endRow());
        // Something else fails here: the writer is dropped without finish().
    }
    auto count = sql::scalar(db->sql(), QStringLiteral("SELECT COUNT(*) FROM settings"));
    MD_VERIFY(count);
    QCOMPARE(count->toInt(), 0);
    MD_VERIFY(sql::exec(
        db->sql(), QStringLiteral("INSERT INTO settings (name, value) VALUES ('next', 'ok')")));
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
