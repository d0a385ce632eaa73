#include "standardjobs.h"

#include "pricing/repricejob.h"
#include "subscriptions/subscriptionrenewaljob.h"

namespace md {

JobRunner StandardJobs::runner()
{
    JobRunner runner;
    runner.add(RepriceJob::jobType(), RepriceJob::title(), &RepriceJob::run);
    runner.add(SubscriptionRenewalJob::jobType(), SubscriptionRenewalJob::title(),
               &SubscriptionRenewalJob::run);
    return runner;
}

} // namespace md
