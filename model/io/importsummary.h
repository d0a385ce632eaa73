#pragma once

// What an import did or would do: counts per outcome, the problems (first 100 and how many in
// all), notes about rows that were skipped or changed on the way, and whether anything was
// written. The wizard shows it; the command line prints report().

#include "csvsettings.h"
#include "importoptions.h"

#include <QCoreApplication>
#include <QStringList>

#include <utility>
#include <vector>

namespace md {

struct ImportSummary
{
    Q_DECLARE_TR_FUNCTIONS(md::ImportSummary)

public:
    QString entity;
    QString file;
    ImportFormat format = ImportFormat::Native;
    CsvSettings settings;
    ImportOptions options;

    bool written = false; // the rows are in the database (false for a dry run or a refusal)
    qint64 rows = 0;      // data rows read
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 unchanged = 0; // matched a stored row with the same values
    qint64 kept = 0;      // insert mode: a stored row with this key was left alone
    qint64 deleted = 0;   // replace mode: stored rows not in the file
    qint64 rejected = 0;  // rows written to the rejects file
    // Rows that are not the entity's (a variable product's parent row), by reason.
    std::vector<std::pair<QString, qint64>> skipped;

    QStringList problems; // "line:column: field: reason", the first 100
    qint64 problemCount = 0;
    QStringList notes; // "line: ..." about skipped or adjusted rows, the first 100
    qint64 noteCount = 0;
    QStringList ignoredColumns;

    // The file had problems and nothing was written (all or nothing, or a file the parser
    // cannot read to its end).
    bool refused = false;

    qint64 skippedCount() const;
    // Several lines for a terminal or a log.
    QString report() const;
    QString problemReport() const;
};

} // namespace md
