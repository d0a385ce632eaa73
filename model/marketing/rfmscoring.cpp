#include "rfmscoring.h"

#include <algorithm>

namespace md {

int RfmBreaks::reached(qint64 value) const
{
    int count = 0;
    for (qint64 fifth : fifths)
        count += 5 * value >= fifth ? 1 : 0;
    return count;
}

RfmBreaks RfmScoring::breaks(std::vector<qint64> &values, qint64 unit)
{
    RfmBreaks out;
    if (values.empty())
        return out;
    std::sort(values.begin(), values.end());
    const qint64 n = qint64(values.size());
    for (int k = 1; k <= 4; ++k) {
        // Type 7: h = (n - 1) * k / 5; Q = x[floor h] + frac(h) * (x[floor h + 1] - x[floor h]).
        const qint64 h5 = (n - 1) * k;
        const qint64 lo = h5 / 5;
        const qint64 rem = h5 % 5;
        qint64 q5 = 5 * values[size_t(lo)];
        if (rem > 0)
            q5 += rem * (values[size_t(lo + 1)] - values[size_t(lo)]);
        out.fifths[size_t(k - 1)] = q5 + 5 * unit;
    }
    return out;
}

RfmMeasureBreaks RfmScoring::breaks(const std::vector<RfmMeasures> &customers)
{
    RfmMeasureBreaks out;
    if (customers.empty())
        return out;
    std::vector<qint64> values(customers.size());
    auto breaksOf = [&](auto member, qint64 unit) {
        for (size_t i = 0; i < customers.size(); ++i)
            values[i] = customers[i].*member;
        return breaks(values, unit);
    };
    out.recency = breaksOf(&RfmMeasures::recencyDays, 1);
    out.frequency = breaksOf(&RfmMeasures::frequency, 1);
    out.monetary = breaksOf(&RfmMeasures::monetaryCents, monetaryUnitCents);
    return out;
}

RfmScore RfmScoring::score(const RfmMeasures &measures, const RfmMeasureBreaks &breaks)
{
    return {5 - breaks.recency.reached(measures.recencyDays),
            1 + breaks.frequency.reached(measures.frequency),
            1 + breaks.monetary.reached(measures.monetaryCents)};
}

std::vector<RfmScore> RfmScoring::score(const std::vector<RfmMeasures> &customers)
{
    const RfmMeasureBreaks all = breaks(customers);
    std::vector<RfmScore> out;
    out.reserve(customers.size());
    for (const RfmMeasures &measures : customers)
        out.push_back(score(measures, all));
    return out;
}

const std::vector<RfmGroupRange> &RfmScoring::groupRanges()
{
    static const std::vector<RfmGroupRange> ranges{
        {RfmGroup::Champions, 5, 5, 5, 5, 5, 5},
        {RfmGroup::PotentialLoyalists, 3, 5, 3, 5, 2, 5},
        {RfmGroup::LoyalCustomers, 2, 4, 2, 4, 2, 4},
        {RfmGroup::Promising, 3, 4, 1, 3, 3, 5},
        {RfmGroup::NewCustomers, 4, 5, 1, 3, 1, 5},
        {RfmGroup::CantLoseThem, 1, 2, 3, 4, 4, 5},
        {RfmGroup::AtRisk, 1, 2, 2, 5, 4, 5},
        {RfmGroup::NeedAttention, 1, 3, 3, 5, 3, 5},
        {RfmGroup::AboutToSleep, 2, 3, 1, 3, 1, 4},
        {RfmGroup::Lost, 1, 1, 1, 5, 1, 5},
        {RfmGroup::Hibernating, 2, 3, 1, 5, 1, 5},
    };
    return ranges;
}

RfmGroup RfmScoring::group(const RfmScore &s)
{
    for (const RfmGroupRange &g : groupRanges()) {
        if (s.r >= g.rLow && s.r <= g.rHigh && s.f >= g.fLow && s.f <= g.fHigh && s.m >= g.mLow
            && s.m <= g.mHigh)
            return g.group;
    }
    return RfmGroup::Others;
}

QString RfmScoring::label(RfmGroup group)
{
    switch (group) {
    case RfmGroup::Champions:
        return tr("Champions");
    case RfmGroup::PotentialLoyalists:
        return tr("Potential loyalists");
    case RfmGroup::LoyalCustomers:
        return tr("Loyal customers");
    case RfmGroup::Promising:
        return tr("Promising");
    case RfmGroup::NewCustomers:
        return tr("New customers");
    case RfmGroup::CantLoseThem:
        return tr("Can't lose them");
    case RfmGroup::AtRisk:
        return tr("At risk");
    case RfmGroup::NeedAttention:
        return tr("Need attention");
    case RfmGroup::AboutToSleep:
        return tr("About to sleep");
    case RfmGroup::Lost:
        return tr("Lost");
    case RfmGroup::Hibernating:
        return tr("Hibernating");
    case RfmGroup::Others:
        return tr("Others");
    }
    return {};
}

} // namespace md
