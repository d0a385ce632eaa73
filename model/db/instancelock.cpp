#include "instancelock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>

namespace md {

QString InstanceLock::lockPathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".lock");
}

Result<std::unique_ptr<InstanceLock>> InstanceLock::acquire(const DatabaseSpec &spec)
{
    std::unique_ptr<InstanceLock> lock(new InstanceLock);
    if (spec.isPostgres())
        return lock;

    const QString path = lockPathFor(spec.path);
    // A new database's folder may not exist yet (the first start); opening it creates the folder
    // anyway, and the lock has to come first.
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto file = std::make_unique<QLockFile>(path);
    // Only a holder that no longer runs makes the lock stale, never its age: a window may stay
    // open for weeks.
    file->setStaleLockTime(0);
    if (file->tryLock(0)) {
        lock->m_file = std::move(file);
        return lock;
    }

    switch (file->error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host;
        QString application;
        if (!file->getLockInfo(&pid, &host, &application)) {
            return fail(tr("%1 is already open in another MerchantDesk window (the lock file %2 "
                           "exists). Close it there first; nothing was changed.")
                            .arg(spec.path, path));
        }
        if (!host.isEmpty() && host != QSysInfo::machineHostName()) {
            return fail(tr("%1 is already open in MerchantDesk (process %2 on the computer %3). "
                           "Close it there first; nothing was changed.")
                            .arg(spec.path)
                            .arg(pid)
                            .arg(host));
        }
        return fail(tr("%1 is already open in MerchantDesk (process %2). Close it there first, "
                       "or open another database; nothing was changed.")
                        .arg(spec.path)
                        .arg(pid));
    }
    case QLockFile::PermissionError:
        return fail(tr("Cannot create the lock file %1: the folder %2 is not writable. "
                       "MerchantDesk needs to write beside the database; nothing was changed.")
                        .arg(path, QFileInfo(path).absolutePath()));
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        break;
    }
    return fail(
        tr("Cannot create the lock file %1 beside the database; nothing was changed.").arg(path));
}

InstanceLock::~InstanceLock() = default;

QString InstanceLock::lockPath() const
{
    return m_file ? m_file->fileName() : QString();
}

bool InstanceLock::isHeld() const
{
    return m_file && m_file->isLocked();
}

} // namespace md
