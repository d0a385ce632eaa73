// Migration 8: loyalty earning, exact and idempotent.
// - Tiers hold their multiplier as integer basis points (multiplier_bp, 12500 = x1.25) instead
//   of a double, so points are computed in integer arithmetic; the real column is converted.
// - Typed perks per tier, declared once in loyalty_perks like plan features (yes/no, a whole
//   number, an amount of money in cents) with their values in loyalty_tier_perks. init declares
//   the programme's perks with its default tiers (LoyaltyStore::seedDefaultTiers).
// - The ledger gains the kinds reverse (an earned order cancelled or refunded afterwards) and
//   wheel, and a source: what the entry is for ("order:123", "order:123:reverse"), unique, so an
//   award that runs twice, crashes halfway or runs on two desktops at once can never credit one
//   order twice. Existing earn entries get the source of their order.
//
// SQLite cannot change a table's CHECK constraints, so the ledger is rebuilt there (a new table,
// the rows copied, the old one dropped, the new one renamed, its index and append-only triggers
// made again); PostgreSQL alters it in place, keeping the constraint names. Both end with the
// same columns in the same order. Tiers need no rebuild: ADD and DROP COLUMN work on both.

#include "dialect.h"
#include "migrations.h"
#include "schemascript.h"

namespace md {

namespace {

const char *const kTiersAndPerks = R"SQL(
ALTER TABLE loyalty_tiers ADD COLUMN multiplier_bp {bigint} NOT NULL DEFAULT 10000
    CHECK (multiplier_bp > 0);
UPDATE loyalty_tiers SET multiplier_bp = CAST(round(multiplier * 10000) AS {bigint});
ALTER TABLE loyalty_tiers DROP COLUMN multiplier;

CREATE TABLE loyalty_perks (
    id {id},
    perk_key TEXT NOT NULL UNIQUE CHECK (length(perk_key) > 0),
    label TEXT NOT NULL,
    value_type TEXT NOT NULL CHECK (value_type IN ('bool', 'int', 'money')),
    display_order INTEGER NOT NULL DEFAULT 0
){strict};

CREATE TABLE loyalty_tier_perks (
    tier_id {bigint} NOT NULL REFERENCES loyalty_tiers (id) ON DELETE CASCADE,
    perk_id {bigint} NOT NULL REFERENCES loyalty_perks (id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (tier_id, perk_id)
){strict};
CREATE INDEX loyalty_tier_perks_perk ON loyalty_tier_perks (perk_id)
)SQL";

// The first earn entry of each order takes that order's source; any later one (only possible in
// a ledger imported or written by hand) keeps none.
const char *const kSourceOfEarn
    = "CASE WHEN kind = 'earn' AND order_id IS NOT NULL AND id = (SELECT MIN(e.id) FROM "
      "points_ledger e WHERE e.kind = 'earn' AND e.order_id = points_ledger.order_id) "
      "THEN 'order:' || CAST(order_id AS TEXT) END";

const char *const kSqliteLedger = R"SQL(
CREATE TABLE points_ledger_v8 (
    id {id},
    customer_id {bigint} NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    delta INTEGER NOT NULL CHECK (delta <> 0),
    kind TEXT NOT NULL CHECK (kind IN ('earn', 'reverse', 'redeem', 'expire', 'adjust',
        'referral', 'badge', 'challenge', 'wheel')),
    order_id {bigint} REFERENCES orders (id) ON DELETE RESTRICT,
    created_at {bigint} NOT NULL,
    expires_at {bigint},
    note TEXT NOT NULL DEFAULT '',
    source TEXT UNIQUE CHECK (source IS NULL OR length(source) > 0),
    CHECK (kind NOT IN ('earn', 'referral', 'badge', 'challenge', 'wheel') OR delta > 0),
    CHECK (kind NOT IN ('redeem', 'expire', 'reverse') OR delta < 0)
){strict};
INSERT INTO points_ledger_v8 (id, customer_id, delta, kind, order_id, created_at, expires_at,
    note, source)
    SELECT id, customer_id, delta, kind, order_id, created_at, expires_at, note, {sourceOfEarn}
    FROM points_ledger ORDER BY id;
DROP TABLE points_ledger;
ALTER TABLE points_ledger_v8 RENAME TO points_ledger;
CREATE INDEX points_ledger_customer ON points_ledger (customer_id, created_at);
CREATE INDEX points_ledger_order ON points_ledger (order_id)
)SQL";

const char *const kPostgresLedger = R"SQL(
ALTER TABLE points_ledger DROP CONSTRAINT points_ledger_kind_check;
ALTER TABLE points_ledger ADD CONSTRAINT points_ledger_kind_check CHECK (kind IN ('earn',
    'reverse', 'redeem', 'expire', 'adjust', 'referral', 'badge', 'challenge', 'wheel'));
ALTER TABLE points_ledger DROP CONSTRAINT points_ledger_check;
ALTER TABLE points_ledger ADD CONSTRAINT points_ledger_check
    CHECK (kind NOT IN ('earn', 'referral', 'badge', 'challenge', 'wheel') OR delta > 0);
ALTER TABLE points_ledger DROP CONSTRAINT points_ledger_check1;
ALTER TABLE points_ledger ADD CONSTRAINT points_ledger_check1
    CHECK (kind NOT IN ('redeem', 'expire', 'reverse') OR delta < 0);
ALTER TABLE points_ledger ADD COLUMN source TEXT UNIQUE
    CHECK (source IS NULL OR length(source) > 0);
ALTER TABLE points_ledger DISABLE TRIGGER points_ledger_append_only;
UPDATE points_ledger SET source = {sourceOfEarn};
ALTER TABLE points_ledger ENABLE TRIGGER points_ledger_append_only;
CREATE INDEX points_ledger_order ON points_ledger (order_id)
)SQL";

} // namespace

QStringList schemaV8(const Dialect &dialect)
{
    QStringList statements = schemaStatements(dialect, kTiersAndPerks);
    QString ledger = QString::fromUtf8(dialect.isPostgres() ? kPostgresLedger : kSqliteLedger);
    ledger.replace(QLatin1String("{sourceOfEarn}"), QLatin1String(kSourceOfEarn));
    statements << schemaStatements(dialect, ledger.toUtf8().constData());
    if (!dialect.isPostgres()) // dropping the table dropped its triggers
        statements << dialect.appendOnlyTriggers({QStringLiteral("points_ledger")});
    return statements;
}

} // namespace md
