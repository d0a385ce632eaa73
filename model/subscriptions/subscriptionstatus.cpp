#include "subscriptionstatus.h"

namespace md {

QString SubscriptionStatusInfo::name(SubscriptionStatus status)
{
    switch (status) {
    case SubscriptionStatus::Active:
        return QStringLiteral("active");
    case SubscriptionStatus::Paused:
        return QStringLiteral("paused");
    case SubscriptionStatus::PastDue:
        return QStringLiteral("past_due");
    case SubscriptionStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<SubscriptionStatus> SubscriptionStatusInfo::fromName(const QString &name)
{
    for (auto status : {SubscriptionStatus::Active, SubscriptionStatus::Paused,
                        SubscriptionStatus::PastDue, SubscriptionStatus::Cancelled}) {
        if (SubscriptionStatusInfo::name(status) == name)
            return status;
    }
    return std::nullopt;
}

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
