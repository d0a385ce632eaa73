#include "task.h"

#include <QThread>

namespace md {

bool TaskProgress::report(int percent, const QString &stage)
{
    if (percent != m_lastPercent || stage != m_lastStage) {
        m_lastPercent = percent;
        m_lastStage = stage;
        const std::lock_guard lock(m_link->mutex);
        if (TaskBase *task = m_link->task) {
            // Queued to the task's thread; Qt drops the call if the task is deleted first.
            QMetaObject::invokeMethod(
                task, [task, percent, stage] { emit task->progress(percent, stage); },
                Qt::QueuedConnection);
        }
    }
    return !m_cancelled->load();
}

TaskBase::TaskBase(const DatabaseSpec &spec, Database::Options options, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_options(options)
    , m_link(std::make_shared<TaskProgress::Link>())
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{
    m_link->task = this;
}

TaskBase::~TaskBase()
{
    stop();
}

QString TaskBase::busyMessage()
{
    return tr("Another operation is still running.");
}

void TaskBase::stop()
{
    {
        const std::lock_guard lock(m_link->mutex);
        m_link->task = nullptr;
    }
    if (!m_thread)
        return;
    m_cancelled->store(true);
    disconnect(m_thread, nullptr, this, nullptr);
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_deliver = {};
}

bool TaskBase::launch(std::function<void(const Result<Database> &, TaskProgress &)> body,
                      std::function<void()> deliver)
{
    if (m_thread || !m_link->task)
        return false;
    m_cancelled->store(false);
    m_wasCancelled = false;
    m_deliver = std::move(deliver);
    TaskProgress progress;
    progress.m_link = m_link;
    progress.m_cancelled = m_cancelled;
    m_thread = QThread::create(
        [spec = m_spec, options = m_options, body = std::move(body), progress]() mutable {
            // Opened and closed on this thread: the connection never crosses threads.
            const Result<Database> db = Database::open(spec, options);
            body(db, progress);
        });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_wasCancelled = m_cancelled->load();
        const auto deliver = std::exchange(m_deliver, {});
        if (deliver)
            deliver();
        emit finished();
    });
    m_thread->start();
    return true;
}

void TaskBase::waitForFinished(QEventLoop::ProcessEventsFlags flags)
{
    if (!m_thread)
        return;
    QEventLoop loop;
    connect(this, &TaskBase::finished, &loop, &QEventLoop::quit);
    loop.exec(flags);
}

} // namespace md
