#pragma once

// The schedules of the background jobs in the scheduled_jobs table: read, save (which sets the
// next run), pause and resume, and the bookkeeping after a run. A job without a row has the
// default schedule: paused, once a day, preview only.

#include "core/result.h"
#include "jobschedule.h"

#include <QCoreApplication>
#include <QDateTime>

#include <vector>

namespace md {

class Database;

class ScheduleStore
{
    Q_DECLARE_TR_FUNCTIONS(md::ScheduleStore)

public:
    static Result<JobSchedule> load(const Database &db, const QString &jobType);
    // Every stored schedule, by job type.
    static Result<std::vector<JobSchedule>> all(const Database &db);
    // Validates, then stores. An enabled schedule gets its next run from `now`; a paused one
    // keeps none. Returns the schedule as stored.
    static Result<JobSchedule> save(const Database &db, JobSchedule schedule, const QDateTime &now);
    // Pause (no next run) or resume (the next slot after now: runs missed while paused are not
    // caught up).
    static Result<JobSchedule> setEnabled(const Database &db, const QString &jobType, bool enabled,
                                          const QDateTime &now);
    static Status recordRun(const Database &db, const QString &jobType, qint64 ranAt,
                            qint64 nextRunAt);
};

} // namespace md
