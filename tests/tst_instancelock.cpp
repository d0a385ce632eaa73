#include "db/database.h"
#include "db/instancelock.h"
#include "testdb.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
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

QByteArray fingerprint(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex() + ' '
           + QByteArray::number(QFileInfo(path).lastModified().toMSecsSinceEpoch());
}

} // namespace

class tst_InstanceLock : public QObject
{
    Q_OBJECT

private slots:
    void secondLockNamesHolder();
    void releasedOnDestruction();
    void postgresTakesNoLock();
    void secondWindowIsRefused();
    void foreignFileIsRefusedUnchanged();

private:
    QProcess *startWindow(const QString &database, const QTemporaryDir &home);
};

void tst_InstanceLock::secondLockNamesHolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const DatabaseSpec spec = sqliteAt(dir.filePath(QStringLiteral("shop.sqlite")));
    auto first = InstanceLock::acquire(spec);
    MD_VERIFY(first);
    QVERIFY((*first)->isHeld());
    QCOMPARE((*first)->lockPath(), spec.path + QStringLiteral(".lock"));
    QVERIFY(QFile::exists((*first)->lockPath()));

    auto second = InstanceLock::acquire(spec);
    QVERIFY(!second);
    const QString pid = QString::number(QCoreApplication::applicationPid());
    QVERIFY2(second.error().contains(QStringLiteral("(process %1)").arg(pid)),
             qPrintable(second.error()));
    QVERIFY2(second.error().contains(spec.path), qPrintable(second.error()));
    QVERIFY2(second.error().contains(QLatin1String("already open")), qPrintable(second.error()));
    QVERIFY((*first)->isHeld()); // the refused attempt did not disturb the holder
}

void tst_InstanceLock::releasedOnDestruction()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const DatabaseSpec spec = sqliteAt(dir.filePath(QStringLiteral("shop.sqlite")));
    QString lockPath;
    {
        auto lock = InstanceLock::acquire(spec);
        MD_VERIFY(lock);
        lockPath = (*lock)->lockPath();
        QVERIFY(QFile::exists(lockPath));
    }
    QVERIFY(!QFile::exists(lockPath));
    auto again = InstanceLock::acquire(spec);
    MD_VERIFY(again);
    // Another database in the same folder is independent.
    auto other = InstanceLock::acquire(sqliteAt(dir.filePath(QStringLiteral("other.sqlite"))));
    MD_VERIFY(other);
}

void tst_InstanceLock::postgresTakesNoLock()
{
    auto spec = DatabaseSpec::parse(QStringLiteral("postgresql://shop@127.0.0.1:5432/shop"));
    MD_VERIFY(spec);
    auto first = InstanceLock::acquire(*spec);
    MD_VERIFY(first);
    auto second = InstanceLock::acquire(*spec);
    MD_VERIFY(second);
    QVERIFY(!(*first)->isHeld());
    QVERIFY((*first)->lockPath().isEmpty());
}

QProcess *tst_InstanceLock::startWindow(const QString &database, const QTemporaryDir &home)
{
    auto *process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Settings and keyring lookups of the child stay in the scratch home.
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("MERCHANTDESK_DB"));
    process->setProcessEnvironment(env);
    process->start(qEnvironmentVariable("MERCHANTDESK_GUI"), {QStringLiteral("--db"), database});
    return process;
}

void tst_InstanceLock::secondWindowIsRefused()
{
    const QString gui = qEnvironmentVariable("MERCHANTDESK_GUI");
    QVERIFY2(QFileInfo(gui).isExecutable(), "MERCHANTDESK_GUI must name the merchantdesk binary");
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString database = home.filePath(QStringLiteral("shop.sqlite"));
    {
        auto db = Database::open(sqliteAt(database));
        MD_VERIFY(db);
    }
    const QString lockPath = InstanceLock::lockPathFor(database);

    QProcess *first = startWindow(database, home);
    QVERIFY2(first->waitForStarted(), qPrintable(first->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(lockPath), 30000);
    // The first window has opened the database once its pages hold connections (WAL index).
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(database + QStringLiteral("-shm")), 30000);
    QCOMPARE(first->state(), QProcess::Running);
    const QByteArray before = fingerprint(database);
    QVERIFY(!before.isEmpty());

    QProcess *second = startWindow(database, home);
    QVERIFY2(second->waitForStarted(), qPrintable(second->errorString()));
    QByteArray errors;
    const QByteArray expected = "(process " + QByteArray::number(first->processId()) + ')';
    QTRY_VERIFY_WITH_TIMEOUT((errors += second->readAllStandardError()).contains(expected), 30000);
    QVERIFY2(errors.contains("is already open in MerchantDesk"), errors.constData());
    QVERIFY2(errors.contains(database.toUtf8()), errors.constData());
    // The second instance now waits on its message box (or has quit); it never opened the file.
    second->kill();
    second->waitForFinished();
    QCOMPARE(fingerprint(database), before);
    QCOMPARE(first->state(), QProcess::Running);
    {
        QLockFile probe(lockPath);
        qint64 pid = 0;
        QString host;
        QString application;
        QVERIFY(probe.getLockInfo(&pid, &host, &application));
        QCOMPARE(pid, first->processId());
    }

    // A window that dies without cleaning up leaves a stale lock that the next start takes over.
    first->kill();
    first->waitForFinished();
    QVERIFY(QFile::exists(lockPath));
    auto taken = InstanceLock::acquire(sqliteAt(database));
    MD_VERIFY(taken);
}

void tst_InstanceLock::foreignFileIsRefusedUnchanged()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString notes = home.filePath(QStringLiteral("notes.sqlite"));
    {
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Shopping list: tea, milk, biscuits\n");
    }
    const QByteArray before = fingerprint(notes);

    QProcess *window = startWindow(notes, home);
    QVERIFY2(window->waitForStarted(), qPrintable(window->errorString()));
    QByteArray errors;
    QTRY_VERIFY_WITH_TIMEOUT(
        (errors += window->readAllStandardError()).contains("is not a SQLite database"), 30000);
    QVERIFY2(errors.contains(notes.toUtf8()), errors.constData());
    // It waits on its message box, offering another database; the file was not touched and
    // the refused database is not locked.
    QVERIFY(!QFile::exists(InstanceLock::lockPathFor(notes)));
    window->kill();
    window->waitForFinished();
    QCOMPARE(fingerprint(notes), before);
    QCOMPARE(QDir(home.path()).entryList({QStringLiteral("notes*")}, QDir::Files),
             QStringList{QStringLiteral("notes.sqlite")});
}

QTEST_GUILESS_MAIN(tst_InstanceLock)
#include "tst_instancelock.moc"
