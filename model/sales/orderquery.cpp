#include "orderquery.h"

namespace md {

QStringList OrderQuery::statuses()
{
    return {QStringLiteral("completed"), QStringLiteral("pending"), QStringLiteral("cancelled"),
            QStringLiteral("refunded")};
}

QString OrderQuery::statusLabel(const QString &status)
{
    if (status == QLatin1String("completed"))
        return tr("Completed");
    if (status == QLatin1String("pending"))
        return tr("Pending");
    if (status == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (status == QLatin1String("refunded"))
        return tr("Refunded");
    return status;
}

PagedQuerySpec OrderQuery::orders()
{
    PagedQuerySpec spec;
    spec.from = QStringLiteral("orders o LEFT JOIN customers c ON c.id = o.customer_id");
    spec.key = QStringLiteral("o.id");
    spec.columns = {
        {tr("Order"), QStringLiteral("o.order_number"), ColumnKind::Text},
        {tr("Date"), QStringLiteral("o.ordered_at"), ColumnKind::DateTime},
        // NULL for a guest checkout; the page shows "Guest".
        {tr("Customer"), QStringLiteral("c.email"), ColumnKind::Text},
        {tr("Status"), QStringLiteral("o.status"), ColumnKind::Text},
        {tr("Items"),
         QStringLiteral("(SELECT CAST(COALESCE(SUM(l.quantity), 0) AS BIGINT) "
                        "FROM order_lines l WHERE l.order_id = o.id)"),
         ColumnKind::Integer, false},
        {tr("Total"), QStringLiteral("o.total_cents"), ColumnKind::Money},
    };
    spec.searchExpressions = {QStringLiteral("o.order_number"), QStringLiteral("c.email")};
    // Newest first: the index on ordered_at serves it.
    spec.defaultSortColumn = Date;
    spec.defaultSortOrder = Qt::DescendingOrder;
    return spec;
}

QString OrderQuery::statusFilter()
{
    return QStringLiteral("o.status = ?");
}

PagedQuerySpec OrderQuery::lines()
{
    PagedQuerySpec spec;
    spec.from = QStringLiteral("order_lines l JOIN products p ON p.id = l.product_id");
    spec.key = QStringLiteral("l.id");
    spec.columns = {
        {tr("SKU"), QStringLiteral("p.sku"), ColumnKind::Text},
        {tr("Product"), QStringLiteral("p.title"), ColumnKind::Text},
        {tr("Quantity"), QStringLiteral("l.quantity"), ColumnKind::Integer},
        {tr("Unit price"), QStringLiteral("l.unit_price_cents"), ColumnKind::Money},
        {tr("Line total"), QStringLiteral("l.quantity * l.unit_price_cents"), ColumnKind::Money},
    };
    spec.defaultSortColumn = LineSku;
    return spec;
}

QString OrderQuery::linesFilter()
{
    return QStringLiteral("l.order_id = ?");
}

} // namespace md
