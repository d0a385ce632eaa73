#pragma once

// The schedule while the desktop app runs (the tray's engine): catches up a run missed while
// the app was closed once at start, then runs each job when it is due, in a Task (core/task.h)
// with its own database connection, so the window never waits. Also "run now", pause and resume,
// and the next run time for the tray menu. Headless runs use JobRunner directly.

#include "clock.h"
#include "core/result.h"
#include "core/task.h"
#include "db/database.h"
#include "jobrunner.h"
#include "jobschedule.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <vector>

namespace md {

class JobScheduler : public QObject
{
    Q_OBJECT

public:
    // The clock must outlive the scheduler.
    JobScheduler(const DatabaseSpec &spec, JobRunner runner, const Clock &clock = Clock::system(),
                 QObject *parent = nullptr);
    ~JobScheduler() override;

    // Opens its own connection, reads the schedules and runs what is due now; then checks
    // again at the next due time and at least every minute (another computer may have changed
    // the schedule).
    Status start();
    void stop();

    JobSchedule schedule(const QString &jobType) const;
    // Invalid while paused.
    QDateTime nextRunAt(const QString &jobType) const;
    bool isPaused(const QString &jobType) const { return !schedule(jobType).enabled; }
    bool isRunning() const { return m_task.isRunning(); }
    // True while any schedule is active: then closing the window keeps the app in the tray.
    bool hasActiveSchedule() const;
    QString title(const QString &jobType) const { return m_runner.title(jobType); }

    Status setPaused(const QString &jobType, bool paused);
    // Validates and stores; the next run is computed from now.
    Result<JobSchedule> saveSchedule(const JobSchedule &schedule);
    // Runs the job in the background now, due or not; false when a job is running already.
    bool runNow(const QString &jobType);

    // How often the scheduler looks at the database even when nothing is due.
    static constexpr int kPollMs = 60 * 1000;

signals:
    void schedulesChanged();
    void jobStarted(const QString &jobType);
    void jobFinished(const md::JobReport &report);
    void errorOccurred(const QString &message);

private:
    using Work = std::function<Result<std::vector<JobReport>>(const Database &db)>;

    void check();
    Status reload();
    void arm();
    void launch(const QString &firstJob, Work work);

    DatabaseSpec m_spec;
    JobRunner m_runner;
    const Clock &m_clock;
    Database m_db;
    QTimer m_timer;
    std::map<QString, JobSchedule> m_schedules;
    // Last: destroyed first, it waits for a running job while the rest is still in place.
    Task<std::vector<JobReport>> m_task;
};

} // namespace md

Q_DECLARE_METATYPE(md::JobReport)
