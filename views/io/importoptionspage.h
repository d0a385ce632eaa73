#pragma once

// The import wizard's third page, its commit page: how rows meet the stored ones (update, keep,
// replace, as the entity allows), whether rejected rows go to a file so that the valid ones go
// in, and Validate, a dry run of the whole file on a worker thread that lists its problems and
// what the import would change. Next (Import) asks before replacing a whole table.

#include "importpage.h"

#include "io/importoptions.h"

class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace md {

struct ImportSummary;
template<typename T> class Task;

class ImportOptionsPage : public ImportPage
{
    Q_OBJECT

public:
    ImportOptionsPage(ImportJob &job, QWidget *parent = nullptr);

    // Asks a running validation to stop (the window is closing or the owner went back).
    void stopValidation();

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    ImportOptions chosenOptions() const;
    void browseRejects();
    void validate();
    void validationFinished();
    bool confirmReplace();

    Task<ImportSummary> *m_validation = nullptr;

    QButtonGroup *m_mode = nullptr;
    QCheckBox *m_useRejects = nullptr;
    QLineEdit *m_rejects = nullptr;
    QPushButton *m_validate = nullptr;
    QProgressBar *m_validateProgress = nullptr;
    QLabel *m_validateStatus = nullptr;
    QListWidget *m_problems = nullptr;
};

} // namespace md
