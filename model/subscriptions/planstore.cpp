#include "planstore.h"

#include "db/sql.h"
#include "db/transaction.h"
#include "pricing/nonnulltext.h"

#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <climits>

namespace md {

Result<PlanMatrix> PlanStore::load(const Database &db)
{
    PlanMatrix matrix;
    auto plans
        = sql::select(db.sql(), QStringLiteral("SELECT id, name, price_cents, billing_interval, "
                                               "description, active, display_order, parent_plan_id "
                                               "FROM plans ORDER BY display_order, name"));
    if (!plans)
        return fail(tr("Reading the plans: %1").arg(plans.error()));
    while (plans->next()) {
        PlanDef p;
        p.id = plans->value(0).toLongLong();
        p.name = plans->value(1).toString();
        p.priceCents = plans->value(2).toLongLong();
        p.interval = fromKey<BillingInterval>(plans->value(3).toString())
                         .value_or(BillingInterval::Monthly);
        p.description = plans->value(4).toString();
        p.active = plans->value(5).toInt() != 0;
        p.displayOrder = plans->value(6).toInt();
        p.parentId = plans->value(7).isNull() ? 0 : plans->value(7).toLongLong();
        matrix.plans.push_back(p);
    }
    auto features = sql::select(
        db.sql(), QStringLiteral("SELECT id, feature_key, label, value_type, "
                                 "choices, default_value, display_order "
                                 "FROM features ORDER BY display_order, feature_key"));
    if (!features)
        return fail(tr("Reading the features: %1").arg(features.error()));
    while (features->next()) {
        FeatureDef f;
        f.id = features->value(0).toLongLong();
        f.key = features->value(1).toString();
        f.label = features->value(2).toString();
        f.type = fromKey<FeatureType>(features->value(3).toString()).value_or(FeatureType::Bool);
        f.choices = FeatureValue::splitChoices(features->value(4).toString());
        f.defaultValue = features->value(5).toString();
        f.displayOrder = features->value(6).toInt();
        matrix.features.push_back(f);
    }
    auto values = sql::select(
        db.sql(), QStringLiteral("SELECT plan_id, feature_id, value FROM plan_features"));
    if (!values)
        return fail(tr("Reading the plan features: %1").arg(values.error()));
    while (values->next()) {
        matrix.setOwnValue(values->value(0).toLongLong(), values->value(1).toLongLong(),
                           values->value(2).toString());
    }
    return matrix;
}

Status PlanStore::saveValues(const Database &db, const PlanMatrix &matrix,
                             const std::vector<CellEdit> &edits)
{
    std::vector<CellEdit> checked;
    checked.reserve(edits.size());
    for (const CellEdit &edit : edits) {
        const PlanDef *plan = matrix.plan(edit.planId);
        const FeatureDef *feature = matrix.feature(edit.featureId);
        if (!plan || !feature)
            return fail(tr("A plan or feature of the edit no longer exists; reload the plans"));
        CellEdit out = edit;
        if (edit.value) {
            auto value = FeatureValue::normalise(*feature, *edit.value, plan->name);
            if (!value)
                return fail(value.error());
            out.value = *value;
        }
        checked.push_back(out);
    }

    Transaction tx(db.sql(), db.dialect());
    if (auto started = tx.begin(); !started)
        return started.withContext(tr("Saving the plan features"));
    QSqlQuery remove(db.sql());
    QSqlQuery insert(db.sql());
    if (!remove.prepare(
            QStringLiteral("DELETE FROM plan_features WHERE plan_id = ? AND feature_id = ?"))
        || !insert.prepare(QStringLiteral(
            "INSERT INTO plan_features (plan_id, feature_id, value) VALUES (?, ?, ?)"))) {
        return fail(tr("Saving the plan features: %1").arg(sql::errorText(remove)));
    }
    for (const CellEdit &edit : checked) {
        remove.bindValue(0, edit.planId);
        remove.bindValue(1, edit.featureId);
        if (!remove.exec())
            return fail(tr("Saving the plan features: %1").arg(sql::errorText(remove)));
        if (edit.value) {
            insert.bindValue(0, edit.planId);
            insert.bindValue(1, edit.featureId);
            insert.bindValue(2, *edit.value);
            if (!insert.exec()) {
                return fail(tr("Plan “%1”, feature “%2”: %3")
                                .arg(matrix.plan(edit.planId)->name,
                                     matrix.feature(edit.featureId)->label,
                                     sql::errorText(insert)));
            }
        }
    }
    return tx.commit().withContext(tr("Saving the plan features"));
}

Result<qint64> PlanStore::savePlan(const Database &db, const PlanDef &plan)
{
    const QString name = plan.name.trimmed();
    if (name.isEmpty())
        return fail(tr("A plan needs a name"));
    if (plan.priceCents < 0)
        return fail(tr("Plan “%1”: the price cannot be negative").arg(name));
    auto matrix = load(db);
    if (!matrix)
        return fail(matrix.error());
    if (const PlanDef *same = matrix->planByName(name); same && same->id != plan.id)
        return fail(tr("There is already a plan called “%1”").arg(name));
    if (plan.parentId != 0) {
        if (!matrix->plan(plan.parentId))
            return fail(tr("Plan “%1”: the plan it inherits from no longer exists").arg(name));
        if (plan.parentId == plan.id
            || (plan.id != 0 && matrix->wouldCycle(plan.id, plan.parentId)))
            return fail(tr("Plan “%1” cannot inherit from “%2”: that plan inherits from it")
                            .arg(name, matrix->plan(plan.parentId)->name));
    }
    const QVariant parent
        = plan.parentId ? QVariant(plan.parentId) : QVariant(QMetaType::fromType<qint64>());
    const QVariantList values = {name,
                                 plan.priceCents,
                                 keyOf(plan.interval),
                                 nonNullText(plan.description),
                                 plan.active ? 1 : 0,
                                 plan.displayOrder,
                                 parent};
    Transaction tx(db.sql(), db.dialect());
    if (auto started = tx.begin(); !started)
        return fail(started.withContext(tr("Saving plan “%1”").arg(name)).error());
    qint64 id = plan.id;
    if (id == 0) {
        auto inserted = sql::scalar(
            db.sql(),
            QStringLiteral("INSERT INTO plans (name, price_cents, billing_interval, description, "
                           "active, display_order, parent_plan_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
                           "RETURNING id"),
            values);
        if (!inserted)
            return fail(tr("Saving plan “%1”: %2").arg(name, inserted.error()));
        id = inserted->toLongLong();
    } else {
        QVariantList withId = values;
        withId << id;
        auto updated = sql::exec(
            db.sql(),
            QStringLiteral("UPDATE plans SET name = ?, price_cents = ?, billing_interval = ?, "
                           "description = ?, active = ?, display_order = ?, parent_plan_id = ? "
                           "WHERE id = ?"),
            withId);
        if (!updated)
            return fail(tr("Saving plan “%1”: %2").arg(name, updated.error()));
    }
    if (auto committed = tx.commit(); !committed)
        return fail(committed.withContext(tr("Saving plan “%1”").arg(name)).error());
    return id;
}

Result<qint64> PlanStore::saveFeature(const Database &db, const FeatureDef &input)
{
    FeatureDef feature = input;
    feature.key = feature.key.trimmed();
    feature.label = feature.label.trimmed();
    if (auto valid = FeatureValue::validateDefinition(feature); !valid)
        return fail(valid.error());
    feature.defaultValue = *FeatureValue::normalise(feature, feature.defaultValue, QString());
    auto matrix = load(db);
    if (!matrix)
        return fail(matrix.error());
    if (const FeatureDef *same = matrix->featureByKey(feature.key); same && same->id != feature.id)
        return fail(tr("There is already a feature with the key “%1”").arg(feature.key));

    Transaction tx(db.sql(), db.dialect());
    if (auto started = tx.begin(); !started)
        return fail(started.withContext(tr("Saving feature “%1”").arg(feature.label)).error());
    // A changed type or list of choices must still fit every plan's value: refuse, naming the
    // first plan whose value does not.
    if (feature.id != 0) {
        for (const PlanDef &plan : matrix->plans) {
            if (auto own = matrix->ownValue(plan.id, feature.id)) {
                auto fits = FeatureValue::normalise(feature, *own, plan.name);
                if (!fits)
                    return fail(fits.error());
            }
        }
    }
    const QVariantList values
        = {feature.key,          feature.label,
           keyOf(feature.type),  nonNullText(FeatureValue::joinChoices(feature.choices)),
           feature.defaultValue, feature.displayOrder};
    qint64 id = feature.id;
    if (id == 0) {
        auto inserted = sql::scalar(
            db.sql(),
            QStringLiteral("INSERT INTO features (feature_key, label, value_type, choices, "
                           "default_value, display_order) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
            values);
        if (!inserted)
            return fail(tr("Saving feature “%1”: %2").arg(feature.label, inserted.error()));
        id = inserted->toLongLong();
    } else {
        QVariantList withId = values;
        withId << id;
        auto updated = sql::exec(
            db.sql(),
            QStringLiteral("UPDATE features SET feature_key = ?, label = ?, value_type = ?, "
                           "choices = ?, default_value = ?, display_order = ? WHERE id = ?"),
            withId);
        if (!updated)
            return fail(tr("Saving feature “%1”: %2").arg(feature.label, updated.error()));
    }
    if (auto committed = tx.commit(); !committed)
        return fail(committed.withContext(tr("Saving feature “%1”").arg(feature.label)).error());
    return id;
}

Result<qint64> PlanStore::liveSubscriberCount(const Database &db, qint64 planId)
{
    auto count = sql::scalar(db.sql(),
                             QStringLiteral("SELECT COUNT(*) FROM subscriptions WHERE plan_id = ? "
                                            "AND status <> 'cancelled'"),
                             {planId});
    if (!count)
        return fail(count.error());
    return count->toLongLong();
}

Status PlanStore::deletePlan(const Database &db, qint64 planId)
{
    auto name
        = sql::scalar(db.sql(), QStringLiteral("SELECT name FROM plans WHERE id = ?"), {planId});
    if (!name)
        return fail(tr("That plan no longer exists"));
    const QString planName = name->toString();
    Transaction tx(db.sql(), db.dialect());
    if (auto started = tx.begin(); !started)
        return started.withContext(tr("Deleting plan “%1”").arg(planName));
    auto live = liveSubscriberCount(db, planId);
    if (!live)
        return fail(tr("Deleting plan “%1”: %2").arg(planName, live.error()));
    if (*live > 0) {
        return fail(tr("Plan “%1” has %n subscriber(s) who have not cancelled; move them to "
                       "another plan first",
                       nullptr, int(std::min<qint64>(*live, INT_MAX)))
                        .arg(planName));
    }
    auto children = sql::scalar(
        db.sql(), QStringLiteral("SELECT COUNT(*) FROM plans WHERE parent_plan_id = ?"), {planId});
    if (!children)
        return fail(tr("Deleting plan “%1”: %2").arg(planName, children.error()));
    if (children->toLongLong() > 0) {
        return fail(tr("Plan “%1” cannot be deleted: %n plan(s) inherit from it", nullptr,
                       children->toInt())
                        .arg(planName));
    }
    // Cancelled subscriptions keep their history: they refer to the plan, so the plan stays but
    // is switched off instead when there are any.
    auto history = sql::scalar(
        db.sql(), QStringLiteral("SELECT COUNT(*) FROM subscriptions WHERE plan_id = ?"), {planId});
    if (!history)
        return fail(tr("Deleting plan “%1”: %2").arg(planName, history.error()));
    if (history->toLongLong() > 0) {
        return fail(tr("Plan “%1” has %n cancelled subscription(s) in its history; switch the "
                       "plan off (Active) instead of deleting it",
                       nullptr, history->toInt())
                        .arg(planName));
    }
    // Subscriptions that were on the plan once and moved on: the growth chart still counts them
    // on it for those months.
    auto past = sql::scalar(db.sql(),
                            QStringLiteral("SELECT COUNT(DISTINCT subscription_id) "
                                           "FROM subscription_plan_periods WHERE plan_id = ?"),
                            {planId});
    if (!past)
        return fail(tr("Deleting plan “%1”: %2").arg(planName, past.error()));
    if (past->toLongLong() > 0) {
        return fail(tr("Plan “%1” is in the plan history of %n subscription(s); switch the plan "
                       "off (Active) instead of deleting it",
                       nullptr, past->toInt())
                        .arg(planName));
    }
    if (auto removed
        = sql::exec(db.sql(), QStringLiteral("DELETE FROM plans WHERE id = ?"), {planId});
        !removed) {
        return removed.withContext(tr("Deleting plan “%1”").arg(planName));
    }
    return tx.commit().withContext(tr("Deleting plan “%1”").arg(planName));
}

Status PlanStore::deleteFeature(const Database &db, qint64 featureId)
{
    auto label = sql::scalar(db.sql(), QStringLiteral("SELECT label FROM features WHERE id = ?"),
                             {featureId});
    if (!label)
        return fail(tr("That feature no longer exists"));
    const QString name = label->toString();
    const QString what = tr("Deleting feature “%1”").arg(name);
    Transaction tx(db.sql(), db.dialect());
    if (auto started = tx.begin(); !started)
        return started.withContext(what);
    // Read inside the transaction, so a plan value saved meanwhile is seen, not cascaded away.
    auto plans = sql::select(db.sql(),
                             QStringLiteral("SELECT p.name FROM plan_features pf "
                                            "JOIN plans p ON p.id = pf.plan_id "
                                            "WHERE pf.feature_id = ? "
                                            "ORDER BY p.display_order, p.name"),
                             {featureId});
    if (!plans)
        return fail(tr("%1: %2").arg(what, plans.error()));
    QStringList names;
    while (plans->next())
        names << plans->value(0).toString();
    plans->finish();
    if (!names.isEmpty()) {
        return fail(tr("Feature “%1” is set on %n plan(s): %2; clear it there first (Use "
                       "inherited value) and save",
                       nullptr, int(names.size()))
                        .arg(name, names.join(QStringLiteral(", "))));
    }
    if (auto removed
        = sql::exec(db.sql(), QStringLiteral("DELETE FROM features WHERE id = ?"), {featureId});
        !removed) {
        return removed.withContext(what);
    }
    return tx.commit().withContext(what);
}

} // namespace md
