#include "boxcyclestore.h"

#include "db/sql.h"
#include "db/transaction.h"
#include "entitlementservice.h"
#include "io/csvwriter.h"
#include "planstore.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <map>

namespace md {

Result<qint64> BoxCycleStore::cycleStart(const QString &cycle)
{
    static const QRegularExpression shape(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto match = shape.match(cycle);
    const QDate date = match.hasMatch()
                           ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), 1)
                           : QDate();
    if (!date.isValid())
        return fail(tr("“%1” is not a cycle: give a month as YYYY-MM, such as 2026-12").arg(cycle));
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

quint64 BoxCycleStore::defaultSeed(const QString &cycle)
{
    return quint64(QString(cycle).remove(QLatin1Char('-')).toLongLong());
}

Result<bool> BoxCycleStore::isConfirmed(const Database &db, const QString &cycle)
{
    auto count = sql::scalar(
        db.sql(), QStringLiteral("SELECT COUNT(*) FROM box_cycles WHERE cycle = ?"), {cycle});
    if (!count)
        return fail(tr("Reading the box cycles: %1").arg(count.error()));
    return count->toLongLong() > 0;
}

Result<BoxCycleInput> BoxCycleStore::load(const Database &db, const QString &cycle, quint64 seed)
{
    auto start = cycleStart(cycle);
    if (!start)
        return fail(start.error());
    BoxCycleInput input;
    input.cycle = cycle;
    input.cycleStart = *start;
    input.seed = seed;
    const qint64 end
        = QDateTime::fromSecsSinceEpoch(*start, QTimeZone::utc()).addMonths(1).toSecsSinceEpoch();

    auto matrix = PlanStore::load(db);
    if (!matrix)
        return fail(matrix.error());
    const FeatureDef *items = matrix->featureByKey(QStringLiteral("target_item_count"));
    const FeatureDef *hasExclusive = matrix->featureByKey(QStringLiteral("exclusive_item"));
    const FeatureDef *exclusives = matrix->featureByKey(QStringLiteral("num_exclusive_items"));
    if (!items) {
        return fail(tr("No feature has the key target_item_count: add it on the Plans page "
                       "(a whole number) to say how many items a box holds"));
    }

    auto products
        = sql::select(db.sql(), QStringLiteral("SELECT id, sku, title, stock_level, is_exclusive "
                                               "FROM products WHERE stock_level > 0 ORDER BY id"));
    if (!products)
        return fail(tr("Reading the products: %1").arg(products.error()));
    while (products->next()) {
        input.products.push_back({products->value(0).toLongLong(), products->value(3).toLongLong(),
                                  products->value(4).toInt() != 0});
        input.productSku.push_back(products->value(1).toString());
        input.productTitle.push_back(products->value(2).toString());
    }

    // What each customer received in their last 3 boxes before this cycle.
    auto recent
        = sql::select(db.sql(),
                      QStringLiteral("SELECT r.customer_id, i.product_id FROM ("
                                     "  SELECT b.id, s.customer_id, ROW_NUMBER() OVER ("
                                     "    PARTITION BY s.customer_id ORDER BY c.cycle DESC) AS n"
                                     "  FROM boxes b JOIN box_cycles c ON c.id = b.cycle_id"
                                     "  JOIN subscriptions s ON s.id = b.subscription_id"
                                     "  WHERE c.cycle < ?) r "
                                     "JOIN box_items i ON i.box_id = r.id WHERE r.n <= 3"),
                      {cycle});
    if (!recent)
        return fail(tr("Reading the earlier boxes: %1").arg(recent.error()));
    QHash<qint64, std::vector<qint64>> received;
    while (recent->next())
        received[recent->value(0).toLongLong()].push_back(recent->value(1).toLongLong());

    // Subscribers who get a box: active at the start of the month (a pause that ends by then
    // counts as active), started before the month ends. The entitlement check decides.
    auto subs = sql::select(
        db.sql(),
        QStringLiteral("SELECT s.id, s.customer_id, s.plan_id, s.status, s.started_at, "
                       "s.paused_until, s.cancelled_at, c.email FROM subscriptions s "
                       "JOIN customers c ON c.id = s.customer_id "
                       "WHERE s.status IN ('active', 'paused') AND s.started_at < ? "
                       "ORDER BY s.id"),
        {end});
    if (!subs)
        return fail(tr("Reading the subscriptions: %1").arg(subs.error()));
    std::vector<SubscriptionRow> one(1);
    const qint64 at = std::max(*start, qint64(0));
    while (subs->next()) {
        SubscriptionRow &row = one.front();
        row.id = subs->value(0).toLongLong();
        row.customerId = subs->value(1).toLongLong();
        row.planId = subs->value(2).toLongLong();
        row.status = fromKey<SubscriptionStatus>(subs->value(3).toString())
                         .value_or(SubscriptionStatus::Cancelled);
        row.startedAt = std::min(subs->value(4).toLongLong(), at);
        row.pausedUntil = subs->value(5).toLongLong();
        row.cancelledAt = subs->value(6).toLongLong();
        const Entitlement count = EntitlementService::evaluate(*matrix, one, *items, at);
        if (!count.entitled())
            continue;
        BoxSubscriber s;
        s.subscriptionId = row.id;
        s.startedAt = subs->value(4).toLongLong();
        const PlanDef *plan = matrix->plan(row.planId);
        s.tierCents = plan ? plan->monthlyCents() : 0;
        s.itemCount = count.value.toInt();
        if (hasExclusive && exclusives
            && FeatureValue::isTrue(
                EntitlementService::evaluate(*matrix, one, *hasExclusive, at).value)) {
            s.exclusiveCount
                = EntitlementService::evaluate(*matrix, one, *exclusives, at).value.toInt();
        }
        if (const auto it = received.constFind(row.customerId); it != received.constEnd())
            s.recentProducts = *it;
        input.subscribers.push_back(std::move(s));
        input.email.push_back(subs->value(7).toString());
        input.planName.push_back(count.planName);
    }
    return input;
}

Result<BoxCycleSummary> BoxCycleStore::confirm(const Database &db, const BoxCycleInput &input,
                                               const BoxComposition &composition, qint64 at)
{
    const QString what = tr("Confirming cycle %1").arg(input.cycle);
    Transaction tx(db.sql(), db.dialect());
    if (auto started = tx.begin(); !started)
        return fail(started.withContext(what).error());
    auto confirmed = isConfirmed(db, input.cycle);
    if (!confirmed)
        return fail(confirmed.error());
    if (*confirmed)
        return fail(tr("Cycle %1 was confirmed already; its boxes are recorded").arg(input.cycle));

    auto cycleId = sql::scalar(
        db.sql(),
        QStringLiteral("INSERT INTO box_cycles (cycle, seed, confirmed_at, box_count, "
                       "unfilled_count) VALUES (?, ?, ?, ?, ?) RETURNING id"),
        {input.cycle, qint64(input.seed & 0x7fffffffffffffffULL), at, composition.boxCount(),
         int(composition.unfilled.size())});
    if (!cycleId)
        return fail(tr("%1: %2").arg(what, cycleId.error()));

    QHash<qint64, int> productIndex;
    for (int i = 0; i < int(input.products.size()); ++i)
        productIndex.insert(input.products[size_t(i)].id, i);

    QSqlQuery box(db.sql());
    QSqlQuery item(db.sql());
    if (!box.prepare(QStringLiteral("INSERT INTO boxes (cycle_id, subscription_id, plan_name) "
                                    "VALUES (?, ?, ?) RETURNING id"))
        || !item.prepare(QStringLiteral("INSERT INTO box_items (box_id, product_id, "
                                        "is_exclusive) VALUES (?, ?, ?)"))) {
        return fail(tr("%1: %2").arg(what, sql::errorText(box)));
    }
    std::map<qint64, qint64> taken;
    for (int b = 0; b < composition.boxCount(); ++b) {
        const int s = composition.boxSubscriber[size_t(b)];
        box.bindValue(0, *cycleId);
        box.bindValue(1, input.subscribers[size_t(s)].subscriptionId);
        box.bindValue(2, input.planName[size_t(s)]);
        if (!box.exec() || !box.next())
            return fail(tr("%1: %2").arg(what, sql::errorText(box)));
        const qint64 boxId = box.value(0).toLongLong();
        box.finish();
        for (qint64 i = composition.itemStart[size_t(b)]; i < composition.itemStart[size_t(b) + 1];
             ++i) {
            item.bindValue(0, boxId);
            item.bindValue(1, composition.items[size_t(i)]);
            item.bindValue(2, composition.itemExclusive[size_t(i)] ? 1 : 0);
            if (!item.exec())
                return fail(tr("%1: %2").arg(what, sql::errorText(item)));
            ++taken[composition.items[size_t(i)]];
        }
    }

    // Take the units; a product whose stock fell since the preview refuses the whole cycle.
    QSqlQuery stock(db.sql());
    stock.prepare(QStringLiteral("UPDATE products SET stock_level = stock_level - ?, "
                                 "updated_at = ? WHERE id = ? AND stock_level >= ?"));
    qint64 itemCount = 0;
    for (const auto &[product, units] : taken) {
        stock.bindValue(0, units);
        stock.bindValue(1, at);
        stock.bindValue(2, product);
        stock.bindValue(3, units);
        if (!stock.exec())
            return fail(tr("%1: %2").arg(what, sql::errorText(stock)));
        if (stock.numRowsAffected() != 1) {
            const int index = productIndex.value(product, -1);
            return fail(tr("%1: the stock of %2 fell below the %3 units the boxes need since "
                           "they were composed; compose the cycle again")
                            .arg(what, index >= 0 ? input.productSku[size_t(index)]
                                                  : QString::number(product))
                            .arg(units));
        }
        itemCount += units;
    }
    if (auto committed = tx.commit(); !committed)
        return fail(committed.withContext(what).error());
    return BoxCycleSummary{composition.boxCount(), int(composition.unfilled.size()), itemCount};
}

Status BoxCycleStore::writePickingList(QIODevice *device, const BoxCycleInput &input,
                                       const BoxComposition &composition)
{
    QHash<qint64, int> productIndex;
    for (int i = 0; i < int(input.products.size()); ++i)
        productIndex.insert(input.products[size_t(i)].id, i);
    CsvWriter writer(device);
    for (const char *header : {"cycle", "customer_email", "plan", "sku", "title", "exclusive"})
        writer.addPlain(QByteArrayView(header));
    if (auto ended = writer.endRow(); !ended)
        return ended;
    const QByteArray cycle = input.cycle.toUtf8();
    for (int b = 0; b < composition.boxCount(); ++b) {
        const int s = composition.boxSubscriber[size_t(b)];
        for (qint64 i = composition.itemStart[size_t(b)]; i < composition.itemStart[size_t(b) + 1];
             ++i) {
            const int p = productIndex.value(composition.items[size_t(i)]);
            writer.addPlain(cycle);
            writer.addText(input.email[size_t(s)]);
            writer.addText(input.planName[size_t(s)]);
            writer.addText(input.productSku[size_t(p)]);
            writer.addText(input.productTitle[size_t(p)]);
            writer.addPlain(composition.itemExclusive[size_t(i)] ? QByteArrayView("yes")
                                                                 : QByteArrayView("no"));
            if (auto ended = writer.endRow(); !ended)
                return ended;
        }
    }
    return writer.flush();
}

} // namespace md
