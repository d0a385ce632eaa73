#pragma once

// The import wizard's preview table: the first rows of the file as the import reads them, one
// column per file column (headed by the column's name and the field it fills), a line number
// in front and what happens to the row at the end (imported, skipped, or its problems).

#include "io/importpreview.h"

#include <QAbstractTableModel>

namespace md {

class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Role of the header: the field a file column fills ("" when it is not imported).
    static constexpr int FieldRole = Qt::UserRole + 1;

    explicit ImportPreviewModel(QObject *parent = nullptr);

    void setPreview(const ImportPreview &preview);
    const ImportPreview &preview() const { return m_preview; }

    // The model column of file column `column` (0-based), and back (-1: the line or check).
    static int modelColumnOf(int fileColumn) { return fileColumn + 1; }
    int fileColumnOf(int modelColumn) const;
    int checkColumn() const { return int(m_preview.header.size()) + 1; }
    int rowsWithProblems() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString checkText(const ImportPreview::Row &row) const;

    ImportPreview m_preview;
};

} // namespace md
