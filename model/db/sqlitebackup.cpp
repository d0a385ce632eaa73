#include "sqlitebackup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace md {

namespace {

// Pages per step: small enough for a responsive cancel, large enough to keep the copy fast.
constexpr int kPagesPerStep = 512;

class Connection
{
public:
    Connection() = default;
    ~Connection() { sqlite3_close(m_db); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    int close()
    {
        const int rc = sqlite3_close(m_db);
        if (rc == SQLITE_OK)
            m_db = nullptr;
        return rc;
    }
    int open(const QString &path, int flags)
    {
        return sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
    }
    sqlite3 *get() const { return m_db; }
    QString error() const
    {
        return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : SqliteBackup::tr("out of memory");
    }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace

Result<SqliteBackup::Outcome> SqliteBackup::run(const QString &sourcePath,
                                                const QString &targetPath, const Progress &progress)
{
    const QFileInfo source(sourcePath);
    const QFileInfo target(targetPath);
    if (!source.isFile())
        return fail(tr("Cannot back up %1: the file does not exist").arg(sourcePath));
    if (target.exists()
        && (target.canonicalFilePath() == source.canonicalFilePath() || target.isDir())) {
        return fail(tr("Cannot back up %1 to %2: choose a different file as the target")
                        .arg(sourcePath, targetPath));
    }
    if (!target.absoluteDir().exists()) {
        return fail(tr("Cannot back up to %1: the folder %2 does not exist")
                        .arg(targetPath, target.absolutePath()));
    }

    QTemporaryFile partial(target.absoluteFilePath() + QStringLiteral(".XXXXXX.part"));
    if (!partial.open()) {
        return fail(
            tr("Cannot create a file in %1: %2").arg(target.absolutePath(), partial.errorString()));
    }
    partial.close(); // SQLite writes it through its own handle; the object only removes it.

    Connection from;
    if (from.open(sourcePath, SQLITE_OPEN_READWRITE) != SQLITE_OK)
        return fail(tr("Cannot open %1 for the backup: %2").arg(sourcePath, from.error()));
    // The open window may be writing; wait for it rather than fail.
    sqlite3_busy_timeout(from.get(), 10000);
    Connection to;
    if (to.open(partial.fileName(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) != SQLITE_OK)
        return fail(tr("Cannot write %1: %2").arg(partial.fileName(), to.error()));

    sqlite3_backup *backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
    if (!backup)
        return fail(tr("Cannot start the backup of %1: %2").arg(sourcePath, to.error()));

    int rc = SQLITE_OK;
    bool cancelled = false;
    while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        rc = sqlite3_backup_step(backup, kPagesPerStep);
        const qint64 total = sqlite3_backup_pagecount(backup);
        const qint64 done = total - sqlite3_backup_remaining(backup);
        if (progress && !progress(done, total)) {
            cancelled = true;
            break;
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
    }
    sqlite3_backup_finish(backup);
    if (cancelled)
        return Outcome::Cancelled; // the temporary file goes with `partial`
    if (rc != SQLITE_DONE) {
        return fail(tr("The backup of %1 failed: %2")
                        .arg(sourcePath, QString::fromUtf8(sqlite3_errstr(rc))));
    }
    // A backup is one self-contained file: no write-ahead log beside it.
    char *message = nullptr;
    if (sqlite3_exec(to.get(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, &message)
        != SQLITE_OK) {
        const QString reason = QString::fromUtf8(message);
        sqlite3_free(message);
        return fail(tr("The backup of %1 failed: %2").arg(sourcePath, reason));
    }
    if (to.close() != SQLITE_OK)
        return fail(tr("The backup of %1 failed: %2").arg(sourcePath, to.error()));

    // rename() replaces an existing target in one step, so it is either the old or the new file.
    if (std::rename(QFile::encodeName(partial.fileName()).constData(),
                    QFile::encodeName(target.absoluteFilePath()).constData())
        != 0) {
        return fail(tr("Cannot move the finished backup to %1: %2")
                        .arg(targetPath, QString::fromLocal8Bit(std::strerror(errno))));
    }
    partial.setAutoRemove(false);
    return Outcome::Completed;
}

} // namespace md
