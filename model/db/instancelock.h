#pragma once

// Keeps a second MerchantDesk window off a SQLite file that another one has open: a lock file
// beside the database (<file>.lock), held while the window works on it. PostgreSQL databases are
// shared by design and take no lock.

#include "core/result.h"
#include "databasespec.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QLockFile;

namespace md {

class InstanceLock
{
    Q_DECLARE_TR_FUNCTIONS(md::InstanceLock)

public:
    // Takes the lock for a SQLite database; an empty lock for PostgreSQL. Fails with a message
    // that names the process (and computer) holding the file.
    static Result<std::unique_ptr<InstanceLock>> acquire(const DatabaseSpec &spec);
    static QString lockPathFor(const QString &databasePath);

    ~InstanceLock();
    InstanceLock(const InstanceLock &) = delete;
    InstanceLock &operator=(const InstanceLock &) = delete;

    // Empty for PostgreSQL.
    QString lockPath() const;
    bool isHeld() const;

private:
    InstanceLock() = default;

    std::unique_ptr<QLockFile> m_file;
};

} // namespace md
