#pragma once

// How the owner reads one kind of file into one entity, saved under a name by the import
// wizard: the format, the text settings and which column fills which field (by column name, so
// next month's file from the same supplier maps the same way even if its columns moved).

#include "csvsettings.h"
#include "importoptions.h"

#include <QString>
#include <QVariantMap>

#include <map>
#include <optional>

namespace md {

class CsvImporter;

struct ImportProfile
{
    QString name;
    ImportFormat format = ImportFormat::Auto;
    CsvSettings settings;
    // Field name → the header name of the column that fills it (native files only).
    std::map<QString, QString> columnOfField;

    // What the importer reads now, by header names.
    static ImportProfile fromImporter(const QString &name, const CsvImporter &importer);
    // Sets the format and the settings (re-reading the header), then maps each field to the
    // column of its remembered name; fields whose column the file lacks stay unmapped.
    // Returns the fields whose column is missing.
    QStringList applyTo(CsvImporter &importer) const;

    QVariantMap toVariant() const;
    static std::optional<ImportProfile> fromVariant(const QString &name, const QVariantMap &map);

    // Through AppSettings, per entity.
    static std::optional<ImportProfile> load(const QString &entity, const QString &name);
    void save(const QString &entity) const;
};

} // namespace md
