#pragma once

// Stops the statement a worker's connection is running, from another thread: the Segments
// page's live count when a newer edit supersedes it. The worker attaches its connection for the
// time it runs statements; interrupt() may be called at any time from any thread. SQLite:
// sqlite3_interrupt on the connection; PostgreSQL: PQcancel, the server-side cancel (both are
// documented as safe from another thread). The interrupted statement fails with the backend's
// message; the caller knows it asked for it and drops that result.

#include <memory>
#include <mutex>

struct pg_cancel;
struct sqlite3;

namespace md {

class Database;

class QueryInterrupter
{
public:
    QueryInterrupter() = default;
    ~QueryInterrupter();
    QueryInterrupter(const QueryInterrupter &) = delete;
    QueryInterrupter &operator=(const QueryInterrupter &) = delete;

    // On the worker's thread, before its statements.
    void attach(const Database &db);
    // On the worker's thread, before the connection closes.
    void detach();
    // Any thread: stops the statement running on the attached connection, if any.
    void interrupt();
    bool wasInterrupted() const;

    // Attaches for a scope (the work of one task).
    class Scope
    {
    public:
        Scope(QueryInterrupter &interrupter, const Database &db)
            : m_interrupter(interrupter)
        {
            m_interrupter.attach(db);
        }
        ~Scope() { m_interrupter.detach(); }
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        QueryInterrupter &m_interrupter;
    };

private:
    mutable std::mutex m_mutex;
    sqlite3 *m_sqlite = nullptr;
    pg_cancel *m_cancel = nullptr;
    bool m_interrupted = false;
};

} // namespace md
