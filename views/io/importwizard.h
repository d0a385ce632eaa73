#pragma once

// The import wizard: choose what to import and the file; see how it is read (detected format,
// delimiter, encoding, decimal symbol, all changeable) with a 20-row preview and the column
// mapping, saved as named profiles; choose the mode and whether rejected rows go to a file;
// validate (a dry run); import on a worker thread with progress and cancel (cancel rolls back);
// read the summary. Built on CsvImporter, which the command line uses too.
//
// Each step is a page of its own (importfilepage.h, importreadpage.h, importoptionspage.h,
// importrunpage.h, importsummarypage.h); the wizard holds the ImportJob they share and moves
// on when the run ends.

#include "importjob.h"

#include <QWizard>

#include <optional>

namespace md {

class ImportFilePage;
class ImportOptionsPage;
class ImportPreviewModel;
class ImportReadPage;
class ImportRunPage;
class ImportSummaryPage;

class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { FilePage, ReadPage, OptionsPage, RunPage, SummaryPage };
    static constexpr int kPreviewRows = 20;

    // `entity`: preselected (the page the wizard was opened from); empty: the owner chooses.
    explicit ImportWizard(const DatabaseSpec &database, const QString &entity = {},
                          QWidget *parent = nullptr);
    ~ImportWizard() override;

    // For tests and the File menu: choose the file without the file dialog.
    void setFilePath(const QString &path);
    // The entity chosen on the first page ("products").
    QString selectedEntity() const;
    const CsvImporter *importer() const { return m_job.importer ? &*m_job.importer : nullptr; }
    ImportPreviewModel *previewModel() const;
    // The last import's summary (after the run page), if it produced one.
    const std::optional<ImportSummary> &summary() const { return m_job.summary; }
    // The message of a run that produced no summary (cancelled, database error).
    const QString &runError() const { return m_job.runError; }
    // How the last run ended: what the summary page shows.
    ImportOutcome outcome() const { return m_job.outcome; }
    bool dataWritten() const { return m_job.summary && m_job.summary->written; }

    void reject() override;

signals:
    // Rows were written: pages showing the entity should read it again.
    void imported(const QString &entity);

private:
    void runFinished();

    // The pages hold a reference. It goes before they do, which is safe: none of them reads it
    // while being destroyed, and their tasks stop without delivering a result.
    ImportJob m_job;
    ImportFilePage *m_filePage = nullptr;
    ImportReadPage *m_readPage = nullptr;
    ImportOptionsPage *m_optionsPage = nullptr;
    ImportRunPage *m_runPage = nullptr;
    ImportSummaryPage *m_summaryPage = nullptr;
};

} // namespace md
