#include "columnmapping.h"

namespace md {

QString ColumnMapping::normalise(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name.trimmed()) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('_') || c == QLatin1Char('-'))
            continue;
        out += c.toLower();
    }
    return out;
}

ColumnMapping ColumnMapping::fromHeader(const QStringList &header, const EntityDescriptor &entity)
{
    ColumnMapping mapping;
    mapping.m_fieldOfColumn.assign(size_t(header.size()), -1);
    std::vector<bool> taken(entity.fields.size(), false);
    // Exact field names first, so a file with both "price" and "base_price" maps base_price to
    // its own column and not to the synonym.
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype column = 0; column < header.size(); ++column) {
            if (mapping.m_fieldOfColumn[size_t(column)] >= 0)
                continue;
            const QString name = normalise(header.at(column));
            for (size_t f = 0; f < entity.fields.size(); ++f) {
                if (taken[f])
                    continue;
                const FieldDescriptor &field = entity.fields[f];
                bool match = normalise(field.name) == name;
                if (pass == 1) {
                    for (const QString &synonym : field.synonyms)
                        match = match || normalise(synonym) == name;
                }
                if (match) {
                    mapping.m_fieldOfColumn[size_t(column)] = int(f);
                    taken[f] = true;
                    break;
                }
            }
        }
    }
    return mapping;
}

qsizetype ColumnMapping::columnOf(int field) const
{
    for (size_t column = 0; column < m_fieldOfColumn.size(); ++column) {
        if (m_fieldOfColumn[column] == field)
            return qsizetype(column);
    }
    return -1;
}

Status ColumnMapping::check(const EntityDescriptor &entity, const QStringList &header) const
{
    std::vector<qsizetype> columnOfField(entity.fields.size(), -1);
    for (size_t column = 0; column < m_fieldOfColumn.size(); ++column) {
        const int field = m_fieldOfColumn[column];
        if (field < 0)
            continue;
        if (field >= int(entity.fields.size()))
            return fail(tr("column %1 maps to an unknown field").arg(column + 1));
        if (columnOfField[size_t(field)] >= 0) {
            return fail(
                tr("columns %1 (%2) and %3 (%4) both fill %5")
                    .arg(columnOfField[size_t(field)] + 1)
                    .arg(header.value(columnOfField[size_t(field)]))
                    .arg(column + 1)
                    .arg(header.value(qsizetype(column)), entity.fields[size_t(field)].name));
        }
        columnOfField[size_t(field)] = qsizetype(column);
    }
    QStringList missing;
    for (size_t f = 0; f < entity.fields.size(); ++f) {
        const FieldDescriptor &field = entity.fields[f];
        if (field.empty == FieldDescriptor::Empty::Required && columnOfField[f] < 0)
            missing << field.name;
    }
    if (!missing.isEmpty()) {
        return fail(tr("the header (line 1) has no column for %1; %2 files need the columns "
                       "%3")
                        .arg(missing.join(QStringLiteral(", ")), entity.name, [&] {
                            QStringList required;
                            for (const FieldDescriptor &field : entity.fields) {
                                if (field.empty == FieldDescriptor::Empty::Required)
                                    required << field.name;
                            }
                            return required.join(QStringLiteral(", "));
                        }()));
    }
    return {};
}

QStringList ColumnMapping::ignoredColumns(const QStringList &header) const
{
    QStringList ignored;
    for (size_t column = 0; column < m_fieldOfColumn.size(); ++column) {
        if (m_fieldOfColumn[column] < 0)
            ignored << header.value(qsizetype(column));
    }
    return ignored;
}

} // namespace md
