#include "csvtransfer.h"

#include "importwizard.h"

#include "core/appsettings.h"
#include "core/task.h"
#include "db/database.h"
#include "io/csvexporter.h"
#include "io/entitycatalog.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>

namespace md {

QString CsvTransfer::entityTitle(const QString &entity)
{
    static const QList<QPair<const char *, const char *>> titles = {
        {"products", QT_TR_NOOP("Products")},
        {"inventory", QT_TR_NOOP("Stock levels")},
        {"customers", QT_TR_NOOP("Customers")},
        {"orders", QT_TR_NOOP("Orders")},
        {"order_lines", QT_TR_NOOP("Order lines")},
        {"events", QT_TR_NOOP("Shop events")},
        {"plans", QT_TR_NOOP("Subscription plans")},
        {"features", QT_TR_NOOP("Plan features (definitions)")},
        {"plan_features", QT_TR_NOOP("Plan features (values per plan)")},
        {"subscriptions", QT_TR_NOOP("Subscriptions")},
        {"loyalty_ledger", QT_TR_NOOP("Loyalty points ledger")},
        {"loyalty_tiers", QT_TR_NOOP("Loyalty tiers")},
        {"suppressions", QT_TR_NOOP("Email suppressions (unsubscribed, bounced)")},
        {"locked_products", QT_TR_NOOP("Products locked from repricing")},
        {"locked_categories", QT_TR_NOOP("Categories locked from repricing")},
        {"price_changes", QT_TR_NOOP("Price history")},
    };
    for (const auto &[name, title] : titles) {
        if (entity == QLatin1String(name))
            return tr(title);
    }
    return entity;
}

QString CsvTransfer::chooseEntity(QWidget *parent, const QString &title, const QString &label)
{
    QInputDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("chooseEntityDialog"));
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    QStringList titles;
    for (const QString &name : EntityCatalog::names())
        titles << entityTitle(name);
    dialog.setComboBoxItems(titles);
    dialog.setComboBoxEditable(false);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    const qsizetype index = titles.indexOf(dialog.textValue());
    return index >= 0 ? EntityCatalog::names().at(index) : QString();
}

Result<CsvTransfer::Exported> CsvTransfer::exportWithProgress(QWidget *parent,
                                                              const DatabaseSpec &database,
                                                              const QString &entity,
                                                              const QString &path)
{
    const EntityDescriptor *descriptor = EntityCatalog::find(entity);
    if (!descriptor)
        return fail(tr("Nothing called %1 can be exported").arg(entity));
    // The number of rows is not known before the end: the bar moves without a total.
    QProgressDialog dialog(
        tr("Exporting %1 to %2…").arg(entityTitle(descriptor->name), QFileInfo(path).fileName()),
        tr("Cancel"), 0, 0, parent);
    dialog.setObjectName(QStringLiteral("exportProgress"));
    dialog.setWindowTitle(tr("Export"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setMinimumDuration(300);
    dialog.setValue(0);

    Task<qint64> task(database);
    bool cancelling = false;
    QObject::connect(&task, &TaskBase::progress, &dialog,
                     [&dialog, &cancelling](int, const QString &stage) {
                         if (!cancelling)
                             dialog.setLabelText(stage);
                     });
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&dialog, &task, &cancelling] {
        cancelling = true;
        task.cancel();
        // The worker still has to remove its partial file; keep the dialog up until it has.
        dialog.setLabelText(tr("Cancelling…"));
        dialog.show();
    });
    // All events, so that Cancel can be pressed; the dialog is window-modal.
    const QString title = entityTitle(descriptor->name);
    const Result<qint64> rows = task.run(
        [descriptor, path, title](const Database &db, TaskProgress &progress) {
            return CsvExporter::exportToFile(db, *descriptor, path, [&](qint64 written) {
                return progress.report(
                    -1,
                    tr("Exporting %1: %2 rows written…").arg(title, QLocale().toString(written)));
            });
        },
        QEventLoop::AllEvents);
    // A cancel that came after the last row finds the file complete: then it counts as written.
    if (!rows && task.wasCancelled())
        return Exported{.rows = 0, .cancelled = true};
    if (!rows)
        return fail(rows.error());
    return Exported{.rows = *rows, .cancelled = false};
}

std::optional<qint64> CsvTransfer::exportWithDialogs(QWidget *parent, const DatabaseSpec &database,
                                                     const QString &entity)
{
    const QString title = entityTitle(entity);
    QString folder = AppSettings::lastTransferFolder();
    if (folder.isEmpty())
        folder = QDir::homePath();
    QFileDialog dialog(parent, tr("Export %1").arg(title), folder,
                       tr("CSV files (*.csv);;All files (*)"));
    dialog.setObjectName(QStringLiteral("exportFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    dialog.selectFile(
        QStringLiteral("%1-%2.csv").arg(entity, QDate::currentDate().toString(Qt::ISODate)));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return std::nullopt;
    const QString path = dialog.selectedFiles().constFirst();
    AppSettings::setLastTransferFolder(QFileInfo(path).absolutePath());

    auto exported = exportWithProgress(parent, database, entity, path);
    if (!exported) {
        QMessageBox box(QMessageBox::Warning, tr("Export Failed"),
                        tr("%1 could not be exported.").arg(title), QMessageBox::Ok, parent);
        box.setObjectName(QStringLiteral("exportMessage"));
        box.setInformativeText(exported.error());
        box.exec();
        return std::nullopt;
    }
    if (exported->cancelled) {
        QMessageBox box(QMessageBox::Information, tr("Export"),
                        tr("The export was cancelled; no file was written."), QMessageBox::Ok,
                        parent);
        box.setObjectName(QStringLiteral("exportMessage"));
        box.exec();
        return std::nullopt;
    }
    const qint64 rows = exported->rows;
    QMessageBox box(QMessageBox::Information, tr("Export Complete"),
                    tr("%Ln row(s) of %1 exported to\n%2", nullptr, int(rows))
                        .arg(title, QDir::toNativeSeparators(path)),
                    QMessageBox::Ok, parent);
    box.setObjectName(QStringLiteral("exportMessage"));
    box.exec();
    return rows;
}

bool CsvTransfer::importWithWizard(QWidget *parent, const DatabaseSpec &database,
                                   const QString &entity)
{
    ImportWizard wizard(database, entity, parent);
    wizard.exec();
    return wizard.dataWritten();
}

} // namespace md
