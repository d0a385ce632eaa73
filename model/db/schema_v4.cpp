// Migration 4: subscription boxes. A confirmed shipping cycle (one per month), the box each
// subscriber received in it and the products in that box, so that the next cycles can avoid
// repeating what a subscriber already got and the picking list can be printed again.

#include "dialect.h"
#include "migrations.h"
#include "schemascript.h"

namespace md {

namespace {

const char *const kSchema = R"SQL(
CREATE TABLE box_cycles (
    id {id},
    cycle TEXT NOT NULL UNIQUE
        CHECK (length(cycle) = 7 AND substr(cycle, 5, 1) = '-'
               AND substr(cycle, 6, 2) BETWEEN '01' AND '12'),
    seed {bigint} NOT NULL,
    confirmed_at {bigint} NOT NULL,
    box_count INTEGER NOT NULL CHECK (box_count >= 0),
    unfilled_count INTEGER NOT NULL DEFAULT 0 CHECK (unfilled_count >= 0)
){strict};

CREATE TABLE boxes (
    id {id},
    cycle_id {bigint} NOT NULL REFERENCES box_cycles (id) ON DELETE CASCADE,
    subscription_id {bigint} NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    plan_name TEXT NOT NULL CHECK (length(plan_name) > 0),
    UNIQUE (cycle_id, subscription_id)
){strict};
CREATE INDEX boxes_subscription ON boxes (subscription_id, cycle_id);

CREATE TABLE box_items (
    box_id {bigint} NOT NULL REFERENCES boxes (id) ON DELETE CASCADE,
    product_id {bigint} NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    is_exclusive {bool} NOT NULL DEFAULT 0 CHECK (is_exclusive IN (0, 1)),
    PRIMARY KEY (box_id, product_id)
){strict};
CREATE INDEX box_items_product ON box_items (product_id)
)SQL";

} // namespace

QStringList schemaV4(const Dialect &dialect)
{
    return schemaStatements(dialect, kSchema);
}

} // namespace md
