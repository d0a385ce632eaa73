// Migration 1: the tables all five playbooks stand on. Money is in integer cents, times are UTC
// epoch seconds, flags are 0/1; the same logical model on SQLite (STRICT tables) and PostgreSQL.

#include "dialect.h"
#include "migrations.h"
#include "schemascript.h"

namespace md {

namespace {

const char *const kSchema = R"SQL(
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
){strict};

CREATE TABLE products (
    id {id},
    sku TEXT NOT NULL UNIQUE CHECK (length(sku) BETWEEN 1 AND 100 AND sku = trim(sku)),
    title TEXT NOT NULL CHECK (length(title) > 0),
    category TEXT NOT NULL DEFAULT '',
    cost_cents {bigint} CHECK (cost_cents >= 0),
    base_price_cents {bigint} NOT NULL CHECK (base_price_cents >= 0),
    current_price_cents {bigint} NOT NULL CHECK (current_price_cents >= 0),
    min_price_cents {bigint} CHECK (min_price_cents >= 0),
    max_price_cents {bigint} CHECK (max_price_cents >= 0),
    stock_level INTEGER NOT NULL DEFAULT 0 CHECK (stock_level >= 0),
    demand_score {real} NOT NULL DEFAULT 0 CHECK (demand_score >= 0),
    is_exclusive {bool} NOT NULL DEFAULT 0 CHECK (is_exclusive IN (0, 1)),
    created_at {bigint} NOT NULL,
    updated_at {bigint} NOT NULL,
    CHECK (min_price_cents IS NULL OR max_price_cents IS NULL
           OR min_price_cents <= max_price_cents)
){strict};
CREATE INDEX products_title ON products (title, id);
CREATE INDEX products_category ON products (category, id);
CREATE INDEX products_price ON products (current_price_cents, id);
CREATE INDEX products_stock ON products (stock_level, id);

CREATE TABLE price_runs (
    id {id},
    source TEXT NOT NULL CHECK (source IN ('manual', 'schedule', 'cli', 'undo')),
    started_by TEXT NOT NULL DEFAULT '',
    started_at {bigint} NOT NULL,
    finished_at {bigint},
    change_count INTEGER NOT NULL DEFAULT 0 CHECK (change_count >= 0),
    parameters TEXT NOT NULL DEFAULT '',
    undone_at {bigint},
    undo_of_run_id {bigint} REFERENCES price_runs (id) ON DELETE SET NULL
){strict};

CREATE TABLE price_changes (
    id {id},
    product_id {bigint} NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    run_id {bigint} REFERENCES price_runs (id) ON DELETE SET NULL,
    old_price_cents {bigint} NOT NULL CHECK (old_price_cents >= 0),
    new_price_cents {bigint} NOT NULL CHECK (new_price_cents >= 0),
    changed_at {bigint} NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
){strict};
CREATE INDEX price_changes_product ON price_changes (product_id, changed_at);
CREATE INDEX price_changes_run ON price_changes (run_id);

CREATE TABLE customers (
    id {id},
    email TEXT NOT NULL UNIQUE CHECK (email = lower(trim(email)) AND email LIKE '%_@_%'),
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    created_at {bigint} NOT NULL,
    accepts_marketing {bool} NOT NULL DEFAULT 0 CHECK (accepts_marketing IN (0, 1)),
    unsubscribed_at {bigint}
){strict};
CREATE INDEX customers_created ON customers (created_at, id);
CREATE INDEX customers_last_name ON customers (last_name, id);

CREATE TABLE orders (
    id {id},
    order_number TEXT NOT NULL UNIQUE CHECK (length(order_number) > 0),
    customer_id {bigint} REFERENCES customers (id) ON DELETE RESTRICT,
    ordered_at {bigint} NOT NULL,
    status TEXT NOT NULL DEFAULT 'completed'
        CHECK (status IN ('pending', 'completed', 'cancelled', 'refunded')),
    total_cents {bigint} NOT NULL DEFAULT 0 CHECK (total_cents >= 0)
){strict};
CREATE INDEX orders_customer ON orders (customer_id, ordered_at);
CREATE INDEX orders_ordered_at ON orders (ordered_at, id);

CREATE TABLE order_lines (
    id {id},
    order_id {bigint} NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id {bigint} NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents {bigint} NOT NULL CHECK (unit_price_cents >= 0)
){strict};
CREATE INDEX order_lines_order ON order_lines (order_id);
CREATE INDEX order_lines_product ON order_lines (product_id);

CREATE TABLE events (
    id {id},
    event_type TEXT NOT NULL CHECK (event_type IN
        ('product_viewed', 'added_to_cart', 'checkout_started', 'order_completed')),
    customer_id {bigint} REFERENCES customers (id) ON DELETE CASCADE,
    product_id {bigint} REFERENCES products (id) ON DELETE CASCADE,
    order_id {bigint} REFERENCES orders (id) ON DELETE SET NULL,
    occurred_at {bigint} NOT NULL,
    quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
    CHECK (product_id IS NOT NULL OR event_type IN ('checkout_started', 'order_completed'))
){strict};
CREATE INDEX events_customer ON events (customer_id, occurred_at);
CREATE INDEX events_type_time ON events (event_type, occurred_at);

CREATE TABLE plans (
    id {id},
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    price_cents {bigint} NOT NULL CHECK (price_cents >= 0),
    billing_interval TEXT NOT NULL DEFAULT 'monthly'
        CHECK (billing_interval IN ('monthly', 'quarterly', 'yearly')),
    description TEXT NOT NULL DEFAULT '',
    active {bool} NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    display_order INTEGER NOT NULL DEFAULT 0,
    parent_plan_id {bigint} REFERENCES plans (id) ON DELETE RESTRICT,
    CHECK (parent_plan_id IS NULL OR parent_plan_id <> id)
){strict};

CREATE TABLE features (
    id {id},
    feature_key TEXT NOT NULL UNIQUE CHECK (length(feature_key) > 0),
    label TEXT NOT NULL,
    value_type TEXT NOT NULL CHECK (value_type IN ('bool', 'int', 'choice')),
    choices TEXT NOT NULL DEFAULT '',
    default_value TEXT NOT NULL,
    display_order INTEGER NOT NULL DEFAULT 0,
    CHECK (value_type <> 'choice' OR length(choices) > 0)
){strict};

CREATE TABLE plan_features (
    plan_id {bigint} NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    feature_id {bigint} NOT NULL REFERENCES features (id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (plan_id, feature_id)
){strict};

CREATE TABLE subscriptions (
    id {id},
    customer_id {bigint} NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    plan_id {bigint} NOT NULL REFERENCES plans (id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'paused', 'cancelled', 'past_due')),
    started_at {bigint} NOT NULL,
    current_period_end {bigint},
    paused_until {bigint},
    cancelled_at {bigint},
    cancel_reason TEXT NOT NULL DEFAULT '',
    next_plan_id {bigint} REFERENCES plans (id) ON DELETE SET NULL,
    CHECK (status <> 'paused' OR paused_until IS NOT NULL),
    CHECK (status <> 'cancelled' OR cancelled_at IS NOT NULL)
){strict};
CREATE INDEX subscriptions_customer ON subscriptions (customer_id);
CREATE INDEX subscriptions_plan ON subscriptions (plan_id, status);

CREATE TABLE subscription_status_log (
    id {id},
    subscription_id {bigint} NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    changed_at {bigint} NOT NULL,
    old_status TEXT,
    new_status TEXT NOT NULL
        CHECK (new_status IN ('active', 'paused', 'cancelled', 'past_due')),
    note TEXT NOT NULL DEFAULT ''
){strict};
CREATE INDEX subscription_status_log_subscription
    ON subscription_status_log (subscription_id, changed_at);

CREATE TABLE segments (
    id {id},
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    description TEXT NOT NULL DEFAULT '',
    definition TEXT NOT NULL DEFAULT '',
    created_at {bigint} NOT NULL,
    updated_at {bigint} NOT NULL
){strict};

CREATE TABLE campaigns (
    id {id},
    name TEXT NOT NULL CHECK (length(name) > 0),
    segment_id {bigint} REFERENCES segments (id) ON DELETE RESTRICT,
    subject TEXT NOT NULL DEFAULT '',
    from_address TEXT NOT NULL DEFAULT '',
    body_html TEXT NOT NULL DEFAULT '',
    body_text TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'scheduled', 'sending', 'sent', 'cancelled')),
    scheduled_at {bigint},
    started_at {bigint},
    finished_at {bigint},
    created_at {bigint} NOT NULL,
    CHECK (status <> 'scheduled' OR scheduled_at IS NOT NULL)
){strict};

CREATE TABLE campaign_sends (
    id {id},
    campaign_id {bigint} NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    customer_id {bigint} REFERENCES customers (id) ON DELETE SET NULL,
    email TEXT NOT NULL CHECK (email = lower(trim(email))),
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
    attempted_at {bigint},
    sent_at {bigint},
    error TEXT NOT NULL DEFAULT '',
    UNIQUE (campaign_id, email)
){strict};
CREATE INDEX campaign_sends_email ON campaign_sends (email, sent_at);

CREATE TABLE suppressions (
    email TEXT PRIMARY KEY CHECK (email = lower(trim(email)) AND email LIKE '%_@_%'),
    reason TEXT NOT NULL CHECK (reason IN ('unsubscribed', 'bounced', 'complained', 'manual')),
    created_at {bigint} NOT NULL,
    note TEXT NOT NULL DEFAULT ''
){strict};

CREATE TABLE loyalty_tiers (
    id {id},
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    min_points INTEGER NOT NULL UNIQUE CHECK (min_points >= 0),
    multiplier {real} NOT NULL CHECK (multiplier > 0)
){strict};

CREATE TABLE points_ledger (
    id {id},
    customer_id {bigint} NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    delta INTEGER NOT NULL CHECK (delta <> 0),
    kind TEXT NOT NULL CHECK (kind IN
        ('earn', 'redeem', 'expire', 'adjust', 'referral', 'badge', 'challenge')),
    order_id {bigint} REFERENCES orders (id) ON DELETE RESTRICT,
    created_at {bigint} NOT NULL,
    expires_at {bigint},
    note TEXT NOT NULL DEFAULT '',
    CHECK (kind NOT IN ('earn', 'referral', 'badge', 'challenge') OR delta > 0),
    CHECK (kind NOT IN ('redeem', 'expire') OR delta < 0)
){strict};
CREATE INDEX points_ledger_customer ON points_ledger (customer_id, created_at);

CREATE TABLE badges (
    id {id},
    code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    rule TEXT NOT NULL DEFAULT '',
    bonus_points INTEGER NOT NULL DEFAULT 0 CHECK (bonus_points >= 0)
){strict};

CREATE TABLE customer_badges (
    customer_id {bigint} NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    badge_id {bigint} NOT NULL REFERENCES badges (id) ON DELETE CASCADE,
    awarded_at {bigint} NOT NULL,
    PRIMARY KEY (customer_id, badge_id)
){strict};

CREATE TABLE challenges (
    id {id},
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    description TEXT NOT NULL DEFAULT '',
    goal_kind TEXT NOT NULL CHECK (goal_kind IN ('orders', 'spend', 'distinct_products')),
    goal_value {bigint} NOT NULL CHECK (goal_value > 0),
    reward_points INTEGER NOT NULL CHECK (reward_points >= 0),
    starts_at {bigint} NOT NULL,
    ends_at {bigint} NOT NULL,
    CHECK (ends_at > starts_at)
){strict};

CREATE TABLE challenge_progress (
    challenge_id {bigint} NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
    customer_id {bigint} NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    progress {bigint} NOT NULL DEFAULT 0 CHECK (progress >= 0),
    completed_at {bigint},
    PRIMARY KEY (challenge_id, customer_id)
){strict};

CREATE TABLE referrals (
    id {id},
    referrer_id {bigint} NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
    referred_email TEXT NOT NULL DEFAULT '',
    referred_customer_id {bigint} REFERENCES customers (id) ON DELETE SET NULL,
    created_at {bigint} NOT NULL,
    converted_at {bigint},
    reward_points INTEGER NOT NULL DEFAULT 0 CHECK (reward_points >= 0),
    CHECK (referred_customer_id IS NULL OR referred_customer_id <> referrer_id)
){strict};

CREATE TABLE scheduled_jobs (
    id {id},
    job_type TEXT NOT NULL UNIQUE CHECK (length(job_type) > 0),
    enabled {bool} NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    schedule_kind TEXT NOT NULL DEFAULT 'interval' CHECK (schedule_kind IN ('interval', 'times')),
    interval_minutes INTEGER CHECK (interval_minutes > 0),
    times_of_day TEXT NOT NULL DEFAULT '',
    apply_mode TEXT NOT NULL DEFAULT 'preview' CHECK (apply_mode IN ('apply', 'preview')),
    last_run_at {bigint},
    next_run_at {bigint},
    CHECK (schedule_kind <> 'interval' OR interval_minutes IS NOT NULL)
){strict};

CREATE TABLE job_runs (
    id {id},
    job_type TEXT NOT NULL,
    started_at {bigint} NOT NULL,
    finished_at {bigint},
    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
    message TEXT NOT NULL DEFAULT '',
    host TEXT NOT NULL DEFAULT ''
){strict};
CREATE INDEX job_runs_type ON job_runs (job_type, started_at)
)SQL";

} // namespace

QStringList schemaV1(const Dialect &dialect)
{
    QStringList statements = schemaStatements(dialect, kSchema);
    statements << dialect.appendOnlyTriggers({QStringLiteral("points_ledger")});
    return statements;
}

} // namespace md
