#include "rowadapter.h"

#include "nativeadapter.h"
#include "shopifyadapter.h"
#include "woocommerceadapter.h"

namespace md {

qsizetype RowAdapter::columnNamed(const QStringList &header, const QString &name)
{
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (header.at(i).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

ImportFormat RowAdapter::detect(const QStringList &header)
{
    const auto has = [&](const char *name) {
        return columnNamed(header, QString::fromLatin1(name)) >= 0;
    };
    if (has("Handle") && (has("Variant SKU") || has("Variant Price")))
        return ImportFormat::Shopify;
    if (has("Type") && has("SKU") && has("Name") && (has("Regular price") || has("Sale price")))
        return ImportFormat::WooCommerce;
    return ImportFormat::Native;
}

Result<std::unique_ptr<RowAdapter>>
RowAdapter::create(ImportFormat format, const QStringList &header, const EntityDescriptor &entity,
                   const ColumnMapping &mapping, const ValueParser &parser)
{
    if (format == ImportFormat::Auto)
        format = detect(header);
    if (format != ImportFormat::Native && entity.name != QLatin1String("products")) {
        return fail(tr("%1 files hold products, not %2")
                        .arg(format == ImportFormat::Shopify ? QStringLiteral("Shopify")
                                                             : QStringLiteral("WooCommerce"),
                             entity.name));
    }
    switch (format) {
    case ImportFormat::Shopify:
        return ShopifyAdapter::create(header, entity, parser);
    case ImportFormat::WooCommerce:
        return WooCommerceAdapter::create(header, entity, parser, parser.now());
    default:
        break;
    }
    if (auto checked = mapping.check(entity, header); !checked)
        return fail(checked.error());
    return std::unique_ptr<RowAdapter>(new NativeAdapter(header, entity, mapping));
}

} // namespace md
