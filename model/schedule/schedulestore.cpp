#include "schedulestore.h"

#include "db/database.h"
#include "db/sql.h"

namespace md {

namespace {

const QString kColumns = QStringLiteral("job_type, enabled, schedule_kind, interval_minutes, "
                                        "times_of_day, apply_mode, last_run_at, next_run_at");

Result<JobSchedule> scheduleFrom(const QSqlQuery &query)
{
    JobSchedule schedule = JobSchedule::defaults(query.value(0).toString());
    schedule.enabled = query.value(1).toInt() != 0;
    schedule.kind = fromKey<JobSchedule::Kind>(query.value(2).toString())
                        .value_or(JobSchedule::Kind::Interval);
    if (!query.value(3).isNull())
        schedule.intervalMinutes = query.value(3).toInt();
    auto times = JobSchedule::parseTimes(query.value(4).toString());
    if (!times) {
        return fail(ScheduleStore::tr("The stored schedule of %1 is not valid: %2")
                        .arg(schedule.jobType, times.error()));
    }
    schedule.timesOfDay = *times;
    schedule.mode = fromKey<JobSchedule::Mode>(query.value(5).toString())
                        .value_or(JobSchedule::Mode::Preview);
    schedule.lastRunAt = query.value(6).isNull() ? -1 : query.value(6).toLongLong();
    schedule.nextRunAt = query.value(7).isNull() ? -1 : query.value(7).toLongLong();
    return schedule;
}

QVariant optional(qint64 value)
{
    return value < 0 ? QVariant() : QVariant(value);
}

} // namespace

Result<JobSchedule> ScheduleStore::load(const Database &db, const QString &jobType)
{
    auto query = sql::select(
        db.sql(), QStringLiteral("SELECT %1 FROM scheduled_jobs WHERE job_type = ?").arg(kColumns),
        {jobType});
    if (!query)
        return fail(tr("Reading the schedule of %1: %2").arg(jobType, query.error()));
    if (!query->next())
        return JobSchedule::defaults(jobType);
    return scheduleFrom(*query);
}

Result<std::vector<JobSchedule>> ScheduleStore::all(const Database &db)
{
    auto query = sql::select(
        db.sql(), QStringLiteral("SELECT %1 FROM scheduled_jobs ORDER BY job_type").arg(kColumns));
    if (!query)
        return fail(tr("Reading the schedules: %1").arg(query.error()));
    std::vector<JobSchedule> schedules;
    while (query->next()) {
        auto schedule = scheduleFrom(*query);
        if (!schedule)
            return fail(schedule.error());
        schedules.push_back(*schedule);
    }
    return schedules;
}

Result<JobSchedule> ScheduleStore::save(const Database &db, JobSchedule schedule,
                                        const QDateTime &now)
{
    if (auto valid = schedule.validate(); !valid)
        return fail(valid.error());
    if (schedule.enabled) {
        const QDateTime next = schedule.nextSlotAfter(now);
        schedule.nextRunAt = next.isValid() ? next.toSecsSinceEpoch() : -1;
    } else {
        schedule.nextRunAt = -1;
    }
    auto written = sql::exec(
        db.sql(),
        QStringLiteral("INSERT INTO scheduled_jobs (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (job_type) DO UPDATE SET enabled = excluded.enabled, "
                       "schedule_kind = excluded.schedule_kind, "
                       "interval_minutes = excluded.interval_minutes, "
                       "times_of_day = excluded.times_of_day, apply_mode = excluded.apply_mode, "
                       "next_run_at = excluded.next_run_at")
            .arg(kColumns),
        {schedule.jobType, schedule.enabled ? 1 : 0, keyOf(schedule.kind), schedule.intervalMinutes,
         // An empty list is "" in the column, never NULL.
         schedule.timesOfDay.isEmpty() ? QStringLiteral("") : schedule.timesText(),
         keyOf(schedule.mode), optional(schedule.lastRunAt), optional(schedule.nextRunAt)});
    if (!written)
        return fail(tr("Saving the schedule of %1: %2").arg(schedule.jobType, written.error()));
    return schedule;
}

Result<JobSchedule> ScheduleStore::setEnabled(const Database &db, const QString &jobType,
                                              bool enabled, const QDateTime &now)
{
    auto schedule = load(db, jobType);
    if (!schedule)
        return schedule;
    schedule->enabled = enabled;
    return save(db, *schedule, now);
}

Status ScheduleStore::recordRun(const Database &db, const QString &jobType, qint64 ranAt,
                                qint64 nextRunAt)
{
    auto written
        = sql::exec(db.sql(),
                    QStringLiteral("UPDATE scheduled_jobs SET last_run_at = ?, "
                                   "next_run_at = CASE WHEN enabled = 1 THEN CAST(? AS BIGINT) END "
                                   "WHERE job_type = ?"),
                    {ranAt, optional(nextRunAt), jobType});
    if (!written)
        return fail(tr("Recording the run of %1: %2").arg(jobType, written.error()));
    return {};
}

} // namespace md
