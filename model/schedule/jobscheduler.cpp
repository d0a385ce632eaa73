#include "jobscheduler.h"

#include "schedulestore.h"

#include <algorithm>

namespace md {

JobScheduler::JobScheduler(const DatabaseSpec &spec, JobRunner runner, const Clock &clock,
                           QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_runner(std::move(runner))
    , m_clock(clock)
    , m_task(spec)
{
    qRegisterMetaType<md::JobReport>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JobScheduler::check);
}

JobScheduler::~JobScheduler()
{
    // m_task's destructor waits for a running job and drops its result.
    m_timer.stop();
}

Status JobScheduler::start()
{
    if (!m_db.isOpen()) {
        auto db
            = Database::open(m_spec, Database::Options{.migrate = false, .createIfMissing = false});
        if (!db)
            return fail(db.error());
        m_db = std::move(*db);
    }
    if (auto loaded = reload(); !loaded)
        return loaded;
    check();
    return {};
}

void JobScheduler::stop()
{
    m_timer.stop();
}

Status JobScheduler::reload()
{
    auto schedules = ScheduleStore::all(m_db);
    if (!schedules)
        return fail(schedules.error());
    std::map<QString, JobSchedule> fresh;
    for (const JobSchedule &schedule : *schedules)
        fresh[schedule.jobType] = schedule;
    const bool changed = fresh.size() != m_schedules.size()
                         || !std::equal(fresh.begin(), fresh.end(), m_schedules.begin(),
                                        [](const auto &a, const auto &b) {
                                            return a.first == b.first
                                                   && a.second.enabled == b.second.enabled
                                                   && a.second.nextRunAt == b.second.nextRunAt;
                                        });
    m_schedules = std::move(fresh);
    if (changed)
        emit schedulesChanged();
    return {};
}

JobSchedule JobScheduler::schedule(const QString &jobType) const
{
    const auto found = m_schedules.find(jobType);
    return found == m_schedules.end() ? JobSchedule::defaults(jobType) : found->second;
}

QDateTime JobScheduler::nextRunAt(const QString &jobType) const
{
    const JobSchedule current = schedule(jobType);
    if (!current.enabled || current.nextRunAt < 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(current.nextRunAt);
}

bool JobScheduler::hasActiveSchedule() const
{
    return std::any_of(m_schedules.begin(), m_schedules.end(),
                       [](const auto &entry) { return entry.second.enabled; });
}

Status JobScheduler::setPaused(const QString &jobType, bool paused)
{
    auto saved = ScheduleStore::setEnabled(m_db, jobType, !paused, m_clock.now());
    if (!saved)
        return fail(saved.error());
    m_schedules[jobType] = *saved;
    emit schedulesChanged();
    arm();
    return {};
}

Result<JobSchedule> JobScheduler::saveSchedule(const JobSchedule &schedule)
{
    auto saved = ScheduleStore::save(m_db, schedule, m_clock.now());
    if (!saved)
        return saved;
    m_schedules[schedule.jobType] = *saved;
    emit schedulesChanged();
    arm();
    return saved;
}

bool JobScheduler::runNow(const QString &jobType)
{
    if (isRunning() || !m_runner.knows(jobType))
        return false;
    const JobRunner runner = m_runner;
    const Clock &clock = m_clock;
    launch(jobType,
           [runner, &clock, jobType](const Database &db) -> Result<std::vector<JobReport>> {
               auto report = runner.runNow(db, jobType, clock);
               if (!report)
                   return fail(report.error());
               return std::vector<JobReport>{*report};
           });
    return true;
}

void JobScheduler::check()
{
    if (isRunning())
        return; // the end of the running job checks again
    if (auto loaded = reload(); !loaded)
        emit errorOccurred(loaded.error());
    const qint64 now = m_clock.nowSecs();
    QString due;
    for (const auto &[type, schedule] : m_schedules) {
        if (schedule.isDue(now)) {
            due = type;
            break;
        }
    }
    if (due.isEmpty()) {
        arm();
        return;
    }
    const JobRunner runner = m_runner;
    const Clock &clock = m_clock;
    launch(due, [runner, &clock](const Database &db) { return runner.runDue(db, clock); });
}

void JobScheduler::arm()
{
    if (isRunning())
        return;
    qint64 wait = kPollMs;
    const qint64 now = m_clock.nowSecs();
    for (const auto &[type, schedule] : m_schedules) {
        if (schedule.enabled && schedule.nextRunAt >= 0)
            wait = std::min(wait, std::max<qint64>(0, schedule.nextRunAt - now) * 1000);
    }
    m_timer.start(int(wait));
}

void JobScheduler::launch(const QString &firstJob, Work work)
{
    m_timer.stop();
    // Delivered once the worker has ended, so isRunning() is already false for the handlers,
    // and check() may start the next due job.
    const bool started = m_task.start(
        [work = std::move(work)](const Database &db, TaskProgress &) { return work(db); },
        [this](const Result<std::vector<JobReport>> &reports) {
            if (reports) {
                for (const JobReport &report : *reports)
                    emit jobFinished(report);
            } else {
                emit errorOccurred(reports.error());
            }
            check();
        });
    if (started)
        emit jobStarted(firstJob);
}

} // namespace md
