#pragma once

// What the owner chose for an import: the file's format (or auto), how rows meet the stored
// ones, whether to write at all, and where rejected rows go when valid ones may go in alone.

#include "core/enumkeys.h"

#include <QString>

#include <optional>

namespace md {

enum class ImportFormat { Auto, Native, Shopify, WooCommerce };

enum class ImportMode {
    Upsert,  // add new rows, update changed ones (by natural key)
    Insert,  // add new rows, leave stored ones as they are
    Replace, // the table ends up holding exactly the file's rows
};

// The values of --format and --mode, and of saved import profiles.
constexpr auto enumKeys(ImportFormat)
{
    return keyTable<ImportFormat>({{ImportFormat::Auto, "auto"},
                                   {ImportFormat::Native, "native"},
                                   {ImportFormat::Shopify, "shopify"},
                                   {ImportFormat::WooCommerce, "woocommerce"}});
}
static_assert(enumKeys(ImportFormat{}).coversFirst(4));

constexpr auto enumKeys(ImportMode)
{
    return keyTable<ImportMode>({{ImportMode::Upsert, "upsert"},
                                 {ImportMode::Insert, "insert"},
                                 {ImportMode::Replace, "replace"}});
}
static_assert(enumKeys(ImportMode{}).coversFirst(3));

struct ImportOptions
{
    ImportMode mode = ImportMode::Upsert;
    bool dryRun = false;
    // Empty: all or nothing. Else valid rows are imported and rejected ones written here, as
    // CSV with the file's own header plus an "error" column.
    QString rejectsPath;
};

} // namespace md
