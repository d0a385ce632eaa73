#pragma once

// What the window's import and export commands share: the names a shop owner reads for each
// entity ("Order lines" for order_lines), the export with its file dialog, progress dialog
// (off the GUI thread, cancellable) and closing message, and the import wizard's launch.

#include "db/databasespec.h"

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

class QWidget;

namespace md {

class CsvTransfer
{
    Q_DECLARE_TR_FUNCTIONS(md::CsvTransfer)

public:
    // "Products", "Order lines", ...; the entity's own name for one this list does not know.
    static QString entityTitle(const QString &entity);

    // Asks for the file, exports with a progress dialog, tells the row count and the path.
    // Returns the rows written, or nothing: when the owner closed the file dialog, or when the
    // export was cancelled or failed (then a message said so).
    static std::optional<qint64> exportWithDialogs(QWidget *parent, const DatabaseSpec &database,
                                                   const QString &entity);
    // What an export behind the progress dialog came to.
    struct Exported
    {
        qint64 rows = 0;
        bool cancelled = false; // the owner pressed Cancel: no file was written
    };
    // The export behind a progress dialog with Cancel; the file appears only when complete.
    static Result<Exported> exportWithProgress(QWidget *parent, const DatabaseSpec &database,
                                               const QString &entity, const QString &path);
    // Asks which entity (for the File menu); empty when the owner cancelled.
    static QString chooseEntity(QWidget *parent, const QString &title, const QString &label);
    // Opens the import wizard (modal); true when rows were written.
    static bool importWithWizard(QWidget *parent, const DatabaseSpec &database,
                                 const QString &entity);
};

} // namespace md
