#include "workertask.h"

#include <QThread>

#include <utility>

namespace md {

WorkerTask::~WorkerTask()
{
    stopWorker();
}

void WorkerTask::stopWorker()
{
    if (!m_worker)
        return;
    m_cancel = true;
    disconnect(m_worker, nullptr, this, nullptr);
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
}

bool WorkerTask::launch(std::function<void()> work)
{
    if (m_worker)
        return false;
    m_cancel = false;
    m_worker = QThread::create(std::move(work));
    connect(m_worker, &QThread::finished, this, [this] {
        m_worker->deleteLater();
        m_worker = nullptr;
        const auto deliver = std::exchange(m_deliver, {});
        if (deliver)
            deliver();
    });
    m_worker->start();
    return true;
}

} // namespace md
