#include "customerquery.h"

namespace md {

PagedQuerySpec CustomerQuery::spec()
{
    PagedQuerySpec spec;
    spec.from = QStringLiteral("customers c");
    spec.key = QStringLiteral("c.id");
    spec.columns = {
        {tr("Email"), QStringLiteral("c.email"), ColumnKind::Text},
        {tr("First name"), QStringLiteral("c.first_name"), ColumnKind::Text},
        {tr("Last name"), QStringLiteral("c.last_name"), ColumnKind::Text},
        {tr("Customer since"), QStringLiteral("c.created_at"), ColumnKind::DateTime},
        {tr("Marketing consent"), QStringLiteral("c.accepts_marketing"), ColumnKind::Flag},
        {tr("Unsubscribed on"), QStringLiteral("c.unsubscribed_at"), ColumnKind::DateTime},
        {tr("Orders"), QStringLiteral("(SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id)"),
         ColumnKind::Integer, false},
        {tr("Total spent"),
         QStringLiteral("(SELECT CAST(COALESCE(SUM(o.total_cents), 0) AS BIGINT) FROM orders o "
                        "WHERE o.customer_id = c.id AND o.status = 'completed')"),
         ColumnKind::Money, false},
    };
    spec.searchExpressions
        = {QStringLiteral("c.email"), QStringLiteral("c.first_name"), QStringLiteral("c.last_name"),
           QStringLiteral("c.first_name || ' ' || c.last_name")};
    spec.defaultSortColumn = CustomerSince;
    spec.defaultSortOrder = Qt::DescendingOrder;
    return spec;
}

} // namespace md
