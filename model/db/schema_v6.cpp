// Migration 6: plan history. One row per stretch of time a subscription spent on one plan, so the
// growth chart counts each month's subscribers on the plan they had then, not on today's plan.
// The open period (ended_at NULL, at most one per subscription) is the current plan. Existing
// subscriptions are backfilled with what is known: their current plan since they started.

#include "dialect.h"
#include "migrations.h"
#include "schemascript.h"

namespace md {

namespace {

const char *const kSchema = R"SQL(
CREATE TABLE subscription_plan_periods (
    id {id},
    subscription_id {bigint} NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    plan_id {bigint} NOT NULL REFERENCES plans (id) ON DELETE RESTRICT,
    started_at {bigint} NOT NULL,
    ended_at {bigint},
    CHECK (ended_at IS NULL OR ended_at >= started_at)
){strict};
CREATE INDEX subscription_plan_periods_subscription
    ON subscription_plan_periods (subscription_id, started_at);
CREATE INDEX subscription_plan_periods_plan ON subscription_plan_periods (plan_id);
CREATE UNIQUE INDEX subscription_plan_periods_open
    ON subscription_plan_periods (subscription_id) WHERE ended_at IS NULL;

INSERT INTO subscription_plan_periods (subscription_id, plan_id, started_at, ended_at)
    SELECT id, plan_id, started_at, NULL FROM subscriptions ORDER BY id
)SQL";

} // namespace

QStringList schemaV6(const Dialect &dialect)
{
    return schemaStatements(dialect, kSchema);
}

} // namespace md
