#pragma once

// A clock that shows whatever it was set to: tests (catch-up after missed runs) and tools that
// replay a schedule at a given instant.

#include "clock.h"

#include <QMutex>

namespace md {

class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime now)
        : m_now(std::move(now))
    {}

    QDateTime now() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_now;
    }
    void set(const QDateTime &now)
    {
        QMutexLocker lock(&m_mutex);
        m_now = now;
    }
    void advance(qint64 seconds)
    {
        QMutexLocker lock(&m_mutex);
        m_now = m_now.addSecs(seconds);
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace md
