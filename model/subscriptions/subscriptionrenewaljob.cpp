#include "subscriptionrenewaljob.h"

#include "schedule/clock.h"
#include "subscriptionservice.h"

namespace md {

QString SubscriptionRenewalJob::title()
{
    return tr("Subscription renewals");
}

JobOutcome SubscriptionRenewalJob::run(const JobContext &context)
{
    const qint64 now = context.clock.nowSecs();
    auto resumed = SubscriptionService::resumeDuePauses(context.db, now);
    if (!resumed)
        return JobOutcome::failed(resumed.error());
    auto changed = SubscriptionService::applyDuePlanChanges(context.db, now);
    if (!changed)
        return JobOutcome::failed(changed.error());
    return JobOutcome::succeeded(tr("Resumed %1 paused subscriptions; %2 plan changes took "
                                    "effect.")
                                     .arg(*resumed)
                                     .arg(*changed));
}

} // namespace md
