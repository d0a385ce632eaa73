#include "shopifyadapter.h"

namespace md {

namespace {

const char *const kRead[] = {"handle",
                             "title",
                             "type",
                             "product category",
                             "variant sku",
                             "variant price",
                             "variant compare at price",
                             "variant inventory qty",
                             "variant inventory tracker",
                             "cost per item",
                             "option1 value",
                             "option2 value",
                             "option3 value"};

} // namespace

ShopifyAdapter::ShopifyAdapter(const QStringList &header, const EntityDescriptor &entity,
                               const ValueParser &parser)
    : m_header(header)
    , m_parser(parser)
    , m_fieldCount(entity.fields.size())
{
    const auto column = [&](const char *name) {
        return columnNamed(header, QString::fromLatin1(name));
    };
    m_handleColumn = column("handle");
    m_titleColumn = column("title");
    m_typeColumn = column("type");
    m_productCategoryColumn = column("product category");
    m_skuColumn = column("variant sku");
    m_priceColumn = column("variant price");
    m_compareAtColumn = column("variant compare at price");
    m_quantityColumn = column("variant inventory qty");
    m_trackerColumn = column("variant inventory tracker");
    m_costColumn = column("cost per item");
    for (const char *name : {"option1 value", "option2 value", "option3 value"}) {
        if (const qsizetype at = column(name); at >= 0)
            m_optionColumns.push_back(at);
    }

    m_sku = entity.fieldIndex(QStringLiteral("sku"));
    m_title = entity.fieldIndex(QStringLiteral("title"));
    m_category = entity.fieldIndex(QStringLiteral("category"));
    m_cost = entity.fieldIndex(QStringLiteral("cost"));
    m_base = entity.fieldIndex(QStringLiteral("base_price"));
    m_current = entity.fieldIndex(QStringLiteral("current_price"));
    m_stock = entity.fieldIndex(QStringLiteral("stock_level"));

    m_use.assign(m_fieldCount, FieldUse::Absent);
    for (const int field : {m_sku, m_title, m_base, m_current})
        m_use[size_t(field)] = FieldUse::Present;
    if (m_typeColumn >= 0 || m_productCategoryColumn >= 0)
        m_use[size_t(m_category)] = FieldUse::Present;
    // Shopify leaves cost and stock empty when it does not know or track them: the values the
    // owner keeps in MerchantDesk then stay.
    if (m_costColumn >= 0)
        m_use[size_t(m_cost)] = FieldUse::PerRow;
    if (m_quantityColumn >= 0)
        m_use[size_t(m_stock)] = FieldUse::PerRow;
}

Result<std::unique_ptr<RowAdapter>> ShopifyAdapter::create(const QStringList &header,
                                                           const EntityDescriptor &entity,
                                                           const ValueParser &parser)
{
    QStringList missing;
    for (const char *name : {"Handle", "Title", "Variant SKU", "Variant Price"}) {
        if (columnNamed(header, QString::fromLatin1(name)) < 0)
            missing << QString::fromLatin1(name);
    }
    if (!missing.isEmpty()) {
        return fail(tr("the header (line 1) lacks the Shopify columns %1")
                        .arg(missing.join(QStringLiteral(", "))));
    }
    return std::unique_ptr<RowAdapter>(new ShopifyAdapter(header, entity, parser));
}

QStringList ShopifyAdapter::ignoredColumns() const
{
    QStringList ignored;
    for (const QString &name : m_header) {
        bool read = false;
        for (const char *known : kRead)
            read = read || name.trimmed().compare(QLatin1String(known), Qt::CaseInsensitive) == 0;
        if (!read)
            ignored << name;
    }
    return ignored;
}

QString ShopifyAdapter::cell(const CsvRecord &record, qsizetype column) const
{
    return column >= 0 && column < record.size() ? record.text(column) : QString();
}

void ShopifyAdapter::convert(const CsvRecord &record, SourceRow &row)
{
    row.reset(m_fieldCount);
    const QString handle = cell(record, m_handleColumn).trimmed();
    const QString title = cell(record, m_titleColumn);
    if (!title.trimmed().isEmpty()) {
        // The first row of a product.
        m_handle = handle;
        m_productTitle = title;
        m_productCategory = cell(record, m_typeColumn).trimmed();
        m_productCategoryFrom = int(m_typeColumn) + 1;
        if (m_productCategory.isEmpty()) {
            m_productCategory = cell(record, m_productCategoryColumn).trimmed();
            m_productCategoryFrom = int(m_productCategoryColumn) + 1;
        }
    } else if (handle != m_handle) {
        m_handle = handle;
        m_productTitle.clear();
        m_productCategory.clear();
    }

    const QString sku = cell(record, m_skuColumn).trimmed();
    const QString price = cell(record, m_priceColumn).trimmed();
    QStringList options;
    for (const qsizetype column : m_optionColumns) {
        const QString value = cell(record, column).trimmed();
        if (!value.isEmpty() && value != QLatin1String("Default Title"))
            options << value;
    }
    if (sku.isEmpty() && price.isEmpty() && options.isEmpty()) {
        row.skip(tr("Shopify image rows"), false);
        return;
    }
    if (sku.isEmpty()) {
        row.skip(tr("variants without a SKU"), true);
        return;
    }
    if (m_productTitle.isEmpty()) {
        row.outcome = SourceRow::Outcome::Reject;
        row.column = int(m_titleColumn) + 1;
        row.reason = tr("Title: empty, and no earlier row of handle \"%1\" has one").arg(handle);
        return;
    }

    row.set(m_sku, sku, int(m_skuColumn) + 1);
    QString fullTitle = m_productTitle;
    if (!options.isEmpty())
        fullTitle += QStringLiteral(" - ") + options.join(QStringLiteral(" / "));
    row.set(m_title, fullTitle, int(m_titleColumn) + 1);
    if (m_use[size_t(m_category)] != FieldUse::Absent)
        row.set(m_category, m_productCategory, m_productCategoryFrom);

    // Compare-at is the price before a reduction: the base price when it is above the price.
    row.set(m_base, price, int(m_priceColumn) + 1);
    row.set(m_current, price, int(m_priceColumn) + 1);
    const QString compareAt = cell(record, m_compareAtColumn).trimmed();
    if (!compareAt.isEmpty()) {
        const auto was = m_parser.money(compareAt);
        const auto now = m_parser.money(price);
        if (!was || (now && *was > *now))
            row.set(m_base, compareAt, int(m_compareAtColumn) + 1);
    }

    const QString cost = cell(record, m_costColumn).trimmed();
    if (m_costColumn >= 0 && !cost.isEmpty())
        row.set(m_cost, cost, int(m_costColumn) + 1);

    const bool tracked = m_trackerColumn < 0 || !cell(record, m_trackerColumn).trimmed().isEmpty();
    const QString quantity = cell(record, m_quantityColumn).trimmed();
    if (m_quantityColumn >= 0 && tracked && !quantity.isEmpty()) {
        const auto stock = m_parser.integer(quantity);
        if (stock && *stock < 0) {
            // Shopify lets an oversold variant go below zero; nothing is on the shelf.
            row.set(m_stock, QStringLiteral("0"), int(m_quantityColumn) + 1);
            row.warning = tr("Variant Inventory Qty %1 read as 0 (oversold)").arg(quantity);
        } else {
            row.set(m_stock, quantity, int(m_quantityColumn) + 1);
        }
    }
}

} // namespace md
