#include "entitycatalog.h"

#include "core/money.h"

namespace md {

namespace {

using F = FieldDescriptor;
using T = FieldDescriptor::Type;
using E = FieldDescriptor::Empty;
using S = FieldDescriptor::Sign;
using Kind = EntityDescriptor::Kind;

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

QStringList list(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *text : texts)
        out << QString::fromLatin1(text);
    return out;
}

qint64 intOf(const CellValue &value)
{
    return std::holds_alternative<qint64>(value) ? std::get<qint64>(value) : 0;
}

QString textOf(const CellValue &value)
{
    return std::holds_alternative<QString>(value) ? std::get<QString>(value) : QString();
}

// Fields that look the same in several files.
F keyField(const char *name, const char *column, std::initializer_list<const char *> synonyms)
{
    return F{.name = str(name),
             .type = T::Key,
             .column = str(column),
             .empty = E::Required,
             .synonyms = list(synonyms),
             .key = true};
}

F reference(const char *name, const char *column, E empty, const char *table, const char *key,
            std::initializer_list<const char *> synonyms, bool isKey = false)
{
    const bool email = QByteArrayView(key) == "email";
    return F{.name = str(name),
             .type = email ? T::Email : T::Key,
             .column = str(column),
             .empty = empty,
             .synonyms = list(synonyms),
             .refTable = str(table),
             .refKey = str(key),
             .key = isKey};
}

F money(const char *name, const char *column, E empty, std::initializer_list<const char *> syn)
{
    return F{.name = str(name),
             .type = T::Money,
             .column = str(column),
             .empty = empty,
             .synonyms = list(syn)};
}

F timestamp(const char *name, E empty, std::initializer_list<const char *> synonyms,
            const char *defaultValue = "")
{
    return F{.name = str(name),
             .type = T::Timestamp,
             .column = str(name),
             .empty = empty,
             .defaultValue = str(defaultValue),
             .synonyms = list(synonyms)};
}

F text(const char *name, std::initializer_list<const char *> synonyms, E empty = E::Default)
{
    return F{.name = str(name),
             .type = T::Text,
             .column = str(name),
             .empty = empty,
             .synonyms = list(synonyms)};
}

F choice(const char *name, E empty, const char *defaultValue,
         std::initializer_list<const char *> choices, std::initializer_list<const char *> syn)
{
    return F{.name = str(name),
             .type = T::Choice,
             .column = str(name),
             .empty = empty,
             .defaultValue = str(defaultValue),
             .synonyms = list(syn),
             .choices = list(choices)};
}

F integer(const char *name, E empty, const char *defaultValue, S sign,
          std::initializer_list<const char *> synonyms)
{
    return F{.name = str(name),
             .type = T::Integer,
             .column = str(name),
             .empty = empty,
             .defaultValue = str(defaultValue),
             .synonyms = list(synonyms),
             .sign = sign};
}

F flag(const char *name, const char *defaultValue, std::initializer_list<const char *> synonyms)
{
    return F{.name = str(name),
             .type = T::Flag,
             .column = str(name),
             .empty = E::Default,
             .defaultValue = str(defaultValue),
             .synonyms = list(synonyms)};
}

EntityDescriptor products()
{
    EntityDescriptor e;
    e.uniqueKey = true;
    e.name = str("products");
    e.aliases = list({"product", "catalog"});
    e.table = str("products");
    F sku = keyField("sku", "sku",
                     {"product sku", "item sku", "product code", "item code", "item number",
                      "article number", "code"});
    sku.maxLength = 100;
    e.fields = {
        sku,
        F{.name = str("title"),
          .type = T::Text,
          .column = str("title"),
          .empty = E::Required,
          .synonyms = list({"name", "product name", "product title"})},
        text("category", {"product category", "product type", "type", "department"}),
        money("cost", "cost_cents", E::Null,
              {"cost price", "unit cost", "cost per item", "purchase price"}),
        money("base_price", "base_price_cents", E::Required,
              {"price", "regular price", "list price", "base price"}),
        F{.name = str("current_price"),
          .type = T::Money,
          .column = str("current_price_cents"),
          .empty = E::CopyOf,
          .synonyms = list({"sale price", "selling price", "current price"}),
          .copyOf = str("base_price")},
        money("min_price", "min_price_cents", E::Null, {"minimum price", "price floor"}),
        money("max_price", "max_price_cents", E::Null, {"maximum price", "price ceiling"}),
        integer("stock_level", E::Default, "0", S::NonNegative,
                {"stock", "stock quantity", "quantity", "qty", "inventory", "on hand"}),
        F{.name = str("demand_score"),
          .type = T::Decimal,
          .column = str("demand_score"),
          .empty = E::Default,
          .defaultValue = str("0"),
          .synonyms = list({"demand"})},
        flag("is_exclusive", "0", {"exclusive"}),
    };
    e.stampOnInsert = list({"created_at", "updated_at"});
    e.stampOnUpdate = str("updated_at");
    e.exportOrder = str("t.id");
    e.check = [](const std::vector<CellValue> &row, const EntityDescriptor::Report &report) {
        const CellValue &min = row[6];
        const CellValue &max = row[7];
        if (!isNull(min) && !isNull(max) && intOf(max) < intOf(min)) {
            report(7, EntityCatalog::tr("the maximum price is below the minimum price (%1)")
                          .arg(money::toPlain(intOf(min))));
        }
    };
    return e;
}

EntityDescriptor inventory()
{
    EntityDescriptor e;
    e.name = str("inventory");
    e.aliases = list({"stock"});
    e.table = str("products");
    e.kind = Kind::UpdateOnly;
    e.fields = {
        keyField(
            "sku", "sku",
            {"product sku", "item sku", "product code", "item code", "article number", "code"}),
        integer(
            "stock_level", E::Required, "", S::NonNegative,
            {"stock", "stock quantity", "quantity", "qty", "inventory", "on hand", "available"}),
    };
    e.stampOnUpdate = str("updated_at");
    e.exportOrder = str("t.id");
    return e;
}

EntityDescriptor customers()
{
    EntityDescriptor e;
    e.uniqueKey = true;
    e.name = str("customers");
    e.aliases = list({"customer"});
    e.table = str("customers");
    e.fields = {
        F{.name = str("email"),
          .type = T::Email,
          .column = str("email"),
          .empty = E::Required,
          .synonyms = list({"e-mail", "email address", "customer email"}),
          .key = true},
        text("first_name", {"first name", "firstname", "given name"}),
        text("last_name", {"last name", "lastname", "surname", "family name"}),
        timestamp("created_at", E::Keep, {"created", "customer since", "signed up"}, "now"),
        flag("accepts_marketing", "0", {"accepts email marketing", "marketing", "newsletter"}),
        timestamp("unsubscribed_at", E::Null, {"unsubscribed"}),
    };
    e.exportOrder = str("t.id");
    return e;
}

EntityDescriptor orders()
{
    EntityDescriptor e;
    e.uniqueKey = true;
    e.name = str("orders");
    e.aliases = list({"order"});
    e.table = str("orders");
    e.fields = {
        keyField("order_id", "order_number", {"order", "order number", "order_number", "order no"}),
        reference("customer_email", "customer_id", E::Null, "customers", "email",
                  {"email", "customer", "e-mail"}),
        timestamp("ordered_at", E::Required, {"order date", "date", "placed at", "created_at"}),
        choice("status", E::Default, "completed", {"pending", "completed", "cancelled", "refunded"},
               {"order status"}),
        F{.name = str("total"),
          .type = T::Money,
          .column = str("total_cents"),
          .empty = E::Keep,
          .defaultValue = str("0"),
          .synonyms = list({"order total", "total price"})},
    };
    e.exportOrder = str("t.id");
    return e;
}

EntityDescriptor orderLines()
{
    EntityDescriptor e;
    e.name = str("order_lines");
    e.aliases = list({"order-lines", "orderlines", "lines", "order_line"});
    e.table = str("order_lines");
    e.fields = {
        reference("order_id", "order_id", E::Required, "orders", "order_number",
                  {"order", "order number", "order_number"}, true),
        reference("sku", "product_id", E::Required, "products", "sku",
                  {"product sku", "product code", "item code"}, true),
        integer("quantity", E::Required, "", S::Positive, {"qty", "count"}),
        money("unit_price", "unit_price_cents", E::Required, {"price", "unit price"}),
    };
    e.exportOrder = str("t.id");
    return e;
}

EntityDescriptor events()
{
    EntityDescriptor e;
    e.name = str("events");
    e.aliases = list({"event", "behaviour", "behavior"});
    e.table = str("events");
    e.kind = Kind::Log;
    e.fields = {
        choice("event_type", E::Required, "",
               {"product_viewed", "added_to_cart", "checkout_started", "order_completed"},
               {"event", "type"}),
        reference("customer_email", "customer_id", E::Null, "customers", "email",
                  {"email", "customer"}),
        reference("sku", "product_id", E::Null, "products", "sku", {"product sku", "product"}),
        reference("order_id", "order_id", E::Null, "orders", "order_number",
                  {"order", "order number"}),
        timestamp("occurred_at", E::Required, {"time", "timestamp", "date"}),
        integer("quantity", E::Default, "1", S::Positive, {"qty"}),
    };
    e.exportOrder = str("t.id");
    e.check = [](const std::vector<CellValue> &row, const EntityDescriptor::Report &report) {
        const QString type = textOf(row[0]);
        if (isNull(row[2]) && type != QLatin1String("checkout_started")
            && type != QLatin1String("order_completed")) {
            report(2, EntityCatalog::tr("a %1 event needs a product").arg(type));
        }
    };
    return e;
}

EntityDescriptor plans()
{
    EntityDescriptor e;
    e.uniqueKey = true;
    e.name = str("plans");
    e.aliases = list({"plan"});
    e.table = str("plans");
    e.fields = {
        keyField("name", "name", {"plan", "plan name"}),
        money("price", "price_cents", E::Required, {"plan price"}),
        choice("billing_interval", E::Default, "monthly", {"monthly", "quarterly", "yearly"},
               {"interval", "billing"}),
        text("description", {}),
        flag("active", "1", {"enabled"}),
        integer("display_order", E::Default, "0", S::Any, {"position", "sort order"}),
        reference("parent_plan", "parent_plan_id", E::Null, "plans", "name", {"parent"}),
    };
    e.exportOrder = str("t.id");
    e.check = [](const std::vector<CellValue> &row, const EntityDescriptor::Report &report) {
        if (!isNull(row[6]) && textOf(row[6]) == textOf(row[0]))
            report(6, EntityCatalog::tr("a plan cannot be its own parent"));
    };
    return e;
}

EntityDescriptor features()
{
    EntityDescriptor e;
    e.uniqueKey = true;
    e.name = str("features");
    e.aliases = list({"feature"});
    e.table = str("features");
    e.fields = {
        keyField("feature_key", "feature_key", {"key", "feature"}),
        text("label", {"name"}),
        choice("value_type", E::Required, "", {"bool", "int", "choice"}, {"type"}),
        text("choices", {"options"}),
        text("default_value", {"default"}),
        integer("display_order", E::Default, "0", S::Any, {"position", "sort order"}),
    };
    e.exportOrder = str("t.id");
    e.check = [](const std::vector<CellValue> &row, const EntityDescriptor::Report &report) {
        if (textOf(row[2]) == QLatin1String("choice") && textOf(row[3]).isEmpty())
            report(3, EntityCatalog::tr("a choice feature needs its choices"));
    };
    return e;
}

EntityDescriptor planFeatures()
{
    EntityDescriptor e;
    e.uniqueKey = true;
    e.name = str("plan_features");
    e.aliases = list({"plan-features", "planfeatures"});
    e.table = str("plan_features");
    e.fields = {
        reference("plan", "plan_id", E::Required, "plans", "name", {"plan name"}, true),
        reference("feature_key", "feature_id", E::Required, "features", "feature_key",
                  {"feature", "key"}, true),
        text("value", {}),
    };
    e.exportOrder = str("t.plan_id, t.feature_id");
    return e;
}

EntityDescriptor subscriptions()
{
    EntityDescriptor e;
    e.name = str("subscriptions");
    e.aliases = list({"subscription"});
    e.table = str("subscriptions");
    e.fields = {
        reference("customer_email", "customer_id", E::Required, "customers", "email",
                  {"email", "customer"}, true),
        reference("plan", "plan_id", E::Required, "plans", "name", {"plan name"}),
        choice("status", E::Default, "active", {"active", "paused", "cancelled", "past_due"},
               {"subscription status"}),
        F{.name = str("started_at"),
          .type = T::Timestamp,
          .column = str("started_at"),
          .empty = E::Required,
          .synonyms = list({"start", "started", "start date"}),
          .key = true},
        timestamp("current_period_end", E::Null, {"period end", "renews at"}),
        timestamp("paused_until", E::Null, {}),
        timestamp("cancelled_at", E::Null, {"cancelled"}),
        text("cancel_reason", {}),
        reference("next_plan", "next_plan_id", E::Null, "plans", "name", {}),
    };
    e.exportOrder = str("t.id");
    e.check = [](const std::vector<CellValue> &row, const EntityDescriptor::Report &report) {
        const QString status = textOf(row[2]);
        if (status == QLatin1String("paused") && isNull(row[5]))
            report(5, EntityCatalog::tr("a paused subscription needs paused_until"));
        if (status == QLatin1String("cancelled") && isNull(row[6]))
            report(6, EntityCatalog::tr("a cancelled subscription needs cancelled_at"));
    };
    return e;
}

EntityDescriptor loyaltyLedger()
{
    EntityDescriptor e;
    e.name = str("loyalty_ledger");
    e.aliases = list({"loyalty-ledger", "points_ledger", "ledger", "points"});
    e.table = str("points_ledger");
    e.kind = Kind::Log;
    e.appendOnly = true;
    e.fields = {
        reference("customer_email", "customer_id", E::Required, "customers", "email",
                  {"email", "customer"}),
        integer("delta", E::Required, "", S::NonZero, {"points"}),
        choice("kind", E::Required, "",
               {"earn", "reverse", "redeem", "expire", "adjust", "referral", "badge", "challenge",
                "wheel"},
               {"type"}),
        reference("order_id", "order_id", E::Null, "orders", "order_number",
                  {"order", "order number"}),
        timestamp("created_at", E::Required, {"date", "time"}),
        timestamp("expires_at", E::Null, {"expires"}),
        text("note", {"comment"}),
        F{.name = str("source"),
          .type = T::Key,
          .column = str("source"),
          .empty = E::Null,
          .synonyms = list({"for"})},
    };
    e.exportOrder = str("t.id");
    e.check = [](const std::vector<CellValue> &row, const EntityDescriptor::Report &report) {
        const QString kind = textOf(row[2]);
        const qint64 delta = intOf(row[1]);
        static const QStringList gains
            = {QStringLiteral("earn"), QStringLiteral("referral"), QStringLiteral("badge"),
               QStringLiteral("challenge"), QStringLiteral("wheel")};
        if (gains.contains(kind) && delta < 0)
            report(
                1,
                EntityCatalog::tr("%1 entries add points; the delta must be positive").arg(kind));
        if ((kind == QLatin1String("redeem") || kind == QLatin1String("expire")
             || kind == QLatin1String("reverse"))
            && delta > 0)
            report(
                1,
                EntityCatalog::tr("%1 entries take points; the delta must be negative").arg(kind));
    };
    return e;
}

EntityDescriptor loyaltyTiers()
{
    EntityDescriptor e;
    e.uniqueKey = true;
    e.name = str("loyalty_tiers");
    e.aliases = list({"loyalty-tiers", "tiers"});
    e.table = str("loyalty_tiers");
    e.fields = {
        keyField("name", "name", {"tier"}),
        integer("min_points", E::Required, "", S::NonNegative, {"points", "from points"}),
        F{.name = str("multiplier"),
          .type = T::Multiplier,
          .column = str("multiplier_bp"),
          .empty = E::Required,
          .synonyms = list({"points multiplier"}),
          .sign = S::Positive},
    };
    e.exportOrder = str("t.id");
    return e;
}

EntityDescriptor suppressions()
{
    EntityDescriptor e;
    e.uniqueKey = true;
    e.name = str("suppressions");
    e.aliases = list({"suppression", "unsubscribes"});
    e.table = str("suppressions");
    e.fields = {
        F{.name = str("email"),
          .type = T::Email,
          .column = str("email"),
          .empty = E::Required,
          .synonyms = list({"e-mail", "email address"}),
          .key = true},
        choice("reason", E::Required, "", {"unsubscribed", "bounced", "complained", "manual"}, {}),
        timestamp("created_at", E::Keep, {"created", "date"}, "now"),
        text("note", {"comment"}),
    };
    e.exportOrder = str("t.email");
    return e;
}

EntityDescriptor lockedProducts()
{
    EntityDescriptor e;
    e.uniqueKey = true;
    e.name = str("locked_products");
    e.aliases = list({"locked-products", "pricing_locked_products", "price_locks"});
    e.table = str("pricing_locked_products");
    e.fields = {
        reference("sku", "product_id", E::Required, "products", "sku",
                  {"product sku", "product code", "item code"}, true),
        timestamp("locked_at", E::Keep, {"locked", "date"}, "now"),
    };
    e.exportOrder = str("t.product_id");
    return e;
}

EntityDescriptor lockedCategories()
{
    EntityDescriptor e;
    e.uniqueKey = true;
    e.name = str("locked_categories");
    e.aliases = list({"locked-categories", "pricing_locked_categories"});
    e.table = str("pricing_locked_categories");
    e.fields = {
        keyField("category", "category", {"product category", "product type"}),
        timestamp("locked_at", E::Keep, {"locked", "date"}, "now"),
    };
    e.exportOrder = str("t.category");
    return e;
}

EntityDescriptor priceChanges()
{
    EntityDescriptor e;
    e.name = str("price_changes");
    e.aliases = list({"price-changes", "price_history", "price-history"});
    e.table = str("price_changes");
    e.kind = Kind::Log;
    e.fields = {
        reference("sku", "product_id", E::Required, "products", "sku",
                  {"product sku", "product code", "item code"}),
        money("old_price", "old_price_cents", E::Required, {"previous price", "from"}),
        money("new_price", "new_price_cents", E::Required, {"price", "to"}),
        timestamp("changed_at", E::Required, {"date", "time"}),
        text("reason", {"note", "comment"}),
    };
    e.exportOrder = str("t.id");
    return e;
}

} // namespace

const std::vector<EntityDescriptor> &EntityCatalog::all()
{
    static const std::vector<EntityDescriptor> entities = {
        products(),      inventory(),    customers(),    orders(),         orderLines(),
        events(),        plans(),        features(),     planFeatures(),   subscriptions(),
        loyaltyLedger(), loyaltyTiers(), suppressions(), lockedProducts(), lockedCategories(),
        priceChanges(),
    };
    return entities;
}

const EntityDescriptor *EntityCatalog::find(const QString &name)
{
    const QString wanted = name.trimmed().toLower();
    for (const EntityDescriptor &entity : all()) {
        if (entity.name == wanted || entity.aliases.contains(wanted))
            return &entity;
    }
    return nullptr;
}

QStringList EntityCatalog::names()
{
    QStringList out;
    for (const EntityDescriptor &entity : all())
        out << entity.name;
    return out;
}

} // namespace md
