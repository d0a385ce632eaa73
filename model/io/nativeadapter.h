#pragma once

// MerchantDesk's own CSV files: one column per field, matched through a ColumnMapping.

#include "rowadapter.h"

namespace md {

class NativeAdapter : public RowAdapter
{
public:
    NativeAdapter(const QStringList &header, const EntityDescriptor &entity,
                  const ColumnMapping &mapping);

    ImportFormat format() const override { return ImportFormat::Native; }
    QStringList ignoredColumns() const override;
    void convert(const CsvRecord &record, SourceRow &row) override;

private:
    QStringList m_header;
    ColumnMapping m_mapping;
    size_t m_fieldCount;
};

} // namespace md
