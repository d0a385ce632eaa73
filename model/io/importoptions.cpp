#include "importoptions.h"

namespace md {

QString ImportOptions::formatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Auto:
        return QStringLiteral("auto");
    case ImportFormat::Native:
        return QStringLiteral("native");
    case ImportFormat::Shopify:
        return QStringLiteral("shopify");
    case ImportFormat::WooCommerce:
        return QStringLiteral("woocommerce");
    }
    return {};
}

std::optional<ImportFormat> ImportOptions::parseFormat(const QString &name)
{
    for (const ImportFormat format : {ImportFormat::Auto, ImportFormat::Native,
                                      ImportFormat::Shopify, ImportFormat::WooCommerce}) {
        if (formatName(format) == name.trimmed().toLower())
            return format;
    }
    return std::nullopt;
}

QString ImportOptions::modeName(ImportMode mode)
{
    switch (mode) {
    case ImportMode::Upsert:
        return QStringLiteral("upsert");
    case ImportMode::Insert:
        return QStringLiteral("insert");
    case ImportMode::Replace:
        return QStringLiteral("replace");
    }
    return {};
}

std::optional<ImportMode> ImportOptions::parseMode(const QString &name)
{
    for (const ImportMode mode : {ImportMode::Upsert, ImportMode::Insert, ImportMode::Replace}) {
        if (modeName(mode) == name.trimmed().toLower())
            return mode;
    }
    return std::nullopt;
}

} // namespace md
