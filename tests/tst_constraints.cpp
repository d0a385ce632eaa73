// Every CHECK, UNIQUE and FOREIGN KEY of the schema (and the append-only ledger, and STRICT
// typing) rejects what it should on both backends. Each row first runs an accepted twin of the
// rejected statement, so a constraint that is too strict, or a broken setup, fails the row too.
// On PostgreSQL a last test compares the rows with the server's list of constraints, so a
// constraint added to the schema without a row here fails the suite.

#include "db/migrations.h"
#include "db/sql.h"
#include "testdb.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <map>
#include <utility>
#include <vector>

using namespace md;

namespace {

using Values = std::initializer_list<std::pair<const char *, const char *>>;

// Valid values for every column a row must have, so each row only spells out what it tests.
// {n} becomes a number unique to the statement, for the unique natural keys.
const std::map<QString, std::vector<std::pair<QString, QString>>> &defaults()
{
    const auto row = [](Values values) {
        std::vector<std::pair<QString, QString>> out;
        for (const auto &[column, value] : values)
            out.emplace_back(QString::fromUtf8(column), QString::fromUtf8(value));
        return out;
    };
    static const std::map<QString, std::vector<std::pair<QString, QString>>> map = {
        {QStringLiteral("settings"), row({{"name", "'setting {n}'"}, {"value", "'v'"}})},
        {QStringLiteral("products"), row({{"sku", "'P-{n}'"},
                                          {"title", "'Mug'"},
                                          {"base_price_cents", "1000"},
                                          {"current_price_cents", "1000"},
                                          {"created_at", "1700000000"},
                                          {"updated_at", "1700000000"}})},
        {QStringLiteral("price_runs"), row({{"source", "'manual'"}, {"started_at", "1700000000"}})},
        {QStringLiteral("price_changes"), row({{"product_id", "1"},
                                               {"old_price_cents", "100"},
                                               {"new_price_cents", "90"},
                                               {"changed_at", "1700000000"}})},
        {QStringLiteral("customers"),
         row({{"email", "'c{n}@example.com'"}, {"created_at", "1700000000"}})},
        {QStringLiteral("orders"),
         row({{"order_number", "'O-{n}'"}, {"customer_id", "1"}, {"ordered_at", "1700000000"}})},
        {QStringLiteral("order_lines"), row({{"order_id", "1"},
                                             {"product_id", "1"},
                                             {"quantity", "1"},
                                             {"unit_price_cents", "500"}})},
        {QStringLiteral("events"), row({{"event_type", "'product_viewed'"},
                                        {"customer_id", "1"},
                                        {"product_id", "1"},
                                        {"occurred_at", "1700000000"}})},
        {QStringLiteral("plans"), row({{"name", "'Plan {n}'"}, {"price_cents", "2999"}})},
        {QStringLiteral("features"), row({{"feature_key", "'feature_{n}'"},
                                          {"label", "'Feature'"},
                                          {"value_type", "'bool'"},
                                          {"default_value", "'false'"}})},
        {QStringLiteral("plan_features"),
         row({{"plan_id", "1"}, {"feature_id", "1"}, {"value", "'true'"}})},
        {QStringLiteral("subscriptions"),
         row({{"customer_id", "1"}, {"plan_id", "1"}, {"started_at", "1700000000"}})},
        {QStringLiteral("subscription_status_log"),
         row({{"subscription_id", "1"}, {"changed_at", "1700000000"}, {"new_status", "'active'"}})},
        {QStringLiteral("subscription_plan_periods"), row({{"subscription_id", "1"},
                                                           {"plan_id", "1"},
                                                           {"started_at", "1700000000"},
                                                           {"ended_at", "1700000100"}})},
        {QStringLiteral("segments"), row({{"name", "'Segment {n}'"},
                                          {"created_at", "1700000000"},
                                          {"updated_at", "1700000000"}})},
        {QStringLiteral("campaigns"),
         row({{"name", "'Campaign {n}'"}, {"segment_id", "1"}, {"created_at", "1700000000"}})},
        {QStringLiteral("campaign_sends"),
         row({{"campaign_id", "1"}, {"customer_id", "1"}, {"email", "'s{n}@example.com'"}})},
        {QStringLiteral("suppressions"), row({{"email", "'x{n}@example.com'"},
                                              {"reason", "'manual'"},
                                              {"created_at", "1700000000"}})},
        {QStringLiteral("loyalty_tiers"),
         row({{"name", "'Tier {n}'"}, {"min_points", "10{n}"}, {"multiplier_bp", "15000"}})},
        {QStringLiteral("points_ledger"), row({{"customer_id", "1"},
                                               {"delta", "10"},
                                               {"kind", "'earn'"},
                                               {"created_at", "1700000000"}})},
        {QStringLiteral("loyalty_perks"),
         row({{"perk_key", "'perk_{n}'"}, {"label", "'Perk'"}, {"value_type", "'bool'"}})},
        {QStringLiteral("loyalty_tier_perks"),
         row({{"tier_id", "1"}, {"perk_id", "1"}, {"value", "'true'"}})},
        {QStringLiteral("loyalty_rewards"),
         row({{"name", "'Reward {n}'"}, {"kind", "'free_shipping'"}, {"points_cost", "100"}})},
        {QStringLiteral("loyalty_redemptions"), row({{"customer_id", "1"},
                                                     {"reward_id", "1"},
                                                     {"code", "'MD-{n}'"},
                                                     {"points", "100"},
                                                     {"created_at", "1700000000"}})},
        {QStringLiteral("badges"), row({{"code", "'B-{n}'"}, {"name", "'Badge'"}})},
        {QStringLiteral("customer_badges"),
         row({{"customer_id", "1"}, {"badge_id", "1"}, {"awarded_at", "1700000000"}})},
        {QStringLiteral("challenges"), row({{"name", "'Challenge {n}'"},
                                            {"goal_kind", "'orders'"},
                                            {"goal_value", "3"},
                                            {"reward_points", "100"},
                                            {"starts_at", "1700000000"},
                                            {"ends_at", "1800000000"}})},
        {QStringLiteral("challenge_progress"), row({{"challenge_id", "1"}, {"customer_id", "1"}})},
        {QStringLiteral("referrals"),
         row({{"referrer_id", "1"}, {"code", "'R-{n}'"}, {"created_at", "1700000000"}})},
        {QStringLiteral("scheduled_jobs"),
         row({{"job_type", "'job {n}'"}, {"interval_minutes", "60"}})},
        {QStringLiteral("pricing_locked_products"),
         row({{"product_id", "1"}, {"locked_at", "1700000000"}})},
        {QStringLiteral("pricing_locked_categories"),
         row({{"category", "'Category {n}'"}, {"locked_at", "1700000000"}})},
        {QStringLiteral("price_proposals"),
         row({{"source", "'manual'"}, {"created_at", "1700000000"}})},
        {QStringLiteral("price_proposal_items"), row({{"proposal_id", "1"},
                                                      {"product_id", "1"},
                                                      {"old_price_cents", "100"},
                                                      {"new_price_cents", "90"}})},
        {QStringLiteral("box_cycles"), row({{"cycle", "'2026-{n}'"},
                                            {"seed", "7"},
                                            {"confirmed_at", "1700000000"},
                                            {"box_count", "0"}})},
        {QStringLiteral("boxes"),
         row({{"cycle_id", "1"}, {"subscription_id", "1"}, {"plan_name", "'Basic Box'"}})},
        {QStringLiteral("box_items"), row({{"box_id", "1"}, {"product_id", "1"}})},
        {QStringLiteral("job_runs"),
         row({{"job_type", "'reprice'"}, {"started_at", "1700000000"}, {"status", "'running'"}})},
        {QStringLiteral("crosssell_runs"), row({{"source", "'manual'"},
                                                {"started_at", "1700000000"},
                                                {"finished_at", "1700000000"},
                                                {"min_support", "0.01"},
                                                {"min_confidence", "0.1"},
                                                {"min_lift", "1"},
                                                {"min_count", "1"},
                                                {"basket_count", "10"}})},
        // The newest run: each row's setup adds one, so the primary keys never meet.
        {QStringLiteral("crosssell_rules"), row({{"run_id", "(SELECT MAX(id) FROM crosssell_runs)"},
                                                 {"kind", "'bought'"},
                                                 {"antecedent_id", "1"},
                                                 {"consequent_id", "2"},
                                                 {"pair_count", "3"},
                                                 {"support", "0.5"},
                                                 {"confidence", "0.5"},
                                                 {"lift", "1.5"}})},
        {QStringLiteral("crosssell_bundles"),
         row({{"run_id", "(SELECT MAX(id) FROM crosssell_runs)"},
              {"product_a", "1"},
              {"product_b", "2"},
              {"product_c", "3"},
              {"bundle_count", "2"},
              {"support", "0.2"}})},
    };
    return map;
}

// INSERT INTO table with the defaults, `values` replacing or adding columns.
QString ins(const char *table, Values values = {})
{
    static int counter = 0;
    const QString name = QString::fromUtf8(table);
    auto columns = defaults().at(name);
    for (const auto &[column, value] : values) {
        const QString key = QString::fromUtf8(column);
        auto it = std::find_if(columns.begin(), columns.end(),
                               [&key](const auto &entry) { return entry.first == key; });
        if (it != columns.end())
            it->second = QString::fromUtf8(value);
        else
            columns.emplace_back(key, QString::fromUtf8(value));
    }
    QStringList names;
    QStringList literals;
    const QString unique = QString::number(++counter);
    for (const auto &[column, value] : columns) {
        names << column;
        literals << QString(value).replace(QLatin1String("{n}"), unique);
    }
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
        .arg(name, names.join(QStringLiteral(", ")), literals.join(QStringLiteral(", ")));
}

struct Case
{
    QByteArray name;
    QString constraint; // PostgreSQL's name for it; empty for a trigger or a column type
    QString table;      // must be unchanged by the rejected statement
    QString valid;
    QString invalid;
    QStringList setup;
    QStringList alsoUnchanged;
    QString sqliteText; // expected in the error; derived from the constraint when empty
    QString postgresText;
};

class Cases
{
public:
    Case &add(const char *name, const char *constraint, const char *table, QString valid,
              QString invalid)
    {
        m_cases.push_back(Case{QByteArray(name),
                               QString::fromUtf8(constraint),
                               QString::fromUtf8(table),
                               std::move(valid),
                               std::move(invalid),
                               {},
                               {},
                               {},
                               {}});
        return m_cases.back();
    }
    std::vector<Case> take() { return std::move(m_cases); }

private:
    std::vector<Case> m_cases;
};

const char *const kUnknown = "999999";

std::vector<Case> constraintCases()
{
    Cases c;
    // products
    c.add("products: duplicate SKU", "products_sku_key", "products",
          ins("products", {{"sku", "'DUP-1'"}}), ins("products", {{"sku", "'DUP-1'"}}));
    c.add("products: empty SKU", "products_sku_check", "products",
          ins("products", {{"sku", "'X'"}}), ins("products", {{"sku", "''"}}));
    c.add("products: SKU longer than 100", "products_sku_check", "products",
          ins("products", {{"sku", "'"
                                   "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                                   "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                                   "'"}}),
          ins("products", {{"sku", "'"
                                   "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"
                                   "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"
                                   "B'"}}));
    c.add("products: SKU with a leading space", "products_sku_check", "products",
          ins("products", {{"sku", "'inner space'"}}), ins("products", {{"sku", "' padded'"}}));
    c.add("products: empty title", "products_title_check", "products",
          ins("products", {{"title", "'T'"}}), ins("products", {{"title", "''"}}));
    c.add("products: negative cost", "products_cost_cents_check", "products",
          ins("products", {{"cost_cents", "0"}}), ins("products", {{"cost_cents", "-1"}}));
    c.add("products: negative base price", "products_base_price_cents_check", "products",
          ins("products", {{"base_price_cents", "0"}}),
          ins("products", {{"base_price_cents", "-1"}}));
    c.add("products: negative current price", "products_current_price_cents_check", "products",
          ins("products", {{"current_price_cents", "0"}}),
          ins("products", {{"current_price_cents", "-1"}}));
    c.add("products: negative min price", "products_min_price_cents_check", "products",
          ins("products", {{"min_price_cents", "0"}}),
          ins("products", {{"min_price_cents", "-1"}}));
    c.add("products: negative max price", "products_max_price_cents_check", "products",
          ins("products", {{"max_price_cents", "0"}}),
          ins("products", {{"max_price_cents", "-1"}}));
    c.add("products: negative stock", "products_stock_level_check", "products",
          ins("products", {{"stock_level", "0"}}), ins("products", {{"stock_level", "-1"}}));
    c.add("products: negative demand", "products_demand_score_check", "products",
          ins("products", {{"demand_score", "3.25"}}),
          ins("products", {{"demand_score", "-0.01"}}));
    c.add("products: exclusive flag 2", "products_is_exclusive_check", "products",
          ins("products", {{"is_exclusive", "1"}}), ins("products", {{"is_exclusive", "2"}}));
    c.add("products: min price above max price", "products_check", "products",
          ins("products", {{"min_price_cents", "500"}, {"max_price_cents", "500"}}),
          ins("products", {{"min_price_cents", "501"}, {"max_price_cents", "500"}}));
    Case &strictStock = c.add("products: text in an integer column", "", "products",
                              ins("products", {{"stock_level", "'12'"}}),
                              ins("products", {{"stock_level", "'many'"}}));
    strictStock.sqliteText = QStringLiteral("cannot store TEXT value in INTEGER column");
    strictStock.postgresText = QStringLiteral("invalid input syntax for type integer");
    Case &strictMoney = c.add("products: text in a money column", "", "products",
                              ins("products", {{"base_price_cents", "'1999'"}}),
                              ins("products", {{"base_price_cents", "'19.99 EUR'"}}));
    strictMoney.sqliteText = QStringLiteral("cannot store TEXT value in INTEGER column");
    strictMoney.postgresText = QStringLiteral("invalid input syntax for type bigint");

    // price history
    c.add("price runs: unknown source", "price_runs_source_check", "price_runs",
          ins("price_runs", {{"source", "'cli'"}}), ins("price_runs", {{"source", "'robot'"}}));
    c.add("price runs: negative change count", "price_runs_change_count_check", "price_runs",
          ins("price_runs", {{"change_count", "0"}}), ins("price_runs", {{"change_count", "-1"}}));
    c.add("price runs: undo of an unknown run", "price_runs_undo_of_run_id_fkey", "price_runs",
          ins("price_runs", {{"undo_of_run_id", "1"}}),
          ins("price_runs", {{"undo_of_run_id", kUnknown}}));
    c.add("price changes: unknown product", "price_changes_product_id_fkey", "price_changes",
          ins("price_changes", {{"product_id", "1"}}),
          ins("price_changes", {{"product_id", kUnknown}}));
    c.add("price changes: unknown run", "price_changes_run_id_fkey", "price_changes",
          ins("price_changes", {{"run_id", "1"}}), ins("price_changes", {{"run_id", kUnknown}}));
    c.add("price changes: negative old price", "price_changes_old_price_cents_check",
          "price_changes", ins("price_changes", {{"old_price_cents", "0"}}),
          ins("price_changes", {{"old_price_cents", "-1"}}));
    c.add("price changes: negative new price", "price_changes_new_price_cents_check",
          "price_changes", ins("price_changes", {{"new_price_cents", "0"}}),
          ins("price_changes", {{"new_price_cents", "-1"}}));

    // customers
    c.add("customers: duplicate email", "customers_email_key", "customers",
          ins("customers", {{"email", "'dup@example.com'"}}),
          ins("customers", {{"email", "'dup@example.com'"}}));
    c.add("customers: uppercase email", "customers_email_check", "customers",
          ins("customers", {{"email", "'lower@example.com'"}}),
          ins("customers", {{"email", "'Upper@Example.com'"}}));
    c.add("customers: email with spaces around", "customers_email_check", "customers",
          ins("customers", {{"email", "'trimmed@example.com'"}}),
          ins("customers", {{"email", "' spaced@example.com'"}}));
    c.add("customers: email without @", "customers_email_check", "customers",
          ins("customers", {{"email", "'a@b'"}}), ins("customers", {{"email", "'no-at-sign'"}}));
    c.add("customers: email without a local part", "customers_email_check", "customers",
          ins("customers", {{"email", "'x@y'"}}), ins("customers", {{"email", "'@example.com'"}}));
    c.add("customers: marketing flag 2", "customers_accepts_marketing_check", "customers",
          ins("customers", {{"accepts_marketing", "1"}}),
          ins("customers", {{"accepts_marketing", "2"}}));

    // orders
    c.add("orders: duplicate order number", "orders_order_number_key", "orders",
          ins("orders", {{"order_number", "'#1001'"}}),
          ins("orders", {{"order_number", "'#1001'"}}));
    c.add("orders: empty order number", "orders_order_number_check", "orders",
          ins("orders", {{"order_number", "'#'"}}), ins("orders", {{"order_number", "''"}}));
    c.add("orders: unknown customer", "orders_customer_id_fkey", "orders",
          ins("orders", {{"customer_id", "NULL"}}), ins("orders", {{"customer_id", kUnknown}}));
    c.add("orders: bad status", "orders_status_check", "orders",
          ins("orders", {{"status", "'refunded'"}}), ins("orders", {{"status", "'shipped'"}}));
    c.add("orders: negative total", "orders_total_cents_check", "orders",
          ins("orders", {{"total_cents", "0"}}), ins("orders", {{"total_cents", "-1"}}));
    c.add("customers: delete one who has orders", "orders_customer_id_fkey", "customers",
          QStringLiteral("DELETE FROM customers WHERE email = 'no-orders@example.com'"),
          QStringLiteral("DELETE FROM customers WHERE email = 'has-orders@example.com'"))
        .setup
        = {ins("customers", {{"email", "'no-orders@example.com'"}}),
           ins("customers", {{"email", "'has-orders@example.com'"}}),
           ins("orders", {{"customer_id", "(SELECT id FROM customers "
                                          "WHERE email = 'has-orders@example.com')"}})};

    // order lines
    c.add("order lines: unknown order", "order_lines_order_id_fkey", "order_lines",
          ins("order_lines", {{"order_id", "1"}}), ins("order_lines", {{"order_id", kUnknown}}));
    c.add("order lines: unknown product", "order_lines_product_id_fkey", "order_lines",
          ins("order_lines", {{"product_id", "1"}}),
          ins("order_lines", {{"product_id", kUnknown}}));
    c.add("order lines: quantity 0", "order_lines_quantity_check", "order_lines",
          ins("order_lines", {{"quantity", "1"}}), ins("order_lines", {{"quantity", "0"}}));
    c.add("order lines: negative unit price", "order_lines_unit_price_cents_check", "order_lines",
          ins("order_lines", {{"unit_price_cents", "0"}}),
          ins("order_lines", {{"unit_price_cents", "-1"}}));
    Case &soldProduct
        = c.add("products: delete one that was sold", "order_lines_product_id_fkey", "products",
                QStringLiteral("DELETE FROM products WHERE sku = 'NEVER-SOLD'"),
                QStringLiteral("DELETE FROM products WHERE sku = 'SOLD'"));
    soldProduct.setup
        = {ins("products", {{"sku", "'NEVER-SOLD'"}}), ins("products", {{"sku", "'SOLD'"}}),
           ins("order_lines", {{"product_id", "(SELECT id FROM products "
                                              "WHERE sku = 'SOLD')"}})};
    soldProduct.alsoUnchanged = {QStringLiteral("order_lines")};

    // behaviour events
    c.add("events: bad event type", "events_event_type_check", "events",
          ins("events", {{"event_type", "'added_to_cart'"}}),
          ins("events", {{"event_type", "'page_scrolled'"}}));
    c.add("events: unknown customer", "events_customer_id_fkey", "events",
          ins("events", {{"customer_id", "NULL"}}), ins("events", {{"customer_id", kUnknown}}));
    c.add("events: unknown product", "events_product_id_fkey", "events",
          ins("events", {{"product_id", "1"}}), ins("events", {{"product_id", kUnknown}}));
    c.add("events: unknown order", "events_order_id_fkey", "events",
          ins("events", {{"order_id", "1"}}), ins("events", {{"order_id", kUnknown}}));
    c.add("events: quantity 0", "events_quantity_check", "events",
          ins("events", {{"quantity", "2"}}), ins("events", {{"quantity", "0"}}));
    c.add("events: view without product", "events_check", "events",
          ins("events", {{"event_type", "'checkout_started'"}, {"product_id", "NULL"}}),
          ins("events", {{"event_type", "'product_viewed'"}, {"product_id", "NULL"}}));

    // plans and features
    c.add("plans: duplicate name", "plans_name_key", "plans",
          ins("plans", {{"name", "'Gold Box'"}}), ins("plans", {{"name", "'Gold Box'"}}));
    c.add("plans: empty name", "plans_name_check", "plans", ins("plans", {{"name", "'P'"}}),
          ins("plans", {{"name", "''"}}));
    c.add("plans: negative price", "plans_price_cents_check", "plans",
          ins("plans", {{"price_cents", "0"}}), ins("plans", {{"price_cents", "-1"}}));
    c.add("plans: bad billing interval", "plans_billing_interval_check", "plans",
          ins("plans", {{"billing_interval", "'yearly'"}}),
          ins("plans", {{"billing_interval", "'weekly'"}}));
    c.add("plans: active flag 2", "plans_active_check", "plans", ins("plans", {{"active", "0"}}),
          ins("plans", {{"active", "2"}}));
    c.add("plans: unknown parent plan", "plans_parent_plan_id_fkey", "plans",
          ins("plans", {{"parent_plan_id", "1"}}), ins("plans", {{"parent_plan_id", kUnknown}}));
    c.add("plans: its own parent", "plans_check", "plans",
          QStringLiteral("UPDATE plans SET parent_plan_id = 1 WHERE name = 'Self parent'"),
          QStringLiteral("UPDATE plans SET parent_plan_id = id WHERE name = 'Self parent'"))
        .setup
        = {ins("plans", {{"name", "'Self parent'"}})};
    Case &usedPlan = c.add("plans: delete one with subscribers", "subscriptions_plan_id_fkey",
                           "plans", QStringLiteral("DELETE FROM plans WHERE name = 'Unused plan'"),
                           QStringLiteral("DELETE FROM plans WHERE name = 'Used plan'"));
    usedPlan.setup
        = {ins("plans", {{"name", "'Unused plan'"}}), ins("plans", {{"name", "'Used plan'"}}),
           ins("subscriptions", {{"plan_id", "(SELECT id FROM plans "
                                             "WHERE name = 'Used plan')"}})};
    usedPlan.alsoUnchanged = {QStringLiteral("subscriptions")};
    c.add("features: duplicate key", "features_feature_key_key", "features",
          ins("features", {{"feature_key", "'gift_wrap'"}}),
          ins("features", {{"feature_key", "'gift_wrap'"}}));
    c.add("features: empty key", "features_feature_key_check", "features",
          ins("features", {{"feature_key", "'k'"}}), ins("features", {{"feature_key", "''"}}));
    c.add("features: bad value type", "features_value_type_check", "features",
          ins("features", {{"value_type", "'int'"}}), ins("features", {{"value_type", "'text'"}}));
    c.add("features: choice without choices", "features_check", "features",
          ins("features", {{"value_type", "'choice'"}, {"choices", "'standard|priority'"}}),
          ins("features", {{"value_type", "'choice'"}, {"choices", "''"}}));
    c.add("plan features: feature twice for a plan", "plan_features_pkey", "plan_features",
          ins("plan_features", {{"feature_id", "(SELECT id FROM features "
                                               "WHERE feature_key = 'pf_twice')"}}),
          ins("plan_features", {{"feature_id", "(SELECT id FROM features "
                                               "WHERE feature_key = 'pf_twice')"}}))
        .setup
        = {ins("features", {{"feature_key", "'pf_twice'"}})};
    c.add("plan features: unknown plan", "plan_features_plan_id_fkey", "plan_features",
          ins("plan_features", {{"feature_id", "(SELECT id FROM features "
                                               "WHERE feature_key = 'pf_plan')"}}),
          ins("plan_features", {{"plan_id", kUnknown},
                                {"feature_id", "(SELECT id FROM features "
                                               "WHERE feature_key = 'pf_plan')"}}))
        .setup
        = {ins("features", {{"feature_key", "'pf_plan'"}})};
    c.add("plan features: unknown feature", "plan_features_feature_id_fkey", "plan_features",
          ins("plan_features", {{"feature_id", "1"}}),
          ins("plan_features", {{"feature_id", kUnknown}}));

    // subscriptions
    c.add("subscriptions: unknown customer", "subscriptions_customer_id_fkey", "subscriptions",
          ins("subscriptions", {{"customer_id", "2"}}),
          ins("subscriptions", {{"customer_id", kUnknown}}));
    c.add("subscriptions: unknown plan", "subscriptions_plan_id_fkey", "subscriptions",
          ins("subscriptions", {{"plan_id", "1"}}), ins("subscriptions", {{"plan_id", kUnknown}}));
    c.add("subscriptions: unknown next plan", "subscriptions_next_plan_id_fkey", "subscriptions",
          ins("subscriptions", {{"next_plan_id", "1"}}),
          ins("subscriptions", {{"next_plan_id", kUnknown}}));
    c.add("subscriptions: bad status", "subscriptions_status_check", "subscriptions",
          ins("subscriptions", {{"status", "'past_due'"}}),
          ins("subscriptions", {{"status", "'trial'"}}));
    c.add("subscriptions: paused without paused_until", "subscriptions_check", "subscriptions",
          ins("subscriptions", {{"status", "'paused'"}, {"paused_until", "1710000000"}}),
          ins("subscriptions", {{"status", "'paused'"}}));
    c.add("subscriptions: cancelled without cancelled_at", "subscriptions_check1", "subscriptions",
          ins("subscriptions", {{"status", "'cancelled'"}, {"cancelled_at", "1710000000"}}),
          ins("subscriptions", {{"status", "'cancelled'"}}));
    c.add("status log: unknown subscription", "subscription_status_log_subscription_id_fkey",
          "subscription_status_log", ins("subscription_status_log", {{"subscription_id", "1"}}),
          ins("subscription_status_log", {{"subscription_id", kUnknown}}));
    c.add("status log: bad status", "subscription_status_log_new_status_check",
          "subscription_status_log", ins("subscription_status_log", {{"new_status", "'paused'"}}),
          ins("subscription_status_log", {{"new_status", "'frozen'"}}));

    // segments and campaigns
    c.add("segments: duplicate name", "segments_name_key", "segments",
          ins("segments", {{"name", "'Lapsed'"}}), ins("segments", {{"name", "'Lapsed'"}}));
    c.add("segments: empty name", "segments_name_check", "segments",
          ins("segments", {{"name", "'S'"}}), ins("segments", {{"name", "''"}}));
    Case &usedSegment
        = c.add("segments: delete one a campaign uses", "campaigns_segment_id_fkey", "segments",
                QStringLiteral("DELETE FROM segments WHERE name = 'Unused segment'"),
                QStringLiteral("DELETE FROM segments WHERE name = 'Used segment'"));
    usedSegment.setup = {ins("segments", {{"name", "'Unused segment'"}}),
                         ins("segments", {{"name", "'Used segment'"}}),
                         ins("campaigns", {{"segment_id", "(SELECT id FROM segments "
                                                          "WHERE name = 'Used segment')"}})};
    usedSegment.alsoUnchanged = {QStringLiteral("campaigns")};
    c.add("campaigns: empty name", "campaigns_name_check", "campaigns",
          ins("campaigns", {{"name", "'C'"}}), ins("campaigns", {{"name", "''"}}));
    c.add("campaigns: unknown segment", "campaigns_segment_id_fkey", "campaigns",
          ins("campaigns", {{"segment_id", "NULL"}}), ins("campaigns", {{"segment_id", kUnknown}}));
    c.add("campaigns: bad status", "campaigns_status_check", "campaigns",
          ins("campaigns", {{"status", "'sent'"}}), ins("campaigns", {{"status", "'paused'"}}));
    c.add("campaigns: scheduled without a time", "campaigns_check", "campaigns",
          ins("campaigns", {{"status", "'scheduled'"}, {"scheduled_at", "1710000000"}}),
          ins("campaigns", {{"status", "'scheduled'"}}));
    c.add("campaign sends: unknown campaign", "campaign_sends_campaign_id_fkey", "campaign_sends",
          ins("campaign_sends", {{"campaign_id", "1"}}),
          ins("campaign_sends", {{"campaign_id", kUnknown}}));
    c.add("campaign sends: unknown customer", "campaign_sends_customer_id_fkey", "campaign_sends",
          ins("campaign_sends", {{"customer_id", "NULL"}}),
          ins("campaign_sends", {{"customer_id", kUnknown}}));
    c.add("campaign sends: uppercase email", "campaign_sends_email_check", "campaign_sends",
          ins("campaign_sends", {{"email", "'send.lower@example.com'"}}),
          ins("campaign_sends", {{"email", "'Send.Upper@example.com'"}}));
    c.add("campaign sends: bad status", "campaign_sends_status_check", "campaign_sends",
          ins("campaign_sends", {{"status", "'skipped'"}}),
          ins("campaign_sends", {{"status", "'bounced'"}}));
    c.add("campaign sends: same recipient twice", "campaign_sends_campaign_id_email_key",
          "campaign_sends", ins("campaign_sends", {{"email", "'once@example.com'"}}),
          ins("campaign_sends", {{"email", "'once@example.com'"}}));
    c.add("suppressions: duplicate email", "suppressions_pkey", "suppressions",
          ins("suppressions", {{"email", "'gone@example.com'"}}),
          ins("suppressions", {{"email", "'gone@example.com'"}}));
    c.add("suppressions: uppercase email", "suppressions_email_check", "suppressions",
          ins("suppressions", {{"email", "'quiet@example.com'"}}),
          ins("suppressions", {{"email", "'Loud@Example.com'"}}));
    c.add("suppressions: not an email", "suppressions_email_check", "suppressions",
          ins("suppressions", {{"email", "'q@r'"}}), ins("suppressions", {{"email", "'nobody'"}}));
    c.add("suppressions: bad reason", "suppressions_reason_check", "suppressions",
          ins("suppressions", {{"reason", "'complained'"}}),
          ins("suppressions", {{"reason", "'spam'"}}));

    // loyalty
    c.add("loyalty tiers: duplicate name", "loyalty_tiers_name_key", "loyalty_tiers",
          ins("loyalty_tiers", {{"name", "'silver'"}}),
          ins("loyalty_tiers", {{"name", "'silver'"}}));
    c.add("loyalty tiers: empty name", "loyalty_tiers_name_check", "loyalty_tiers",
          ins("loyalty_tiers", {{"name", "'t'"}}), ins("loyalty_tiers", {{"name", "''"}}));
    c.add("loyalty tiers: duplicate min_points", "loyalty_tiers_min_points_key", "loyalty_tiers",
          ins("loyalty_tiers", {{"min_points", "500"}}),
          ins("loyalty_tiers", {{"min_points", "500"}}));
    c.add("loyalty tiers: negative min_points", "loyalty_tiers_min_points_check", "loyalty_tiers",
          ins("loyalty_tiers", {{"min_points", "0"}}),
          ins("loyalty_tiers", {{"min_points", "-1"}}));
    c.add("loyalty tiers: multiplier 0", "loyalty_tiers_multiplier_bp_check", "loyalty_tiers",
          ins("loyalty_tiers", {{"multiplier_bp", "12500"}}),
          ins("loyalty_tiers", {{"multiplier_bp", "0"}}));
    c.add("loyalty perks: duplicate key", "loyalty_perks_perk_key_key", "loyalty_perks",
          ins("loyalty_perks", {{"perk_key", "'early_access'"}}),
          ins("loyalty_perks", {{"perk_key", "'early_access'"}}));
    c.add("loyalty perks: empty key", "loyalty_perks_perk_key_check", "loyalty_perks",
          ins("loyalty_perks", {{"perk_key", "'p'"}}), ins("loyalty_perks", {{"perk_key", "''"}}));
    c.add("loyalty perks: unknown type", "loyalty_perks_value_type_check", "loyalty_perks",
          ins("loyalty_perks", {{"value_type", "'money'"}}),
          ins("loyalty_perks", {{"value_type", "'text'"}}));
    c.add("tier perks: a perk twice", "loyalty_tier_perks_pkey", "loyalty_tier_perks",
          ins("loyalty_tier_perks",
              {{"perk_id", "(SELECT id FROM loyalty_perks WHERE perk_key = 'tp-perk')"}}),
          ins("loyalty_tier_perks",
              {{"perk_id", "(SELECT id FROM loyalty_perks WHERE perk_key = 'tp-perk')"}}))
        .setup
        = {ins("loyalty_perks", {{"perk_key", "'tp-perk'"}})};
    c.add("tier perks: unknown tier", "loyalty_tier_perks_tier_id_fkey", "loyalty_tier_perks",
          ins("loyalty_tier_perks", {{"tier_id", "1"}}),
          ins("loyalty_tier_perks", {{"tier_id", kUnknown}}));
    c.add("tier perks: unknown perk", "loyalty_tier_perks_perk_id_fkey", "loyalty_tier_perks",
          ins("loyalty_tier_perks",
              {{"perk_id", "(SELECT id FROM loyalty_perks WHERE perk_key = 'tp-perk2')"}}),
          ins("loyalty_tier_perks", {{"perk_id", kUnknown}}))
        .setup
        = {ins("loyalty_perks", {{"perk_key", "'tp-perk2'"}})};
    c.add("points ledger: unknown customer", "points_ledger_customer_id_fkey", "points_ledger",
          ins("points_ledger", {{"customer_id", "2"}}),
          ins("points_ledger", {{"customer_id", kUnknown}}));
    c.add("points ledger: unknown order", "points_ledger_order_id_fkey", "points_ledger",
          ins("points_ledger", {{"order_id", "1"}}),
          ins("points_ledger", {{"order_id", kUnknown}}));
    c.add("points ledger: delta 0", "points_ledger_delta_check", "points_ledger",
          ins("points_ledger", {{"kind", "'adjust'"}, {"delta", "-5"}}),
          ins("points_ledger", {{"kind", "'adjust'"}, {"delta", "0"}}));
    c.add("points ledger: bad kind", "points_ledger_kind_check", "points_ledger",
          ins("points_ledger", {{"kind", "'referral'"}}),
          ins("points_ledger", {{"kind", "'gift'"}}));
    c.add("points ledger: earn with negative delta", "points_ledger_check", "points_ledger",
          ins("points_ledger", {{"kind", "'earn'"}, {"delta", "10"}}),
          ins("points_ledger", {{"kind", "'earn'"}, {"delta", "-10"}}));
    c.add("points ledger: redeem with positive delta", "points_ledger_check1", "points_ledger",
          ins("points_ledger", {{"kind", "'redeem'"}, {"delta", "-10"}}),
          ins("points_ledger", {{"kind", "'redeem'"}, {"delta", "10"}}));
    c.add("points ledger: reverse with positive delta", "points_ledger_check1", "points_ledger",
          ins("points_ledger", {{"kind", "'reverse'"}, {"delta", "-10"}}),
          ins("points_ledger", {{"kind", "'reverse'"}, {"delta", "10"}}));
    c.add("points ledger: wheel with negative delta", "points_ledger_check", "points_ledger",
          ins("points_ledger", {{"kind", "'wheel'"}, {"delta", "10"}}),
          ins("points_ledger", {{"kind", "'wheel'"}, {"delta", "-10"}}));
    c.add("points ledger: a source twice", "points_ledger_source_key", "points_ledger",
          ins("points_ledger", {{"source", "'order:1'"}}),
          ins("points_ledger", {{"source", "'order:1'"}}));
    c.add("points ledger: empty source", "points_ledger_source_check", "points_ledger",
          ins("points_ledger", {{"source", "'s'"}}), ins("points_ledger", {{"source", "''"}}));
    Case &ledgerUpdate
        = c.add("points ledger: update (append-only)", "", "points_ledger",
                ins("points_ledger", {{"note", "'to update'"}}),
                QStringLiteral("UPDATE points_ledger SET delta = 1000 WHERE note = 'to update'"));
    ledgerUpdate.sqliteText = ledgerUpdate.postgresText = QStringLiteral("append-only");
    Case &ledgerDelete
        = c.add("points ledger: delete (append-only)", "", "points_ledger",
                ins("points_ledger", {{"note", "'to delete'"}}),
                QStringLiteral("DELETE FROM points_ledger WHERE note = 'to delete'"));
    ledgerDelete.sqliteText = ledgerDelete.postgresText = QStringLiteral("append-only");
    c.add("rewards: duplicate name", "loyalty_rewards_name_key", "loyalty_rewards",
          ins("loyalty_rewards", {{"name", "'Ten off'"}}),
          ins("loyalty_rewards", {{"name", "'Ten off'"}}));
    c.add("rewards: empty name", "loyalty_rewards_name_check", "loyalty_rewards",
          ins("loyalty_rewards", {{"name", "'r'"}}), ins("loyalty_rewards", {{"name", "''"}}));
    c.add("rewards: unknown kind", "loyalty_rewards_kind_check", "loyalty_rewards",
          ins("loyalty_rewards", {{"kind", "'free_shipping'"}}),
          ins("loyalty_rewards", {{"kind", "'voucher'"}}));
    c.add("rewards: cost 0", "loyalty_rewards_points_cost_check", "loyalty_rewards",
          ins("loyalty_rewards", {{"points_cost", "1"}}),
          ins("loyalty_rewards", {{"points_cost", "0"}}));
    c.add("rewards: amount 0", "loyalty_rewards_amount_cents_check", "loyalty_rewards",
          ins("loyalty_rewards", {{"kind", "'fixed_discount'"}, {"amount_cents", "1"}}),
          ins("loyalty_rewards", {{"kind", "'fixed_discount'"}, {"amount_cents", "0"}}));
    c.add("rewards: percent over 100", "loyalty_rewards_percent_check", "loyalty_rewards",
          ins("loyalty_rewards", {{"kind", "'percent_discount'"}, {"percent", "100"}}),
          ins("loyalty_rewards", {{"kind", "'percent_discount'"}, {"percent", "101"}}));
    c.add("rewards: unknown product", "loyalty_rewards_product_id_fkey", "loyalty_rewards",
          ins("loyalty_rewards", {{"kind", "'free_product'"}, {"product_id", "1"}}),
          ins("loyalty_rewards", {{"kind", "'free_product'"}, {"product_id", kUnknown}}));
    c.add("rewards: negative minimum balance", "loyalty_rewards_min_balance_check",
          "loyalty_rewards", ins("loyalty_rewards", {{"min_balance", "0"}}),
          ins("loyalty_rewards", {{"min_balance", "-1"}}));
    c.add("rewards: limit 0", "loyalty_rewards_per_customer_limit_check", "loyalty_rewards",
          ins("loyalty_rewards", {{"per_customer_limit", "1"}}),
          ins("loyalty_rewards", {{"per_customer_limit", "0"}}));
    c.add("rewards: active 2", "loyalty_rewards_active_check", "loyalty_rewards",
          ins("loyalty_rewards", {{"active", "0"}}), ins("loyalty_rewards", {{"active", "2"}}));
    c.add("rewards: fixed discount without an amount", "loyalty_rewards_check", "loyalty_rewards",
          ins("loyalty_rewards", {{"kind", "'fixed_discount'"}, {"amount_cents", "500"}}),
          ins("loyalty_rewards", {{"kind", "'fixed_discount'"}}));
    c.add("rewards: free shipping with a product", "loyalty_rewards_check", "loyalty_rewards",
          ins("loyalty_rewards", {{"kind", "'free_shipping'"}}),
          ins("loyalty_rewards", {{"kind", "'free_shipping'"}, {"product_id", "1"}}));
    c.add("rewards: percentage with an amount", "loyalty_rewards_check", "loyalty_rewards",
          ins("loyalty_rewards", {{"kind", "'percent_discount'"}, {"percent", "10"}}),
          ins("loyalty_rewards",
              {{"kind", "'percent_discount'"}, {"percent", "10"}, {"amount_cents", "100"}}));
    c.add("redemptions: unknown customer", "loyalty_redemptions_customer_id_fkey",
          "loyalty_redemptions", ins("loyalty_redemptions", {{"customer_id", "2"}}),
          ins("loyalty_redemptions", {{"customer_id", kUnknown}}));
    c.add("redemptions: unknown reward", "loyalty_redemptions_reward_id_fkey",
          "loyalty_redemptions", ins("loyalty_redemptions", {{"reward_id", "1"}}),
          ins("loyalty_redemptions", {{"reward_id", kUnknown}}));
    c.add("redemptions: a code twice", "loyalty_redemptions_code_key", "loyalty_redemptions",
          ins("loyalty_redemptions", {{"code", "'MD-AAAA-BBBB'"}}),
          ins("loyalty_redemptions", {{"code", "'MD-AAAA-BBBB'"}}));
    c.add("redemptions: empty code", "loyalty_redemptions_code_check", "loyalty_redemptions",
          ins("loyalty_redemptions", {{"code", "'c'"}}),
          ins("loyalty_redemptions", {{"code", "''"}}));
    c.add("redemptions: points 0", "loyalty_redemptions_points_check", "loyalty_redemptions",
          ins("loyalty_redemptions", {{"points", "1"}}),
          ins("loyalty_redemptions", {{"points", "0"}}));
    Case &redemptionUpdate = c.add(
        "redemptions: update (append-only)", "", "loyalty_redemptions",
        ins("loyalty_redemptions", {{"code", "'to-update'"}}),
        QStringLiteral("UPDATE loyalty_redemptions SET points = 1 WHERE code = 'to-update'"));
    redemptionUpdate.sqliteText = redemptionUpdate.postgresText = QStringLiteral("append-only");
    Case &redemptionDelete
        = c.add("redemptions: delete (append-only)", "", "loyalty_redemptions",
                ins("loyalty_redemptions", {{"code", "'to-delete'"}}),
                QStringLiteral("DELETE FROM loyalty_redemptions WHERE code = 'to-delete'"));
    redemptionDelete.sqliteText = redemptionDelete.postgresText = QStringLiteral("append-only");
    c.add("badges: duplicate code", "badges_code_key", "badges",
          ins("badges", {{"code", "'first-order'"}}), ins("badges", {{"code", "'first-order'"}}));
    c.add("badges: empty code", "badges_code_check", "badges", ins("badges", {{"code", "'b'"}}),
          ins("badges", {{"code", "''"}}));
    c.add("badges: negative bonus", "badges_bonus_points_check", "badges",
          ins("badges", {{"bonus_points", "0"}}), ins("badges", {{"bonus_points", "-1"}}));
    c.add("customer badges: awarded twice", "customer_badges_pkey", "customer_badges",
          ins("customer_badges", {{"customer_id", "2"}}),
          ins("customer_badges", {{"customer_id", "2"}}));
    c.add("customer badges: unknown customer", "customer_badges_customer_id_fkey",
          "customer_badges", ins("customer_badges", {{"customer_id", "1"}}),
          ins("customer_badges", {{"customer_id", kUnknown}}));
    c.add("customer badges: unknown badge", "customer_badges_badge_id_fkey", "customer_badges",
          ins("customer_badges", {{"badge_id", "(SELECT id FROM badges WHERE code = 'cb-badge')"}}),
          ins("customer_badges", {{"badge_id", kUnknown}}))
        .setup
        = {ins("badges", {{"code", "'cb-badge'"}})};
    c.add("challenges: duplicate name", "challenges_name_key", "challenges",
          ins("challenges", {{"name", "'Five in May'"}}),
          ins("challenges", {{"name", "'Five in May'"}}));
    c.add("challenges: empty name", "challenges_name_check", "challenges",
          ins("challenges", {{"name", "'c'"}}), ins("challenges", {{"name", "''"}}));
    c.add("challenges: bad goal kind", "challenges_goal_kind_check", "challenges",
          ins("challenges", {{"goal_kind", "'distinct_products'"}}),
          ins("challenges", {{"goal_kind", "'visits'"}}));
    c.add("challenges: goal 0", "challenges_goal_value_check", "challenges",
          ins("challenges", {{"goal_value", "1"}}), ins("challenges", {{"goal_value", "0"}}));
    c.add("challenges: negative reward", "challenges_reward_points_check", "challenges",
          ins("challenges", {{"reward_points", "0"}}),
          ins("challenges", {{"reward_points", "-1"}}));
    c.add("challenges: ends when it starts", "challenges_check", "challenges",
          ins("challenges", {{"starts_at", "1700000000"}, {"ends_at", "1700000001"}}),
          ins("challenges", {{"starts_at", "1700000000"}, {"ends_at", "1700000000"}}));
    c.add("challenge progress: twice for a customer", "challenge_progress_pkey",
          "challenge_progress", ins("challenge_progress", {{"customer_id", "2"}}),
          ins("challenge_progress", {{"customer_id", "2"}}));
    c.add("challenge progress: unknown challenge", "challenge_progress_challenge_id_fkey",
          "challenge_progress", ins("challenge_progress", {{"customer_id", "1"}}),
          ins("challenge_progress", {{"challenge_id", kUnknown}}));
    c.add("challenge progress: unknown customer", "challenge_progress_customer_id_fkey",
          "challenge_progress",
          ins("challenge_progress",
              {{"challenge_id", "(SELECT id FROM challenges WHERE name = 'cp-customer')"}}),
          ins("challenge_progress", {{"customer_id", kUnknown}}))
        .setup
        = {ins("challenges", {{"name", "'cp-customer'"}})};
    c.add("challenge progress: negative progress", "challenge_progress_progress_check",
          "challenge_progress",
          ins("challenge_progress", {{"challenge_id", "(SELECT id FROM challenges "
                                                      "WHERE name = 'cp-progress')"},
                                     {"progress", "0"}}),
          ins("challenge_progress", {{"challenge_id", "(SELECT id FROM challenges "
                                                      "WHERE name = 'cp-progress')"},
                                     {"customer_id", "2"},
                                     {"progress", "-1"}}))
        .setup
        = {ins("challenges", {{"name", "'cp-progress'"}})};
    c.add("referrals: unknown referrer", "referrals_referrer_id_fkey", "referrals",
          ins("referrals", {{"referrer_id", "2"}}), ins("referrals", {{"referrer_id", kUnknown}}));
    c.add("referrals: unknown referred customer", "referrals_referred_customer_id_fkey",
          "referrals", ins("referrals", {{"referred_customer_id", "2"}}),
          ins("referrals", {{"referred_customer_id", kUnknown}}));
    c.add("referrals: duplicate code", "referrals_code_key", "referrals",
          ins("referrals", {{"code", "'FRIEND10'"}}), ins("referrals", {{"code", "'FRIEND10'"}}));
    c.add("referrals: empty code", "referrals_code_check", "referrals",
          ins("referrals", {{"code", "'r'"}}), ins("referrals", {{"code", "''"}}));
    c.add("referrals: negative reward", "referrals_reward_points_check", "referrals",
          ins("referrals", {{"reward_points", "0"}}), ins("referrals", {{"reward_points", "-1"}}));
    c.add("referrals: referring oneself", "referrals_check", "referrals",
          ins("referrals", {{"referrer_id", "1"}, {"referred_customer_id", "2"}}),
          ins("referrals", {{"referrer_id", "1"}, {"referred_customer_id", "1"}}));

    // repricing (migration 3): locks, and the proposals of preview-only runs. Rows that need a
    // product of their own create it in their setup, so the primary keys never meet.
    const auto product = [](const char *sku) {
        return QStringLiteral("(SELECT id FROM products WHERE sku = '%1')").arg(QLatin1String(sku));
    };
    const auto newProduct = [](const char *sku) {
        return QStringList{
            ins("products", {{"sku", QByteArray("'").append(sku).append("'").constData()}})};
    };
    c.add("price locks: product locked twice", "pricing_locked_products_pkey",
          "pricing_locked_products", ins("pricing_locked_products", {{"product_id", "1"}}),
          ins("pricing_locked_products", {{"product_id", "1"}}));
    c.add("price locks: unknown product", "pricing_locked_products_product_id_fkey",
          "pricing_locked_products",
          ins("pricing_locked_products", {{"product_id", product("lock-fk").toUtf8().constData()}}),
          ins("pricing_locked_products", {{"product_id", kUnknown}}))
        .setup
        = newProduct("lock-fk");
    c.add("price locks: category locked twice", "pricing_locked_categories_pkey",
          "pricing_locked_categories", ins("pricing_locked_categories", {{"category", "'Mugs'"}}),
          ins("pricing_locked_categories", {{"category", "'Mugs'"}}));
    c.add("proposals: bad source", "price_proposals_source_check", "price_proposals",
          ins("price_proposals", {{"source", "'schedule'"}}),
          ins("price_proposals", {{"source", "'email'"}}));
    c.add("proposals: bad status", "price_proposals_status_check", "price_proposals",
          ins("price_proposals", {{"status", "'discarded'"}, {"decided_at", "1700000000"}}),
          ins("price_proposals", {{"status", "'done'"}, {"decided_at", "1700000000"}}));
    c.add("proposals: decided without a time", "price_proposals_check", "price_proposals",
          ins("price_proposals", {{"status", "'applied'"}, {"decided_at", "1700000000"}}),
          ins("price_proposals", {{"status", "'applied'"}, {"decided_at", "NULL"}}));
    c.add("proposals: negative change count", "price_proposals_change_count_check",
          "price_proposals", ins("price_proposals", {{"change_count", "0"}}),
          ins("price_proposals", {{"change_count", "-1"}}));
    c.add("proposals: unknown run", "price_proposals_run_id_fkey", "price_proposals",
          ins("price_proposals", {{"run_id", "1"}}),
          ins("price_proposals", {{"run_id", kUnknown}}));
    c.add("proposal items: product proposed twice", "price_proposal_items_pkey",
          "price_proposal_items", ins("price_proposal_items", {{"product_id", "1"}}),
          ins("price_proposal_items", {{"product_id", "1"}}));
    c.add("proposal items: unknown proposal", "price_proposal_items_proposal_id_fkey",
          "price_proposal_items",
          ins("price_proposal_items",
              {{"product_id", product("ppi-proposal").toUtf8().constData()}}),
          ins("price_proposal_items", {{"product_id", product("ppi-proposal").toUtf8().constData()},
                                       {"proposal_id", kUnknown}}))
        .setup
        = newProduct("ppi-proposal");
    c.add(
         "proposal items: unknown product", "price_proposal_items_product_id_fkey",
         "price_proposal_items",
         ins("price_proposal_items", {{"product_id", product("ppi-product").toUtf8().constData()}}),
         ins("price_proposal_items", {{"product_id", kUnknown}}))
        .setup
        = newProduct("ppi-product");
    c.add("proposal items: negative old price", "price_proposal_items_old_price_cents_check",
          "price_proposal_items",
          ins("price_proposal_items",
              {{"product_id", product("ppi-old").toUtf8().constData()}, {"old_price_cents", "0"}}),
          ins("price_proposal_items", {{"product_id", product("ppi-old-2").toUtf8().constData()},
                                       {"old_price_cents", "-1"}}))
        .setup
        = newProduct("ppi-old") + newProduct("ppi-old-2");
    c.add("proposal items: negative new price", "price_proposal_items_new_price_cents_check",
          "price_proposal_items",
          ins("price_proposal_items",
              {{"product_id", product("ppi-new").toUtf8().constData()}, {"new_price_cents", "0"}}),
          ins("price_proposal_items", {{"product_id", product("ppi-new-2").toUtf8().constData()},
                                       {"new_price_cents", "-1"}}))
        .setup
        = newProduct("ppi-new") + newProduct("ppi-new-2");
    c.add("proposal items: bad limit kind", "price_proposal_items_limit_kind_check",
          "price_proposal_items",
          ins("price_proposal_items", {{"product_id", product("ppi-limit").toUtf8().constData()},
                                       {"limit_kind", "'floor'"}}),
          ins("price_proposal_items", {{"product_id", product("ppi-limit-2").toUtf8().constData()},
                                       {"limit_kind", "'max'"}}))
        .setup
        = newProduct("ppi-limit") + newProduct("ppi-limit-2");

    // plan history (migration 6): periods of a known subscription on a known plan, never ending
    // before they start, at most one open period per subscription.
    c.add("plan periods: unknown subscription", "subscription_plan_periods_subscription_id_fkey",
          "subscription_plan_periods", ins("subscription_plan_periods"),
          ins("subscription_plan_periods", {{"subscription_id", kUnknown}}));
    c.add("plan periods: unknown plan", "subscription_plan_periods_plan_id_fkey",
          "subscription_plan_periods", ins("subscription_plan_periods"),
          ins("subscription_plan_periods", {{"plan_id", kUnknown}}));
    c.add("plan periods: ends before it starts", "subscription_plan_periods_check",
          "subscription_plan_periods",
          ins("subscription_plan_periods", {{"ended_at", "1700000000"}}),
          ins("subscription_plan_periods", {{"ended_at", "1699999999"}}));
    Case &twoOpen = c.add(
        "plan periods: two open periods of one subscription", "", "subscription_plan_periods",
        ins("subscription_plan_periods",
            {{"subscription_id", "(SELECT MAX(id) FROM subscriptions)"}, {"ended_at", "NULL"}}),
        ins("subscription_plan_periods",
            {{"subscription_id", "(SELECT MAX(id) FROM subscriptions)"}, {"ended_at", "NULL"}}));
    twoOpen.setup = {ins("subscriptions")};
    twoOpen.sqliteText = QStringLiteral("UNIQUE constraint failed");
    twoOpen.postgresText = QStringLiteral("subscription_plan_periods_open");

    // subscription boxes (migration 4): cycles, boxes, their items. Each row makes the cycle
    // (and box) it needs, so the unique keys of different rows never meet.
    const auto cycle = [](const char *month) {
        return QStringLiteral("(SELECT id FROM box_cycles WHERE cycle = '%1')")
            .arg(QLatin1String(month));
    };
    const auto newCycle = [](const char *month) {
        return ins("box_cycles",
                   {{"cycle", QByteArray("'").append(month).append("'").constData()}});
    };
    const auto box = [](const char *month) {
        return QStringLiteral("(SELECT b.id FROM boxes b JOIN box_cycles c ON c.id = b.cycle_id "
                              "WHERE c.cycle = '%1')")
            .arg(QLatin1String(month));
    };
    const auto newBox = [&cycle](const char *month) {
        return ins("boxes", {{"cycle_id", cycle(month).toUtf8().constData()}});
    };
    c.add("box cycles: cycle confirmed twice", "box_cycles_cycle_key", "box_cycles",
          ins("box_cycles", {{"cycle", "'2025-01'"}}), ins("box_cycles", {{"cycle", "'2025-01'"}}));
    c.add("box cycles: cycle not YYYY-MM", "box_cycles_cycle_check", "box_cycles",
          ins("box_cycles", {{"cycle", "'2025-12'"}}), ins("box_cycles", {{"cycle", "'2025/12'"}}));
    c.add("box cycles: month 13", "box_cycles_cycle_check", "box_cycles",
          ins("box_cycles", {{"cycle", "'2025-11'"}}), ins("box_cycles", {{"cycle", "'2025-13'"}}));
    c.add("box cycles: negative box count", "box_cycles_box_count_check", "box_cycles",
          ins("box_cycles", {{"cycle", "'2025-02'"}, {"box_count", "0"}}),
          ins("box_cycles", {{"cycle", "'2025-03'"}, {"box_count", "-1"}}));
    c.add("box cycles: negative unfilled count", "box_cycles_unfilled_count_check", "box_cycles",
          ins("box_cycles", {{"cycle", "'2025-04'"}, {"unfilled_count", "0"}}),
          ins("box_cycles", {{"cycle", "'2025-05'"}, {"unfilled_count", "-1"}}));
    c.add("boxes: unknown cycle", "boxes_cycle_id_fkey", "boxes",
          ins("boxes", {{"cycle_id", cycle("2024-01").toUtf8().constData()}}),
          ins("boxes", {{"cycle_id", kUnknown}}))
        .setup
        = {newCycle("2024-01")};
    c.add("boxes: unknown subscription", "boxes_subscription_id_fkey", "boxes",
          ins("boxes", {{"cycle_id", cycle("2024-02").toUtf8().constData()}}),
          ins("boxes",
              {{"cycle_id", cycle("2024-02").toUtf8().constData()}, {"subscription_id", kUnknown}}))
        .setup
        = {newCycle("2024-02")};
    c.add("boxes: two boxes for a subscriber in one cycle", "boxes_cycle_id_subscription_id_key",
          "boxes", ins("boxes", {{"cycle_id", cycle("2024-03").toUtf8().constData()}}),
          ins("boxes", {{"cycle_id", cycle("2024-03").toUtf8().constData()}}))
        .setup
        = {newCycle("2024-03")};
    c.add("boxes: empty plan name", "boxes_plan_name_check", "boxes",
          ins("boxes", {{"cycle_id", cycle("2024-04").toUtf8().constData()}}),
          ins("boxes", {{"cycle_id", cycle("2024-05").toUtf8().constData()}, {"plan_name", "''"}}))
        .setup
        = {newCycle("2024-04"), newCycle("2024-05")};
    c.add("box items: product twice in a box", "box_items_pkey", "box_items",
          ins("box_items", {{"box_id", box("2024-06").toUtf8().constData()}}),
          ins("box_items", {{"box_id", box("2024-06").toUtf8().constData()}}))
        .setup
        = {newCycle("2024-06"), newBox("2024-06")};
    c.add("box items: unknown box", "box_items_box_id_fkey", "box_items",
          ins("box_items", {{"box_id", box("2024-07").toUtf8().constData()}}),
          ins("box_items", {{"box_id", kUnknown}}))
        .setup
        = {newCycle("2024-07"), newBox("2024-07")};
    c.add("box items: unknown product", "box_items_product_id_fkey", "box_items",
          ins("box_items", {{"box_id", box("2024-08").toUtf8().constData()}}),
          ins("box_items",
              {{"box_id", box("2024-08").toUtf8().constData()}, {"product_id", kUnknown}}))
        .setup
        = {newCycle("2024-08"), newBox("2024-08")};
    c.add(
         "box items: exclusive flag 2", "box_items_is_exclusive_check", "box_items",
         ins("box_items", {{"box_id", box("2024-09").toUtf8().constData()}, {"is_exclusive", "1"}}),
         ins("box_items", {{"box_id", box("2024-10").toUtf8().constData()}, {"is_exclusive", "2"}}))
        .setup
        = {newCycle("2024-09"), newBox("2024-09"), newCycle("2024-10"), newBox("2024-10")};
    Case &shippedProduct
        = c.add("products: delete one that was shipped in a box", "box_items_product_id_fkey",
                "products", QStringLiteral("DELETE FROM products WHERE sku = 'NEVER-BOXED'"),
                QStringLiteral("DELETE FROM products WHERE sku = 'BOXED'"));
    shippedProduct.setup
        = {ins("products", {{"sku", "'NEVER-BOXED'"}}), ins("products", {{"sku", "'BOXED'"}}),
           newCycle("2024-11"), newBox("2024-11"),
           ins("box_items", {{"box_id", box("2024-11").toUtf8().constData()},
                             {"product_id", "(SELECT id FROM products "
                                            "WHERE sku = 'BOXED')"}})};
    shippedProduct.alsoUnchanged = {QStringLiteral("box_items")};
    // cross-sell (migration 5): runs, and the rules and bundles of the newest run
    c.add("cross-sell runs: bad source", "crosssell_runs_source_check", "crosssell_runs",
          ins("crosssell_runs", {{"source", "'cli'"}}),
          ins("crosssell_runs", {{"source", "'robot'"}}));
    c.add("cross-sell runs: support 0", "crosssell_runs_min_support_check", "crosssell_runs",
          ins("crosssell_runs", {{"min_support", "20"}}),
          ins("crosssell_runs", {{"min_support", "0"}}));
    c.add("cross-sell runs: confidence above 1", "crosssell_runs_min_confidence_check",
          "crosssell_runs", ins("crosssell_runs", {{"min_confidence", "1"}}),
          ins("crosssell_runs", {{"min_confidence", "1.01"}}));
    c.add("cross-sell runs: negative lift", "crosssell_runs_min_lift_check", "crosssell_runs",
          ins("crosssell_runs", {{"min_lift", "0"}}), ins("crosssell_runs", {{"min_lift", "-1"}}));
    c.add("cross-sell runs: min count 0", "crosssell_runs_min_count_check", "crosssell_runs",
          ins("crosssell_runs", {{"min_count", "1"}}), ins("crosssell_runs", {{"min_count", "0"}}));
    c.add("cross-sell runs: negative baskets", "crosssell_runs_basket_count_check",
          "crosssell_runs", ins("crosssell_runs", {{"basket_count", "0"}}),
          ins("crosssell_runs", {{"basket_count", "-1"}}));
    c.add("cross-sell runs: negative rule count", "crosssell_runs_rule_count_check",
          "crosssell_runs", ins("crosssell_runs", {{"rule_count", "0"}}),
          ins("crosssell_runs", {{"rule_count", "-1"}}));
    c.add("cross-sell runs: negative bundle count", "crosssell_runs_bundle_count_check",
          "crosssell_runs", ins("crosssell_runs", {{"bundle_count", "0"}}),
          ins("crosssell_runs", {{"bundle_count", "-1"}}));
    c.add("cross-sell runs: finished before started", "crosssell_runs_check", "crosssell_runs",
          ins("crosssell_runs", {{"finished_at", "1700000001"}}),
          ins("crosssell_runs", {{"finished_at", "1699999999"}}));
    const QStringList newRun{ins("crosssell_runs")};
    c.add("cross-sell rules: rule stored twice", "crosssell_rules_pkey", "crosssell_rules",
          ins("crosssell_rules"), ins("crosssell_rules"))
        .setup
        = newRun;
    c.add("cross-sell rules: unknown run", "crosssell_rules_run_id_fkey", "crosssell_rules",
          ins("crosssell_rules"), ins("crosssell_rules", {{"run_id", kUnknown}}))
        .setup
        = newRun;
    c.add("cross-sell rules: bad kind", "crosssell_rules_kind_check", "crosssell_rules",
          ins("crosssell_rules", {{"kind", "'viewed'"}}),
          ins("crosssell_rules", {{"kind", "'liked'"}}))
        .setup
        = newRun;
    c.add("cross-sell rules: unknown antecedent", "crosssell_rules_antecedent_id_fkey",
          "crosssell_rules", ins("crosssell_rules"),
          ins("crosssell_rules", {{"antecedent_id", kUnknown}}))
        .setup
        = newRun;
    c.add("cross-sell rules: unknown consequent", "crosssell_rules_consequent_id_fkey",
          "crosssell_rules", ins("crosssell_rules"),
          ins("crosssell_rules", {{"consequent_id", kUnknown}}))
        .setup
        = newRun;
    c.add("cross-sell rules: product with itself", "crosssell_rules_check", "crosssell_rules",
          ins("crosssell_rules", {{"consequent_id", "3"}}),
          ins("crosssell_rules", {{"consequent_id", "1"}}))
        .setup
        = newRun;
    c.add("cross-sell rules: count 0", "crosssell_rules_pair_count_check", "crosssell_rules",
          ins("crosssell_rules", {{"pair_count", "1"}}),
          ins("crosssell_rules", {{"kind", "'viewed'"}, {"pair_count", "0"}}))
        .setup
        = newRun;
    c.add("cross-sell rules: support above 1", "crosssell_rules_support_check", "crosssell_rules",
          ins("crosssell_rules", {{"support", "1"}}),
          ins("crosssell_rules", {{"kind", "'viewed'"}, {"support", "1.5"}}))
        .setup
        = newRun;
    c.add("cross-sell rules: confidence 0", "crosssell_rules_confidence_check", "crosssell_rules",
          ins("crosssell_rules", {{"confidence", "1"}}),
          ins("crosssell_rules", {{"kind", "'viewed'"}, {"confidence", "0"}}))
        .setup
        = newRun;
    c.add("cross-sell rules: lift 0", "crosssell_rules_lift_check", "crosssell_rules",
          ins("crosssell_rules", {{"lift", "0.01"}}),
          ins("crosssell_rules", {{"kind", "'viewed'"}, {"lift", "0"}}))
        .setup
        = newRun;
    c.add("cross-sell bundles: bundle stored twice", "crosssell_bundles_pkey", "crosssell_bundles",
          ins("crosssell_bundles"), ins("crosssell_bundles"))
        .setup
        = newRun;
    c.add("cross-sell bundles: unknown run", "crosssell_bundles_run_id_fkey", "crosssell_bundles",
          ins("crosssell_bundles"), ins("crosssell_bundles", {{"run_id", kUnknown}}))
        .setup
        = newRun;
    c.add("cross-sell bundles: unknown first product", "crosssell_bundles_product_a_fkey",
          "crosssell_bundles", ins("crosssell_bundles"),
          ins("crosssell_bundles", {{"product_a", "-5"}}))
        .setup
        = newRun;
    c.add("cross-sell bundles: unknown second product", "crosssell_bundles_product_b_fkey",
          "crosssell_bundles", ins("crosssell_bundles"),
          ins("crosssell_bundles", {{"product_b", "5"}, {"product_c", "10"}}))
        .setup
        = newRun;
    c.add("cross-sell bundles: unknown third product", "crosssell_bundles_product_c_fkey",
          "crosssell_bundles", ins("crosssell_bundles"),
          ins("crosssell_bundles", {{"product_c", kUnknown}}))
        .setup
        = newRun;
    c.add("cross-sell bundles: not in id order", "crosssell_bundles_check", "crosssell_bundles",
          ins("crosssell_bundles"),
          ins("crosssell_bundles", {{"product_a", "2"}, {"product_b", "1"}}))
        .setup
        = newRun;
    c.add("cross-sell bundles: count 0", "crosssell_bundles_bundle_count_check",
          "crosssell_bundles", ins("crosssell_bundles", {{"bundle_count", "1"}}),
          ins("crosssell_bundles", {{"product_c", "4"}, {"bundle_count", "0"}}))
        .setup
        = newRun;
    c.add("cross-sell bundles: support 0", "crosssell_bundles_support_check", "crosssell_bundles",
          ins("crosssell_bundles", {{"support", "1"}}),
          ins("crosssell_bundles", {{"product_c", "4"}, {"support", "0"}}))
        .setup
        = newRun;

    // jobs and settings
    c.add("scheduled jobs: duplicate job type", "scheduled_jobs_job_type_key", "scheduled_jobs",
          ins("scheduled_jobs", {{"job_type", "'reprice'"}}),
          ins("scheduled_jobs", {{"job_type", "'reprice'"}}));
    c.add("scheduled jobs: empty job type", "scheduled_jobs_job_type_check", "scheduled_jobs",
          ins("scheduled_jobs", {{"job_type", "'j'"}}),
          ins("scheduled_jobs", {{"job_type", "''"}}));
    c.add("scheduled jobs: enabled flag 2", "scheduled_jobs_enabled_check", "scheduled_jobs",
          ins("scheduled_jobs", {{"enabled", "1"}}), ins("scheduled_jobs", {{"enabled", "2"}}));
    c.add("scheduled jobs: bad schedule kind", "scheduled_jobs_schedule_kind_check",
          "scheduled_jobs", ins("scheduled_jobs", {{"schedule_kind", "'times'"}}),
          ins("scheduled_jobs", {{"schedule_kind", "'cron'"}}));
    c.add("scheduled jobs: interval 0", "scheduled_jobs_interval_minutes_check", "scheduled_jobs",
          ins("scheduled_jobs", {{"interval_minutes", "1"}}),
          ins("scheduled_jobs", {{"interval_minutes", "0"}}));
    c.add("scheduled jobs: bad apply mode", "scheduled_jobs_apply_mode_check", "scheduled_jobs",
          ins("scheduled_jobs", {{"apply_mode", "'apply'"}}),
          ins("scheduled_jobs", {{"apply_mode", "'auto'"}}));
    c.add("scheduled jobs: interval without minutes", "scheduled_jobs_check", "scheduled_jobs",
          ins("scheduled_jobs", {{"schedule_kind", "'times'"}, {"interval_minutes", "NULL"}}),
          ins("scheduled_jobs", {{"schedule_kind", "'interval'"}, {"interval_minutes", "NULL"}}));
    c.add("job runs: bad status", "job_runs_status_check", "job_runs",
          ins("job_runs", {{"status", "'skipped'"}}), ins("job_runs", {{"status", "'crashed'"}}));
    c.add("settings: duplicate name", "settings_pkey", "settings",
          ins("settings", {{"name", "'currency'"}}), ins("settings", {{"name", "'currency'"}}));
    return c.take();
}

// The error text each backend gives for a constraint, from PostgreSQL's constraint name.
QString expectedText(const Case &row, Backend backend)
{
    if (backend == Backend::Postgres) {
        if (!row.postgresText.isEmpty())
            return row.postgresText;
        return QLatin1Char('"') + row.constraint + QLatin1Char('"');
    }
    if (!row.sqliteText.isEmpty())
        return row.sqliteText;
    if (row.constraint.endsWith(QLatin1String("_fkey")))
        return QStringLiteral("FOREIGN KEY constraint failed");
    if (row.constraint.endsWith(QLatin1String("_key"))
        || row.constraint.endsWith(QLatin1String("_pkey"))) {
        return QStringLiteral("UNIQUE constraint failed");
    }
    return QStringLiteral("CHECK constraint failed");
}

} // namespace

class tst_Constraints : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejects_data();
    void rejects();
    void everyConstraintHasARow();
    void cleanupTestCase();

private:
    QStringList tableRows(const QString &table);
    // Runs a statement; returns the number of rows it changed, or -1 with *error set.
    int run(const QString &statement, QString *error);

    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::optional<Database> m_db;
};

void tst_Constraints::initTestCase()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    m_db.emplace(std::move(*db));

    // One row per table for the others to reference, with id 1 (customers: also id 2).
    const QStringList fixtures = {
        ins("products", {{"id", "1"}}),        ins("customers", {{"id", "1"}}),
        ins("customers", {{"id", "2"}}),       ins("orders", {{"id", "1"}}),
        ins("price_runs", {{"id", "1"}}),      ins("plans", {{"id", "1"}}),
        ins("features", {{"id", "1"}}),        ins("subscriptions", {{"id", "1"}}),
        ins("segments", {{"id", "1"}}),        ins("campaigns", {{"id", "1"}}),
        ins("badges", {{"id", "1"}}),          ins("challenges", {{"id", "1"}}),
        ins("price_proposals", {{"id", "1"}}), ins("products", {{"id", "2"}}),
        ins("products", {{"id", "3"}}),        ins("products", {{"id", "4"}}),
        ins("products", {{"id", "10"}}),       ins("loyalty_tiers", {{"id", "1"}}),
        ins("loyalty_perks", {{"id", "1"}}),   ins("loyalty_rewards", {{"id", "1"}}),
    };
    for (const QString &statement : fixtures)
        MD_VERIFY(sql::exec(m_db->sql(), statement));
    for (const char *table :
         {"products", "customers", "orders", "price_runs", "plans", "features", "subscriptions",
          "segments", "campaigns", "badges", "challenges", "price_proposals", "loyalty_tiers",
          "loyalty_perks", "loyalty_rewards"}) {
        const QString reset = m_db->dialect().resetIdentity(QString::fromLatin1(table));
        if (!reset.isEmpty())
            MD_VERIFY(sql::exec(m_db->sql(), reset));
    }
}

void tst_Constraints::cleanupTestCase()
{
    m_db.reset();
    m_scratch.reset();
}

int tst_Constraints::run(const QString &statement, QString *error)
{
    QSqlQuery query(m_db->sql());
    if (!query.exec(statement)) {
        *error = query.lastError().text();
        return -1;
    }
    return query.numRowsAffected();
}

QStringList tst_Constraints::tableRows(const QString &table)
{
    QStringList rows;
    QSqlQuery query(m_db->sql());
    if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(table)))
        return {QStringLiteral("cannot read %1: %2").arg(table, query.lastError().text())};
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i) {
            const QVariant value = query.value(i);
            values << (value.isNull() ? QStringLiteral("NULL") : value.toString());
        }
        rows << values.join(QLatin1Char('|'));
    }
    return rows;
}

void tst_Constraints::rejects_data()
{
    QTest::addColumn<QString>("constraint");
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QString>("valid");
    QTest::addColumn<QString>("invalid");
    QTest::addColumn<QStringList>("tables");
    QTest::addColumn<QString>("expected");
    for (const Case &row : constraintCases()) {
        QTest::newRow(row.name.constData())
            << row.constraint << row.setup << row.valid << row.invalid
            << (QStringList{row.table} + row.alsoUnchanged) << expectedText(row, test::backend());
    }
}

void tst_Constraints::rejects()
{
    QFETCH(QString, constraint);
    QFETCH(QStringList, setup);
    QFETCH(QString, valid);
    QFETCH(QString, invalid);
    QFETCH(QStringList, tables);
    QFETCH(QString, expected);

    QString error;
    for (const QString &statement : setup)
        QVERIFY2(run(statement, &error) > 0, qPrintable(statement + QStringLiteral(": ") + error));
    // The twin that the constraint must let through, and that must really change a row.
    QVERIFY2(run(valid, &error) > 0,
             qPrintable(QStringLiteral("accepted variant refused or changed nothing: ") + valid
                        + QStringLiteral("\n") + error));

    std::vector<QStringList> before;
    for (const QString &table : tables)
        before.push_back(tableRows(table));
    error.clear();
    QVERIFY2(run(invalid, &error) < 0, qPrintable(QStringLiteral("accepted: ") + invalid));
    QVERIFY2(
        error.contains(expected, Qt::CaseInsensitive),
        qPrintable(QStringLiteral("expected \"%1\" (%2) in: %3").arg(expected, constraint, error)));
    for (qsizetype i = 0; i < tables.size(); ++i)
        QCOMPARE(tableRows(tables.at(i)), before.at(size_t(i)));
}

void tst_Constraints::everyConstraintHasARow()
{
    if (test::backend() != Backend::Postgres)
        QSKIP("reads PostgreSQL's catalogue of named constraints; the _postgres variant runs it");

    // Every CHECK, UNIQUE and FOREIGN KEY, and every primary key that is a natural key (not the
    // generated id), of the tables the migrations created.
    auto query = sql::select(
        m_db->sql(),
        QStringLiteral("SELECT con.conname FROM pg_constraint con "
                       "JOIN pg_class c ON c.oid = con.conrelid "
                       "JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = current_schema() AND c.relname <> 'schema_migrations' "
                       "AND (con.contype IN ('c', 'u', 'f') OR (con.contype = 'p' AND NOT EXISTS ("
                       "  SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.conrelid "
                       "  AND a.attnum = ANY (con.conkey) AND a.attname = 'id'))) "
                       "ORDER BY 1"));
    MD_VERIFY(query);
    QSet<QString> inSchema;
    while (query->next())
        inSchema << query->value(0).toString();
    QVERIFY(inSchema.size() > 100);

    QSet<QString> tested;
    for (const Case &row : constraintCases()) {
        if (!row.constraint.isEmpty())
            tested << row.constraint;
    }
    QStringList missing = (inSchema - tested).values();
    missing.sort();
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("constraints without a row: ") + missing.join(u", ")));
    QStringList unknown = (tested - inSchema).values();
    unknown.sort();
    QVERIFY2(unknown.isEmpty(),
             qPrintable(QStringLiteral("rows naming no constraint of the schema: ")
                        + unknown.join(u", ")));
}

QTEST_GUILESS_MAIN(tst_Constraints)
#include "tst_constraints.moc"
