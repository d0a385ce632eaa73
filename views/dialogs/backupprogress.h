#pragma once

// Runs a SQLite backup on a worker thread behind a progress dialog with a Cancel button; the
// window keeps painting and the database stays open while the copy is made.

#include "db/sqlitebackup.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace md {

class BackupProgress
{
    Q_DECLARE_TR_FUNCTIONS(md::BackupProgress)

public:
    // Returns when the backup finished, failed or was cancelled (and cleaned up).
    static Result<SqliteBackup::Outcome> run(QWidget *parent, const QString &sourcePath,
                                             const QString &targetPath);
};

} // namespace md
