#pragma once

// The life of a subscription: active, paused (with the date it resumes on its own), past due
// (a payment failed), cancelled (final). Which moves are allowed, and their names for people.

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace md {

enum class SubscriptionStatus { Active, Paused, PastDue, Cancelled };

class SubscriptionStatusInfo
{
    Q_DECLARE_TR_FUNCTIONS(md::SubscriptionStatusInfo)

public:
    static QString name(SubscriptionStatus status); // as stored: "active", "past_due", ...
    static std::optional<SubscriptionStatus> fromName(const QString &name);
    static QString label(SubscriptionStatus status); // for people
    // Cancelled is final; everything else may move to any other status but itself.
    static bool canMove(SubscriptionStatus from, SubscriptionStatus to);
};

} // namespace md
