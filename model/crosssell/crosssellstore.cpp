#include "crosssellstore.h"

#include "countmap.h"
#include "db/bulkwriter.h"
#include "db/database.h"
#include "db/rowcursor.h"
#include "db/sql.h"
#include "db/transaction.h"

#include <QSqlQuery>

#include <algorithm>

namespace md {

namespace {

constexpr qint64 kDay = 86400;

QString sinceClause(const char *column, std::optional<qint64> sinceAt)
{
    // An integer written into the statement, not user text: keeps the cursor on PostgreSQL's
    // COPY fast path, which takes no bound values.
    if (!sinceAt)
        return {};
    return QStringLiteral(" AND %1 >= %2").arg(QLatin1String(column)).arg(*sinceAt);
}

QVariant nullableInt(std::optional<qint64> value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

} // namespace

OrderBasketSource::OrderBasketSource(const Database &db, std::optional<qint64> sinceAt)
    : m_db(db)
    , m_sinceAt(sinceAt)
{}

QString OrderBasketSource::where() const
{
    return QStringLiteral("o.status = 'completed'") + sinceClause("o.ordered_at", m_sinceAt);
}

qint64 OrderBasketSource::expectedBaskets()
{
    if (m_loaded)
        return qint64(m_offsets.size()) - 1;
    auto count
        = sql::scalar(m_db.sql(), QStringLiteral("SELECT COUNT(*) FROM orders o WHERE ") + where());
    return count ? count->toLongLong() : 0;
}

Status OrderBasketSource::load(const LoadProgress &progress)
{
    if (m_loaded)
        return {};
    m_products.clear();
    m_items.clear();
    m_offsets.clear();
    // The completed orders, as a bitmap over the order ids (ids follow the row count, so it
    // stays small: 2.5 M orders take 300 KB); a sorted list when the ids are far apart.
    std::vector<qint64> completed;
    {
        auto cursor = RowCursor::open(
            m_db, QStringLiteral("SELECT o.id FROM orders o WHERE %1").arg(where()));
        if (!cursor)
            return fail(tr("Reading the orders: %1").arg(cursor.error()));
        while ((*cursor)->next())
            completed.push_back((*cursor)->toInt(0));
        if (!(*cursor)->error().isEmpty())
            return fail(tr("Reading the orders: %1").arg((*cursor)->error()));
    }
    std::sort(completed.begin(), completed.end());
    const qint64 maxOrder = completed.empty() ? 0 : completed.back();
    const bool useBitmap = !completed.empty() && completed.front() >= 0
                           && quint64(maxOrder) <= 64 * quint64(completed.size()) + (1 << 20);
    std::vector<bool> bitmap;
    if (useBitmap) {
        bitmap.assign(size_t(maxOrder) + 1, false);
        for (qint64 id : completed)
            bitmap[size_t(id)] = true;
        completed = {};
    }
    const auto isCompleted = [&](qint64 order) {
        if (useBitmap)
            return order >= 0 && order <= maxOrder && bitmap[size_t(order)];
        return std::binary_search(completed.begin(), completed.end(), order);
    };

    // Product ids to dense indices through a vector indexed by id (4 bytes a product), or a
    // hash map when the ids are too far apart for that.
    auto maxProduct = sql::scalar(m_db.sql(), QStringLiteral("SELECT MAX(id) FROM products"));
    if (!maxProduct)
        return fail(tr("Reading the products: %1").arg(maxProduct.error()));
    const qint64 productLimit = maxProduct->toLongLong();
    const bool denseProducts = productLimit >= 0 && productLimit < (qint64(1) << 24);
    std::vector<quint32> productIndex(denseProducts ? size_t(productLimit) + 1 : 0, 0);
    CountMap productMap(denseProducts ? 16 : 1 << 16);
    const auto indexOf = [&](qint64 product) -> quint32 {
        quint32 *slot = nullptr;
        quint32 found = 0;
        if (denseProducts && product >= 0 && product <= productLimit) {
            slot = &productIndex[size_t(product)];
            found = *slot;
        } else {
            found = productMap.value(quint64(product));
        }
        if (found)
            return found - 1;
        m_products.push_back(product);
        const auto index = quint32(m_products.size());
        if (slot)
            *slot = index;
        else
            productMap.add(quint64(product), index);
        return index - 1;
    };

    auto total = sql::scalar(m_db.sql(), QStringLiteral("SELECT MAX(id) FROM order_lines"));
    if (!total)
        return fail(tr("Reading the order lines: %1").arg(total.error()));
    const qint64 expectedLines = total->toLongLong();

    // The lines in table order: one pass over the table, no index lookups, no sort. Each run
    // of lines of one order becomes a run in m_items; runs arrive in increasing order id when
    // the lines were written order by order (always so far), otherwise they are put in order
    // and the runs of one order joined below.
    std::vector<qint64> runOrders;
    bool increasing = true;
    m_items.reserve(size_t(std::clamp<qint64>(expectedLines, 0, qint64(1) << 30)));
    {
        auto cursor
            = RowCursor::open(m_db, QStringLiteral("SELECT order_id, product_id FROM order_lines"));
        if (!cursor)
            return fail(tr("Reading the order lines: %1").arg(cursor.error()));
        RowCursor &rows = **cursor;
        qint64 current = 0;
        qint64 read = 0;
        while (rows.next()) {
            if (++read % 65536 == 0 && progress && !progress(read, expectedLines))
                return {};
            const qint64 order = rows.toInt(0);
            if (!isCompleted(order))
                continue;
            if (runOrders.empty() || order != current) {
                if (!runOrders.empty() && order < current)
                    increasing = false;
                runOrders.push_back(order);
                m_offsets.push_back(m_items.size());
                current = order;
            }
            m_items.push_back(indexOf(rows.toInt(1)));
        }
        if (!rows.error().isEmpty())
            return fail(tr("Reading the order lines: %1").arg(rows.error()));
    }
    m_offsets.push_back(m_items.size());

    if (!increasing) {
        std::vector<size_t> runs(runOrders.size());
        for (size_t i = 0; i < runs.size(); ++i)
            runs[i] = i;
        std::stable_sort(runs.begin(), runs.end(),
                         [&](size_t a, size_t b) { return runOrders[a] < runOrders[b]; });
        std::vector<quint32> items;
        items.reserve(m_items.size());
        std::vector<size_t> offsets;
        offsets.reserve(runs.size() + 1);
        for (size_t k = 0; k < runs.size(); ++k) {
            const size_t run = runs[k];
            if (k == 0 || runOrders[run] != runOrders[runs[k - 1]])
                offsets.push_back(items.size());
            items.insert(items.end(), m_items.begin() + qsizetype(m_offsets[run]),
                         m_items.begin() + qsizetype(m_offsets[run + 1]));
        }
        offsets.push_back(items.size());
        m_items = std::move(items);
        m_offsets = std::move(offsets);
    }
    // The reserve above counted every line; give back what the other orders' lines left over.
    if (m_items.size() < m_items.capacity() / 4 * 3)
        m_items.shrink_to_fit();
    if (progress)
        progress(expectedLines, expectedLines);
    m_loaded = true;
    return {};
}

Status OrderBasketSource::scan(const Visit &visit)
{
    if (auto loaded = load({}); !loaded)
        return loaded;
    std::vector<qint64> basket;
    for (size_t k = 0; k + 1 < m_offsets.size(); ++k) {
        basket.clear();
        for (size_t i = m_offsets[k]; i < m_offsets[k + 1]; ++i)
            basket.push_back(m_products[m_items[i]]);
        if (!visit(basket))
            break;
    }
    return {};
}

ViewSessionSource::ViewSessionSource(const Database &db, std::optional<qint64> sinceAt)
    : m_db(db)
    , m_sinceAt(sinceAt)
{}

Status ViewSessionSource::scan(const Visit &visit)
{
    // Two sorted streams merged by (customer, day). PostgreSQL runs one COPY per connection at
    // a time, so the purchases come through a second connection.
    auto other = m_db.openAnother();
    if (!other)
        return fail(tr("Reading the views: %1").arg(other.error()));
    auto views = RowCursor::open(
        m_db, QStringLiteral("SELECT customer_id, occurred_at / %1, product_id FROM events "
                             "WHERE event_type = 'product_viewed' AND customer_id IS NOT NULL "
                             "AND product_id IS NOT NULL%2 ORDER BY 1, 2")
                  .arg(kDay)
                  .arg(sinceClause("occurred_at", m_sinceAt)));
    if (!views)
        return fail(tr("Reading the views: %1").arg(views.error()));
    auto buys = RowCursor::open(
        *other, QStringLiteral("SELECT o.customer_id, o.ordered_at / %1, l.product_id "
                               "FROM orders o JOIN order_lines l ON l.order_id = o.id "
                               "WHERE o.status = 'completed' AND o.customer_id IS NOT NULL%2 "
                               "ORDER BY 1, 2")
                    .arg(kDay)
                    .arg(sinceClause("o.ordered_at", m_sinceAt)));
    if (!buys)
        return fail(tr("Reading the purchases: %1").arg(buys.error()));
    RowCursor &v = **views;
    RowCursor &b = **buys;

    using Key = std::pair<qint64, qint64>;
    bool hasBuy = b.next();
    std::vector<qint64> viewed;
    std::vector<qint64> bought;
    bool hasView = v.next();
    bool go = true;
    while (go && hasView) {
        const Key session{v.toInt(0), v.toInt(1)};
        viewed.clear();
        bought.clear();
        while (hasView && Key{v.toInt(0), v.toInt(1)} == session) {
            viewed.push_back(v.toInt(2));
            hasView = v.next();
        }
        while (hasBuy && Key{b.toInt(0), b.toInt(1)} < session)
            hasBuy = b.next();
        while (hasBuy && Key{b.toInt(0), b.toInt(1)} == session) {
            bought.push_back(b.toInt(2));
            hasBuy = b.next();
        }
        go = visit(viewed, bought);
    }
    if (!v.error().isEmpty())
        return fail(tr("Reading the views: %1").arg(v.error()));
    if (!b.error().isEmpty())
        return fail(tr("Reading the purchases: %1").arg(b.error()));
    return {};
}

Result<qint64> CrossSellStore::save(const Database &db, CrossSellRun run,
                                    const MiningResult &bought, const MiningResult *viewed)
{
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return fail(tr("Storing the cross-sell rules: %1").arg(begun.error()));
    run.ruleCount = qint64(bought.rules.size()) + (viewed ? qint64(viewed->rules.size()) : 0);
    run.bundleCount = qint64(bought.bundles.size());
    auto id = sql::scalar(
        db.sql(),
        QStringLiteral("INSERT INTO crosssell_runs (source, started_at, finished_at, since_at, "
                       "min_support, min_confidence, min_lift, min_count, basket_count, "
                       "rule_count, bundle_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "RETURNING id"),
        {keyOf(run.source), run.startedAt, run.finishedAt, nullableInt(run.parameters.sinceAt),
         run.parameters.minSupport, run.parameters.minConfidence, run.parameters.minLift,
         bought.minCount, bought.baskets, run.ruleCount, run.bundleCount});
    if (!id)
        return fail(tr("Storing the cross-sell run: %1").arg(id.error()));
    const qint64 runId = id->toLongLong();
    for (const char *table : {"crosssell_rules", "crosssell_bundles"}) {
        if (auto cleared = sql::exec(
                db.sql(),
                QStringLiteral("DELETE FROM %1 WHERE run_id <> ?").arg(QLatin1String(table)),
                {runId});
            !cleared) {
            return fail(tr("Removing the rules of earlier runs: %1").arg(cleared.error()));
        }
    }

    auto rules = BulkWriter::open(db, QStringLiteral("crosssell_rules"),
                                  {QStringLiteral("run_id"), QStringLiteral("kind"),
                                   QStringLiteral("antecedent_id"), QStringLiteral("consequent_id"),
                                   QStringLiteral("pair_count"), QStringLiteral("support"),
                                   QStringLiteral("confidence"), QStringLiteral("lift")});
    if (!rules)
        return fail(tr("Storing the cross-sell rules: %1").arg(rules.error()));
    const auto writeRules = [&](const MiningResult &result, const QString &kind) -> Status {
        for (const PairRule &rule : result.rules) {
            (*rules)->addInt(runId);
            (*rules)->addText(kind);
            (*rules)->addInt(rule.antecedent);
            (*rules)->addInt(rule.consequent);
            (*rules)->addInt(rule.count);
            (*rules)->addReal(rule.support);
            (*rules)->addReal(rule.confidence);
            (*rules)->addReal(rule.lift);
            if (auto ended = (*rules)->endRow(); !ended)
                return ended;
        }
        return {};
    };
    Status written = writeRules(bought, keyOf(RuleRow::Kind::Bought));
    if (written && viewed)
        written = writeRules(*viewed, keyOf(RuleRow::Kind::Viewed));
    if (written)
        written = (*rules)->finish();
    if (!written)
        return fail(tr("Storing the cross-sell rules: %1").arg(written.error()));
    rules->reset();

    auto bundles = BulkWriter::open(db, QStringLiteral("crosssell_bundles"),
                                    {QStringLiteral("run_id"), QStringLiteral("product_a"),
                                     QStringLiteral("product_b"), QStringLiteral("product_c"),
                                     QStringLiteral("bundle_count"), QStringLiteral("support")});
    if (!bundles)
        return fail(tr("Storing the bundles: %1").arg(bundles.error()));
    for (const Bundle &bundle : bought.bundles) {
        (*bundles)->addInt(runId);
        (*bundles)->addInt(bundle.a);
        (*bundles)->addInt(bundle.b);
        (*bundles)->addInt(bundle.c);
        (*bundles)->addInt(bundle.count);
        (*bundles)->addReal(bundle.support);
        if (written = (*bundles)->endRow(); !written)
            break;
    }
    if (written)
        written = (*bundles)->finish();
    if (!written)
        return fail(tr("Storing the bundles: %1").arg(written.error()));
    bundles->reset();
    if (auto committed = tx.commit(); !committed)
        return fail(tr("Storing the cross-sell rules: %1").arg(committed.error()));
    return runId;
}

Result<std::optional<CrossSellRun>> CrossSellStore::latestRun(const Database &db)
{
    auto query = sql::select(
        db.sql(), QStringLiteral("SELECT id, source, started_at, finished_at, since_at, "
                                 "min_support, min_confidence, min_lift, min_count, "
                                 "basket_count, rule_count, bundle_count FROM crosssell_runs "
                                 "ORDER BY id DESC LIMIT 1"));
    if (!query)
        return fail(tr("Reading the last cross-sell run: %1").arg(query.error()));
    if (!query->next())
        return std::optional<CrossSellRun>();
    CrossSellRun run;
    run.id = query->value(0).toLongLong();
    run.source
        = fromKey<CrossSellSource>(query->value(1).toString()).value_or(CrossSellSource::Manual);
    run.startedAt = query->value(2).toLongLong();
    run.finishedAt = query->value(3).toLongLong();
    if (!query->value(4).isNull())
        run.parameters.sinceAt = query->value(4).toLongLong();
    run.parameters.minSupport = query->value(5).toDouble();
    run.parameters.minConfidence = query->value(6).toDouble();
    run.parameters.minLift = query->value(7).toDouble();
    run.minCount = query->value(8).toLongLong();
    run.baskets = query->value(9).toLongLong();
    run.ruleCount = query->value(10).toLongLong();
    run.bundleCount = query->value(11).toLongLong();
    return std::optional<CrossSellRun>(run);
}

Result<std::vector<RuleRow>> CrossSellStore::rules(const Database &db, qint64 runId,
                                                   const QList<qint64> &antecedents)
{
    QVariantList values{runId};
    QString filter;
    if (!antecedents.isEmpty()) {
        filter
            = QStringLiteral(" AND r.antecedent_id IN (%1)").arg(placeholders(antecedents.size()));
        for (qint64 id : antecedents)
            values << id;
    }
    auto query = sql::select(
        db.sql(),
        QStringLiteral("SELECT r.kind, r.antecedent_id, r.consequent_id, r.pair_count, r.support, "
                       "r.confidence, r.lift, a.sku, a.title, a.stock_level, b.sku, b.title, "
                       "b.stock_level FROM crosssell_rules r "
                       "JOIN products a ON a.id = r.antecedent_id "
                       "JOIN products b ON b.id = r.consequent_id WHERE r.run_id = ?%1 "
                       "ORDER BY r.lift DESC, r.pair_count DESC, r.antecedent_id, "
                       "r.consequent_id")
            .arg(filter),
        values);
    if (!query)
        return fail(tr("Reading the cross-sell rules: %1").arg(query.error()));
    std::vector<RuleRow> rows;
    while (query->next()) {
        RuleRow row;
        row.kind
            = fromKey<RuleRow::Kind>(query->value(0).toString()).value_or(RuleRow::Kind::Bought);
        row.rule.antecedent = query->value(1).toLongLong();
        row.rule.consequent = query->value(2).toLongLong();
        row.rule.count = query->value(3).toLongLong();
        row.rule.support = query->value(4).toDouble();
        row.rule.confidence = query->value(5).toDouble();
        row.rule.lift = query->value(6).toDouble();
        row.antecedent = {query->value(7).toString(), query->value(8).toString(),
                          query->value(9).toLongLong()};
        row.consequent = {query->value(10).toString(), query->value(11).toString(),
                          query->value(12).toLongLong()};
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<std::vector<BundleRow>> CrossSellStore::bundles(const Database &db, qint64 runId)
{
    auto query = sql::select(
        db.sql(),
        QStringLiteral("SELECT x.product_a, x.product_b, x.product_c, x.bundle_count, x.support, "
                       "a.sku, a.title, a.stock_level, b.sku, b.title, b.stock_level, "
                       "c.sku, c.title, c.stock_level FROM crosssell_bundles x "
                       "JOIN products a ON a.id = x.product_a "
                       "JOIN products b ON b.id = x.product_b "
                       "JOIN products c ON c.id = x.product_c WHERE x.run_id = ? "
                       "ORDER BY x.bundle_count DESC, x.product_a, x.product_b, x.product_c"),
        {runId});
    if (!query)
        return fail(tr("Reading the bundles: %1").arg(query.error()));
    std::vector<BundleRow> rows;
    while (query->next()) {
        BundleRow row;
        row.bundle = {query->value(0).toLongLong(), query->value(1).toLongLong(),
                      query->value(2).toLongLong(), query->value(3).toLongLong(),
                      query->value(4).toDouble()};
        row.a = {query->value(5).toString(), query->value(6).toString(),
                 query->value(7).toLongLong()};
        row.b = {query->value(8).toString(), query->value(9).toString(),
                 query->value(10).toLongLong()};
        row.c = {query->value(11).toString(), query->value(12).toString(),
                 query->value(13).toLongLong()};
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<QList<qint64>> CrossSellStore::productIds(const Database &db, const QStringList &skus)
{
    QList<qint64> ids;
    QStringList missing;
    for (const QString &sku : skus) {
        auto id
            = sql::select(db.sql(), QStringLiteral("SELECT id FROM products WHERE sku = ?"), {sku});
        if (!id)
            return fail(tr("Looking up SKU %1: %2").arg(sku, id.error()));
        if (id->next())
            ids << id->value(0).toLongLong();
        else
            missing << sku;
    }
    if (!missing.isEmpty())
        return fail(tr("No product has the SKU %1.").arg(missing.join(QStringLiteral(", "))));
    return ids;
}

} // namespace md
