#pragma once

// The scheduled loyalty job: awards the points of orders completed (and reverses those voided)
// since the last run, then expires points past their date when expiry is on, so imported orders
// earn without anyone opening the app. The same service calls as "loyalty award" and
// "loyalty expire".

#include "schedule/jobrunner.h"

#include <QCoreApplication>

namespace md {

class LoyaltyAwardJob
{
    Q_DECLARE_TR_FUNCTIONS(md::LoyaltyAwardJob)

public:
    static QString jobType() { return QStringLiteral("loyalty_award"); }
    static QString title();
    static JobOutcome run(const JobContext &context);
};

} // namespace md
