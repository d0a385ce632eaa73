#include "jobrunner.h"

#include "clock.h"
#include "db/database.h"
#include "db/sql.h"
#include "joblock.h"
#include "pricing/nonnulltext.h"
#include "schedulestore.h"

#include <QSysInfo>

namespace md {

namespace {

Result<qint64> startRecord(const Database &db, const QString &jobType, qint64 now,
                           const QString &status, const QString &message)
{
    auto id
        = sql::scalar(db.sql(),
                      QStringLiteral("INSERT INTO job_runs (job_type, started_at, status, "
                                     "message, host) VALUES (?, ?, ?, ?, ?) RETURNING id"),
                      {jobType, now, status, nonNullText(message), QSysInfo::machineHostName()});
    if (!id)
        return fail(id.error());
    return id->toLongLong();
}

} // namespace

void JobRunner::add(const QString &jobType, const QString &title, Handler handler)
{
    m_jobs[jobType] = Job{title, std::move(handler)};
}

QStringList JobRunner::jobTypes() const
{
    QStringList types;
    for (const auto &[type, job] : m_jobs)
        types << type;
    return types;
}

QString JobRunner::title(const QString &jobType) const
{
    const auto found = m_jobs.find(jobType);
    return found == m_jobs.end() ? jobType : found->second.title;
}

Result<std::vector<JobReport>> JobRunner::runDue(const Database &db, const Clock &clock,
                                                 const Progress &progress) const
{
    auto schedules = ScheduleStore::all(db);
    if (!schedules)
        return fail(schedules.error());
    std::vector<JobReport> reports;
    const qint64 now = clock.nowSecs();
    for (const JobSchedule &schedule : *schedules) {
        if (!schedule.isDue(now))
            continue;
        if (!knows(schedule.jobType)) {
            reports.push_back(
                {schedule.jobType,
                 JobOutcome::skipped(
                     tr("This version of MerchantDesk cannot run %1 jobs").arg(schedule.jobType)),
                 schedule.nextRunAt});
            continue;
        }
        auto report = runOne(db, schedule.jobType, clock, true, progress);
        if (!report)
            return fail(report.error());
        reports.push_back(*report);
    }
    return reports;
}

Result<JobReport> JobRunner::runNow(const Database &db, const QString &jobType, const Clock &clock,
                                    const Progress &progress) const
{
    if (!knows(jobType))
        return fail(tr("There is no job called %1").arg(jobType));
    return runOne(db, jobType, clock, false, progress);
}

Result<JobReport> JobRunner::runOne(const Database &db, const QString &jobType, const Clock &clock,
                                    bool scheduled, const Progress &progress) const
{
    JobReport report;
    report.jobType = jobType;
    QString heldBy;
    auto lock = JobLock::tryAcquire(db, jobType, &heldBy);
    if (!lock)
        return fail(lock.error());
    if (!*lock) {
        report.outcome = JobOutcome::skipped(
            tr("%1 is already running in %2; skipped").arg(title(jobType), heldBy));
        auto recorded = startRecord(db, jobType, clock.nowSecs(),
                                    keyOf(JobOutcome::Status::Skipped), report.outcome.message);
        if (!recorded)
            return fail(recorded.error());
        return report;
    }

    // Read again under the lock: another process may have run it just now.
    auto schedule = ScheduleStore::load(db, jobType);
    if (!schedule)
        return fail(schedule.error());
    const QDateTime started = clock.now();
    if (scheduled && !schedule->isDue(started.toSecsSinceEpoch())) {
        report.outcome = JobOutcome::skipped(
            tr("%1 was run by another process a moment ago").arg(title(jobType)));
        report.nextRunAt = schedule->nextRunAt;
        return report;
    }

    auto record = startRecord(db, jobType, started.toSecsSinceEpoch(), QStringLiteral("running"),
                              QString());
    if (!record)
        return fail(record.error());
    const JobContext context{db, clock, *schedule, scheduled, progress};
    report.outcome = m_jobs.at(jobType).handler(context);
    const QDateTime finished = clock.now();
    if (auto closed = sql::exec(db.sql(),
                                QStringLiteral("UPDATE job_runs SET finished_at = ?, status = ?, "
                                               "message = ? WHERE id = ?"),
                                {finished.toSecsSinceEpoch(), keyOf(report.outcome.status),
                                 nonNullText(report.outcome.message), *record});
        !closed) {
        return fail(closed.error());
    }
    report.nextRunAt = schedule->nextRunAt;
    if (scheduled) {
        const QDateTime next = schedule->nextRunAfterRun(started, finished);
        report.nextRunAt = next.isValid() ? next.toSecsSinceEpoch() : -1;
        if (auto moved
            = ScheduleStore::recordRun(db, jobType, started.toSecsSinceEpoch(), report.nextRunAt);
            !moved) {
            return fail(moved.error());
        }
    }
    return report;
}

} // namespace md
