#pragma once

// RFM scores and groups, the method of the R package `rfm` (rsquaredacademy): each measure is
// cut at its 20/40/60/80 % quantiles (R's default quantile, type 7) plus one unit, and a value
// scores one more for every break it reaches (value >= break). Recency scores the other way
// round (5 = most recent). Groups follow rfm_segment(): the first matching range in table
// order wins, anything unmatched is Others. No I/O; docs/rfm.md has the worked example.

#include "core/enumkeys.h"

#include <QCoreApplication>
#include <QString>

#include <array>
#include <vector>

namespace md {

struct RfmMeasures
{
    qint64 recencyDays = 0;   // whole days since the last completed order
    qint64 frequency = 0;     // completed orders
    qint64 monetaryCents = 0; // sum of completed order totals
};

struct RfmScore
{
    int r = 0;
    int f = 0;
    int m = 0;
    bool operator==(const RfmScore &) const = default;
};

enum class RfmGroup {
    Champions,
    PotentialLoyalists,
    LoyalCustomers,
    Promising,
    NewCustomers,
    CantLoseThem,
    AtRisk,
    NeedAttention,
    AboutToSleep,
    Lost,
    Hibernating,
    Others,
};

constexpr auto enumKeys(RfmGroup)
{
    return keyTable<RfmGroup>({{RfmGroup::Champions, "champions"},
                               {RfmGroup::PotentialLoyalists, "potential_loyalists"},
                               {RfmGroup::LoyalCustomers, "loyal_customers"},
                               {RfmGroup::Promising, "promising"},
                               {RfmGroup::NewCustomers, "new_customers"},
                               {RfmGroup::CantLoseThem, "cant_lose_them"},
                               {RfmGroup::AtRisk, "at_risk"},
                               {RfmGroup::NeedAttention, "need_attention"},
                               {RfmGroup::AboutToSleep, "about_to_sleep"},
                               {RfmGroup::Lost, "lost"},
                               {RfmGroup::Hibernating, "hibernating"},
                               {RfmGroup::Others, "others"}});
}
static_assert(enumKeys(RfmGroup{}).coversFirst(int(RfmGroup::Others) + 1));

// One group's inclusive score ranges, as rfm_segment() takes them.
struct RfmGroupRange
{
    RfmGroup group;
    int rLow, rHigh, fLow, fHigh, mLow, mHigh;
};

// The four breaks of one measure, each in the measure's own unit (days, orders, cents) and
// scaled by 5 so they stay exact integers: a value v reaches break k when 5 * v >= fifths[k].
struct RfmBreaks
{
    std::array<qint64, 4> fifths{};
    int reached(qint64 value) const;
    bool operator==(const RfmBreaks &) const = default;
};

// The breaks of all three measures over one set of customers.
struct RfmMeasureBreaks
{
    RfmBreaks recency;   // days
    RfmBreaks frequency; // orders
    RfmBreaks monetary;  // cents
    bool operator==(const RfmMeasureBreaks &) const = default;
};

class RfmScoring
{
    Q_DECLARE_TR_FUNCTIONS(md::RfmScoring)

public:
    // Scores for every customer, in input order. An empty input gives an empty result.
    static std::vector<RfmScore> score(const std::vector<RfmMeasures> &customers);
    // The breaks of the three measures over `customers` (all of them zero for none).
    static RfmMeasureBreaks breaks(const std::vector<RfmMeasures> &customers);
    // One customer's scores against breaks computed over all customers.
    static RfmScore score(const RfmMeasures &measures, const RfmMeasureBreaks &breaks);

    // quantile(values, k/5, type = 7) + unit, times 5, for k = 1..4. `values` need not be
    // sorted; it is sorted in place.
    static RfmBreaks breaks(std::vector<qint64> &values, qint64 unit);

    // The group ranges in matching order: the ten of rfm_segment()'s example, then
    // Hibernating (our addition: r 2-3, any f and m, so it only takes customers the package
    // would call Others).
    static const std::vector<RfmGroupRange> &groupRanges();
    static RfmGroup group(const RfmScore &score);
    static QString label(RfmGroup group);

    // Monetary breaks are one currency unit (100 cents) above the quantile, as the package
    // adds 1 to a revenue given in currency units.
    static constexpr qint64 monetaryUnitCents = 100;
};

} // namespace md
