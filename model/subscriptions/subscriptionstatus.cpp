#include "subscriptionstatus.h"

namespace md {

QString SubscriptionStatusInfo::label(SubscriptionStatus status)
{
    switch (status) {
    case SubscriptionStatus::Active:
        return tr("Active");
    case SubscriptionStatus::Paused:
        return tr("Paused");
    case SubscriptionStatus::PastDue:
        return tr("Past due");
    case SubscriptionStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

bool SubscriptionStatusInfo::canMove(SubscriptionStatus from, SubscriptionStatus to)
{
    return from != SubscriptionStatus::Cancelled && from != to;
}

} // namespace md
