#pragma once

// The one entitlement check of the app: for a customer and a feature key at a time, the
// effective value and why. Everything that gates on a plan (box composition, the customer's
// features, the command line) asks here, so they can never disagree.

#include "db/database.h"
#include "planmatrix.h"
#include "subscriptionstatus.h"

#include <QCoreApplication>

#include <vector>

namespace md {

struct SubscriptionRow
{
    qint64 id = 0;
    qint64 customerId = 0;
    qint64 planId = 0;
    SubscriptionStatus status = SubscriptionStatus::Active;
    qint64 startedAt = 0;
    qint64 pausedUntil = 0; // 0: none
    qint64 cancelledAt = 0; // 0: none
};

enum class EntitlementReason {
    Active,           // the plan's value applies
    FeatureNotInPlan, // active, but no plan up the chain sets the feature: the default applies
    Paused,
    PastDue,
    Cancelled,
    NoSubscription,
};

// The reasons for scripts and logs.
constexpr auto enumKeys(EntitlementReason)
{
    using Reason = EntitlementReason;
    return keyTable<Reason>({{Reason::Active, "active"},
                             {Reason::FeatureNotInPlan, "feature_not_in_plan"},
                             {Reason::Paused, "paused"},
                             {Reason::PastDue, "past_due"},
                             {Reason::Cancelled, "cancelled"},
                             {Reason::NoSubscription, "no_subscription"}});
}
static_assert(enumKeys(EntitlementReason{}).coversFirst(6));

struct Entitlement
{
    QString value; // canonical form; the feature's default unless Active
    EntitlementReason reason = EntitlementReason::NoSubscription;
    qint64 subscriptionId = 0;
    qint64 planId = 0;
    QString planName;
    qint64 since = 0;       // Paused: resumes at; Cancelled: cancelled at
    bool inherited = false; // Active: the value comes from a parent plan
    QString inheritedFrom;  // that plan's name
    QString explanation;    // "active on Premium Box", "paused until 12 March 2027", ...
    bool entitled() const
    {
        return reason == EntitlementReason::Active || reason == EntitlementReason::FeatureNotInPlan;
    }
};

class EntitlementService
{
    Q_DECLARE_TR_FUNCTIONS(md::EntitlementService)

public:
    // Pure: the customer's subscriptions (any order) and the plans decide. A pause whose resume
    // date has come counts as active even before the resume job ran.
    static Entitlement evaluate(const PlanMatrix &matrix,
                                const std::vector<SubscriptionRow> &subscriptions,
                                const FeatureDef &feature, qint64 at);

    // The subscription that decides for a customer at a time, or nullptr.
    static const SubscriptionRow *deciding(const std::vector<SubscriptionRow> &subscriptions,
                                           qint64 at);

    static Result<Entitlement> check(const Database &db, const QString &customerEmail,
                                     const QString &featureKey, qint64 at);
    static Result<Entitlement> check(const Database &db, qint64 customerId,
                                     const QString &featureKey, qint64 at);
    // Every feature for a customer, in the features' order.
    static Result<std::vector<std::pair<FeatureDef, Entitlement>>>
    allFeatures(const Database &db, qint64 customerId, qint64 at);

    static Result<std::vector<SubscriptionRow>> subscriptionsOf(const Database &db,
                                                                qint64 customerId);
};

} // namespace md
