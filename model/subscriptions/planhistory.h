#pragma once

// The plan history of subscriptions (subscription_plan_periods): which plan each subscription was
// on and when, so figures for a past month use the plan it had then. Every write that changes
// subscriptions.plan_id records it here, inside the writer's own transaction.

#include "db/database.h"

#include <QCoreApplication>

namespace md {

class PlanHistory
{
    Q_DECLARE_TR_FUNCTIONS(md::PlanHistory)

public:
    // The subscription is on `planId` from `at`: its open period is closed at `at` (never before
    // that period began) and a new one opened. Nothing changes when it already is on that plan.
    static Status recordChange(const Database &db, qint64 subscriptionId, qint64 planId, qint64 at);

    // After a bulk write (CSV import): in two statements, every subscription whose open period
    // names another plan than subscriptions.plan_id changes plan at `at`, and every subscription
    // without any period gets its current plan from its start.
    static Status sync(const Database &db, qint64 at);
};

} // namespace md
