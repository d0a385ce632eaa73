#pragma once

// Subscription figures per month for the growth chart: subscribers per plan and monthly
// recurring revenue at each month's end, and cancellations in each month (churn).

#include "db/database.h"

#include <QString>

#include <vector>

namespace md {

struct SubscriptionMonth
{
    qint64 monthStart = 0;           // UTC
    std::vector<qint64> subscribers; // per plan, in SubscriptionMetrics::planNames order
    qint64 mrrCents = 0;
    qint64 cancellations = 0;
};

struct SubscriptionMetrics
{
    std::vector<QString> planNames;
    std::vector<SubscriptionMonth> months; // oldest first

    // The last `monthCount` months up to the one holding `now`. A subscription counts at a
    // month's end when it started by then and was not cancelled by then (paused ones count:
    // they come back), on the plan its plan history (subscription_plan_periods) gives for that
    // moment; one without any recorded period counts on its current plan since its start.
    // Counted by the database in one grouped query.
    static Result<SubscriptionMetrics> compute(const Database &db, qint64 now, int monthCount);
};

} // namespace md
