#pragma once

// The scheduled repricing job: pulls the inventory feed first when one is configured (a failed
// feed skips the run and changes nothing), computes the preview with the stored rules, then
// applies it as a run or stores it as a proposal, as the schedule's mode says.

#include "schedule/jobrunner.h"

#include <QCoreApplication>

namespace md {

class PricingJob
{
    Q_DECLARE_TR_FUNCTIONS(md::PricingJob)

public:
    static QString jobType() { return QStringLiteral("reprice"); }
    static QString title();
    static JobOutcome run(const JobContext &context);
};

} // namespace md
