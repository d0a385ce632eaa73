#pragma once

// When a background job runs: every N hours, or at set times of day (in the local time zone),
// and whether a repricing run applies its changes or only prepares them for approval. Pure
// next-run arithmetic; ScheduleStore keeps it in the scheduled_jobs table.

#include "core/enumkeys.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>

namespace md {

struct JobSchedule
{
    Q_DECLARE_TR_FUNCTIONS(md::JobSchedule)

public:
    enum class Kind { Interval, TimesOfDay };
    enum class Mode { Apply, Preview };

    QString jobType;
    bool enabled = false; // false: paused
    Kind kind = Kind::Interval;
    int intervalMinutes = 24 * 60;
    QList<QTime> timesOfDay; // sorted, whole minutes
    Mode mode = Mode::Preview;
    qint64 lastRunAt = -1;
    qint64 nextRunAt = -1;

    static JobSchedule defaults(const QString &jobType);

    // The first moment of the schedule strictly after `after`; times of day are read in the
    // time zone of `after`. Invalid when there is no slot (times of day empty).
    QDateTime nextSlotAfter(const QDateTime &after) const;
    // The next run after a run that started at `started` and ended at `finished`: the first
    // slot after the start that is also after the end. Missed slots are not run one by one.
    QDateTime nextRunAfterRun(const QDateTime &started, const QDateTime &finished) const;
    bool isDue(qint64 nowSecs) const { return enabled && nextRunAt >= 0 && nextRunAt <= nowSecs; }

    // "02:00, 14:30" → sorted times; refuses anything else, naming the part.
    static Result<QList<QTime>> parseTimes(const QString &text);
    QString timesText() const;
    // Refuses an interval under 5 minutes or over 31 days, and times of day without a time.
    Status validate() const;

    static constexpr int kMinIntervalMinutes = 5;
    static constexpr int kMaxIntervalMinutes = 31 * 24 * 60;
};

// The values of scheduled_jobs.schedule_kind and scheduled_jobs.apply_mode.
constexpr auto enumKeys(JobSchedule::Kind)
{
    using Kind = JobSchedule::Kind;
    return keyTable<Kind>({{Kind::Interval, "interval"}, {Kind::TimesOfDay, "times"}});
}

constexpr auto enumKeys(JobSchedule::Mode)
{
    using Mode = JobSchedule::Mode;
    return keyTable<Mode>({{Mode::Apply, "apply"}, {Mode::Preview, "preview"}});
}

} // namespace md
