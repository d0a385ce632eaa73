#pragma once

// What the import wizard's pages share: the database, the file as opened and as the owner set
// it up (settings, format, mapping, profile), how it is imported, and how the last run ended.
// The wizard owns one; each page reads what the pages before it wrote.

#include "core/task.h"
#include "db/databasespec.h"
#include "io/csvimporter.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace md {

// How the last import run ended, decided from the run's own state, never from its message.
enum class ImportOutcome {
    NotRun,    // no import has run since the file was opened
    Imported,  // the rows were written (some may have gone to the rejects file)
    Refused,   // the file has problems: nothing was written
    Cancelled, // the owner cancelled: the import rolled back
    Failed,    // the database or the file failed: nothing was written
};

class ImportJob
{
    Q_DECLARE_TR_FUNCTIONS(md::ImportJob)

public:
    explicit ImportJob(const DatabaseSpec &spec)
        : database(spec)
    {}

    // A newly opened file: the importer as detected, the last run forgotten.
    void open(const CsvImporter &opened);
    // The end of a run: `cancelled` is the task's wasCancelled().
    void finish(const Result<ImportSummary> &result, bool cancelled);
    void clearRun();

    // The work of a Task<ImportSummary>: runs `importer` with `options` (an import or a dry
    // run), reporting each stage as the text a progress bar shows.
    static Task<ImportSummary>::Work work(const CsvImporter &importer,
                                          const ImportOptions &options);

    DatabaseSpec database;
    std::optional<CsvImporter> importer; // as the owner set it up
    std::optional<CsvImporter> detected; // as opened, before any profile or change
    QString profile;                     // the saved profile in use; empty: none
    ImportOptions options;               // mode and rejects file, from the options page

    ImportOutcome outcome = ImportOutcome::NotRun;
    std::optional<ImportSummary> summary; // of the last run, when it produced one
    QString runError;                     // why the last run produced none
};

} // namespace md
