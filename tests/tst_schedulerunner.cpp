// Running scheduled jobs on the backend under test: schedules stored and paused, a run missed
// several times caught up once (injected clock), the job lock keeping a second runner out (a
// second connection, and a second process: merchantdesk-cli jobs run-due), failures recorded,
// and the desktop's JobScheduler catching up at start in its worker thread.

#include "clirun.h"
#include "db/sql.h"
#include "pricing/pricingjob.h"
#include "pricing/pricingproposalstore.h"
#include "pricing/pricingrunstore.h"
#include "schedule/joblock.h"
#include "schedule/jobrunner.h"
#include "schedule/jobscheduler.h"
#include "schedule/manualclock.h"
#include "schedule/schedulestore.h"
#include "schedule/standardjobs.h"
#include "seedproducts.h"
#include "testdb.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace md;

namespace {

const QString kJob = QStringLiteral("count");
const QDateTime kStart = QDateTime::fromString(QStringLiteral("2025-06-01T10:00:00Z"), Qt::ISODate);

JobRunner countingRunner(std::atomic_int &runs, JobOutcome::Status status = {})
{
    JobRunner runner;
    runner.add(kJob, QStringLiteral("Counting"), [&runs, status](const JobContext &) {
        ++runs;
        return JobOutcome{status, QStringLiteral("run %1").arg(runs.load())};
    });
    return runner;
}

Status scheduleHourly(const Database &db, const QString &type, const QDateTime &now,
                      JobSchedule::Mode mode = JobSchedule::Mode::Preview)
{
    JobSchedule schedule = JobSchedule::defaults(type);
    schedule.enabled = true;
    schedule.intervalMinutes = 60;
    schedule.mode = mode;
    auto saved = ScheduleStore::save(db, schedule, now);
    return saved ? Status() : Status(fail(saved.error()));
}

qint64 count(const Database &db, const QString &statement, const QVariantList &values = {})
{
    auto n = sql::scalar(db.sql(), statement, values);
    return n ? n->toLongLong() : -1;
}

} // namespace

class tst_ScheduleRunner : public QObject
{
    Q_OBJECT

private slots:
    void storeSavesPausesAndResumes();
    void missedRunsAreCaughtUpOnce();
    void secondRunnerIsKeptOut();
    void secondProcessIsKeptOut();
    void failuresAndUnknownJobsAreRecorded();
    void repriceJobAppliesOrProposes();
    void desktopSchedulerCatchesUpAtStart();
};

void tst_ScheduleRunner::storeSavesPausesAndResumes()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    auto missing = ScheduleStore::load(*db, QStringLiteral("reprice"));
    MD_VERIFY(missing);
    QVERIFY(!missing->enabled);
    QCOMPARE(int(missing->mode), int(JobSchedule::Mode::Preview));

    JobSchedule schedule = JobSchedule::defaults(QStringLiteral("reprice"));
    schedule.enabled = true;
    schedule.kind = JobSchedule::Kind::TimesOfDay;
    schedule.timesOfDay = *JobSchedule::parseTimes(QStringLiteral("14:30,02:00"));
    schedule.mode = JobSchedule::Mode::Apply;
    auto saved = ScheduleStore::save(*db, schedule, kStart);
    MD_VERIFY(saved);
    QCOMPARE(saved->nextRunAt, kStart.addSecs(4 * 3600 + 1800).toSecsSinceEpoch());
    auto loaded = ScheduleStore::load(*db, QStringLiteral("reprice"));
    MD_VERIFY(loaded);
    QCOMPARE(loaded->timesText(), QStringLiteral("02:00,14:30"));
    QCOMPARE(int(loaded->kind), int(JobSchedule::Kind::TimesOfDay));
    QCOMPARE(int(loaded->mode), int(JobSchedule::Mode::Apply));
    QCOMPARE(loaded->nextRunAt, saved->nextRunAt);

    auto paused = ScheduleStore::setEnabled(*db, QStringLiteral("reprice"), false, kStart);
    MD_VERIFY(paused);
    QCOMPARE(paused->nextRunAt, -1);
    QVERIFY(!paused->isDue(kStart.addDays(3).toSecsSinceEpoch()));
    // Resumed two days later: the next slot after now, the paused days are not made up.
    const QDateTime later = kStart.addDays(2);
    auto resumed = ScheduleStore::setEnabled(*db, QStringLiteral("reprice"), true, later);
    MD_VERIFY(resumed);
    QCOMPARE(resumed->nextRunAt, later.addSecs(4 * 3600 + 1800).toSecsSinceEpoch());

    JobSchedule bad = *resumed;
    bad.kind = JobSchedule::Kind::Interval;
    bad.intervalMinutes = 1;
    auto refused = ScheduleStore::save(*db, bad, later);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("not 1 minutes")), qPrintable(refused.error()));
}

void tst_ScheduleRunner::missedRunsAreCaughtUpOnce()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    ManualClock clock(kStart);
    MD_VERIFY(scheduleHourly(*db, kJob, kStart));
    std::atomic_int runs = 0;
    const JobRunner runner = countingRunner(runs);

    auto early = runner.runDue(*db, clock);
    MD_VERIFY(early);
    QVERIFY(early->empty());
    QCOMPARE(runs.load(), 0);

    // Nothing ran for five and a half hours: five slots were missed; one run catches up.
    clock.advance(5 * 3600 + 1800);
    auto late = runner.runDue(*db, clock);
    MD_VERIFY(late);
    QCOMPARE(late->size(), size_t(1));
    QCOMPARE(int(late->front().outcome.status), int(JobOutcome::Status::Succeeded));
    QCOMPARE(runs.load(), 1);
    const qint64 next = clock.now().addSecs(3600).toSecsSinceEpoch();
    QCOMPARE(late->front().nextRunAt, next);
    auto stored = ScheduleStore::load(*db, kJob);
    MD_VERIFY(stored);
    QCOMPARE(stored->lastRunAt, clock.nowSecs());
    QCOMPARE(stored->nextRunAt, next);

    auto again = runner.runDue(*db, clock);
    MD_VERIFY(again);
    QVERIFY(again->empty());
    clock.advance(3599);
    MD_VERIFY(runner.runDue(*db, clock));
    QCOMPARE(runs.load(), 1);
    clock.advance(1);
    MD_VERIFY(runner.runDue(*db, clock));
    QCOMPARE(runs.load(), 2);
    QCOMPARE(count(*db,
                   QStringLiteral("SELECT COUNT(*) FROM job_runs WHERE job_type = ? AND "
                                  "status = 'succeeded' AND finished_at IS NOT NULL"),
                   {kJob}),
             2);

    // "Run now" runs whether due or not and leaves the schedule alone.
    auto now = runner.runNow(*db, kJob, clock);
    MD_VERIFY(now);
    QCOMPARE(runs.load(), 3);
    auto unchanged = ScheduleStore::load(*db, kJob);
    MD_VERIFY(unchanged);
    QCOMPARE(unchanged->nextRunAt, clock.now().addSecs(3600).toSecsSinceEpoch());
}

void tst_ScheduleRunner::secondRunnerIsKeptOut()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    auto other = db->openAnother();
    MD_VERIFY(other);
    ManualClock clock(kStart);
    MD_VERIFY(scheduleHourly(*db, kJob, kStart));
    clock.advance(2 * 3600);
    std::atomic_int runs = 0;
    const JobRunner runner = countingRunner(runs);

    QString heldBy;
    auto held = JobLock::tryAcquire(*other, kJob, &heldBy);
    MD_VERIFY(held);
    QVERIFY(*held);
    QVERIFY(heldBy.isEmpty());
    {
        QString who;
        auto second = JobLock::tryAcquire(*db, kJob, &who);
        MD_VERIFY(second);
        QVERIFY(!*second);
        QVERIFY2(!who.isEmpty(), "the holder is named");
        // Another job's lock is independent.
        QString none;
        auto different = JobLock::tryAcquire(*db, QStringLiteral("campaigns"), &none);
        MD_VERIFY(different);
        QVERIFY(*different);
    }
    auto skipped = runner.runDue(*db, clock);
    MD_VERIFY(skipped);
    QCOMPARE(skipped->size(), size_t(1));
    QCOMPARE(int(skipped->front().outcome.status), int(JobOutcome::Status::Skipped));
    QVERIFY2(skipped->front().outcome.message.contains(QLatin1String("already running in")),
             qPrintable(skipped->front().outcome.message));
    QCOMPARE(runs.load(), 0);
    QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM job_runs WHERE status = 'skipped'")),
             1);
    auto stillDue = ScheduleStore::load(*db, kJob);
    MD_VERIFY(stillDue);
    QVERIFY(stillDue->isDue(clock.nowSecs()));

    held->reset(); // the other runner finishes
    auto ran = runner.runDue(*db, clock);
    MD_VERIFY(ran);
    QCOMPARE(runs.load(), 1);
}

void tst_ScheduleRunner::secondProcessIsKeptOut()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    QVERIFY2(!test::cliProgram().isEmpty(), "MERCHANTDESK_CLI is not set");
    // Due an hour ago by the real clock, which the command line uses.
    MD_VERIFY(
        scheduleHourly(*db, PricingJob::jobType(), QDateTime::currentDateTimeUtc().addSecs(-7200)));

    const auto runDue = [&] {
        const test::CliRun run = test::runCliOn(
            scratch.location(), {QStringLiteral("jobs"), QStringLiteral("run-due")});
        return std::pair{run.exitCode, QString(run.out + run.err)};
    };
    {
        QString heldBy;
        auto lock = JobLock::tryAcquire(*db, PricingJob::jobType(), &heldBy);
        MD_VERIFY(lock);
        QVERIFY(*lock);
        const auto [status, output] = runDue();
        QCOMPARE(status, 0);
        QVERIFY2(output.contains(QLatin1String("reprice: skipped: Repricing is already running "
                                               "in")),
                 qPrintable(output));
        QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM job_runs WHERE job_type = "
                                           "'reprice' AND status = 'running'")),
                 0);
    }
    const auto [status, output] = runDue();
    QCOMPARE(status, 0);
    QVERIFY2(output.contains(QLatin1String("reprice: done: No price changes.")),
             qPrintable(output));
    const auto [again, quiet] = runDue();
    QCOMPARE(again, 0);
    QVERIFY2(quiet.contains(QLatin1String("No job is due")), qPrintable(quiet));
}

void tst_ScheduleRunner::failuresAndUnknownJobsAreRecorded()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    ManualClock clock(kStart);
    MD_VERIFY(scheduleHourly(*db, kJob, kStart));
    MD_VERIFY(scheduleHourly(*db, QStringLiteral("campaigns"), kStart));
    clock.advance(3600);
    std::atomic_int runs = 0;
    const JobRunner runner = countingRunner(runs, JobOutcome::Status::Failed);
    auto reports = runner.runDue(*db, clock);
    MD_VERIFY(reports);
    QCOMPARE(reports->size(), size_t(2));
    QCOMPARE(reports->at(0).jobType, QStringLiteral("campaigns"));
    QCOMPARE(int(reports->at(0).outcome.status), int(JobOutcome::Status::Skipped));
    QCOMPARE(reports->at(0).outcome.message,
             QStringLiteral("This version of MerchantDesk cannot run campaigns jobs"));
    QCOMPARE(int(reports->at(1).outcome.status), int(JobOutcome::Status::Failed));
    QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM job_runs WHERE status = 'failed' "
                                       "AND message = 'run 1'")),
             1);
    // A failed run still moves on to the next slot instead of retrying at once.
    auto stored = ScheduleStore::load(*db, kJob);
    MD_VERIFY(stored);
    QCOMPARE(stored->nextRunAt, clock.now().addSecs(3600).toSecsSinceEpoch());
}

void tst_ScheduleRunner::repriceJobAppliesOrProposes()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(test::seedProducts(
        *db, {{.sku = QStringLiteral("A"), .costCents = 100, .stockLevel = 5, .demandScore = 2}}));
    ManualClock clock(kStart);
    const JobRunner runner = StandardJobs::runner();
    MD_VERIFY(scheduleHourly(*db, PricingJob::jobType(), kStart, JobSchedule::Mode::Preview));
    clock.advance(3600);
    auto proposed = runner.runDue(*db, clock);
    MD_VERIFY(proposed);
    QCOMPARE(proposed->size(), size_t(1));
    QVERIFY2(proposed->front().outcome.message.startsWith(
                 QLatin1String("Prepared 1 price changes (1 up, 0 down) for approval as "
                               "proposal")),
             qPrintable(proposed->front().outcome.message));
    auto pending = PricingProposalStore::newestPending(*db);
    MD_VERIFY(pending);
    QVERIFY(pending->has_value());
    QCOMPARE(int((*pending)->source), int(PricingRunSource::Schedule));
    QCOMPARE(count(*db, QStringLiteral("SELECT current_price_cents FROM products")), 1000);

    MD_VERIFY(scheduleHourly(*db, PricingJob::jobType(), clock.now(), JobSchedule::Mode::Apply));
    clock.advance(3600);
    auto applied = runner.runDue(*db, clock);
    MD_VERIFY(applied);
    QVERIFY2(applied->front().outcome.message.startsWith(
                 QLatin1String("Applied 1 price changes (1 up, 0 down) as run")),
             qPrintable(applied->front().outcome.message));
    QCOMPARE(count(*db, QStringLiteral("SELECT current_price_cents FROM products")), 1100);
    auto runs = PricingRunStore::runs(*db);
    MD_VERIFY(runs);
    QCOMPARE(int(runs->front().source), int(PricingRunSource::Schedule));
    QCOMPARE(runs->front().startedBy, QStringLiteral("scheduler"));
}

void tst_ScheduleRunner::desktopSchedulerCatchesUpAtStart()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    ManualClock clock(kStart);
    MD_VERIFY(scheduleHourly(*db, kJob, kStart));
    clock.advance(10 * 3600); // the app was closed for ten hours
    std::atomic_int runs = 0;

    JobScheduler scheduler(scratch.spec(), countingRunner(runs), clock);
    QSignalSpy finished(&scheduler, &JobScheduler::jobFinished);
    QSignalSpy errors(&scheduler, &JobScheduler::errorOccurred);
    bool runningInHandler = true;
    connect(&scheduler, &JobScheduler::jobFinished, this,
            [&] { runningInHandler = scheduler.isRunning(); });
    MD_VERIFY(scheduler.start());
    QVERIFY(scheduler.isRunning());
    QVERIFY(finished.wait(30000));
    QCOMPARE(errors.count(), 0);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(runs.load(), 1);
    QVERIFY(!runningInHandler);
    const auto report = finished.first().first().value<JobReport>();
    QCOMPARE(report.outcome.message, QStringLiteral("run 1"));
    QCOMPARE(scheduler.nextRunAt(kJob), clock.now().addSecs(3600));
    QVERIFY(scheduler.hasActiveSchedule());
    QVERIFY(!finished.wait(300)); // caught up once, not once per missed slot

    QVERIFY(scheduler.runNow(kJob));
    QVERIFY(finished.wait(30000));
    QCOMPARE(runs.load(), 2);
    MD_VERIFY(scheduler.setPaused(kJob, true));
    QVERIFY(scheduler.isPaused(kJob));
    QVERIFY(!scheduler.nextRunAt(kJob).isValid());
    QVERIFY(!scheduler.hasActiveSchedule());
    clock.advance(5 * 3600);
    QVERIFY(!finished.wait(300));
    QCOMPARE(runs.load(), 2);
}

QTEST_GUILESS_MAIN(tst_ScheduleRunner)
#include "tst_schedulerunner.moc"
