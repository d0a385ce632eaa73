// Migration 3: repricing. Locks the owner puts on products and categories, and proposals: the
// decisions of a preview-only scheduled run, kept until the owner applies or discards them.
// The rule set itself lives in typed rows of the settings table (pricing.*).

#include "dialect.h"
#include "migrations.h"
#include "schemascript.h"

namespace md {

namespace {

const char *const kSchema = R"SQL(
CREATE TABLE pricing_locked_products (
    product_id {bigint} PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    locked_at {bigint} NOT NULL
){strict};

CREATE TABLE pricing_locked_categories (
    category TEXT PRIMARY KEY,
    locked_at {bigint} NOT NULL
){strict};

CREATE TABLE price_proposals (
    id {id},
    source TEXT NOT NULL CHECK (source IN ('manual', 'schedule', 'cli')),
    created_by TEXT NOT NULL DEFAULT '',
    created_at {bigint} NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'applied', 'discarded')),
    decided_at {bigint},
    decided_by TEXT NOT NULL DEFAULT '',
    run_id {bigint} REFERENCES price_runs (id) ON DELETE SET NULL,
    change_count INTEGER NOT NULL DEFAULT 0 CHECK (change_count >= 0),
    parameters TEXT NOT NULL DEFAULT '',
    CHECK (status = 'pending' OR decided_at IS NOT NULL)
){strict};
CREATE INDEX price_proposals_status ON price_proposals (status, created_at);

CREATE TABLE price_proposal_items (
    proposal_id {bigint} NOT NULL REFERENCES price_proposals (id) ON DELETE CASCADE,
    product_id {bigint} NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    old_price_cents {bigint} NOT NULL CHECK (old_price_cents >= 0),
    new_price_cents {bigint} NOT NULL CHECK (new_price_cents >= 0),
    limit_kind TEXT NOT NULL DEFAULT ''
        CHECK (limit_kind IN ('', 'cap', 'floor', 'ceiling')),
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (proposal_id, product_id)
){strict};
CREATE INDEX price_proposal_items_product ON price_proposal_items (product_id);

CREATE INDEX price_changes_changed_at ON price_changes (changed_at)
)SQL";

} // namespace

QStringList schemaV3(const Dialect &dialect)
{
    return schemaStatements(dialect, kSchema);
}

} // namespace md
