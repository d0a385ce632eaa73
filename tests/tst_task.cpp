// Task<T>, the one shape for one-off background work: the work runs on a thread of its own with
// a connection of its own, its result arrives in the owner's thread after the worker ended,
// cancel is the task's own state, and a task deleted mid-run waits and delivers nothing.

#include "core/task.h"
#include "db/sql.h"
#include "testdb.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <thread>

using namespace md;

class TstTask : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void deliversTheResultInTheOwnersThread();
    void opensAConnectionOfItsOwn();
    void reportsWhyTheConnectionCouldNotOpen();
    void cancelIsTheTasksOwnState();
    void progressArrivesInOrderWithoutRepeats();
    void oneRunAtATime();
    void deletingARunningTaskWaitsAndDeliversNothing();
    void runWaitsForAModalStep();

private:
    test::ScratchDatabase m_db;
};

void TstTask::initTestCase()
{
    // A task opens an existing shop database: create it once, as the app does at start-up.
    QVERIFY2(m_db.isValid(), qPrintable(m_db.error()));
    MD_VERIFY(m_db.open());
}

void TstTask::deliversTheResultInTheOwnersThread()
{
    QVERIFY2(m_db.isValid(), qPrintable(m_db.error()));
    Task<int> task(m_db.spec());
    QThread *workThread = nullptr;
    QThread *doneThread = nullptr;
    std::optional<Result<int>> seen;
    QSignalSpy finished(&task, &TaskBase::finished);
    QVERIFY(task.start(
        [&](const Database &, TaskProgress &) {
            workThread = QThread::currentThread();
            return Result<int>(42);
        },
        [&](const Result<int> &result) {
            doneThread = QThread::currentThread();
            seen = result;
            QVERIFY(!task.isRunning()); // the worker has ended before `done` runs
        }));
    QVERIFY(task.isRunning());
    QVERIFY(finished.wait(10000));
    QVERIFY(seen && seen->ok());
    QCOMPARE(**seen, 42);
    QCOMPARE(**task.result(), 42);
    QVERIFY(workThread && workThread != QThread::currentThread());
    QCOMPARE(doneThread, QThread::currentThread());
    QVERIFY(!task.wasCancelled());
}

void TstTask::opensAConnectionOfItsOwn()
{
    QVERIFY2(m_db.isValid(), qPrintable(m_db.error()));
    auto mine = m_db.open();
    MD_VERIFY(mine);
    MD_VERIFY(sql::exec(mine->sql(), QStringLiteral("CREATE TABLE task_probe (n INTEGER)")));
    MD_VERIFY(sql::exec(mine->sql(), QStringLiteral("INSERT INTO task_probe VALUES (7)")));
    Task<qint64> task(m_db.spec());
    QString workConnection;
    task.start([&](const Database &db, TaskProgress &) -> Result<qint64> {
        workConnection = db.sql().connectionName();
        auto n = sql::scalar(db.sql(), QStringLiteral("SELECT n FROM task_probe"));
        if (!n)
            return fail(n.error());
        return n->toLongLong();
    });
    QSignalSpy finished(&task, &TaskBase::finished);
    QVERIFY(finished.wait(10000));
    MD_VERIFY(*task.result());
    QCOMPARE(**task.result(), 7);
    QVERIFY(!workConnection.isEmpty());
    QVERIFY(workConnection != mine->sql().connectionName());
}

void TstTask::reportsWhyTheConnectionCouldNotOpen()
{
    // An existing database is required by default: a missing file is an error, not a new file.
    const QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("nowhere/shop.sqlite"));
    DatabaseSpec spec;
    spec.path = missing;
    Task<int> task(spec);
    bool ran = false;
    const auto result = task.run([&](const Database &, TaskProgress &) {
        ran = true;
        return Result<int>(1);
    });
    QVERIFY(!ran);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().contains(QStringLiteral("shop.sqlite")), qPrintable(result.error()));
    QVERIFY(!QFileInfo::exists(missing));
}

void TstTask::cancelIsTheTasksOwnState()
{
    QVERIFY2(m_db.isValid(), qPrintable(m_db.error()));
    Task<int> task(m_db.spec());
    std::atomic_bool started = false;
    int steps = 0;
    task.start([&](const Database &, TaskProgress &progress) -> Result<int> {
        started = true;
        // A work that never stops by itself: only the cancel ends it.
        while (progress.report(steps % 100, QStringLiteral("step"))) {
            ++steps;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return fail(QStringLiteral("whatever the work says, in any language"));
    });
    QTRY_VERIFY(started.load());
    task.cancel();
    QSignalSpy finished(&task, &TaskBase::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY(task.wasCancelled());
    QVERIFY(steps > 0);

    // The next run starts uncancelled.
    task.start([](const Database &, TaskProgress &progress) {
        return Result<int>(progress.isCancelled() ? 0 : 1);
    });
    QVERIFY(finished.wait(10000));
    QVERIFY(!task.wasCancelled());
    QCOMPARE(**task.result(), 1);
}

void TstTask::progressArrivesInOrderWithoutRepeats()
{
    QVERIFY2(m_db.isValid(), qPrintable(m_db.error()));
    Task<int> task(m_db.spec());
    QList<int> percents;
    QList<QThread *> threads;
    connect(&task, &TaskBase::progress, this, [&](int percent, const QString &) {
        percents << percent;
        threads << QThread::currentThread();
    });
    task.start([](const Database &, TaskProgress &progress) {
        const auto report = progress.callback();
        for (int percent : {0, 0, 10, 10, 10, 50, 100, 100})
            report(percent, QStringLiteral("stage"));
        progress.report(100, QStringLiteral("another stage")); // a new stage is not a repeat
        return Result<int>(0);
    });
    QSignalSpy finished(&task, &TaskBase::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(percents, (QList<int>{0, 10, 50, 100, 100}));
    for (QThread *thread : std::as_const(threads))
        QCOMPARE(thread, QThread::currentThread());
}

void TstTask::oneRunAtATime()
{
    QVERIFY2(m_db.isValid(), qPrintable(m_db.error()));
    Task<int> task(m_db.spec());
    std::atomic_bool release = false;
    QVERIFY(task.start([&](const Database &, TaskProgress &) {
        while (!release)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return Result<int>(1);
    }));
    QVERIFY(!task.start([](const Database &, TaskProgress &) { return Result<int>(2); }));
    release = true;
    QSignalSpy finished(&task, &TaskBase::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(**task.result(), 1);
}

void TstTask::deletingARunningTaskWaitsAndDeliversNothing()
{
    QVERIFY2(m_db.isValid(), qPrintable(m_db.error()));
    std::atomic_bool started = false;
    std::atomic_bool workEnded = false;
    bool delivered = false;
    {
        Task<int> task(m_db.spec());
        task.start(
            [&](const Database &, TaskProgress &progress) -> Result<int> {
                started = true;
                while (progress.report(-1, QStringLiteral("busy")))
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                workEnded = true;
                return 0;
            },
            [&](const Result<int> &) { delivered = true; });
        QTRY_VERIFY(started.load());
    } // the destructor cancels and waits for the work
    QVERIFY(workEnded.load());
    QCoreApplication::processEvents(); // queued progress to a deleted task is dropped
    QVERIFY(!delivered);
}

void TstTask::runWaitsForAModalStep()
{
    QVERIFY2(m_db.isValid(), qPrintable(m_db.error()));
    Task<QString> task(m_db.spec());
    const auto result = task.run([](const Database &, TaskProgress &) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return Result<QString>(QStringLiteral("done"));
    });
    MD_VERIFY(result);
    QCOMPARE(*result, QStringLiteral("done"));
    QVERIFY(!task.isRunning());
}

QTEST_GUILESS_MAIN(TstTask)
#include "tst_task.moc"
