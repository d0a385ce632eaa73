#pragma once

// The import wizard's last page: what the import did. The rows inserted, updated, unchanged,
// kept, deleted and rejected; the problems by line when the file was refused; or that it was
// cancelled or failed and nothing was written.

#include "importjob.h"
#include "importpage.h"

class QLabel;
class QListWidget;

namespace md {

class ImportSummaryPage : public ImportPage
{
    Q_OBJECT

public:
    ImportSummaryPage(ImportJob &job, QWidget *parent = nullptr);

    // The outcome the page shows.
    ImportOutcome outcome() const { return m_outcome; }

    void initializePage() override;

private:
    ImportOutcome m_outcome = ImportOutcome::NotRun;
    QLabel *m_summaryHeadline = nullptr;
    QLabel *m_summaryCounts = nullptr;
    QListWidget *m_summaryProblems = nullptr;
    QLabel *m_summaryListLabel = nullptr;
};

} // namespace md
