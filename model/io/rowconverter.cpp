#include "rowconverter.h"

namespace md {

namespace {

using E = FieldDescriptor::Empty;
using Use = RowAdapter::FieldUse;

bool isEmptyCell(const FieldDescriptor &field, const QString &text)
{
    // A title of one space is a title; a price of one space is no price.
    return field.type == FieldDescriptor::Type::Text ? text.isEmpty() : text.trimmed().isEmpty();
}

} // namespace

RowConverter::RowConverter(const EntityDescriptor &entity,
                           const std::vector<RowAdapter::FieldUse> &use, const ValueParser &parser,
                           const QStringList &header)
    : m_entity(entity)
    , m_use(use)
    , m_parser(parser)
    , m_header(header)
{
    for (const FieldDescriptor &field : entity.fields)
        m_copyOf.push_back(field.empty == E::CopyOf ? entity.fieldIndex(field.copyOf) : -1);
}

QString RowConverter::columnName(int column, int field) const
{
    if (column > 0 && column <= m_header.size())
        return m_header.at(column - 1).trimmed();
    return m_entity.fields[size_t(field)].name;
}

bool RowConverter::convert(const SourceRow &row, std::vector<CellValue> &values,
                           std::vector<Problem> &problems) const
{
    const size_t before = problems.size();
    const size_t count = m_entity.fields.size();
    values.assign(count, CellValue());
    std::vector<bool> copies(count, false);
    for (size_t f = 0; f < count; ++f) {
        const FieldDescriptor &field = m_entity.fields[f];
        const bool given = m_use[f] != Use::Absent && row.given[f];
        if (given && !isEmptyCell(field, row.values[f])) {
            auto value = m_parser.parse(field, row.values[f]);
            if (value)
                values[f] = *value;
            else
                problems.push_back(
                    {row.columns[f], columnName(row.columns[f], int(f)), value.error()});
            continue;
        }
        if (!given && m_use[f] == Use::PerRow)
            continue; // keep what is stored
        switch (field.empty) {
        case E::Required:
            problems.push_back(
                {row.columns[f], columnName(row.columns[f], int(f)), tr("a value is required")});
            break;
        case E::Null:
        case E::Keep:
            break;
        case E::Default:
            values[f] = m_parser.defaultValue(field);
            break;
        case E::CopyOf:
            copies[f] = true;
            break;
        }
    }
    for (size_t f = 0; f < count; ++f) {
        if (copies[f] && m_copyOf[f] >= 0)
            values[f] = values[size_t(m_copyOf[f])];
    }
    if (problems.size() == before && m_entity.check) {
        m_entity.check(values, [&](int field, const QString &message) {
            const int column = row.columns[size_t(field)];
            problems.push_back({column, columnName(column, field), message});
        });
    }
    return problems.size() == before;
}

QString RowConverter::describe(qint64 line, const Problem &problem)
{
    if (problem.column > 0 && problem.field.isEmpty())
        return tr("%1:%2: %3").arg(line).arg(problem.column).arg(problem.message);
    if (problem.column > 0) {
        return tr("%1:%2: %3: %4")
            .arg(line)
            .arg(problem.column)
            .arg(problem.field, problem.message);
    }
    if (!problem.field.isEmpty())
        return tr("%1: %2: %3").arg(line).arg(problem.field, problem.message);
    return tr("%1: %2").arg(line).arg(problem.message);
}

} // namespace md
