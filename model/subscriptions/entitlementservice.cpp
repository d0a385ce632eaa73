#include "entitlementservice.h"

#include "db/sql.h"
#include "planstore.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace md {

namespace {

QString dateText(qint64 epoch)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(epoch, QTimeZone::utc()).date(),
                              QStringLiteral("d MMMM yyyy"));
}

int rank(const SubscriptionRow &row, qint64 at)
{
    switch (row.status) {
    case SubscriptionStatus::Active:
        return 0;
    case SubscriptionStatus::Paused:
        return row.pausedUntil != 0 && row.pausedUntil <= at ? 0 : 2;
    case SubscriptionStatus::PastDue:
        return 1;
    case SubscriptionStatus::Cancelled:
        return 3;
    }
    return 3;
}

} // namespace

const SubscriptionRow *EntitlementService::deciding(const std::vector<SubscriptionRow> &rows,
                                                    qint64 at)
{
    const SubscriptionRow *best = nullptr;
    for (const SubscriptionRow &row : rows) {
        if (row.startedAt > at)
            continue;
        if (!best || rank(row, at) < rank(*best, at)
            || (rank(row, at) == rank(*best, at)
                && (row.startedAt > best->startedAt
                    || (row.startedAt == best->startedAt && row.id > best->id)))) {
            best = &row;
        }
    }
    return best;
}

Entitlement EntitlementService::evaluate(const PlanMatrix &matrix,
                                         const std::vector<SubscriptionRow> &rows,
                                         const FeatureDef &feature, qint64 at)
{
    Entitlement out;
    out.value = feature.defaultValue;
    const SubscriptionRow *row = deciding(rows, at);
    if (!row) {
        out.reason = EntitlementReason::NoSubscription;
        out.explanation = tr("no subscription");
        return out;
    }
    const PlanDef *plan = matrix.plan(row->planId);
    out.subscriptionId = row->id;
    out.planId = row->planId;
    out.planName = plan ? plan->name : tr("plan %1").arg(row->planId);
    switch (rank(*row, at)) {
    case 0: {
        const ResolvedValue resolved = matrix.resolve(row->planId, feature.id);
        if (!resolved.set()) {
            out.reason = EntitlementReason::FeatureNotInPlan;
            out.explanation = tr("feature not in plan %1; the default applies").arg(out.planName);
            return out;
        }
        out.reason = EntitlementReason::Active;
        out.value = resolved.value;
        out.inherited = resolved.inherited;
        if (resolved.inherited) {
            const PlanDef *from = matrix.plan(resolved.fromPlanId);
            out.inheritedFrom = from ? from->name : QString();
            out.explanation
                = tr("active on %1 (inherited from %2)").arg(out.planName, out.inheritedFrom);
        } else {
            out.explanation = tr("active on %1").arg(out.planName);
        }
        return out;
    }
    case 1:
        out.reason = EntitlementReason::PastDue;
        out.explanation = tr("payment past due on %1").arg(out.planName);
        return out;
    case 2:
        out.reason = EntitlementReason::Paused;
        out.since = row->pausedUntil;
        out.explanation = tr("paused until %1").arg(dateText(row->pausedUntil));
        return out;
    default:
        out.reason = EntitlementReason::Cancelled;
        out.since = row->cancelledAt;
        out.explanation = row->cancelledAt ? tr("cancelled on %1").arg(dateText(row->cancelledAt))
                                           : tr("cancelled");
        return out;
    }
}

Result<std::vector<SubscriptionRow>> EntitlementService::subscriptionsOf(const Database &db,
                                                                         qint64 customerId)
{
    auto query = sql::select(db.sql(),
                             QStringLiteral("SELECT id, customer_id, plan_id, status, started_at, "
                                            "paused_until, cancelled_at FROM subscriptions "
                                            "WHERE customer_id = ?"),
                             {customerId});
    if (!query)
        return fail(tr("Reading the subscriptions: %1").arg(query.error()));
    std::vector<SubscriptionRow> rows;
    while (query->next()) {
        SubscriptionRow row;
        row.id = query->value(0).toLongLong();
        row.customerId = query->value(1).toLongLong();
        row.planId = query->value(2).toLongLong();
        row.status = fromKey<SubscriptionStatus>(query->value(3).toString())
                         .value_or(SubscriptionStatus::Cancelled);
        row.startedAt = query->value(4).toLongLong();
        row.pausedUntil = query->value(5).toLongLong();
        row.cancelledAt = query->value(6).toLongLong();
        rows.push_back(row);
    }
    return rows;
}

Result<Entitlement> EntitlementService::check(const Database &db, const QString &email,
                                              const QString &featureKey, qint64 at)
{
    auto id = sql::select(db.sql(), QStringLiteral("SELECT id FROM customers WHERE email = ?"),
                          {email.trimmed().toLower()});
    if (!id)
        return fail(tr("Looking up customer %1: %2").arg(email, id.error()));
    if (!id->next())
        return fail(tr("There is no customer with the email address %1").arg(email));
    return check(db, id->value(0).toLongLong(), featureKey, at);
}

Result<Entitlement> EntitlementService::check(const Database &db, qint64 customerId,
                                              const QString &featureKey, qint64 at)
{
    auto matrix = PlanStore::load(db);
    if (!matrix)
        return fail(matrix.error());
    const FeatureDef *feature = matrix->featureByKey(featureKey);
    if (!feature) {
        QStringList keys;
        for (const FeatureDef &f : matrix->features)
            keys << f.key;
        return fail(tr("There is no feature with the key “%1” (known: %2)")
                        .arg(featureKey, keys.join(QStringLiteral(", "))));
    }
    auto rows = subscriptionsOf(db, customerId);
    if (!rows)
        return fail(rows.error());
    return evaluate(*matrix, *rows, *feature, at);
}

Result<std::vector<std::pair<FeatureDef, Entitlement>>>
EntitlementService::allFeatures(const Database &db, qint64 customerId, qint64 at)
{
    auto matrix = PlanStore::load(db);
    if (!matrix)
        return fail(matrix.error());
    auto rows = subscriptionsOf(db, customerId);
    if (!rows)
        return fail(rows.error());
    std::vector<std::pair<FeatureDef, Entitlement>> out;
    for (const FeatureDef &feature : matrix->features)
        out.emplace_back(feature, evaluate(*matrix, *rows, feature, at));
    return out;
}

} // namespace md
