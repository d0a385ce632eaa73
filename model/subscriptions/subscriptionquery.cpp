#include "subscriptionquery.h"

namespace md {

PagedQuerySpec SubscriptionQuery::spec()
{
    PagedQuerySpec spec;
    spec.from = QStringLiteral("subscriptions s JOIN customers c ON c.id = s.customer_id "
                               "JOIN plans p ON p.id = s.plan_id "
                               "LEFT JOIN plans n ON n.id = s.next_plan_id");
    spec.key = QStringLiteral("s.id");
    spec.columns = {
        {tr("Customer"), QStringLiteral("c.email"), ColumnKind::Text},
        {tr("Plan"), QStringLiteral("p.name"), ColumnKind::Text},
        {tr("Status"), QStringLiteral("s.status"), ColumnKind::Text},
        {tr("Since"), QStringLiteral("s.started_at"), ColumnKind::DateTime},
        {tr("Paused until"), QStringLiteral("s.paused_until"), ColumnKind::DateTime},
        {tr("Next cycle's plan"), QStringLiteral("n.name"), ColumnKind::Text, false},
        {tr("Cancelled on"), QStringLiteral("s.cancelled_at"), ColumnKind::DateTime},
        {tr("Reason"), QStringLiteral("s.cancel_reason"), ColumnKind::Text, false},
    };
    spec.searchExpressions = {QStringLiteral("c.email"), QStringLiteral("p.name")};
    spec.defaultSortColumn = Started;
    spec.defaultSortOrder = Qt::DescendingOrder;
    return spec;
}

} // namespace md
