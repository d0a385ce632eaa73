#pragma once

// The scheduled subscription job: ends the pauses whose resume date has come and lets waiting
// plan changes take effect at their renewal, so both happen without anyone opening the app.

#include "schedule/jobrunner.h"

#include <QCoreApplication>

namespace md {

class SubscriptionRenewalJob
{
    Q_DECLARE_TR_FUNCTIONS(md::SubscriptionRenewalJob)

public:
    static QString jobType() { return QStringLiteral("subscriptions"); }
    static QString title();
    static JobOutcome run(const JobContext &context);
};

} // namespace md
