#pragma once

// The import wizard's first page: what to import into and the file. Next opens the file with
// CsvImporter (detecting how it is written) and refuses, with the reason, one it cannot read.

#include "importpage.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace md {

struct EntityDescriptor;

class ImportFilePage : public ImportPage
{
    Q_OBJECT

public:
    ImportFilePage(ImportJob &job, QWidget *parent = nullptr);

    // Chooses the entity by its name ("products"); false for a name the catalogue lacks.
    bool selectEntity(const QString &name);
    // The chosen entity's name.
    QString entity() const;
    void setFilePath(const QString &path);

    bool isComplete() const override;
    bool validatePage() override;

private:
    const EntityDescriptor *chosenEntity() const;
    void describeEntity();
    void browse();

    QComboBox *m_entity = nullptr;
    QLabel *m_columns = nullptr;
    QLineEdit *m_file = nullptr;
    QLabel *m_fileError = nullptr;
};

} // namespace md
