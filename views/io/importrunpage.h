#pragma once

// The import wizard's fourth page: the import itself, on a worker thread with its own
// connection, with progress and Cancel (which rolls it back). It starts when the page is
// entered; when it ends the job holds the outcome and finished() is emitted.

#include "importpage.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace md {

struct ImportSummary;
template<typename T> class Task;

class ImportRunPage : public ImportPage
{
    Q_OBJECT

public:
    ImportRunPage(ImportJob &job, QWidget *parent = nullptr);

    bool isRunning() const;
    // Stops the import at its next step; it rolls back and finishes as cancelled.
    void cancel();

    void initializePage() override;
    bool isComplete() const override;

signals:
    // The import reported progress: `stage` is the text under the bar.
    void progress(int percent, const QString &stage);
    // The import ended; the job holds its outcome.
    void finished();

private:
    void runFinished();

    Task<ImportSummary> *m_run = nullptr;
    QLabel *m_runLabel = nullptr;
    QProgressBar *m_runProgress = nullptr;
    QPushButton *m_cancelRun = nullptr;
};

} // namespace md
