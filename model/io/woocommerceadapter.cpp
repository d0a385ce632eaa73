#include "woocommerceadapter.h"

#include <QRegularExpression>

namespace md {

namespace {

const char *const kRead[] = {"id",
                             "type",
                             "sku",
                             "name",
                             "regular price",
                             "sale price",
                             "date sale price starts",
                             "date sale price ends",
                             "stock",
                             "in stock?",
                             "categories",
                             "parent"};

} // namespace

WooCommerceAdapter::WooCommerceAdapter(const QStringList &header, const EntityDescriptor &entity,
                                       const ValueParser &parser, qint64 now)
    : m_header(header)
    , m_parser(parser)
    , m_now(now)
    , m_fieldCount(entity.fields.size())
{
    const auto column = [&](const char *name) {
        return columnNamed(header, QString::fromLatin1(name));
    };
    m_idColumn = column("id");
    m_typeColumn = column("type");
    m_skuColumn = column("sku");
    m_nameColumn = column("name");
    m_regularColumn = column("regular price");
    m_saleColumn = column("sale price");
    m_saleFromColumn = column("date sale price starts");
    m_saleToColumn = column("date sale price ends");
    m_stockColumn = column("stock");
    m_inStockColumn = column("in stock?");
    m_categoriesColumn = column("categories");
    m_parentColumn = column("parent");
    static const QRegularExpression attributeValues(QStringLiteral("^attribute \\d+ value\\(s\\)$"),
                                                    QRegularExpression::CaseInsensitiveOption);
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (attributeValues.match(header.at(i).trimmed()).hasMatch())
            m_attributeColumns.push_back(i);
    }

    m_sku = entity.fieldIndex(QStringLiteral("sku"));
    m_title = entity.fieldIndex(QStringLiteral("title"));
    m_category = entity.fieldIndex(QStringLiteral("category"));
    m_base = entity.fieldIndex(QStringLiteral("base_price"));
    m_current = entity.fieldIndex(QStringLiteral("current_price"));
    m_stock = entity.fieldIndex(QStringLiteral("stock_level"));
    m_use.assign(m_fieldCount, FieldUse::Absent);
    for (const int field : {m_sku, m_title, m_base, m_current})
        m_use[size_t(field)] = FieldUse::Present;
    if (m_categoriesColumn >= 0)
        m_use[size_t(m_category)] = FieldUse::Present;
    // An empty Stock means WooCommerce does not manage the stock: keep the stored level.
    if (m_stockColumn >= 0 || m_inStockColumn >= 0)
        m_use[size_t(m_stock)] = FieldUse::PerRow;
}

Result<std::unique_ptr<RowAdapter>> WooCommerceAdapter::create(const QStringList &header,
                                                               const EntityDescriptor &entity,
                                                               const ValueParser &parser,
                                                               qint64 now)
{
    QStringList missing;
    for (const char *name : {"Type", "SKU", "Name", "Regular price"}) {
        if (columnNamed(header, QString::fromLatin1(name)) < 0)
            missing << QString::fromLatin1(name);
    }
    if (!missing.isEmpty()) {
        return fail(tr("the header (line 1) lacks the WooCommerce columns %1")
                        .arg(missing.join(QStringLiteral(", "))));
    }
    return std::unique_ptr<RowAdapter>(new WooCommerceAdapter(header, entity, parser, now));
}

QStringList WooCommerceAdapter::ignoredColumns() const
{
    QStringList ignored;
    for (qsizetype i = 0; i < m_header.size(); ++i) {
        const QString name = m_header.at(i).trimmed();
        bool read = std::find(m_attributeColumns.begin(), m_attributeColumns.end(), i)
                    != m_attributeColumns.end();
        for (const char *known : kRead)
            read = read || name.compare(QLatin1String(known), Qt::CaseInsensitive) == 0;
        if (!read)
            ignored << m_header.at(i);
    }
    return ignored;
}

QString WooCommerceAdapter::cell(const CsvRecord &record, qsizetype column) const
{
    return column >= 0 && column < record.size() ? record.text(column) : QString();
}

QString WooCommerceAdapter::firstCategory(const QString &categories)
{
    QString first;
    for (qsizetype i = 0; i < categories.size(); ++i) {
        const QChar c = categories.at(i);
        if (c == QLatin1Char('\\') && i + 1 < categories.size()
            && categories.at(i + 1) == QLatin1Char(',')) {
            first += QLatin1Char(',');
            ++i;
            continue;
        }
        if (c == QLatin1Char(','))
            break;
        first += c;
    }
    return first.trimmed();
}

bool WooCommerceAdapter::saleInEffect(const CsvRecord &record) const
{
    // A scheduled sale has its price filled in before it starts and after it ends.
    const QString from = cell(record, m_saleFromColumn).trimmed();
    const QString to = cell(record, m_saleToColumn).trimmed();
    if (!from.isEmpty()) {
        if (auto start = ValueParser::timestamp(from); start && *start > m_now)
            return false;
    }
    if (!to.isEmpty()) {
        // The end date is the last day of the sale.
        if (auto end = ValueParser::timestamp(to); end && *end + 86400 <= m_now)
            return false;
    }
    return true;
}

void WooCommerceAdapter::convert(const CsvRecord &record, SourceRow &row)
{
    row.reset(m_fieldCount);
    QStringList types;
    for (const QString &type : cell(record, m_typeColumn).split(QLatin1Char(',')))
        types << type.trimmed().toLower();
    const QString id = cell(record, m_idColumn).trimmed();
    const QString sku = cell(record, m_skuColumn).trimmed();
    const QString name = cell(record, m_nameColumn);
    const QString category = firstCategory(cell(record, m_categoriesColumn));

    if (!types.contains(QLatin1String("variation"))) {
        const Parent parent{name, category};
        if (!id.isEmpty())
            m_parents.insert(QStringLiteral("id:") + id, parent);
        if (!sku.isEmpty())
            m_parents.insert(sku, parent);
    }
    if (types.contains(QLatin1String("variable"))) {
        row.skip(tr("variable products (containers)"), false);
        return;
    }
    if (types.contains(QLatin1String("grouped"))) {
        row.skip(tr("grouped products (containers)"), false);
        return;
    }
    if (types.contains(QLatin1String("external"))) {
        row.skip(tr("external products (sold on another site)"), false);
        return;
    }
    if (!types.contains(QLatin1String("simple")) && !types.contains(QLatin1String("variation"))) {
        row.skip(tr("products of another type (%1)").arg(cell(record, m_typeColumn).trimmed()),
                 true);
        return;
    }
    if (sku.isEmpty()) {
        row.skip(tr("products without a SKU"), true);
        return;
    }
    const QString regular = cell(record, m_regularColumn).trimmed();
    if (regular.isEmpty()) {
        row.skip(tr("products without a regular price"), true);
        return;
    }

    const Parent parent = m_parents.value(cell(record, m_parentColumn).trimmed());
    QString title = name;
    if (title.trimmed().isEmpty()) {
        QStringList attributes;
        for (const qsizetype column : m_attributeColumns) {
            if (const QString value = cell(record, column).trimmed(); !value.isEmpty())
                attributes << value;
        }
        title = parent.name;
        if (!attributes.isEmpty())
            title += QStringLiteral(" - ") + attributes.join(QStringLiteral(", "));
    }
    row.set(m_sku, sku, int(m_skuColumn) + 1);
    row.set(m_title, title, int(m_nameColumn) + 1);
    if (m_categoriesColumn >= 0) {
        row.set(m_category, category.isEmpty() ? parent.category : category,
                int(m_categoriesColumn) + 1);
    }
    row.set(m_base, regular, int(m_regularColumn) + 1);
    const QString sale = cell(record, m_saleColumn).trimmed();
    if (!sale.isEmpty() && saleInEffect(record))
        row.set(m_current, sale, int(m_saleColumn) + 1);
    else
        row.set(m_current, regular, int(m_regularColumn) + 1);

    const QString stock = cell(record, m_stockColumn).trimmed();
    if (!stock.isEmpty() && stock.compare(QLatin1String("parent"), Qt::CaseInsensitive) != 0) {
        const auto level = m_parser.integer(stock);
        if (level && *level < 0) {
            // Backorders take WooCommerce's stock below zero; nothing is on the shelf.
            row.set(m_stock, QStringLiteral("0"), int(m_stockColumn) + 1);
            row.warning = tr("Stock %1 read as 0 (backordered)").arg(stock);
        } else {
            row.set(m_stock, stock, int(m_stockColumn) + 1);
        }
    } else if (stock.isEmpty() && cell(record, m_inStockColumn).trimmed() == QLatin1String("0")) {
        // Unmanaged stock marked out of stock.
        row.set(m_stock, QStringLiteral("0"), int(m_inStockColumn) + 1);
    }
}

} // namespace md
