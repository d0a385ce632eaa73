#pragma once

// Changes to subscriptions, each in one transaction with its line in subscription_status_log:
// pause until a date, resume, cancel with a reason, mark past due, and a plan change that takes
// effect at the next renewal. resumeDuePauses() is what the scheduler and the command line call
// so that a pause ends on its own.

#include "db/database.h"
#include "subscriptionstatus.h"

#include <QCoreApplication>

namespace md {

// Who holds a subscription.
struct Subscriber
{
    qint64 customerId = 0;
    QString email;
};

class SubscriptionService
{
    Q_DECLARE_TR_FUNCTIONS(md::SubscriptionService)

public:
    static Status pause(const Database &db, qint64 subscriptionId, qint64 until, qint64 at);
    static Status resume(const Database &db, qint64 subscriptionId, qint64 at);
    static Status cancel(const Database &db, qint64 subscriptionId, const QString &reason,
                         qint64 at);
    static Status markPastDue(const Database &db, qint64 subscriptionId, qint64 at);

    // Every paused subscription whose resume date is at or before `at` becomes active again
    // (logged at its resume date). Returns how many.
    static Result<int> resumeDuePauses(const Database &db, qint64 at);

    // The subscriber moves to `planId` when the current billing period ends.
    static Status changePlanNextCycle(const Database &db, qint64 subscriptionId, qint64 planId);
    // Renewals due at `at`: the waiting plan change takes effect and the period moves on by the
    // (new) plan's interval. Returns how many subscriptions changed plan.
    static Result<int> applyDuePlanChanges(const Database &db, qint64 at);

    // The customer of a subscription; an error naming it when it no longer exists.
    static Result<Subscriber> subscriber(const Database &db, qint64 subscriptionId);

    // Creates an active subscription (logged); returns its id.
    static Result<qint64> subscribe(const Database &db, qint64 customerId, qint64 planId,
                                    qint64 at);

private:
    static Status move(const Database &db, qint64 subscriptionId, SubscriptionStatus to, qint64 at,
                       const QString &note, qint64 pausedUntil, const QString &cancelReason);
};

} // namespace md
