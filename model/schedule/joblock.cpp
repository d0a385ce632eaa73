#include "joblock.h"

#include "db/database.h"
#include "db/sql.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>

namespace md {

QString JobLock::lockFilePath(const QString &databasePath, const QString &jobType)
{
    return databasePath + QLatin1Char('.') + jobType + QStringLiteral(".joblock");
}

qint64 JobLock::advisoryKey(const QString &jobType)
{
    // FNV-1a over "merchantdesk.job.<type>": the same number in every process (qHash is
    // seeded per process).
    quint64 hash = 0xcbf29ce484222325ULL;
    const QByteArray name = QByteArrayLiteral("merchantdesk.job.") + jobType.toUtf8();
    for (const char c : name) {
        hash ^= quint8(c);
        hash *= 0x100000001b3ULL;
    }
    return qint64(hash & 0x7fffffffffffffffULL);
}

Result<std::unique_ptr<JobLock>> JobLock::tryAcquire(const Database &db, const QString &jobType,
                                                     QString *heldBy)
{
    std::unique_ptr<JobLock> lock(new JobLock);
    if (db.dialect().isPostgres()) {
        const qint64 key = advisoryKey(jobType);
        auto taken = sql::scalar(db.sql(), QStringLiteral("SELECT pg_try_advisory_lock(?)"), {key});
        if (!taken)
            return fail(
                tr("Cannot ask PostgreSQL for the %1 lock: %2").arg(jobType, taken.error()));
        if (!taken->toBool()) {
            // A bigint key shows in pg_locks as classid (high half) and objid (low half).
            auto holder = sql::select(
                db.sql(),
                QStringLiteral("SELECT a.pid, COALESCE(host(a.client_addr), 'local'), "
                               "a.application_name FROM pg_locks l "
                               "JOIN pg_stat_activity a ON a.pid = l.pid "
                               "WHERE l.locktype = 'advisory' AND l.granted "
                               "AND l.classid::bigint = ? AND l.objid::bigint = ? "
                               "AND l.objsubid = 1"),
                {key >> 32, key & 0xffffffffLL});
            if (holder && holder->next()) {
                *heldBy = tr("PostgreSQL session %1 of %2 from %3")
                              .arg(holder->value(0).toString(), holder->value(2).toString(),
                                   holder->value(1).toString());
            } else {
                *heldBy = tr("another PostgreSQL session");
            }
            return std::unique_ptr<JobLock>();
        }
        lock->m_connection = db.sql();
        lock->m_key = key;
        return lock;
    }

    const QString path = lockFilePath(db.spec().path, jobType);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto file = std::make_unique<QLockFile>(path);
    // Only a holder that no longer runs makes the lock stale: a job may run for long.
    file->setStaleLockTime(0);
    if (file->tryLock(0)) {
        lock->m_file = std::move(file);
        return lock;
    }
    if (file->error() != QLockFile::LockFailedError) {
        return fail(tr("Cannot create the lock file %1 for %2: the folder must be writable")
                        .arg(path, jobType));
    }
    qint64 pid = 0;
    QString host;
    QString application;
    if (file->getLockInfo(&pid, &host, &application)) {
        *heldBy = host.isEmpty() || host == QSysInfo::machineHostName()
                      ? tr("process %1 (%2)").arg(pid).arg(application)
                      : tr("process %1 (%2) on %3").arg(pid).arg(application, host);
    } else {
        *heldBy = tr("another process (lock file %1)").arg(path);
    }
    return std::unique_ptr<JobLock>();
}

JobLock::~JobLock()
{
    if (m_connection.isValid() && m_connection.isOpen())
        (void)sql::exec(m_connection, QStringLiteral("SELECT pg_advisory_unlock(?)"), {m_key});
}

} // namespace md
