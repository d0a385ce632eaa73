#include "backupprogress.h"

#include "core/task.h"
#include "db/database.h"

#include <QFileInfo>
#include <QProgressDialog>

namespace md {

namespace {

constexpr int kSteps = 1000;

} // namespace

Result<SqliteBackup::Outcome> BackupProgress::run(QWidget *parent, const QString &sourcePath,
                                                  const QString &targetPath)
{
    QProgressDialog dialog(
        tr("Backing up %1 to %2…")
            .arg(QFileInfo(sourcePath).fileName(), QFileInfo(targetPath).fileName()),
        tr("Cancel"), 0, kSteps, parent);
    dialog.setWindowTitle(tr("Back Up Database"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setMinimumDuration(300);
    dialog.setValue(0);

    // The backup opens its own sqlite3 handles; the task's connection to the same file only
    // confirms that it is an existing shop database.
    DatabaseSpec source;
    source.path = sourcePath;
    Task<SqliteBackup::Outcome> task(source);
    QObject::connect(&task, &TaskBase::progress, &dialog,
                     [&dialog](int value, const QString &) { dialog.setValue(value); });
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&dialog, &task] {
        task.cancel();
        // The worker still has to remove its partial file; keep the dialog up until it has.
        dialog.setLabelText(tr("Cancelling…"));
        dialog.show();
    });
    // All events, so that Cancel can be pressed; the dialog is window-modal.
    return task.run(
        [sourcePath, targetPath](const Database &, TaskProgress &progress) {
            return SqliteBackup::run(sourcePath, targetPath, [&](qint64 done, qint64 total) {
                return progress.report(total > 0 ? int(done * kSteps / total) : 0, QString());
            });
        },
        QEventLoop::AllEvents);
}

} // namespace md
