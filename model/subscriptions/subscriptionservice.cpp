#include "subscriptionservice.h"

#include "db/sql.h"
#include "db/transaction.h"
#include "planhistory.h"
#include "planstore.h"
#include "pricing/nonnulltext.h"

#include <QDateTime>
#include <QLocale>
#include <QSqlQuery>
#include <QTimeZone>

namespace md {

namespace {

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qint64>());
}

Status logChange(const Database &db, qint64 id, qint64 at, const QVariant &from,
                 SubscriptionStatus to, const QString &note)
{
    return sql::exec(db.sql(),
                     QStringLiteral("INSERT INTO subscription_status_log (subscription_id, "
                                    "changed_at, old_status, new_status, note) "
                                    "VALUES (?, ?, ?, ?, ?)"),
                     {id, at, from, keyOf(to), nonNullText(note)});
}

qint64 addMonths(qint64 epoch, int months)
{
    return QDateTime::fromSecsSinceEpoch(epoch, QTimeZone::utc())
        .addMonths(months)
        .toSecsSinceEpoch();
}

} // namespace

Status SubscriptionService::move(const Database &db, qint64 id, SubscriptionStatus to, qint64 at,
                                 const QString &note, qint64 pausedUntil,
                                 const QString &cancelReason)
{
    const QString what = tr("Subscription %1").arg(id);
    Transaction tx(db.sql(), db.dialect());
    if (auto started = tx.begin(); !started)
        return started.withContext(what);
    auto current = sql::select(
        db.sql(), QStringLiteral("SELECT status FROM subscriptions WHERE id = ?"), {id});
    if (!current)
        return fail(tr("%1: %2").arg(what, current.error()));
    if (!current->next())
        return fail(tr("%1 does not exist").arg(what));
    const QString fromName = current->value(0).toString();
    current->finish();
    const auto from = fromKey<SubscriptionStatus>(fromName);
    if (!from)
        return fail(tr("%1 has an unknown status “%2”").arg(what, fromName));
    if (!SubscriptionStatusInfo::canMove(*from, to)) {
        return fail(tr("%1 is %2 and cannot become %3")
                        .arg(what, SubscriptionStatusInfo::label(*from).toLower(),
                             SubscriptionStatusInfo::label(to).toLower()));
    }
    Status updated;
    switch (to) {
    case SubscriptionStatus::Paused:
        updated = sql::exec(db.sql(),
                            QStringLiteral("UPDATE subscriptions SET status = 'paused', "
                                           "paused_until = ? WHERE id = ?"),
                            {pausedUntil, id});
        break;
    case SubscriptionStatus::Cancelled:
        updated = sql::exec(db.sql(),
                            QStringLiteral("UPDATE subscriptions SET status = 'cancelled', "
                                           "cancelled_at = ?, cancel_reason = ?, "
                                           "paused_until = NULL, next_plan_id = NULL WHERE id = ?"),
                            {at, cancelReason, id});
        break;
    case SubscriptionStatus::Active:
    case SubscriptionStatus::PastDue:
        updated
            = sql::exec(db.sql(),
                        QStringLiteral("UPDATE subscriptions SET status = ?, paused_until = NULL "
                                       "WHERE id = ?"),
                        {keyOf(to), id});
        break;
    }
    if (!updated)
        return updated.withContext(what);
    if (auto logged = logChange(db, id, at, fromName, to, note); !logged)
        return logged.withContext(what);
    return tx.commit().withContext(what);
}

Status SubscriptionService::pause(const Database &db, qint64 id, qint64 until, qint64 at)
{
    if (until <= at)
        return fail(tr("Subscription %1: the resume date must be in the future").arg(id));
    const QString date
        = QLocale::c().toString(QDateTime::fromSecsSinceEpoch(until, QTimeZone::utc()).date(),
                                QStringLiteral("yyyy-MM-dd"));
    return move(db, id, SubscriptionStatus::Paused, at, QStringLiteral("Paused until %1").arg(date),
                until, {});
}

Status SubscriptionService::resume(const Database &db, qint64 id, qint64 at)
{
    return move(db, id, SubscriptionStatus::Active, at, QStringLiteral("Resumed"), 0, {});
}

Status SubscriptionService::cancel(const Database &db, qint64 id, const QString &reason, qint64 at)
{
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("Subscription %1: give a reason for the cancellation").arg(id));
    return move(db, id, SubscriptionStatus::Cancelled, at, trimmed, 0, trimmed);
}

Status SubscriptionService::markPastDue(const Database &db, qint64 id, qint64 at)
{
    return move(db, id, SubscriptionStatus::PastDue, at, QStringLiteral("Payment failed"), 0, {});
}

Result<Subscriber> SubscriptionService::subscriber(const Database &db, qint64 subscriptionId)
{
    auto row = sql::select(db.sql(),
                           QStringLiteral("SELECT c.id, c.email FROM subscriptions s JOIN "
                                          "customers c ON c.id = s.customer_id WHERE s.id = ?"),
                           {subscriptionId});
    if (!row)
        return fail(tr("Reading subscription %1: %2").arg(subscriptionId).arg(row.error()));
    if (!row->next())
        return fail(tr("Subscription %1 no longer exists").arg(subscriptionId));
    return Subscriber{row->value(0).toLongLong(), row->value(1).toString()};
}

Result<int> SubscriptionService::resumeDuePauses(const Database &db, qint64 at)
{
    Transaction tx(db.sql(), db.dialect());
    if (auto started = tx.begin(); !started)
        return fail(started.withContext(tr("Resuming paused subscriptions")).error());
    // Logged at the resume date, not at the time the job ran: the history says when it ended.
    auto logged = sql::exec(
        db.sql(),
        QStringLiteral("INSERT INTO subscription_status_log (subscription_id, changed_at, "
                       "old_status, new_status, note) SELECT id, paused_until, 'paused', "
                       "'active', 'Resumed automatically' FROM subscriptions "
                       "WHERE status = 'paused' AND paused_until <= ?"),
        {at});
    if (!logged)
        return fail(logged.withContext(tr("Resuming paused subscriptions")).error());
    QSqlQuery update(db.sql());
    update.prepare(QStringLiteral("UPDATE subscriptions SET status = 'active', paused_until = NULL "
                                  "WHERE status = 'paused' AND paused_until <= ?"));
    update.addBindValue(at);
    if (!update.exec())
        return fail(tr("Resuming paused subscriptions: %1").arg(sql::errorText(update)));
    const int resumed = update.numRowsAffected();
    if (auto committed = tx.commit(); !committed)
        return fail(committed.withContext(tr("Resuming paused subscriptions")).error());
    return resumed;
}

Status SubscriptionService::changePlanNextCycle(const Database &db, qint64 id, qint64 planId)
{
    const QString what = tr("Subscription %1").arg(id);
    auto row = sql::select(db.sql(),
                           QStringLiteral("SELECT s.status, s.plan_id, p.active, p.name "
                                          "FROM subscriptions s, plans p "
                                          "WHERE s.id = ? AND p.id = ?"),
                           {id, planId});
    if (!row)
        return fail(tr("%1: %2").arg(what, row.error()));
    if (!row->next())
        return fail(tr("%1: the subscription or the plan does not exist").arg(what));
    if (row->value(0).toString() == keyOf(SubscriptionStatus::Cancelled))
        return fail(tr("%1 is cancelled; its plan cannot change").arg(what));
    if (row->value(2).toInt() == 0)
        return fail(tr("%1: plan “%2” is switched off").arg(what, row->value(3).toString()));
    // Choosing the current plan again withdraws a waiting change.
    const QVariant next = row->value(1).toLongLong() == planId ? nullInt() : QVariant(planId);
    row->finish();
    return sql::exec(db.sql(),
                     QStringLiteral("UPDATE subscriptions SET next_plan_id = ? WHERE id = ?"),
                     {next, id})
        .withContext(what);
}

Result<int> SubscriptionService::applyDuePlanChanges(const Database &db, qint64 at)
{
    auto matrix = PlanStore::load(db);
    if (!matrix)
        return fail(matrix.error());
    Transaction tx(db.sql(), db.dialect());
    if (auto started = tx.begin(); !started)
        return fail(started.withContext(tr("Applying plan changes")).error());
    auto due = sql::select(db.sql(),
                           QStringLiteral("SELECT id, next_plan_id, current_period_end "
                                          "FROM subscriptions WHERE next_plan_id IS NOT NULL "
                                          "AND status <> 'cancelled' "
                                          "AND current_period_end IS NOT NULL "
                                          "AND current_period_end <= ?"),
                           {at});
    if (!due)
        return fail(tr("Applying plan changes: %1").arg(due.error()));
    struct Change
    {
        qint64 id, plan, periodEnd;
    };
    std::vector<Change> changes;
    while (due->next()) {
        changes.push_back(
            {due->value(0).toLongLong(), due->value(1).toLongLong(), due->value(2).toLongLong()});
    }
    due->finish();
    QSqlQuery update(db.sql());
    update.prepare(QStringLiteral("UPDATE subscriptions SET plan_id = ?, next_plan_id = NULL, "
                                  "current_period_end = ? WHERE id = ?"));
    for (const Change &change : changes) {
        const PlanDef *plan = matrix->plan(change.plan);
        const int months = plan ? PlanDef::intervalMonths(plan->interval) : 1;
        qint64 end = change.periodEnd;
        while (end <= at)
            end = addMonths(end, months);
        update.bindValue(0, change.plan);
        update.bindValue(1, end);
        update.bindValue(2, change.id);
        if (!update.exec())
            return fail(tr("Applying plan changes: %1").arg(sql::errorText(update)));
        // The new plan starts with the period the renewal opens, not when the job ran.
        if (auto recorded = PlanHistory::recordChange(db, change.id, change.plan, change.periodEnd);
            !recorded) {
            return fail(recorded.error());
        }
    }
    if (auto committed = tx.commit(); !committed)
        return fail(committed.withContext(tr("Applying plan changes")).error());
    return int(changes.size());
}

Result<qint64> SubscriptionService::subscribe(const Database &db, qint64 customerId, qint64 planId,
                                              qint64 at)
{
    auto matrix = PlanStore::load(db);
    if (!matrix)
        return fail(matrix.error());
    const PlanDef *plan = matrix->plan(planId);
    if (!plan)
        return fail(tr("That plan does not exist"));
    Transaction tx(db.sql(), db.dialect());
    if (auto started = tx.begin(); !started)
        return fail(started.withContext(tr("Subscribing")).error());
    auto id = sql::scalar(
        db.sql(),
        QStringLiteral("INSERT INTO subscriptions (customer_id, plan_id, status, "
                       "started_at, current_period_end) "
                       "VALUES (?, ?, 'active', ?, ?) RETURNING id"),
        {customerId, planId, at, addMonths(at, PlanDef::intervalMonths(plan->interval))});
    if (!id)
        return fail(tr("Subscribing to “%1”: %2").arg(plan->name, id.error()));
    if (auto logged = logChange(db, id->toLongLong(), at, QVariant(QMetaType::fromType<QString>()),
                                SubscriptionStatus::Active, QStringLiteral("Subscribed"));
        !logged) {
        return fail(logged.withContext(tr("Subscribing")).error());
    }
    if (auto recorded = PlanHistory::recordChange(db, id->toLongLong(), planId, at); !recorded)
        return fail(recorded.withContext(tr("Subscribing")).error());
    if (auto committed = tx.commit(); !committed)
        return fail(committed.withContext(tr("Subscribing")).error());
    return id->toLongLong();
}

} // namespace md
