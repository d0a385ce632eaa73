#include "importprofile.h"

#include "columnmapping.h"
#include "csvimporter.h"

#include "core/appsettings.h"

namespace md {

namespace {

const QString kFormat = QStringLiteral("format");
const QString kEncoding = QStringLiteral("encoding");
const QString kDelimiter = QStringLiteral("delimiter");
const QString kDecimal = QStringLiteral("decimal");
const QString kColumns = QStringLiteral("columns");

} // namespace

ImportProfile ImportProfile::fromImporter(const QString &name, const CsvImporter &importer)
{
    ImportProfile profile;
    profile.name = name;
    profile.format
        = importer.format() == importer.detectedFormat() ? ImportFormat::Auto : importer.format();
    profile.settings = importer.settings();
    const ColumnMapping &mapping = importer.mapping();
    for (qsizetype column = 0; column < mapping.columnCount(); ++column) {
        const int field = mapping.fieldOf(column);
        if (field >= 0) {
            profile.columnOfField[importer.entity().fields[size_t(field)].name]
                = importer.header().value(column);
        }
    }
    return profile;
}

QStringList ImportProfile::applyTo(CsvImporter &importer) const
{
    if (!(importer.settings() == settings)) {
        // A profile made for another file may not read this one; keep what was detected then.
        const CsvSettings detected = importer.settings();
        if (!importer.setSettings(settings))
            (void)importer.setSettings(detected);
    }
    importer.setFormat(format);
    const QStringList &header = importer.header();
    const EntityDescriptor &entity = importer.entity();
    ColumnMapping mapping = ColumnMapping::fromHeader(header, entity);
    for (qsizetype column = 0; column < header.size(); ++column)
        mapping.setField(column, -1);
    QStringList missing;
    for (const auto &[fieldName, columnName] : columnOfField) {
        const int field = entity.fieldIndex(fieldName);
        if (field < 0)
            continue;
        qsizetype found = -1;
        for (qsizetype column = 0; column < header.size() && found < 0; ++column) {
            if (header.at(column).trimmed().compare(columnName.trimmed(), Qt::CaseInsensitive) == 0
                && mapping.fieldOf(column) < 0) {
                found = column;
            }
        }
        if (found >= 0)
            mapping.setField(found, field);
        else
            missing << fieldName;
    }
    importer.setMapping(mapping);
    return missing;
}

QVariantMap ImportProfile::toVariant() const
{
    QVariantMap columns;
    for (const auto &[field, column] : columnOfField)
        columns.insert(field, column);
    return {
        {kFormat, keyOf(format)},
        {kEncoding, keyOf(settings.encoding)},
        {kDelimiter, CsvSettings::delimiterKey(settings.delimiter)},
        {kDecimal, QString(settings.decimalSymbol)},
        {kColumns, columns},
    };
}

std::optional<ImportProfile> ImportProfile::fromVariant(const QString &name, const QVariantMap &map)
{
    const auto format = fromKey<ImportFormat>(map.value(kFormat).toString());
    const auto encoding = CsvSettings::parseEncoding(map.value(kEncoding).toString());
    const auto delimiter = CsvSettings::parseDelimiter(map.value(kDelimiter).toString());
    const QString decimal = map.value(kDecimal).toString();
    if (!format || !encoding || !delimiter
        || (decimal != QLatin1String(".") && decimal != QLatin1String(","))) {
        return std::nullopt;
    }
    ImportProfile profile;
    profile.name = name;
    profile.format = *format;
    profile.settings.encoding = *encoding;
    profile.settings.delimiter = *delimiter;
    profile.settings.decimalSymbol = decimal.front();
    const QVariantMap columns = map.value(kColumns).toMap();
    for (auto it = columns.cbegin(); it != columns.cend(); ++it)
        profile.columnOfField[it.key()] = it.value().toString();
    return profile;
}

std::optional<ImportProfile> ImportProfile::load(const QString &entity, const QString &name)
{
    return fromVariant(name, AppSettings::importProfile(entity, name));
}

void ImportProfile::save(const QString &entity) const
{
    AppSettings::setImportProfile(entity, name, toVariant());
    AppSettings::setLastImportProfile(entity, name);
}

} // namespace md
