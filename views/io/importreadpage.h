#pragma once

// The import wizard's second page: how the file is read. The detected format, delimiter,
// encoding and decimal symbol, all changeable; saved profiles of settings and columns; a
// 20-row preview that marks the rows with problems; and which column of the file fills which
// field. Next is offered once the preview reads and every required field has a column.

#include "importpage.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace md {

class ImportPreviewModel;

class ImportReadPage : public ImportPage
{
    Q_OBJECT

public:
    static constexpr int kPreviewRows = 20;

    ImportReadPage(ImportJob &job, QWidget *parent = nullptr);

    ImportPreviewModel *previewModel() const { return m_previewModel; }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
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

    QString m_readError;
    bool m_previewOk = false;
    bool m_updating = false; // the controls are being filled: their signals are not the owner's

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
};

} // namespace md
