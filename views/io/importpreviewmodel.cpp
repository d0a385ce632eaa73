#include "importpreviewmodel.h"
#include "common/tone.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace md {

ImportPreviewModel::ImportPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ImportPreviewModel::setPreview(const ImportPreview &preview)
{
    beginResetModel();
    m_preview = preview;
    endResetModel();
}

int ImportPreviewModel::fileColumnOf(int modelColumn) const
{
    const int column = modelColumn - kFirstFileColumn;
    return column >= 0 && column < m_preview.header.size() ? column : -1;
}

int ImportPreviewModel::rowsWithProblems() const
{
    int count = 0;
    for (const ImportPreview::Row &row : m_preview.rows)
        count += row.problems.isEmpty() ? 0 : 1;
    return count;
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_preview.rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_preview.header.size()) + 2;
}

QString ImportPreviewModel::checkText(const ImportPreview::Row &row) const
{
    if (!row.problems.isEmpty())
        return row.problems.join(QLatin1Char('\n'));
    if (!row.skipped.isEmpty())
        return tr("Skipped: %1").arg(row.skipped);
    if (!row.note.isEmpty())
        return tr("OK (%1)").arg(row.note);
    return tr("OK");
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportPreview::Row &row = m_preview.rows[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == 0)
            return row.line;
        if (column == checkColumn())
            return checkText(row);
        return row.cells.value(column - kFirstFileColumn);
    case Qt::ToolTipRole:
        if (column == checkColumn() || !row.problems.isEmpty() || !row.skipped.isEmpty())
            return checkText(row);
        return {};
    case Qt::ForegroundRole:
        if (!row.problems.isEmpty())
            return QBrush(tone::colour(tone::Tone::Error, QGuiApplication::palette()));
        if (!row.skipped.isEmpty())
            return QBrush(tone::colour(tone::Tone::Muted, QGuiApplication::palette()));
        if (column >= kFirstFileColumn
            && m_preview.fieldOfColumn.value(column - kFirstFileColumn).isEmpty()) {
            // A column the import does not read: the palette's disabled text.
            return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == 0)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool fileColumn = section >= kFirstFileColumn;
    const int column = section - kFirstFileColumn;
    const QString field = fileColumn ? m_preview.fieldOfColumn.value(column) : QString();
    switch (role) {
    case Qt::DisplayRole:
        if (section == 0)
            return tr("Line");
        if (section == checkColumn())
            return tr("Check");
        return tr("%1\n→ %2")
            .arg(m_preview.header.value(column), field.isEmpty() ? tr("not imported") : field);
    case Qt::ToolTipRole:
        if (!fileColumn)
            return {};
        return field.isEmpty()
                   ? tr("Column %1 of the file is not imported").arg(column + 1)
                   : tr("Column %1 of the file fills the field %2").arg(column + 1).arg(field);
    case FieldRole:
        return field;
    default:
        return {};
    }
}

} // namespace md
