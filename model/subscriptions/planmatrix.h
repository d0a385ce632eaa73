#pragma once

// The plans and features of the shop and each plan's own values: the data behind the Plans page
// and every entitlement. A plan inherits from its parent plan (Premium from Basic): a feature it
// does not set has the parent's effective value, and a feature no plan up the chain sets has the
// feature's default.

#include "featurevalue.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace md {

enum class BillingInterval { Monthly, Quarterly, Yearly };

// The values of plans.billing_interval.
constexpr auto enumKeys(BillingInterval)
{
    return keyTable<BillingInterval>({{BillingInterval::Monthly, "monthly"},
                                      {BillingInterval::Quarterly, "quarterly"},
                                      {BillingInterval::Yearly, "yearly"}});
}
static_assert(enumKeys(BillingInterval{}).coversFirst(3));

struct PlanDef
{
    qint64 id = 0;
    QString name;
    qint64 priceCents = 0;
    BillingInterval interval = BillingInterval::Monthly;
    QString description;
    bool active = true;
    int displayOrder = 0;
    qint64 parentId = 0; // 0: no parent

    // The price per month in cents, rounded down: compares tiers and sums up MRR.
    qint64 monthlyCents() const;
    static int intervalMonths(BillingInterval interval);
};

struct ResolvedValue
{
    QString value;
    bool inherited = false; // not set on the plan itself
    qint64 fromPlanId = 0;  // the plan that sets it; 0: the feature's default
    bool set() const { return fromPlanId != 0; }
};

class PlanMatrix
{
    Q_DECLARE_TR_FUNCTIONS(md::PlanMatrix)

public:
    std::vector<PlanDef> plans;       // by display order, then name
    std::vector<FeatureDef> features; // by display order, then key

    const PlanDef *plan(qint64 id) const;
    const PlanDef *planByName(const QString &name) const;
    const FeatureDef *feature(qint64 id) const;
    const FeatureDef *featureByKey(const QString &key) const;

    // The plan's own value, if it sets one.
    std::optional<QString> ownValue(qint64 planId, qint64 featureId) const;
    void setOwnValue(qint64 planId, qint64 featureId, const QString &value);
    void clearOwnValue(qint64 planId, qint64 featureId);
    const QHash<QPair<qint64, qint64>, QString> &ownValues() const { return m_values; }

    // The effective value: the plan's own, else the nearest ancestor's, else the default.
    ResolvedValue resolve(qint64 planId, qint64 featureId) const;

    // Whether making `parentId` the parent of `planId` would close a loop.
    bool wouldCycle(qint64 planId, qint64 parentId) const;

private:
    QHash<QPair<qint64, qint64>, QString> m_values;
};

} // namespace md
