#pragma once

// Makes sure only one process runs a given job at a time, held for the job's whole duration:
// a lock file beside a SQLite database (<file>.<job>.joblock, QLockFile), a session-level
// pg_try_advisory_lock on PostgreSQL, where several desktops share one database. The lock goes
// when the object does (or when the process or its connection dies).

#include "core/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QLockFile;

namespace md {

class Database;

class JobLock
{
    Q_DECLARE_TR_FUNCTIONS(md::JobLock)

public:
    // A held lock; or nullptr with `heldBy` saying who holds it ("process 4711 on shop-pc");
    // or an error when the lock cannot be asked for at all. On PostgreSQL the lock lives on
    // db's connection, which must outlive it.
    static Result<std::unique_ptr<JobLock>> tryAcquire(const Database &db, const QString &jobType,
                                                       QString *heldBy);

    ~JobLock();
    JobLock(const JobLock &) = delete;
    JobLock &operator=(const JobLock &) = delete;

    static QString lockFilePath(const QString &databasePath, const QString &jobType);
    // The 64-bit advisory lock key of a job type: stable across processes and versions.
    static qint64 advisoryKey(const QString &jobType);

private:
    JobLock() = default;

    std::unique_ptr<QLockFile> m_file;
    QSqlDatabase m_connection;
    qint64 m_key = 0;
};

} // namespace md
