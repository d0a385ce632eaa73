#include "planmatrix.h"

#include <QSet>

namespace md {

qint64 PlanDef::monthlyCents() const
{
    return priceCents / intervalMonths(interval);
}

int PlanDef::intervalMonths(BillingInterval interval)
{
    switch (interval) {
    case BillingInterval::Monthly:
        return 1;
    case BillingInterval::Quarterly:
        return 3;
    case BillingInterval::Yearly:
        return 12;
    }
    return 1;
}

const PlanDef *PlanMatrix::plan(qint64 id) const
{
    for (const PlanDef &p : plans) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const PlanDef *PlanMatrix::planByName(const QString &name) const
{
    for (const PlanDef &p : plans) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

const FeatureDef *PlanMatrix::feature(qint64 id) const
{
    for (const FeatureDef &f : features) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

const FeatureDef *PlanMatrix::featureByKey(const QString &key) const
{
    for (const FeatureDef &f : features) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

std::optional<QString> PlanMatrix::ownValue(qint64 planId, qint64 featureId) const
{
    const auto it = m_values.constFind({planId, featureId});
    if (it == m_values.constEnd())
        return std::nullopt;
    return *it;
}

void PlanMatrix::setOwnValue(qint64 planId, qint64 featureId, const QString &value)
{
    m_values.insert({planId, featureId}, value);
}

void PlanMatrix::clearOwnValue(qint64 planId, qint64 featureId)
{
    m_values.remove({planId, featureId});
}

ResolvedValue PlanMatrix::resolve(qint64 planId, qint64 featureId) const
{
    ResolvedValue out;
    QSet<qint64> seen; // the database forbids loops, but a broken one must not hang the app
    qint64 current = planId;
    while (current != 0 && !seen.contains(current)) {
        seen.insert(current);
        if (auto own = ownValue(current, featureId)) {
            out.value = *own;
            out.fromPlanId = current;
            out.inherited = current != planId;
            return out;
        }
        const PlanDef *p = plan(current);
        current = p ? p->parentId : 0;
    }
    const FeatureDef *f = feature(featureId);
    out.value = f ? f->defaultValue : QString();
    out.inherited = true;
    return out;
}

bool PlanMatrix::wouldCycle(qint64 planId, qint64 parentId) const
{
    QSet<qint64> seen;
    qint64 current = parentId;
    while (current != 0 && !seen.contains(current)) {
        if (current == planId)
            return true;
        seen.insert(current);
        const PlanDef *p = plan(current);
        current = p ? p->parentId : 0;
    }
    return false;
}

} // namespace md
