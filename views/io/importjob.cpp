#include "importjob.h"

#include <QLocale>

namespace md {

void ImportJob::open(const CsvImporter &opened)
{
    importer = opened;
    detected = opened;
    clearRun();
}

void ImportJob::finish(const Result<ImportSummary> &result, bool cancelled)
{
    if (result) {
        summary = *result;
        runError.clear();
        outcome = result->refused ? ImportOutcome::Refused : ImportOutcome::Imported;
        return;
    }
    summary.reset();
    runError = result.error();
    // A run that ended in an error after Cancel was pressed was stopped by it: the error is
    // the importer's "cancelled", in whatever language the catalogue speaks.
    outcome = cancelled ? ImportOutcome::Cancelled : ImportOutcome::Failed;
}

void ImportJob::clearRun()
{
    outcome = ImportOutcome::NotRun;
    summary.reset();
    runError.clear();
}

Task<ImportSummary>::Work ImportJob::work(const CsvImporter &importer, const ImportOptions &options)
{
    return [importer, options](const Database &db, TaskProgress &progress) {
        return importer.run(db, options, [&progress](const ImportProgress &p) {
            QString text;
            switch (p.stage) {
            case ImportProgress::Stage::Reading:
                text = tr("Reading and checking row %1…").arg(QLocale().toString(p.rows));
                break;
            case ImportProgress::Stage::Checking:
                text = tr("Checking keys and references…");
                break;
            case ImportProgress::Stage::Writing:
                text = tr("Writing to the database…");
                break;
            }
            return progress.report(p.percent(), text);
        });
    };
}

} // namespace md
