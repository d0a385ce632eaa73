#pragma once

// Which column of a native CSV file fills which field of the entity: built from the header
// (names compared case-insensitively, ignoring spaces, "_" and "-", with each field's synonyms)
// and changeable by the import wizard before the import runs.

#include "entitydescriptor.h"

#include "core/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace md {

class ColumnMapping
{
    Q_DECLARE_TR_FUNCTIONS(md::ColumnMapping)

public:
    ColumnMapping() = default;
    static ColumnMapping fromHeader(const QStringList &header, const EntityDescriptor &entity);

    qsizetype columnCount() const { return qsizetype(m_fieldOfColumn.size()); }
    // -1: the column is not imported.
    int fieldOf(qsizetype column) const { return m_fieldOfColumn[size_t(column)]; }
    void setField(qsizetype column, int field) { m_fieldOfColumn[size_t(column)] = field; }
    // -1: no column fills the field.
    qsizetype columnOf(int field) const;

    // Every required field has a column and no field has two.
    Status check(const EntityDescriptor &entity, const QStringList &header) const;
    // The header names of the columns that are not imported.
    QStringList ignoredColumns(const QStringList &header) const;

    // "Base Price", "base_price" and "base-price" are the same name.
    static QString normalise(const QString &name);

    bool operator==(const ColumnMapping &other) const = default;

private:
    std::vector<int> m_fieldOfColumn;
};

} // namespace md
