#pragma once

// The life of a subscription: active, paused (with the date it resumes on its own), past due
// (a payment failed), cancelled (final). Which moves are allowed, and their names for people.

#include "core/enumkeys.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace md {

enum class SubscriptionStatus { Active, Paused, PastDue, Cancelled };

// The values of subscriptions.status and of the CSV files.
constexpr auto enumKeys(SubscriptionStatus)
{
    return keyTable<SubscriptionStatus>({{SubscriptionStatus::Active, "active"},
                                         {SubscriptionStatus::Paused, "paused"},
                                         {SubscriptionStatus::PastDue, "past_due"},
                                         {SubscriptionStatus::Cancelled, "cancelled"}});
}
static_assert(enumKeys(SubscriptionStatus{}).coversFirst(4));

class SubscriptionStatusInfo
{
    Q_DECLARE_TR_FUNCTIONS(md::SubscriptionStatusInfo)

public:
    static QString label(SubscriptionStatus status); // for people; stored as keyOf(status)
    // Cancelled is final; everything else may move to any other status but itself.
    static bool canMove(SubscriptionStatus from, SubscriptionStatus to);
};

} // namespace md
