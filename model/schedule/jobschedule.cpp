#include "jobschedule.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace md {

JobSchedule JobSchedule::defaults(const QString &jobType)
{
    JobSchedule schedule;
    schedule.jobType = jobType;
    return schedule;
}

QDateTime JobSchedule::nextSlotAfter(const QDateTime &after) const
{
    if (kind == Kind::Interval)
        return after.addSecs(qint64(intervalMinutes) * 60);
    if (timesOfDay.isEmpty())
        return {};
    // Today's remaining times, else tomorrow's first.
    const QTimeZone zone = after.timeZone();
    for (int day = 0; day < 3; ++day) {
        const QDate date = after.date().addDays(day);
        for (const QTime &time : timesOfDay) {
            QDateTime slot(date, time, zone);
            if (!slot.isValid()) {
                // The clock jumps over this time tonight (daylight saving): run as many
                // seconds after midnight instead, just after the jump, rather than skip a day.
                slot = QDateTime(date, QTime(0, 0), zone)
                           .addSecs(time.msecsSinceStartOfDay() / 1000);
            }
            if (slot > after)
                return slot;
        }
    }
    return {};
}

QDateTime JobSchedule::nextRunAfterRun(const QDateTime &started, const QDateTime &finished) const
{
    QDateTime next = nextSlotAfter(started);
    while (next.isValid() && next <= finished)
        next = nextSlotAfter(next);
    return next;
}

Result<QList<QTime>> JobSchedule::parseTimes(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([01]?[0-9]|2[0-3]):([0-5][0-9])$"));
    QList<QTime> times;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (trimmed.isEmpty())
            continue;
        const auto match = pattern.match(trimmed);
        if (!match.hasMatch()) {
            return fail(
                tr("Times of day: \"%1\" is not a time such as 02:00 or 14:30").arg(trimmed));
        }
        const QTime time(match.captured(1).toInt(), match.captured(2).toInt());
        if (!times.contains(time))
            times << time;
    }
    std::sort(times.begin(), times.end());
    return times;
}

QString JobSchedule::timesText() const
{
    QStringList parts;
    for (const QTime &time : timesOfDay)
        parts << time.toString(QStringLiteral("HH:mm"));
    return parts.join(QStringLiteral(","));
}

Status JobSchedule::validate() const
{
    if (kind == Kind::Interval
        && (intervalMinutes < kMinIntervalMinutes || intervalMinutes > kMaxIntervalMinutes)) {
        return fail(tr("The interval must be between %1 minutes and %2 days, not %3 minutes")
                        .arg(kMinIntervalMinutes)
                        .arg(kMaxIntervalMinutes / (24 * 60))
                        .arg(intervalMinutes));
    }
    if (kind == Kind::TimesOfDay && timesOfDay.isEmpty())
        return fail(tr("Times of day: give at least one time, such as 02:00"));
    return {};
}

} // namespace md
