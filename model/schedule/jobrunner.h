#pragma once

// Runs the background jobs (repricing today; sending campaigns can join with one add() call in
// standardjobs.cpp): every job that is due, each under its JobLock, each run recorded in
// job_runs, each schedule moved to its next slot after now, so runs missed while nothing was
// running are caught up once, not once per missed slot.

#include "core/enumkeys.h"
#include "core/result.h"
#include "jobschedule.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <map>
#include <vector>

namespace md {

class Clock;
class Database;

struct JobOutcome
{
    enum class Status { Succeeded, Failed, Skipped };

    Status status = Status::Succeeded;
    QString message; // one or two sentences for the tray notification and the log

    static JobOutcome succeeded(QString message) { return {Status::Succeeded, std::move(message)}; }
    static JobOutcome failed(QString message) { return {Status::Failed, std::move(message)}; }
    static JobOutcome skipped(QString message) { return {Status::Skipped, std::move(message)}; }
};

// The values of job_runs.status.
constexpr auto enumKeys(JobOutcome::Status)
{
    using Status = JobOutcome::Status;
    return keyTable<Status>({{Status::Succeeded, "succeeded"},
                             {Status::Failed, "failed"},
                             {Status::Skipped, "skipped"}});
}

struct JobContext
{
    const Database &db;
    const Clock &clock;
    const JobSchedule &schedule;
    bool scheduled = true; // false: "run now" by hand
    // Progress lines for a log or the command line; may be empty.
    std::function<void(const QString &)> progress;
};

struct JobReport
{
    QString jobType;
    JobOutcome outcome;
    qint64 nextRunAt = -1; // after this run; -1 when unknown or paused
};

class JobRunner
{
    Q_DECLARE_TR_FUNCTIONS(md::JobRunner)

public:
    using Handler = std::function<JobOutcome(const JobContext &context)>;
    using Progress = std::function<void(const QString &)>;

    void add(const QString &jobType, const QString &title, Handler handler);
    QStringList jobTypes() const;
    bool knows(const QString &jobType) const { return m_jobs.count(jobType) > 0; }
    // "Repricing": what the tray and the log call the job.
    QString title(const QString &jobType) const;

    // Every enabled stored schedule that is due at clock.now(). A job another process is
    // running is skipped with a message naming that process.
    Result<std::vector<JobReport>> runDue(const Database &db, const Clock &clock,
                                          const Progress &progress = {}) const;
    // One job now, due or not, under its lock; its schedule is left as it is.
    Result<JobReport> runNow(const Database &db, const QString &jobType, const Clock &clock,
                             const Progress &progress = {}) const;

private:
    Result<JobReport> runOne(const Database &db, const QString &jobType, const Clock &clock,
                             bool scheduled, const Progress &progress) const;

    struct Job
    {
        QString title;
        Handler handler;
    };
    std::map<QString, Job> m_jobs;
};

} // namespace md
