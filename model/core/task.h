#pragma once

// The one shape for one-off background work (docs/ARCHITECTURE.md, "Background work"), in the
// spirit of Qt Creator's Utils::Async<R>:
//
//     auto *task = new Task<PricingRunReport>(spec, this);
//     connect(task, &TaskBase::progress, bar, &ProgressBar::show);
//     task->start([rows](const Database &db, TaskProgress &progress) {
//         return PricingService::apply(db, rows, progress.callback());
//     }, [this, task](const Result<PricingRunReport> &report) {
//         if (!task->wasCancelled()) show(report);
//         task->deleteLater();
//     });
//
// The work runs on a thread of its own with a connection of its own (QtSql connections belong
// to the thread that opened them), polls progress for a cancel, and returns a Result<T>. The
// result reaches `done` in the task's thread once the worker has ended, so `done` may start
// the next operation. Whether the run was cancelled is the task's own state (wasCancelled()),
// never a guess from the error text. The destructor cancels and waits: nothing outlives the
// page that started it. One operation at a time per task.
//
// The one other shape is a long-lived worker that owns a connection for its whole life and
// answers many requests (PagedQueryModel's fetcher, DashboardWorker).

#include "core/result.h"
#include "db/database.h"
#include "db/databasespec.h"

#include <QEventLoop>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

class QThread;

namespace md {

class TaskBase;

// What the work sees of its task: report progress and learn whether it should stop.
class TaskProgress
{
public:
    // Queues progress to the task's thread (a repeat of the last report is dropped) and returns
    // false once the task was cancelled, as the services' progress callbacks expect. A percent
    // of -1 means "busy, amount unknown".
    bool report(int percent, const QString &stage);
    bool isCancelled() const { return m_cancelled->load(); }
    // The services' shape of progress callback: bool(int percent, const QString &stage).
    std::function<bool(int, const QString &)> callback()
    {
        return [this](int percent, const QString &stage) {
            return report(percent, stage);
        };
    }

private:
    friend class TaskBase;
    struct Link
    {
        std::mutex mutex;
        TaskBase *task = nullptr; // cleared by the task's destructor before it waits
    };
    std::shared_ptr<Link> m_link;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    int m_lastPercent = -2;
    QString m_lastStage;
};

class TaskBase : public QObject
{
    Q_OBJECT

public:
    ~TaskBase() override;

    bool isRunning() const { return m_thread != nullptr; }
    // Asks the work to stop at its next progress report; the task then finishes as cancelled.
    void cancel() { m_cancelled->store(true); }
    // After finished(): whether cancel() was called during the run that just ended.
    bool wasCancelled() const { return m_wasCancelled; }

signals:
    void progress(int percent, const QString &stage);
    // In the task's thread, once the worker has ended and the result is in place.
    void finished();

protected:
    TaskBase(const DatabaseSpec &spec, Database::Options options, QObject *parent);

    // Runs `body` with the opened connection (or the reason it could not be opened) on a new
    // thread, then `deliver` in this object's thread. False while a run is in progress.
    bool launch(std::function<void(const Result<Database> &, TaskProgress &)> body,
                std::function<void()> deliver);
    // Cancels a running worker and waits for it; its result is dropped.
    void stop();
    // Waits, processing events other than user input, until the running worker has delivered.
    void waitForFinished(QEventLoop::ProcessEventsFlags flags);
    static QString busyMessage();

private:
    DatabaseSpec m_spec;
    Database::Options m_options;
    std::shared_ptr<TaskProgress::Link> m_link;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QThread *m_thread = nullptr;
    std::function<void()> m_deliver;
    bool m_wasCancelled = false;
};

template<typename T> class Task : public TaskBase
{
public:
    using Work = std::function<Result<T>(const Database &db, TaskProgress &progress)>;
    using Done = std::function<void(const Result<T> &result)>;

    // The work's connection opens with `options`: by default an existing, migrated database.
    explicit Task(const DatabaseSpec &spec, QObject *parent = nullptr,
                  Database::Options options = {.migrate = false, .createIfMissing = false})
        : TaskBase(spec, options, parent)
    {}
    ~Task() override { stop(); }

    // Starts `work`; `done` (optional) receives its result in this object's thread, just before
    // finished(). False while a run is in progress.
    bool start(Work work, Done done = {})
    {
        auto slot = std::make_shared<std::optional<Result<T>>>();
        return launch(
            [work = std::move(work), slot](const Result<Database> &db, TaskProgress &progress) {
                slot->emplace(db ? work(*db, progress) : Result<T>(fail(db.error())));
            },
            [this, slot, done = std::move(done)] {
                m_result = std::move(*slot);
                if (done)
                    done(*m_result);
            });
    }

    // For a modal step (a dialog that waits): runs `work`, keeps the window painting, returns.
    // A dialog with a Cancel button passes QEventLoop::AllEvents so the button can be pressed.
    Result<T> run(Work work,
                  QEventLoop::ProcessEventsFlags flags = QEventLoop::ExcludeUserInputEvents)
    {
        if (!start(std::move(work)))
            return fail(busyMessage());
        waitForFinished(flags);
        return *m_result;
    }

    // After finished(): the result of the run that ended last.
    const std::optional<Result<T>> &result() const { return m_result; }

private:
    std::optional<Result<T>> m_result;
};

} // namespace md
