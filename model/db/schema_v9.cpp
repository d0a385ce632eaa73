// Migration 9: loyalty redemption.
// - loyalty_rewards is the rewards catalogue: a fixed discount (amount_cents), a percentage
//   discount (percent, whole 1-100), a free product (product_id) or free shipping, each with its
//   points cost, a minimum balance to redeem it (0: none), a limit per customer (NULL: none) and
//   an active flag, so a reward taken off the catalogue keeps its past redemptions. The one
//   value a kind needs is required, and the others must be empty, by one CHECK.
// - loyalty_redemptions records each redemption with the reward code handed to the customer;
//   its ledger entry is the redeem entry whose source is 'redeem:' || code. Append-only, like
//   the ledger it mirrors: a code once given is never rewritten or forgotten.

#include "dialect.h"
#include "migrations.h"
#include "schemascript.h"

namespace md {

namespace {

const char *const kSchema = R"SQL(
CREATE TABLE loyalty_rewards (
    id {id},
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    kind TEXT NOT NULL CHECK (kind IN ('fixed_discount', 'percent_discount', 'free_product',
        'free_shipping')),
    points_cost {bigint} NOT NULL CHECK (points_cost > 0),
    amount_cents {bigint} CHECK (amount_cents IS NULL OR amount_cents > 0),
    percent INTEGER CHECK (percent IS NULL OR (percent >= 1 AND percent <= 100)),
    product_id {bigint} REFERENCES products (id) ON DELETE RESTRICT,
    min_balance {bigint} NOT NULL DEFAULT 0 CHECK (min_balance >= 0),
    per_customer_limit INTEGER CHECK (per_customer_limit IS NULL OR per_customer_limit > 0),
    active {bool} NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    CHECK (CASE kind
        WHEN 'fixed_discount' THEN amount_cents IS NOT NULL AND percent IS NULL
            AND product_id IS NULL
        WHEN 'percent_discount' THEN percent IS NOT NULL AND amount_cents IS NULL
            AND product_id IS NULL
        WHEN 'free_product' THEN product_id IS NOT NULL AND amount_cents IS NULL
            AND percent IS NULL
        ELSE amount_cents IS NULL AND percent IS NULL AND product_id IS NULL END)
){strict};
CREATE INDEX loyalty_rewards_product ON loyalty_rewards (product_id);

CREATE TABLE loyalty_redemptions (
    id {id},
    customer_id {bigint} NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    reward_id {bigint} NOT NULL REFERENCES loyalty_rewards (id) ON DELETE RESTRICT,
    code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
    points {bigint} NOT NULL CHECK (points > 0),
    created_at {bigint} NOT NULL
){strict};
CREATE INDEX loyalty_redemptions_customer ON loyalty_redemptions (customer_id, reward_id);
CREATE INDEX loyalty_redemptions_reward ON loyalty_redemptions (reward_id)
)SQL";

} // namespace

QStringList schemaV9(const Dialect &dialect)
{
    return schemaStatements(dialect, kSchema)
           << dialect.appendOnlyTriggers({QStringLiteral("loyalty_redemptions")});
}

} // namespace md
