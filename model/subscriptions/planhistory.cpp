#include "planhistory.h"

#include "db/sql.h"

namespace md {

Status PlanHistory::recordChange(const Database &db, qint64 subscriptionId, qint64 planId,
                                 qint64 at)
{
    const QString what = tr("Recording the plan change of subscription %1").arg(subscriptionId);
    if (auto closed = sql::exec(
            db.sql(),
            QStringLiteral("UPDATE subscription_plan_periods "
                           "SET ended_at = CASE WHEN ? < started_at THEN started_at ELSE ? END "
                           "WHERE subscription_id = ? AND ended_at IS NULL AND plan_id <> ?"),
            {at, at, subscriptionId, planId});
        !closed) {
        return closed.withContext(what);
    }
    // Opens a period unless the open one (left open above: same plan) is still there.
    return sql::exec(db.sql(),
                     QStringLiteral("INSERT INTO subscription_plan_periods "
                                    "(subscription_id, plan_id, started_at) "
                                    "SELECT s.id, CAST(? AS BIGINT), CASE WHEN ? < s.started_at "
                                    "THEN s.started_at ELSE ? END FROM subscriptions s "
                                    "WHERE s.id = ? AND NOT EXISTS (SELECT 1 FROM "
                                    "subscription_plan_periods p WHERE p.subscription_id = s.id "
                                    "AND p.ended_at IS NULL)"),
                     {planId, at, at, subscriptionId})
        .withContext(what);
}

Status PlanHistory::sync(const Database &db, qint64 at)
{
    const QString what = tr("Recording plan changes");
    if (auto closed
        = sql::exec(db.sql(),
                    QStringLiteral(
                        "UPDATE subscription_plan_periods "
                        "SET ended_at = CASE WHEN ? < started_at THEN started_at ELSE ? END "
                        "WHERE ended_at IS NULL AND plan_id <> (SELECT s.plan_id FROM "
                        "subscriptions s WHERE s.id = subscription_plan_periods.subscription_id)"),
                    {at, at});
        !closed) {
        return closed.withContext(what);
    }
    // A subscription with closed periods only changed plan now; one with none is new: its plan
    // holds since it started.
    return sql::exec(db.sql(),
                     QStringLiteral("INSERT INTO subscription_plan_periods "
                                    "(subscription_id, plan_id, started_at) "
                                    "SELECT s.id, s.plan_id, CASE WHEN EXISTS (SELECT 1 FROM "
                                    "subscription_plan_periods q WHERE q.subscription_id = s.id) "
                                    "AND ? > s.started_at THEN ? ELSE s.started_at END "
                                    "FROM subscriptions s WHERE NOT EXISTS (SELECT 1 FROM "
                                    "subscription_plan_periods p WHERE p.subscription_id = s.id "
                                    "AND p.ended_at IS NULL) ORDER BY s.id"),
                     {at, at})
        .withContext(what);
}

} // namespace md
