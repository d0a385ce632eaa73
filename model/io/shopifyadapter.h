#pragma once

// Shopify's product CSV export: one row per variant, grouped by Handle. The first row of a
// handle carries the product (Title, Type, Product Category); the rows after it repeat only
// the Handle and add variants (Option values, Variant SKU, Variant Price) or just images. Each
// variant with a SKU becomes a product titled "Title - Option1 / Option2".

#include "rowadapter.h"

namespace md {

class ShopifyAdapter : public RowAdapter
{
    Q_DECLARE_TR_FUNCTIONS(md::ShopifyAdapter)

public:
    static Result<std::unique_ptr<RowAdapter>>
    create(const QStringList &header, const EntityDescriptor &entity, const ValueParser &parser);

    ImportFormat format() const override { return ImportFormat::Shopify; }
    QStringList ignoredColumns() const override;
    void convert(const CsvRecord &record, SourceRow &row) override;

private:
    ShopifyAdapter(const QStringList &header, const EntityDescriptor &entity,
                   const ValueParser &parser);
    QString cell(const CsvRecord &record, qsizetype column) const;

    QStringList m_header;
    ValueParser m_parser;
    size_t m_fieldCount;
    int m_sku, m_title, m_category, m_cost, m_base, m_current, m_stock;
    qsizetype m_handleColumn, m_titleColumn, m_typeColumn, m_productCategoryColumn;
    qsizetype m_skuColumn, m_priceColumn, m_compareAtColumn, m_quantityColumn;
    qsizetype m_trackerColumn, m_costColumn;
    std::vector<qsizetype> m_optionColumns;

    QString m_handle;
    QString m_productTitle;
    QString m_productCategory;
    int m_productCategoryFrom = 0;
};

} // namespace md
