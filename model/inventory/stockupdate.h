#pragma once

// One entry of the inventory feed: a product's stock level as the warehouse reports it.

#include <QDateTime>
#include <QString>

namespace md {

struct StockUpdate
{
    QString sku;
    qint32 stockLevel = 0;
    QDateTime lastUpdated; // invalid when the feed leaves it out
};

} // namespace md
