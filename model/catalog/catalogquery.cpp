#include "catalogquery.h"

namespace md {

PagedQuerySpec CatalogQuery::spec()
{
    PagedQuerySpec spec;
    spec.from = QStringLiteral("products");
    spec.key = QStringLiteral("id");
    // Order matches the Column enum.
    spec.columns = {
        {tr("SKU"), QStringLiteral("sku"), ColumnKind::Text},
        {tr("Title"), QStringLiteral("title"), ColumnKind::Text},
        {tr("Category"), QStringLiteral("category"), ColumnKind::Text},
        {tr("Price"), QStringLiteral("current_price_cents"), ColumnKind::Money},
        {tr("Base price"), QStringLiteral("base_price_cents"), ColumnKind::Money},
        {tr("Cost"), QStringLiteral("cost_cents"), ColumnKind::Money},
        {tr("Stock"), QStringLiteral("stock_level"), ColumnKind::Integer},
        {tr("Demand score"), QStringLiteral("demand_score"), ColumnKind::Decimal},
        {tr("Exclusive"), QStringLiteral("is_exclusive"), ColumnKind::Flag},
    };
    spec.searchExpressions
        = {QStringLiteral("sku"), QStringLiteral("title"), QStringLiteral("category")};
    // SKU is unique and indexed: the first page of a million products comes straight off the
    // index.
    spec.defaultSortColumn = Sku;
    spec.defaultSortOrder = Qt::AscendingOrder;
    return spec;
}

} // namespace md
