#pragma once

// The import wizard: choose what to import and the file; see how it is read (detected format,
// delimiter, encoding, decimal symbol, all changeable) with a 20-row preview and the column
// mapping, saved as named profiles; choose the mode and whether rejected rows go to a file;
// validate (a dry run); import on a worker thread with progress and cancel (cancel rolls back);
// read the summary. Built on CsvImporter, which the command line uses too.

#include "db/databasespec.h"
#include "io/csvimporter.h"

#include <QWizard>

#include <memory>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;

namespace md {

class ImportPreviewModel;
class ImportTask;

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
    const CsvImporter *importer() const { return m_importer ? &*m_importer : nullptr; }
    ImportPreviewModel *previewModel() const { return m_previewModel; }
    // The last import's summary (after the run page), if it produced one.
    const std::optional<ImportSummary> &summary() const { return m_summary; }
    // The message of a run that produced no summary (cancelled, database error).
    const QString &runError() const { return m_runError; }
    bool dataWritten() const { return m_summary && m_summary->written; }

    void reject() override;

signals:
    // Rows were written: pages showing the entity should read it again.
    void imported(const QString &entity);

private:
    QWizardPage *createFilePage();
    QWizardPage *createReadPage();
    QWizardPage *createOptionsPage();
    QWizardPage *createRunPage();
    QWizardPage *createSummaryPage();

    const EntityDescriptor *chosenEntity() const;
    bool openFile();
    void browseFile();
    void fillReadControls();
    void fillProfiles();
    void fillMappingTable();
    void settingsChanged();
    void formatChanged();
    void mappingChanged(int field);
    void profileChosen();
    void saveProfile();
    void deleteProfile();
    void refreshPreview();
    bool mappingIsUsable() const;
    void browseRejects();
    void validate();
    void validationFinished();
    bool confirmMode();
    void startRun();
    void runFinished();
    void showSummary();
    ImportOptions options(bool dryRun) const;

    DatabaseSpec m_database;
    std::optional<CsvImporter> m_importer;
    std::optional<CsvImporter> m_detected; // as opened, before any profile or change
    std::unique_ptr<ImportTask> m_validation;
    std::unique_ptr<ImportTask> m_run;
    std::optional<ImportSummary> m_summary;
    QString m_runError;
    QString m_readError;
    bool m_previewOk = false;
    bool m_updating = false;

    // File page
    QComboBox *m_entity = nullptr;
    QLineEdit *m_file = nullptr;
    QLabel *m_fileError = nullptr;
    // Read page
    QLabel *m_detectedLabel = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_delimiter = nullptr;
    QComboBox *m_encoding = nullptr;
    QComboBox *m_decimal = nullptr;
    QComboBox *m_profile = nullptr;
    QPushButton *m_deleteProfile = nullptr;
    QTableView *m_preview = nullptr;
    ImportPreviewModel *m_previewModel = nullptr;
    QTableWidget *m_mapping = nullptr;
    QLabel *m_readStatus = nullptr;
    // Options page
    QButtonGroup *m_mode = nullptr;
    QCheckBox *m_useRejects = nullptr;
    QLineEdit *m_rejects = nullptr;
    QPushButton *m_validate = nullptr;
    QProgressBar *m_validateProgress = nullptr;
    QLabel *m_validateStatus = nullptr;
    QListWidget *m_problems = nullptr;
    // Run page
    QLabel *m_runLabel = nullptr;
    QProgressBar *m_runProgress = nullptr;
    QPushButton *m_cancelRun = nullptr;
    // Summary page
    QLabel *m_summaryHeadline = nullptr;
    QLabel *m_summaryCounts = nullptr;
    QListWidget *m_summaryProblems = nullptr;
    QLabel *m_summaryListLabel = nullptr;
};

} // namespace md
