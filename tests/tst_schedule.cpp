// Next-run arithmetic of the job schedule, at chosen instants: intervals, times of day across
// midnight and a daylight-saving jump, catching up after a long run, and the parsing and checks
// of what the owner types.

#include "schedule/jobschedule.h"

#include <QTest>
#include <QTimeZone>

using namespace md;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

JobSchedule times(const QString &text)
{
    JobSchedule schedule = JobSchedule::defaults(QStringLiteral("reprice"));
    schedule.kind = JobSchedule::Kind::TimesOfDay;
    schedule.timesOfDay = *JobSchedule::parseTimes(text);
    return schedule;
}

JobSchedule every(int minutes)
{
    JobSchedule schedule = JobSchedule::defaults(QStringLiteral("reprice"));
    schedule.kind = JobSchedule::Kind::Interval;
    schedule.intervalMinutes = minutes;
    return schedule;
}

} // namespace

class tst_Schedule : public QObject
{
    Q_OBJECT

private slots:
    void nextSlot_data();
    void nextSlot();
    void daylightSavingGap();
    void afterALongRun();
    void parseTimes_data();
    void parseTimes();
    void validate();
    void dueness();
};

void tst_Schedule::nextSlot_data()
{
    QTest::addColumn<QString>("schedule"); // "every N" or "at HH:MM,..."
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("every 6 h") << "every 360" << utc("2025-06-01T10:17:00Z")
                               << utc("2025-06-01T16:17:00Z");
    QTest::newRow("every 5 min") << "every 5" << utc("2025-06-01T23:58:00Z")
                                 << utc("2025-06-02T00:03:00Z");
    QTest::newRow("before the first time")
        << "at 14:30,02:00" << utc("2025-06-01T01:00:00Z") << utc("2025-06-01T02:00:00Z");
    QTest::newRow("exactly at a time: the next one")
        << "at 02:00,14:30" << utc("2025-06-01T02:00:00Z") << utc("2025-06-01T14:30:00Z");
    QTest::newRow("after the last: tomorrow")
        << "at 02:00,14:30" << utc("2025-06-01T23:00:00Z") << utc("2025-06-02T02:00:00Z");
    QTest::newRow("end of month") << "at 02:00" << utc("2025-06-30T03:00:00Z")
                                  << utc("2025-07-01T02:00:00Z");
}

void tst_Schedule::nextSlot()
{
    QFETCH(QString, schedule);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, expected);
    const JobSchedule s = schedule.startsWith(QLatin1String("every"))
                              ? every(schedule.mid(6).toInt())
                              : times(schedule.mid(3));
    QCOMPARE(s.nextSlotAfter(after), expected);
}

void tst_Schedule::daylightSavingGap()
{
    // 2025-03-30 in Berlin: 02:00 local jumps to 03:00. A 02:30 run still happens that night,
    // after the jump, and the next day at 02:30 again.
    const QTimeZone berlin("Europe/Berlin");
    QVERIFY(berlin.isValid());
    const JobSchedule s = times(QStringLiteral("02:30"));
    const QDateTime before(QDate(2025, 3, 30), QTime(1, 30), berlin);
    const QDateTime slot = s.nextSlotAfter(before);
    QVERIFY(slot.isValid());
    QVERIFY(slot > before);
    QCOMPARE(slot.date(), QDate(2025, 3, 30));
    QVERIFY(slot.toSecsSinceEpoch() - before.toSecsSinceEpoch() <= 2 * 3600);
    const QDateTime next = s.nextSlotAfter(slot);
    QCOMPARE(next, QDateTime(QDate(2025, 3, 31), QTime(2, 30), berlin));
    QCOMPARE(next.toUTC(), utc("2025-03-31T00:30:00Z"));
}

void tst_Schedule::afterALongRun()
{
    const JobSchedule hourly = every(60);
    // Started 10:00, done 10:05: next at 11:00, counted from the start.
    QCOMPARE(hourly.nextRunAfterRun(utc("2025-06-01T10:00:00Z"), utc("2025-06-01T10:05:00Z")),
             utc("2025-06-01T11:00:00Z"));
    // Ran for 2.5 hours: the slots it overran are not run one by one.
    QCOMPARE(hourly.nextRunAfterRun(utc("2025-06-01T10:00:00Z"), utc("2025-06-01T12:30:00Z")),
             utc("2025-06-01T13:00:00Z"));
    const JobSchedule twice = times(QStringLiteral("02:00,14:00"));
    QCOMPARE(twice.nextRunAfterRun(utc("2025-06-01T09:00:00Z"), utc("2025-06-01T09:01:00Z")),
             utc("2025-06-01T14:00:00Z"));
}

void tst_Schedule::parseTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("parsed"); // timesText() or the error
    QTest::newRow("sorted, deduplicated") << "14:30, 02:00,02:00"
                                          << "02:00,14:30";
    QTest::newRow("single digit hour") << "2:05"
                                       << "02:05";
    QTest::newRow("midnight") << "00:00"
                              << "00:00";
    QTest::newRow("hour 24") << "24:00"
                             << "Times of day: \"24:00\" is not a time such as 02:00 or 14:30";
    QTest::newRow("not a time") << "02:00, 2pm"
                                << "Times of day: \"2pm\" is not a time such as 02:00 or 14:30";
    QTest::newRow("minutes 60") << "10:60"
                                << "Times of day: \"10:60\" is not a time such as 02:00 or 14:30";
}

void tst_Schedule::parseTimes()
{
    QFETCH(QString, text);
    QFETCH(QString, parsed);
    auto result = JobSchedule::parseTimes(text);
    if (result) {
        JobSchedule s;
        s.timesOfDay = *result;
        QCOMPARE(s.timesText(), parsed);
    } else {
        QCOMPARE(result.error(), parsed);
    }
}

void tst_Schedule::validate()
{
    QVERIFY(!every(4).validate());
    QCOMPARE(every(4).validate().error(),
             QStringLiteral("The interval must be between 5 minutes and 31 days, not 4 minutes"));
    QVERIFY(every(5).validate());
    QVERIFY(every(31 * 24 * 60).validate());
    QVERIFY(!every(31 * 24 * 60 + 1).validate());
    JobSchedule none = times(QStringLiteral("02:00"));
    none.timesOfDay.clear();
    QCOMPARE(none.validate().error(),
             QStringLiteral("Times of day: give at least one time, such as 02:00"));
}

void tst_Schedule::dueness()
{
    JobSchedule s = every(60);
    s.nextRunAt = 1000;
    QVERIFY(!s.isDue(2000)); // paused
    s.enabled = true;
    QVERIFY(!s.isDue(999));
    QVERIFY(s.isDue(1000));
    QVERIFY(s.isDue(50000));
    s.nextRunAt = -1;
    QVERIFY(!s.isDue(50000));
}

QTEST_GUILESS_MAIN(tst_Schedule)
#include "tst_schedule.moc"
