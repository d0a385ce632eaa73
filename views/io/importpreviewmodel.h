#pragma once

// The import wizard's preview table: the first rows of the file as the import reads them: the
// file line, what happens to the row (imported, skipped, or its problems), then one column per
// file column, headed by the column's name and the field it fills.

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

    // The line, what happens to the row (in view without scrolling), then the file's columns.
    static constexpr int kFirstFileColumn = 2;
    static int modelColumnOf(int fileColumn) { return fileColumn + kFirstFileColumn; }
    // -1: the line or the check column.
    int fileColumnOf(int modelColumn) const;
    static int checkColumn() { return 1; }
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
