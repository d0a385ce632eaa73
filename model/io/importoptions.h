#pragma once

// What the owner chose for an import: the file's format (or auto), how rows meet the stored
// ones, whether to write at all, and where rejected rows go when valid ones may go in alone.

#include <QString>

#include <optional>

namespace md {

enum class ImportFormat { Auto, Native, Shopify, WooCommerce };

enum class ImportMode {
    Upsert,  // add new rows, update changed ones (by natural key)
    Insert,  // add new rows, leave stored ones as they are
    Replace, // the table ends up holding exactly the file's rows
};

struct ImportOptions
{
    ImportMode mode = ImportMode::Upsert;
    bool dryRun = false;
    // Empty: all or nothing. Else valid rows are imported and rejected ones written here, as
    // CSV with the file's own header plus an "error" column.
    QString rejectsPath;

    static QString formatName(ImportFormat format);
    static std::optional<ImportFormat> parseFormat(const QString &name);
    static QString modeName(ImportMode mode);
    static std::optional<ImportMode> parseMode(const QString &name);
};

} // namespace md
