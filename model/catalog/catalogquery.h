#pragma once

// What the Catalog page lists: every product with its prices, stock and demand, searchable by
// SKU, title and category. One spec for the page, its tests and the benchmark.

#include "db/pagedquerymodel.h"

#include <QCoreApplication>

namespace md {

class CatalogQuery
{
    Q_DECLARE_TR_FUNCTIONS(md::CatalogQuery)

public:
    enum Column { Sku, Title, Category, Price, BasePrice, Cost, Stock, Demand, Exclusive };

    static PagedQuerySpec spec();
};

} // namespace md
