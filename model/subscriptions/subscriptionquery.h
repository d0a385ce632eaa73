#pragma once

// What the Subscriptions page lists: one row per subscription with the customer, plan, status,
// start, resume date, the plan waiting for the next cycle and the cancellation reason.

#include "db/pagedquerymodel.h"

#include <QCoreApplication>

namespace md {

class SubscriptionQuery
{
    Q_DECLARE_TR_FUNCTIONS(md::SubscriptionQuery)

public:
    enum Column { Email, Plan, Status, Started, PausedUntil, NextPlan, CancelledAt, Reason };

    static PagedQuerySpec spec();
};

} // namespace md
