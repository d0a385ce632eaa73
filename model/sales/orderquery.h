#pragma once

// What the Orders page lists: each order with its customer, status, item count and total, and
// the lines of one order below it.

#include "db/pagedquerymodel.h"

#include <QCoreApplication>

namespace md {

class OrderQuery
{
    Q_DECLARE_TR_FUNCTIONS(md::OrderQuery)

public:
    enum Column { Number, Date, Customer, Status, Items, Total };
    enum LineColumn { LineSku, LineTitle, LineQuantity, LineUnitPrice, LineTotal };

    // The stored status values, in the order a filter lists them.
    static QStringList statuses();
    // "completed" → "Completed", translated.
    static QString statusLabel(const QString &status);

    static PagedQuerySpec orders();
    // Condition and value for PagedQueryModel::setFixedFilter on orders().
    static QString statusFilter();
    // The lines of one order: apply linesFilter() with the order's id.
    static PagedQuerySpec lines();
    static QString linesFilter();
};

} // namespace md
