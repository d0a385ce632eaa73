#include "backupprogress.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QProgressDialog>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

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

    auto cancelled = std::make_shared<std::atomic_bool>(false);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&dialog, cancelled] {
        cancelled->store(true);
        // The worker still has to remove its partial file; keep the dialog up until it has.
        dialog.setLabelText(tr("Cancelling…"));
        dialog.show();
    });

    std::optional<Result<SqliteBackup::Outcome>> result;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        result = SqliteBackup::run(sourcePath, targetPath, [&](qint64 done, qint64 total) {
            const int value = total > 0 ? int(done * kSteps / total) : 0;
            // Queued to the dialog's thread; dropped if the dialog is gone by then.
            QMetaObject::invokeMethod(&dialog, [&dialog, value] { dialog.setValue(value); });
            return !cancelled->load();
        });
    }));
    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    return *result;
}

} // namespace md
