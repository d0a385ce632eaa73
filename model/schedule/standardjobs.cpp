#include "standardjobs.h"

#include "loyalty/loyaltyawardjob.h"
#include "pricing/pricingjob.h"
#include "subscriptions/subscriptionrenewaljob.h"

namespace md {

JobRunner StandardJobs::runner()
{
    JobRunner runner;
    runner.add(PricingJob::jobType(), PricingJob::title(), &PricingJob::run);
    runner.add(SubscriptionRenewalJob::jobType(), SubscriptionRenewalJob::title(),
               &SubscriptionRenewalJob::run);
    runner.add(LoyaltyAwardJob::jobType(), LoyaltyAwardJob::title(), &LoyaltyAwardJob::run);
    return runner;
}

} // namespace md
