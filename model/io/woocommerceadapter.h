#pragma once

// WooCommerce's product CSV export. Simple products and variations with a SKU become products
// (the sale price, when set and in effect, is the current price; the regular price the base
// price). Variable and grouped parents are containers and are skipped; a variation without a
// name or category takes them from its parent (Parent "id:123" or the parent's SKU).

#include "rowadapter.h"

#include <QHash>

namespace md {

class WooCommerceAdapter : public RowAdapter
{
    Q_DECLARE_TR_FUNCTIONS(md::WooCommerceAdapter)

public:
    static Result<std::unique_ptr<RowAdapter>> create(const QStringList &header,
                                                      const EntityDescriptor &entity,
                                                      const ValueParser &parser, qint64 now);

    ImportFormat format() const override { return ImportFormat::WooCommerce; }
    QStringList ignoredColumns() const override;
    void convert(const CsvRecord &record, SourceRow &row) override;

    // "Clothing > Hoodies, Clothing" → "Clothing > Hoodies" (a "\," is a comma in a name).
    static QString firstCategory(const QString &categories);

private:
    struct Parent
    {
        QString name;
        QString category;
    };

    WooCommerceAdapter(const QStringList &header, const EntityDescriptor &entity,
                       const ValueParser &parser, qint64 now);
    QString cell(const CsvRecord &record, qsizetype column) const;
    bool saleInEffect(const CsvRecord &record) const;

    QStringList m_header;
    ValueParser m_parser;
    qint64 m_now;
    size_t m_fieldCount;
    int m_sku, m_title, m_category, m_base, m_current, m_stock;
    qsizetype m_idColumn, m_typeColumn, m_skuColumn, m_nameColumn, m_regularColumn;
    qsizetype m_saleColumn, m_saleFromColumn, m_saleToColumn, m_stockColumn, m_inStockColumn;
    qsizetype m_categoriesColumn, m_parentColumn;
    std::vector<qsizetype> m_attributeColumns;
    // Rows that may be a variation's parent, by "id:ID" and by SKU.
    QHash<QString, Parent> m_parents;
};

} // namespace md
