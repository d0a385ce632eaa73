#include "queryinterrupter.h"

#include "database.h"
#include "nativeconnection.h"

#include <libpq-fe.h>
#include <sqlite3.h>

namespace md {

QueryInterrupter::~QueryInterrupter()
{
    detach();
}

void QueryInterrupter::attach(const Database &db)
{
    const std::lock_guard lock(m_mutex);
    m_sqlite = NativeConnection::sqlite(db);
    if (pg_conn *conn = NativeConnection::postgres(db))
        m_cancel = PQgetCancel(conn);
}

void QueryInterrupter::detach()
{
    const std::lock_guard lock(m_mutex);
    m_sqlite = nullptr;
    if (m_cancel) {
        PQfreeCancel(m_cancel);
        m_cancel = nullptr;
    }
}

void QueryInterrupter::interrupt()
{
    // Under the mutex, so the connection cannot be detached (and closed) meanwhile.
    const std::lock_guard lock(m_mutex);
    m_interrupted = true;
    if (m_sqlite)
        sqlite3_interrupt(m_sqlite);
    if (m_cancel) {
        char message[256];
        PQcancel(m_cancel, message, int(sizeof message));
    }
}

bool QueryInterrupter::wasInterrupted() const
{
    const std::lock_guard lock(m_mutex);
    return m_interrupted;
}

} // namespace md
