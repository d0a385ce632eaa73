#pragma once

// Checks and types one row: each field's text becomes the value its descriptor wants (or what
// an empty cell means), then the entity's rules between fields run. Used by the import and by
// the wizard's preview, so both find the same problems.

#include "cellvalue.h"
#include "entitydescriptor.h"
#include "rowadapter.h"
#include "sourcerow.h"
#include "valueparser.h"

#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace md {

class RowConverter
{
    Q_DECLARE_TR_FUNCTIONS(md::RowConverter)

public:
    struct Problem
    {
        int column = 0; // 1-based file column, 0: none
        QString field;  // the column's name in the file (or the field's name)
        QString message;
    };

    RowConverter(const EntityDescriptor &entity, const std::vector<RowAdapter::FieldUse> &use,
                 const ValueParser &parser, const QStringList &header);

    // False when the row has problems (appended to `problems`).
    bool convert(const SourceRow &row, std::vector<CellValue> &values,
                 std::vector<Problem> &problems) const;

    // "12:4: base_price: \"abc\" is not an amount of money"
    static QString describe(qint64 line, const Problem &problem);

private:
    QString columnName(int column, int field) const;

    const EntityDescriptor &m_entity;
    std::vector<RowAdapter::FieldUse> m_use;
    ValueParser m_parser;
    QStringList m_header;
    std::vector<int> m_copyOf; // per field: the field an empty cell copies, or -1
};

} // namespace md
