#pragma once

// The jobs this version of MerchantDesk can run in the background, for the tray and for
// "merchantdesk-cli jobs run-due". A new kind of job is one add() line in standardjobs.cpp.

#include "jobrunner.h"

namespace md {

class StandardJobs
{
public:
    static JobRunner runner();
};

} // namespace md
