// Migration 5: cross-sell. Each mining run with its parameters, and the rules and bundles of the
// newest run (older runs keep their row, so the history of runs stays, but not their rules).
// Rule kinds: 'bought' (A and B in the same completed order) and 'viewed' (viewed A and bought
// B the same day).

#include "dialect.h"
#include "migrations.h"
#include "schemascript.h"

namespace md {

namespace {

const char *const kSchema = R"SQL(
CREATE TABLE crosssell_runs (
    id {id},
    source TEXT NOT NULL CHECK (source IN ('manual', 'cli')),
    started_at {bigint} NOT NULL,
    finished_at {bigint} NOT NULL,
    since_at {bigint},
    min_support {real} NOT NULL CHECK (min_support > 0),
    min_confidence {real} NOT NULL CHECK (min_confidence >= 0 AND min_confidence <= 1),
    min_lift {real} NOT NULL CHECK (min_lift >= 0),
    min_count {bigint} NOT NULL CHECK (min_count >= 1),
    basket_count {bigint} NOT NULL CHECK (basket_count >= 0),
    rule_count INTEGER NOT NULL DEFAULT 0 CHECK (rule_count >= 0),
    bundle_count INTEGER NOT NULL DEFAULT 0 CHECK (bundle_count >= 0),
    CHECK (finished_at >= started_at)
){strict};

CREATE TABLE crosssell_rules (
    run_id {bigint} NOT NULL REFERENCES crosssell_runs (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('bought', 'viewed')),
    antecedent_id {bigint} NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    consequent_id {bigint} NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    pair_count {bigint} NOT NULL CHECK (pair_count > 0),
    support {real} NOT NULL CHECK (support > 0 AND support <= 1),
    confidence {real} NOT NULL CHECK (confidence > 0 AND confidence <= 1),
    lift {real} NOT NULL CHECK (lift > 0),
    PRIMARY KEY (run_id, kind, antecedent_id, consequent_id),
    CHECK (antecedent_id <> consequent_id)
){strict};
CREATE INDEX crosssell_rules_antecedent ON crosssell_rules (antecedent_id, run_id);

CREATE TABLE crosssell_bundles (
    run_id {bigint} NOT NULL REFERENCES crosssell_runs (id) ON DELETE CASCADE,
    product_a {bigint} NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    product_b {bigint} NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    product_c {bigint} NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    bundle_count {bigint} NOT NULL CHECK (bundle_count > 0),
    support {real} NOT NULL CHECK (support > 0 AND support <= 1),
    PRIMARY KEY (run_id, product_a, product_b, product_c),
    CHECK (product_a < product_b AND product_b < product_c)
){strict};
CREATE INDEX crosssell_bundles_b ON crosssell_bundles (product_b);
CREATE INDEX crosssell_bundles_c ON crosssell_bundles (product_c)
)SQL";

} // namespace

QStringList schemaV5(const Dialect &dialect)
{
    return schemaStatements(dialect, kSchema);
}

} // namespace md
