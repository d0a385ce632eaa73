#include "nativeadapter.h"

namespace md {

NativeAdapter::NativeAdapter(const QStringList &header, const EntityDescriptor &entity,
                             const ColumnMapping &mapping)
    : m_header(header)
    , m_mapping(mapping)
    , m_fieldCount(entity.fields.size())
{
    m_use.assign(m_fieldCount, FieldUse::Absent);
    for (qsizetype column = 0; column < mapping.columnCount(); ++column) {
        if (const int field = mapping.fieldOf(column); field >= 0)
            m_use[size_t(field)] = FieldUse::Present;
    }
}

QStringList NativeAdapter::ignoredColumns() const
{
    return m_mapping.ignoredColumns(m_header);
}

void NativeAdapter::convert(const CsvRecord &record, SourceRow &row)
{
    row.reset(m_fieldCount);
    const qsizetype columns = qMin(record.size(), m_mapping.columnCount());
    for (qsizetype column = 0; column < columns; ++column) {
        if (const int field = m_mapping.fieldOf(column); field >= 0)
            row.setUtf8(field, record.utf8(column), int(column) + 1);
    }
}

} // namespace md
