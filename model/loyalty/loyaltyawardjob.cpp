#include "loyaltyawardjob.h"

#include "loyaltyservice.h"
#include "schedule/clock.h"

namespace md {

QString LoyaltyAwardJob::title()
{
    return tr("Loyalty points");
}

JobOutcome LoyaltyAwardJob::run(const JobContext &context)
{
    const qint64 now = context.clock.nowSecs();
    auto awarded = LoyaltyService::award(context.db, now);
    if (!awarded)
        return JobOutcome::failed(awarded.error());
    auto expired = LoyaltyService::expire(context.db, now);
    if (!expired)
        return JobOutcome::failed(expired.error());
    return JobOutcome::succeeded(tr("Credited %1 orders (%2 points), reversed %3 (%4 points); "
                                    "%5 points expired.")
                                     .arg(awarded->creditedOrders)
                                     .arg(awarded->creditedPoints)
                                     .arg(awarded->reversedOrders)
                                     .arg(awarded->reversedPoints)
                                     .arg(expired->points));
}

} // namespace md
