#pragma once

// Copies a SQLite shop database to a file while it stays open, with sqlite3's online backup API,
// a batch of pages at a time so a dialog can show progress and cancel. The copy goes to a
// temporary file beside the target and is renamed at the end: no half file is ever left behind.

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace md {

class SqliteBackup
{
    Q_DECLARE_TR_FUNCTIONS(md::SqliteBackup)

public:
    enum class Outcome { Completed, Cancelled };

    // Pages copied so far and in total; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // Opens its own connections, so it may run on any thread. An existing target is replaced only
    // when the copy is complete.
    static Result<Outcome> run(const QString &sourcePath, const QString &targetPath,
                               const Progress &progress = {});
};

} // namespace md
