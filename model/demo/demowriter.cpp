#include "demowriter.h"

#include "db/bulkwriter.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "deferredconstraints.h"
#include "democatalog.h"
#include "democustomers.h"
#include "demoevents.h"
#include "demoloyalty.h"
#include "demoorders.h"
#include "demoprogress.h"
#include "demoreference.h"
#include "demosubscriptions.h"
#include "loyalty/loyaltystore.h"

#include <QCoreApplication>

namespace md {

namespace {

QString latin(const char *text)
{
    return QString::fromLatin1(text);
}

// Row counts between two progress checks: cheap enough to check, often enough to cancel fast.
constexpr qint64 kCheckEvery = 2048;

void addOptional(BulkWriter &writer, qint64 value)
{
    if (value < 0)
        writer.addNull();
    else
        writer.addInt(value);
}

} // namespace

#define DEMO_TRY(expr)                                                                             \
    do {                                                                                           \
        if (auto demo_status_ = (expr); !demo_status_)                                             \
            return demo_status_;                                                                   \
    } while (false)

DemoWriter::DemoWriter(Database &db, const DemoSetup &setup, DemoProgress &progress)
    : m_db(db)
    , m_setup(setup)
    , m_progress(progress)
{}

DemoWriter::~DemoWriter() = default;

QStringList DemoWriter::tables()
{
    return {QStringLiteral("settings"),
            QStringLiteral("plans"),
            QStringLiteral("features"),
            QStringLiteral("plan_features"),
            QStringLiteral("badges"),
            QStringLiteral("challenges"),
            QStringLiteral("products"),
            QStringLiteral("price_runs"),
            QStringLiteral("price_changes"),
            QStringLiteral("customers"),
            QStringLiteral("suppressions"),
            QStringLiteral("orders"),
            QStringLiteral("order_lines"),
            QStringLiteral("events"),
            QStringLiteral("subscriptions"),
            QStringLiteral("subscription_status_log"),
            QStringLiteral("subscription_plan_periods"),
            QStringLiteral("referrals"),
            QStringLiteral("points_ledger"),
            QStringLiteral("customer_badges"),
            QStringLiteral("challenge_progress")};
}

QString DemoWriter::plantedPairsText(const DemoCatalog &catalog)
{
    QStringList pairs;
    for (const DemoCatalog::PlantedPair &pair : catalog.plantedPairs())
        pairs << catalog.sku(pair.slotA) + QLatin1Char(',') + catalog.sku(pair.slotB);
    return pairs.join(QLatin1Char(';'));
}

Status DemoWriter::cancelled() const
{
    return fail(
        DemoShop::tr("Demo shop generation was cancelled; the database was left unchanged."));
}

bool DemoWriter::step(qint64 done, qint64 total)
{
    return m_progress.advance(done, total);
}

Result<std::unique_ptr<BulkWriter>> DemoWriter::open(const QString &table,
                                                     const QStringList &columns)
{
    return BulkWriter::open(m_db, table, columns);
}

Status DemoWriter::run()
{
    DEMO_TRY(prepare());

    // SQLite, for the duration of the load only: its default page cache (2 MB) thrashes on
    // tables of this size, and its foreign-key check is a sub-program per row that makes the
    // load four times slower. Checking afterwards costs even more (PRAGMA foreign_key_check),
    // and every reference comes from an id the generator has just written, so the load runs
    // unchecked; tst_demoshop proves the result with foreign_key_check. The pragma has to be
    // set outside the transaction, where SQLite ignores it.
    const bool sqlite = !m_db.dialect().isPostgres();
    qint64 oldCache = 0;
    qint64 oldForeignKeys = 1;
    if (sqlite) {
        auto cache = sql::scalar(m_db.sql(), QStringLiteral("PRAGMA cache_size"));
        if (!cache)
            return fail(cache.error());
        oldCache = cache->toLongLong();
        auto keys = sql::scalar(m_db.sql(), QStringLiteral("PRAGMA foreign_keys"));
        if (!keys)
            return fail(keys.error());
        oldForeignKeys = keys->toLongLong();
        DEMO_TRY(sql::exec(m_db.sql(), QStringLiteral("PRAGMA cache_size = -262144")));
        DEMO_TRY(sql::exec(m_db.sql(), QStringLiteral("PRAGMA foreign_keys = OFF")));
    }
    Status loaded = load();
    if (sqlite) {
        (void)sql::exec(m_db.sql(), QStringLiteral("PRAGMA cache_size = %1").arg(oldCache));
        const Status restored
            = sql::exec(m_db.sql(), QStringLiteral("PRAGMA foreign_keys = %1").arg(oldForeignKeys));
        if (loaded && !restored) {
            return fail(DemoShop::tr("The demo shop was written, but foreign-key checks could not "
                                     "be switched back on for this connection: %1")
                            .arg(restored.error()));
        }
    }
    if (!loaded)
        return loaded;
    // Fresh statistics so the first queries on millions of rows get sensible plans; a
    // failure here only costs speed until autovacuum analyses the tables itself.
    for (const QString &table : tables()) {
        if (const QString analyze = m_db.dialect().analyze(table); !analyze.isEmpty())
            (void)sql::exec(m_db.sql(), analyze);
    }
    (void)m_progress.stage(DemoShop::tr("done"), 100, 100);
    return {};
}

Status DemoWriter::prepare()
{
    if (!m_progress.stage(DemoShop::tr("preparing"), 0, 10))
        return cancelled();
    m_catalog = std::make_unique<DemoCatalog>(m_setup);
    if (!step(2, 10))
        return cancelled();
    m_customers = std::make_unique<DemoCustomers>(m_setup);
    m_orders = std::make_unique<DemoOrders>(m_setup, *m_catalog, *m_customers);
    if (!step(4, 10))
        return cancelled();
    // Every order's total is the sum of its basket, and the orders table is written before the
    // order lines: draw each basket once here, again when its lines are written.
    const int n = m_orders->count();
    const int slice = 50'000;
    for (int begin = 0; begin < n; begin += slice) {
        m_orders->computeTotals(begin, std::min(n, begin + slice));
        if (!step(4 * qint64(n) + 5 * qint64(begin), 10 * qint64(n)))
            return cancelled();
    }
    m_loyalty = std::make_unique<DemoLoyalty>(m_setup, *m_customers, *m_orders);
    return {};
}

Status DemoWriter::load()
{
    Transaction transaction(m_db.sql(), m_db.dialect());
    DEMO_TRY(transaction.begin());
    if (m_db.dialect().isPostgres()) {
        // Index builds sort in memory instead of in temporary files.
        DEMO_TRY(sql::exec(m_db.sql(), QStringLiteral("SET LOCAL maintenance_work_mem = '256MB'")));
    }
    DeferredConstraints deferred(m_db);
    DEMO_TRY(deferred.drop(tables()));

    DEMO_TRY(writeSettings());
    DEMO_TRY(writeReference());
    DEMO_TRY(writeProducts());
    DEMO_TRY(writePriceHistory());
    DEMO_TRY(writeCustomers());
    DEMO_TRY(writeOrders());
    DEMO_TRY(writeOrderLines());
    DEMO_TRY(writeEvents());
    DEMO_TRY(writeSubscriptions());
    DEMO_TRY(writeLoyalty());

    if (!m_progress.stage(DemoShop::tr("indexes"), 77, 97))
        return cancelled();
    const int total = deferred.pending();
    for (int done = 0; deferred.pending() > 0; ++done) {
        DEMO_TRY(deferred.restoreNext());
        if (!step(done + 1, total))
            return cancelled();
    }
    for (const QString &table : tables()) {
        const QString reset = m_db.dialect().resetIdentity(table);
        if (reset.isEmpty() || table == QLatin1String("settings")
            || table == QLatin1String("suppressions") || table == QLatin1String("plan_features")
            || table == QLatin1String("customer_badges")
            || table == QLatin1String("challenge_progress")) {
            continue; // SQLite continues after the largest id; these tables have no id column
        }
        DEMO_TRY(sql::exec(m_db.sql(), reset));
    }
    if (!m_progress.stage(DemoShop::tr("saving"), 97, 100))
        return cancelled();
    return transaction.commit();
}

Status DemoWriter::writeSettings()
{
    auto writer
        = open(QStringLiteral("settings"), {QStringLiteral("name"), QStringLiteral("value")});
    if (!writer)
        return fail(writer.error());
    BulkWriter &w = **writer;
    const std::pair<const char *, QString> rows[] = {
        {"demo.as_of", m_setup.asOf.toString(Qt::ISODate)},
        {"demo.planted_pairs", plantedPairsText(*m_catalog)},
        {"demo.scale", keyOf(m_setup.scale)},
        {"demo.seed", QString::number(m_setup.seed)},
    };
    for (const auto &[name, value] : rows) {
        w.addText(latin(name));
        w.addText(value);
        DEMO_TRY(w.endRow());
    }
    return w.finish();
}

Status DemoWriter::writeReference()
{
    if (!m_progress.stage(DemoShop::tr("catalog"), 10, 16))
        return cancelled();
    // The loyalty programme's default tiers, which the ledger below earns by, unless init made
    // them already (DemoShop refuses any other tiers).
    auto tiers = sql::scalar(m_db.sql(), QStringLiteral("SELECT COUNT(*) FROM loyalty_tiers"));
    if (!tiers)
        return fail(tiers.error());
    if (tiers->toLongLong() == 0)
        DEMO_TRY(LoyaltyStore::insertDefaultTiers(m_db));
    {
        auto writer
            = open(QStringLiteral("plans"),
                   {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("price_cents"),
                    QStringLiteral("billing_interval"), QStringLiteral("description"),
                    QStringLiteral("active"), QStringLiteral("display_order")});
        if (!writer)
            return fail(writer.error());
        BulkWriter &w = **writer;
        qint64 id = 0;
        for (const DemoReference::Plan &plan : DemoReference::plans()) {
            w.addInt(++id);
            w.addText(latin(plan.name));
            w.addInt(plan.priceCents);
            w.addText(u"monthly");
            w.addText(QString::fromUtf8(plan.description));
            w.addInt(1);
            w.addInt(id);
            DEMO_TRY(w.endRow());
        }
        DEMO_TRY(w.finish());
    }
    {
        auto writer
            = open(QStringLiteral("features"),
                   {QStringLiteral("id"), QStringLiteral("feature_key"), QStringLiteral("label"),
                    QStringLiteral("value_type"), QStringLiteral("choices"),
                    QStringLiteral("default_value"), QStringLiteral("display_order")});
        if (!writer)
            return fail(writer.error());
        BulkWriter &w = **writer;
        qint64 id = 0;
        for (const DemoReference::Feature &feature : DemoReference::features()) {
            w.addInt(++id);
            w.addText(latin(feature.key));
            w.addText(latin(feature.label));
            w.addText(latin(feature.type));
            w.addText(latin(feature.choices));
            w.addText(latin(feature.defaultValue));
            w.addInt(id);
            DEMO_TRY(w.endRow());
        }
        DEMO_TRY(w.finish());
    }
    {
        // Every plan states every feature, even where it equals the default: the matrix is
        // complete and no plan inherits from another.
        auto writer = open(
            QStringLiteral("plan_features"),
            {QStringLiteral("plan_id"), QStringLiteral("feature_id"), QStringLiteral("value")});
        if (!writer)
            return fail(writer.error());
        BulkWriter &w = **writer;
        const auto &plans = DemoReference::plans();
        for (size_t p = 0; p < plans.size(); ++p) {
            for (size_t f = 0; f < plans[p].values.size(); ++f) {
                w.addInt(qint64(p) + 1);
                w.addInt(qint64(f) + 1);
                w.addText(latin(plans[p].values[f]));
                DEMO_TRY(w.endRow());
            }
        }
        DEMO_TRY(w.finish());
    }
    {
        auto writer = open(QStringLiteral("badges"),
                           {QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("name"),
                            QStringLiteral("description"), QStringLiteral("rule"),
                            QStringLiteral("bonus_points")});
        if (!writer)
            return fail(writer.error());
        BulkWriter &w = **writer;
        qint64 id = 0;
        for (const DemoReference::Badge &badge : DemoReference::badges()) {
            w.addInt(++id);
            w.addText(latin(badge.code));
            w.addText(latin(badge.name));
            w.addText(latin(badge.description));
            w.addText(latin(badge.rule));
            w.addInt(badge.bonusPoints);
            DEMO_TRY(w.endRow());
        }
        DEMO_TRY(w.finish());
    }
    {
        auto writer = open(QStringLiteral("challenges"),
                           {QStringLiteral("id"), QStringLiteral("name"),
                            QStringLiteral("description"), QStringLiteral("goal_kind"),
                            QStringLiteral("goal_value"), QStringLiteral("reward_points"),
                            QStringLiteral("starts_at"), QStringLiteral("ends_at")});
        if (!writer)
            return fail(writer.error());
        BulkWriter &w = **writer;
        qint64 id = 0;
        for (const DemoReference::Challenge &challenge : DemoReference::challenges()) {
            w.addInt(++id);
            w.addText(latin(challenge.name));
            w.addText(latin(challenge.description));
            w.addText(latin(challenge.goalKind));
            w.addInt(challenge.goalValue);
            w.addInt(challenge.rewardPoints);
            w.addInt(m_setup.asOfEpoch - challenge.startsDaysBefore * DemoSetup::kDay);
            w.addInt(m_setup.asOfEpoch - challenge.endsDaysBefore * DemoSetup::kDay);
            DEMO_TRY(w.endRow());
        }
        DEMO_TRY(w.finish());
    }
    return {};
}

Status DemoWriter::writeProducts()
{
    auto writer = open(QStringLiteral("products"),
                       {QStringLiteral("id"), QStringLiteral("sku"), QStringLiteral("title"),
                        QStringLiteral("category"), QStringLiteral("cost_cents"),
                        QStringLiteral("base_price_cents"), QStringLiteral("current_price_cents"),
                        QStringLiteral("min_price_cents"), QStringLiteral("max_price_cents"),
                        QStringLiteral("stock_level"), QStringLiteral("demand_score"),
                        QStringLiteral("is_exclusive"), QStringLiteral("created_at"),
                        QStringLiteral("updated_at")});
    if (!writer)
        return fail(writer.error());
    BulkWriter &w = **writer;
    const DemoCatalog &catalog = *m_catalog;
    const qint64 n = catalog.productCount();
    for (qint64 id = 1; id <= n; ++id) {
        const DemoCatalog::Product p = catalog.product(id);
        w.addInt(id);
        w.addText(catalog.sku(catalog.slotOfId(id)));
        w.addText(catalog.title(id));
        w.addText(catalog.categories()[size_t(p.category)].name);
        w.addInt(p.costCents);
        w.addInt(p.basePriceCents);
        w.addInt(p.currentPriceCents);
        addOptional(w, p.minPriceCents);
        addOptional(w, p.maxPriceCents);
        w.addInt(p.stockLevel);
        w.addReal(p.demandScore);
        w.addInt(p.exclusive ? 1 : 0);
        w.addInt(p.createdAt);
        w.addInt(p.updatedAt);
        DEMO_TRY(w.endRow());
        if (id % kCheckEvery == 0 && !step(id, n))
            return cancelled();
    }
    return w.finish();
}

Status DemoWriter::writePriceHistory()
{
    if (!m_progress.stage(DemoShop::tr("price history"), 16, 18))
        return cancelled();
    const DemoCatalog &catalog = *m_catalog;
    {
        auto writer
            = open(QStringLiteral("price_runs"),
                   {QStringLiteral("id"), QStringLiteral("source"), QStringLiteral("started_by"),
                    QStringLiteral("started_at"), QStringLiteral("finished_at"),
                    QStringLiteral("change_count"), QStringLiteral("parameters")});
        if (!writer)
            return fail(writer.error());
        BulkWriter &w = **writer;
        qint64 id = 0;
        for (const DemoCatalog::PricingRun &run : catalog.priceRuns()) {
            w.addInt(++id);
            w.addText(latin(run.source));
            w.addText(latin(run.startedBy));
            w.addInt(run.startedAt);
            w.addInt(run.finishedAt);
            w.addInt(run.changeCount);
            w.addText(latin(run.parameters));
            DEMO_TRY(w.endRow());
        }
        DEMO_TRY(w.finish());
    }
    auto writer
        = open(QStringLiteral("price_changes"),
               {QStringLiteral("id"), QStringLiteral("product_id"), QStringLiteral("run_id"),
                QStringLiteral("old_price_cents"), QStringLiteral("new_price_cents"),
                QStringLiteral("changed_at"), QStringLiteral("reason")});
    if (!writer)
        return fail(writer.error());
    BulkWriter &w = **writer;
    const qint64 n = catalog.productCount();
    qint64 changeId = 0;
    for (qint64 id = 1; id <= n; ++id) {
        const DemoCatalog::Product p = catalog.product(id);
        for (const DemoCatalog::PricingChange &change : p.changes) {
            w.addInt(++changeId);
            w.addInt(id);
            w.addInt(change.run + 1);
            w.addInt(change.oldPrice);
            w.addInt(change.newPrice);
            w.addInt(change.at);
            w.addText(latin(change.reason));
            DEMO_TRY(w.endRow());
        }
        if (id % kCheckEvery == 0 && !step(id, n))
            return cancelled();
    }
    return w.finish();
}

Status DemoWriter::writeCustomers()
{
    if (!m_progress.stage(DemoShop::tr("customers"), 18, 22))
        return cancelled();
    const DemoCustomers &customers = *m_customers;
    const int n = customers.count();
    std::vector<std::pair<QString, qint64>> unsubscribed;
    {
        auto writer
            = open(QStringLiteral("customers"),
                   {QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("first_name"),
                    QStringLiteral("last_name"), QStringLiteral("created_at"),
                    QStringLiteral("accepts_marketing"), QStringLiteral("unsubscribed_at")});
        if (!writer)
            return fail(writer.error());
        BulkWriter &w = **writer;
        for (int c = 0; c < n; ++c) {
            const DemoCustomers::Customer row = customers.customer(c);
            w.addInt(row.id);
            w.addText(row.email);
            w.addText(row.firstName);
            w.addText(row.lastName);
            w.addInt(row.createdAt);
            w.addInt(row.acceptsMarketing ? 1 : 0);
            addOptional(w, row.unsubscribedAt);
            DEMO_TRY(w.endRow());
            if (row.unsubscribedAt >= 0)
                unsubscribed.emplace_back(row.email, row.unsubscribedAt);
            if ((c + 1) % kCheckEvery == 0 && !step(c + 1, n))
                return cancelled();
        }
        DEMO_TRY(w.finish());
    }
    // An unsubscribe is also a suppression, so no campaign can reach the address again.
    auto writer = open(QStringLiteral("suppressions"),
                       {QStringLiteral("email"), QStringLiteral("reason"),
                        QStringLiteral("created_at"), QStringLiteral("note")});
    if (!writer)
        return fail(writer.error());
    BulkWriter &w = **writer;
    for (const auto &[email, at] : unsubscribed) {
        w.addText(email);
        w.addText(u"unsubscribed");
        w.addInt(at);
        w.addText(u"Unsubscribed from marketing e-mail");
        DEMO_TRY(w.endRow());
    }
    return w.finish();
}

Status DemoWriter::writeOrders()
{
    if (!m_progress.stage(DemoShop::tr("orders"), 22, 30))
        return cancelled();
    auto writer = open(QStringLiteral("orders"),
                       {QStringLiteral("id"), QStringLiteral("order_number"),
                        QStringLiteral("customer_id"), QStringLiteral("ordered_at"),
                        QStringLiteral("status"), QStringLiteral("total_cents")});
    if (!writer)
        return fail(writer.error());
    BulkWriter &w = **writer;
    const DemoOrders &orders = *m_orders;
    const QString statuses[]
        = {keyOf(DemoOrders::Status::Completed), keyOf(DemoOrders::Status::Pending),
           keyOf(DemoOrders::Status::Cancelled), keyOf(DemoOrders::Status::Refunded)};
    const int n = orders.count();
    for (int k = 0; k < n; ++k) {
        w.addInt(k + 1);
        w.addText(DemoOrders::orderNumber(k));
        const int customer = orders.customer(k);
        addOptional(w, customer < 0 ? -1 : customer + 1);
        w.addInt(orders.orderedAt(k));
        w.addText(statuses[int(orders.status(k))]);
        w.addInt(orders.totalCents(k));
        DEMO_TRY(w.endRow());
        if ((k + 1) % kCheckEvery == 0 && !step(k + 1, n))
            return cancelled();
    }
    return w.finish();
}

Status DemoWriter::writeOrderLines()
{
    if (!m_progress.stage(DemoShop::tr("order lines"), 30, 55))
        return cancelled();
    auto writer
        = open(QStringLiteral("order_lines"),
               {QStringLiteral("id"), QStringLiteral("order_id"), QStringLiteral("product_id"),
                QStringLiteral("quantity"), QStringLiteral("unit_price_cents")});
    if (!writer)
        return fail(writer.error());
    BulkWriter &w = **writer;
    const DemoOrders &orders = *m_orders;
    const int n = orders.count();
    std::vector<DemoOrders::Line> lines;
    qint64 lineId = 0;
    for (int k = 0; k < n; ++k) {
        orders.basket(k, lines);
        for (const DemoOrders::Line &line : lines) {
            w.addInt(++lineId);
            w.addInt(k + 1);
            w.addInt(m_catalog->idOfSlot(line.slot));
            w.addInt(line.quantity);
            w.addInt(line.unitPriceCents);
            DEMO_TRY(w.endRow());
        }
        if ((k + 1) % kCheckEvery == 0 && !step(k + 1, n))
            return cancelled();
    }
    return w.finish();
}

Status DemoWriter::writeEvents()
{
    if (!m_progress.stage(DemoShop::tr("events"), 55, 65))
        return cancelled();
    auto writer
        = open(QStringLiteral("events"),
               {QStringLiteral("id"), QStringLiteral("event_type"), QStringLiteral("customer_id"),
                QStringLiteral("product_id"), QStringLiteral("order_id"),
                QStringLiteral("occurred_at"), QStringLiteral("quantity")});
    if (!writer)
        return fail(writer.error());
    BulkWriter &w = **writer;
    const DemoEvents events(m_setup, *m_catalog, *m_customers, *m_orders);
    using Type = DemoEvents::Type;
    const QString types[] = {keyOf(Type::ProductViewed), keyOf(Type::AddedToCart),
                             keyOf(Type::CheckoutStarted), keyOf(Type::OrderCompleted)};
    std::vector<DemoEvents::Event> day;
    qint64 eventId = 0;
    const int days = events.dayCount();
    for (int d = 0; d < days; ++d) {
        events.day(d, day);
        for (const DemoEvents::Event &event : day) {
            w.addInt(++eventId);
            w.addText(types[int(event.type)]);
            addOptional(w, event.customer < 0 ? -1 : event.customer + 1);
            addOptional(w, event.slot < 0 ? -1 : m_catalog->idOfSlot(event.slot));
            addOptional(w, event.order < 0 ? -1 : event.order + 1);
            w.addInt(event.at);
            w.addInt(event.quantity);
            DEMO_TRY(w.endRow());
        }
        if (!step(d + 1, days))
            return cancelled();
    }
    return w.finish();
}

Status DemoWriter::writeSubscriptions()
{
    if (!m_progress.stage(DemoShop::tr("subscriptions"), 65, 67))
        return cancelled();
    const DemoSubscriptions subscriptions(m_setup, *m_customers);
    const int n = m_customers->count();
    DemoSubscriptions::Subscription s;
    {
        auto writer = open(QStringLiteral("subscriptions"),
                           {QStringLiteral("id"), QStringLiteral("customer_id"),
                            QStringLiteral("plan_id"), QStringLiteral("status"),
                            QStringLiteral("started_at"), QStringLiteral("current_period_end"),
                            QStringLiteral("paused_until"), QStringLiteral("cancelled_at"),
                            QStringLiteral("cancel_reason"), QStringLiteral("next_plan_id")});
        if (!writer)
            return fail(writer.error());
        BulkWriter &w = **writer;
        qint64 id = 0;
        for (int c = 0; c < n; ++c) {
            if (!subscriptions.forCustomer(c, s))
                continue;
            w.addInt(++id);
            w.addInt(c + 1);
            w.addInt(s.plan);
            w.addText(latin(s.status));
            w.addInt(s.startedAt);
            addOptional(w, s.currentPeriodEnd);
            addOptional(w, s.pausedUntil);
            addOptional(w, s.cancelledAt);
            w.addText(latin(s.cancelReason));
            addOptional(w, s.nextPlan > 0 ? s.nextPlan : -1);
            DEMO_TRY(w.endRow());
        }
        DEMO_TRY(w.finish());
    }
    if (!step(1, 2))
        return cancelled();
    // The same sub-streams again, now for the log: COPY cannot feed two tables at once.
    auto writer = open(QStringLiteral("subscription_status_log"),
                       {QStringLiteral("id"), QStringLiteral("subscription_id"),
                        QStringLiteral("changed_at"), QStringLiteral("old_status"),
                        QStringLiteral("new_status"), QStringLiteral("note")});
    if (!writer)
        return fail(writer.error());
    BulkWriter &w = **writer;
    qint64 subscriptionId = 0;
    qint64 logId = 0;
    for (int c = 0; c < n; ++c) {
        if (!subscriptions.forCustomer(c, s))
            continue;
        ++subscriptionId;
        for (const DemoSubscriptions::Change &change : s.log) {
            w.addInt(++logId);
            w.addInt(subscriptionId);
            w.addInt(change.at);
            if (change.oldStatus)
                w.addText(latin(change.oldStatus));
            else
                w.addNull();
            w.addText(latin(change.newStatus));
            w.addText(latin(change.note));
            DEMO_TRY(w.endRow());
        }
    }
    DEMO_TRY(w.finish());
    return writePlanPeriods(subscriptions);
}

Status DemoWriter::writePlanPeriods(const DemoSubscriptions &subscriptions)
{
    auto writer
        = open(QStringLiteral("subscription_plan_periods"),
               {QStringLiteral("id"), QStringLiteral("subscription_id"), QStringLiteral("plan_id"),
                QStringLiteral("started_at"), QStringLiteral("ended_at")});
    if (!writer)
        return fail(writer.error());
    BulkWriter &w = **writer;
    DemoSubscriptions::Subscription s;
    qint64 subscriptionId = 0;
    qint64 periodId = 0;
    for (int c = 0; c < m_customers->count(); ++c) {
        if (!subscriptions.forCustomer(c, s))
            continue;
        ++subscriptionId;
        for (const DemoSubscriptions::PlanPeriod &period : s.periods) {
            w.addInt(++periodId);
            w.addInt(subscriptionId);
            w.addInt(period.plan);
            w.addInt(period.from);
            addOptional(w, period.to);
            DEMO_TRY(w.endRow());
        }
    }
    return w.finish();
}

Status DemoWriter::writeLoyalty()
{
    if (!m_progress.stage(DemoShop::tr("loyalty"), 67, 77))
        return cancelled();
    const DemoLoyalty &loyalty = *m_loyalty;
    {
        auto writer = open(QStringLiteral("referrals"),
                           {QStringLiteral("id"), QStringLiteral("referrer_id"),
                            QStringLiteral("code"), QStringLiteral("referred_email"),
                            QStringLiteral("referred_customer_id"), QStringLiteral("created_at"),
                            QStringLiteral("converted_at"), QStringLiteral("reward_points")});
        if (!writer)
            return fail(writer.error());
        BulkWriter &w = **writer;
        qint64 id = 0;
        for (const DemoLoyalty::Referral &referral : loyalty.referrals()) {
            w.addInt(++id);
            w.addInt(referral.referrer + 1);
            w.addText(referral.code);
            w.addText(referral.email);
            addOptional(w, referral.referred < 0 ? -1 : referral.referred + 1);
            w.addInt(referral.createdAt);
            addOptional(w, referral.convertedAt);
            w.addInt(referral.rewardPoints);
            DEMO_TRY(w.endRow());
        }
        DEMO_TRY(w.finish());
    }

    std::vector<DemoLoyalty::Award> awards;
    std::vector<DemoLoyalty::Progress> progress;
    {
        auto writer = open(QStringLiteral("points_ledger"),
                           {QStringLiteral("id"), QStringLiteral("customer_id"),
                            QStringLiteral("delta"), QStringLiteral("kind"),
                            QStringLiteral("order_id"), QStringLiteral("created_at"),
                            QStringLiteral("note"), QStringLiteral("source")});
        if (!writer)
            return fail(writer.error());
        BulkWriter &w = **writer;
        std::vector<DemoLoyalty::Entry> ledger;
        qint64 id = 0;
        const int n = m_customers->count();
        for (int c = 0; c < n; ++c) {
            loyalty.replay(c, ledger, awards, progress);
            for (const DemoLoyalty::Entry &entry : ledger) {
                w.addInt(++id);
                w.addInt(c + 1);
                w.addInt(entry.delta);
                w.addText(latin(entry.kind));
                addOptional(w, entry.order < 0 ? -1 : entry.order + 1);
                w.addInt(entry.at);
                w.addText(entry.note);
                // An earn entry has the source LoyaltyService gives it, so an award run on the
                // demo shop finds its orders credited; the others are named after their entry.
                if (entry.order >= 0)
                    w.addText(QStringLiteral("order:%1").arg(entry.order + 1));
                else
                    w.addText(QStringLiteral("%1:%2").arg(latin(entry.kind)).arg(id));
                DEMO_TRY(w.endRow());
            }
            if ((c + 1) % kCheckEvery == 0 && !step(c + 1, n))
                return cancelled();
        }
        DEMO_TRY(w.finish());
    }
    {
        auto writer = open(QStringLiteral("customer_badges"),
                           {QStringLiteral("customer_id"), QStringLiteral("badge_id"),
                            QStringLiteral("awarded_at")});
        if (!writer)
            return fail(writer.error());
        BulkWriter &w = **writer;
        for (const DemoLoyalty::Award &award : awards) {
            w.addInt(award.customer + 1);
            w.addInt(award.badge + 1);
            w.addInt(award.at);
            DEMO_TRY(w.endRow());
        }
        DEMO_TRY(w.finish());
    }
    auto writer = open(QStringLiteral("challenge_progress"),
                       {QStringLiteral("challenge_id"), QStringLiteral("customer_id"),
                        QStringLiteral("progress"), QStringLiteral("completed_at")});
    if (!writer)
        return fail(writer.error());
    BulkWriter &w = **writer;
    for (const DemoLoyalty::Progress &row : progress) {
        w.addInt(row.challenge + 1);
        w.addInt(row.customer + 1);
        w.addInt(row.progress);
        addOptional(w, row.completedAt);
        DEMO_TRY(w.endRow());
    }
    return w.finish();
}

} // namespace md
