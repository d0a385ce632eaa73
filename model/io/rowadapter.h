#pragma once

// Reads the records of one file format as rows of an entity: the native format through a
// ColumnMapping, Shopify and WooCommerce product exports through their own columns and rules
// (variants, continuation rows, parent rows). detect() recognises the format from the header.

#include "columnmapping.h"
#include "csvrecord.h"
#include "entitydescriptor.h"
#include "importoptions.h"
#include "sourcerow.h"
#include "valueparser.h"

#include "core/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

namespace md {

class RowAdapter
{
    Q_DECLARE_TR_FUNCTIONS(md::RowAdapter)

public:
    enum class FieldUse {
        Absent,  // no column: stored values are kept, new rows get the default
        Present, // every row gives a value (an empty cell means what the field says)
        PerRow,  // some rows give a value, others leave the stored one alone
    };

    virtual ~RowAdapter() = default;

    virtual ImportFormat format() const = 0;
    const std::vector<FieldUse> &fieldUse() const { return m_use; }
    // Header names of the columns the import does not read.
    virtual QStringList ignoredColumns() const = 0;
    // `record` has as many fields as the header.
    virtual void convert(const CsvRecord &record, SourceRow &row) = 0;

    static ImportFormat detect(const QStringList &header);
    // A usage problem (a Shopify file for customers, a missing column) is an error.
    static Result<std::unique_ptr<RowAdapter>>
    create(ImportFormat format, const QStringList &header, const EntityDescriptor &entity,
           const ColumnMapping &mapping, const ValueParser &parser);

protected:
    // The column of `name` in a platform's header (exact, case-insensitive), -1 if none.
    static qsizetype columnNamed(const QStringList &header, const QString &name);

    std::vector<FieldUse> m_use;
};

} // namespace md
