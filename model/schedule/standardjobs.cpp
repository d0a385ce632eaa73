#include "standardjobs.h"

#include "pricing/repricejob.h"

namespace md {

JobRunner StandardJobs::runner()
{
    JobRunner runner;
    runner.add(RepriceJob::jobType(), RepriceJob::title(), &RepriceJob::run);
    return runner;
}

} // namespace md
