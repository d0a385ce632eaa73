#include "db/bulkwriter.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/sqlitebackup.h"
#include "db/transaction.h"
#include "testdb.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

namespace {

DatabaseSpec sqliteAt(const QString &path)
{
    DatabaseSpec spec;
    spec.backend = Backend::Sqlite;
    spec.path = path;
    return spec;
}

// Enough products for the copy to take several steps (a few MB).
Status fill(const Database &db, int products)
{
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return begun;
    auto writer = BulkWriter::open(db, QStringLiteral("products"),
                                   {QStringLiteral("sku"), QStringLiteral("title"),
                                    QStringLiteral("base_price_cents"),
                                    QStringLiteral("current_price_cents"),
                                    QStringLiteral("created_at"), QStringLiteral("updated_at")});
    if (!writer)
        return fail(writer.error());
    for (int i = 0; i < products; ++i) {
        (*writer)->addText(QStringLiteral("SKU-%1").arg(i));
        (*writer)->addText(QStringLiteral("A product with a fairly long title, number %1").arg(i));
        (*writer)->addInt(1000 + i);
        (*writer)->addInt(1000 + i);
        (*writer)->addInt(0);
        (*writer)->addInt(0);
        if (auto row = (*writer)->endRow(); !row)
            return row;
    }
    if (auto done = (*writer)->finish(); !done)
        return done;
    return tx.commit();
}

QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Files, QDir::Name);
}

} // namespace

class tst_SqliteBackup : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void backupMatchesWhileOpen();
    void cancelledLeavesNoFile();
    void cancelledKeepsOldTarget();
    void replacesOldTargetWhenDone();
    void refusesItselfAsTarget();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db; // stays open: the backup is online
    QString m_source;
};

void tst_SqliteBackup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_source = m_dir->filePath(QStringLiteral("shop.sqlite"));
    auto db = Database::open(sqliteAt(m_source));
    MD_VERIFY(db);
    m_db = std::make_unique<Database>(std::move(*db));
    MD_VERIFY(fill(*m_db, 20000));
    MD_VERIFY(sql::exec(m_db->sql(),
                        QStringLiteral("INSERT INTO customers (email, created_at) "
                                       "VALUES ('a@example.com', 1), ('b@example.com', 2)")));
}

void tst_SqliteBackup::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void tst_SqliteBackup::backupMatchesWhileOpen()
{
    // The last rows are still in the write-ahead log, not in the main file: the copy must have
    // them all the same.
    QVERIFY(QFile::exists(m_source + QStringLiteral("-wal")));
    const QString target = m_dir->filePath(QStringLiteral("copy.sqlite"));
    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    int calls = 0;
    auto outcome = SqliteBackup::run(m_source, target, [&](qint64 done, qint64 total) {
        ++calls;
        lastDone = done;
        lastTotal = total;
        return true;
    });
    MD_VERIFY(outcome);
    QCOMPARE(*outcome, SqliteBackup::Outcome::Completed);
    QVERIFY(calls > 1); // copied in steps
    QVERIFY(lastTotal > 0);
    QCOMPARE(lastDone, lastTotal);
    QVERIFY(QFile::exists(target));
    QVERIFY(!QFile::exists(target + QStringLiteral("-wal")));

    auto expected = m_db->tableCounts();
    MD_VERIFY(expected);
    auto copy = Database::open(sqliteAt(target),
                               Database::Options{.migrate = false, .createIfMissing = false});
    MD_VERIFY(copy);
    auto counts = copy->tableCounts();
    MD_VERIFY(counts);
    QCOMPARE(*counts, *expected);
    auto products = sql::scalar(copy->sql(), QStringLiteral("SELECT COUNT(*) FROM products"));
    MD_VERIFY(products);
    QCOMPARE(products->toInt(), 20000);
    auto title = sql::scalar(copy->sql(),
                             QStringLiteral("SELECT title FROM products WHERE sku = 'SKU-19999'"));
    MD_VERIFY(title);
    QCOMPARE(title->toString(), QStringLiteral("A product with a fairly long title, number 19999"));
}

void tst_SqliteBackup::cancelledLeavesNoFile()
{
    const QStringList before = filesIn(*m_dir);
    const QString target = m_dir->filePath(QStringLiteral("copy.sqlite"));
    int calls = 0;
    // Cancel in the middle, after a first batch of pages was written.
    auto outcome = SqliteBackup::run(m_source, target, [&](qint64 done, qint64 total) {
        ++calls;
        return !(done > 0 && done < total);
    });
    MD_VERIFY(outcome);
    QCOMPARE(*outcome, SqliteBackup::Outcome::Cancelled);
    QCOMPARE(calls, 1);
    QVERIFY(!QFile::exists(target));
    QCOMPARE(filesIn(*m_dir), before); // no partial file left behind either
}

void tst_SqliteBackup::cancelledKeepsOldTarget()
{
    const QString target = m_dir->filePath(QStringLiteral("copy.sqlite"));
    {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("last week's backup");
    }
    auto outcome = SqliteBackup::run(m_source, target, [](qint64, qint64) { return false; });
    MD_VERIFY(outcome);
    QCOMPARE(*outcome, SqliteBackup::Outcome::Cancelled);
    QFile old(target);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("last week's backup"));
}

void tst_SqliteBackup::replacesOldTargetWhenDone()
{
    const QString target = m_dir->filePath(QStringLiteral("copy.sqlite"));
    {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("last week's backup");
    }
    auto outcome = SqliteBackup::run(m_source, target);
    MD_VERIFY(outcome);
    QCOMPARE(*outcome, SqliteBackup::Outcome::Completed);
    auto copy = Database::open(sqliteAt(target),
                               Database::Options{.migrate = false, .createIfMissing = false});
    MD_VERIFY(copy);
    auto customers = sql::scalar(copy->sql(), QStringLiteral("SELECT COUNT(*) FROM customers"));
    MD_VERIFY(customers);
    QCOMPARE(customers->toInt(), 2);
}

void tst_SqliteBackup::refusesItselfAsTarget()
{
    auto outcome = SqliteBackup::run(m_source, m_source);
    QVERIFY(!outcome);
    QVERIFY2(outcome.error().contains(QLatin1String("different file")),
             qPrintable(outcome.error()));
    auto missing = SqliteBackup::run(m_dir->filePath(QStringLiteral("nope.sqlite")),
                                     m_dir->filePath(QStringLiteral("copy.sqlite")));
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains(QLatin1String("nope.sqlite")), qPrintable(missing.error()));
}

QTEST_GUILESS_MAIN(tst_SqliteBackup)
#include "tst_sqlitebackup.moc"
