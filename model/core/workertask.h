#pragma once

// The worker lifecycle shared by the long-running tasks (RepricingTask, CrossSellTask): one
// operation at a time on a thread of its own, a cancel flag the work polls, and a result the
// work hands over as its last act, delivered in the owner's thread once the worker has ended,
// so a handler may start the next operation right away.

#include <QObject>

#include <atomic>
#include <functional>

class QThread;

namespace md {

class WorkerTask : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~WorkerTask() override;

    void cancel() { m_cancel = true; }
    bool isBusy() const { return m_worker != nullptr; }

protected:
    // Starts `work` on a new thread; false while an operation runs.
    bool launch(std::function<void()> work);
    // Cancels and waits for a running worker, dropping its result. Subclasses call it first in
    // their destructor, while the members the work uses still exist.
    void stopWorker();

    std::atomic_bool m_cancel = false;
    // Set by the work as its last act; called in this object's thread when the worker ended.
    std::function<void()> m_deliver;

private:
    QThread *m_worker = nullptr;
};

} // namespace md
