// QueryInterrupter on both backends: a statement that would run for hours on a worker thread
// stops when another thread interrupts it, and fails (it never returns a count); a connection
// that was detached is left alone.

#include "db/queryinterrupter.h"
#include "db/sql.h"
#include "testdb.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace md;

namespace {

// Counts to ten billion: hours on either backend, in the SQL both share.
const QString kEndless = QStringLiteral(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000) "
    "SELECT COUNT(*) FROM c");

} // namespace

class tst_QueryInterrupter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void stopsARunningStatement();
    void detachedConnectionRunsOn();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
};

void tst_QueryInterrupter::initTestCase()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    MD_VERIFY(m_scratch->open());
}

void tst_QueryInterrupter::stopsARunningStatement()
{
    QueryInterrupter interrupter;
    std::atomic_bool attached = false;
    std::atomic_bool done = false;
    QString outcome;
    QThread *worker = QThread::create([&] {
        auto db = m_scratch->open();
        if (!db) {
            outcome = db.error();
        } else {
            QueryInterrupter::Scope scope(interrupter, *db);
            attached = true;
            auto counted = sql::scalar(db->sql(), kEndless);
            outcome = counted ? QStringLiteral("counted %1").arg(counted->toString())
                              : QStringLiteral("failed: ") + counted.error();
        }
        done = true;
    });
    worker->start();
    QTRY_VERIFY_WITH_TIMEOUT(attached.load(), 20000);
    // Interrupting again until it ends also covers an interrupt that came just before the
    // statement started.
    QTRY_VERIFY_WITH_TIMEOUT((interrupter.interrupt(), done.load()), 30000);
    QVERIFY(worker->wait(10000));
    delete worker;
    QVERIFY2(outcome.startsWith(QLatin1String("failed: ")), qPrintable(outcome));
    QVERIFY(interrupter.wasInterrupted());
}

void tst_QueryInterrupter::detachedConnectionRunsOn()
{
    auto db = m_scratch->open();
    MD_VERIFY(db);
    QueryInterrupter interrupter;
    {
        QueryInterrupter::Scope scope(interrupter, *db);
    }
    interrupter.interrupt(); // nothing attached: no effect on the connection
    auto value = sql::scalar(db->sql(), QStringLiteral("SELECT 40 + 2"));
    MD_VERIFY(value);
    QCOMPARE(value->toInt(), 42);
}

QTEST_GUILESS_MAIN(tst_QueryInterrupter)
#include "tst_queryinterrupter.moc"
