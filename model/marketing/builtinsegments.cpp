#include "builtinsegments.h"

#include "rfmscoring.h"

namespace md {

std::vector<BuiltInSegment> BuiltInSegments::all()
{
    std::vector<BuiltInSegment> out = {
        {tr("Abandoned cart (48 h)"),
         tr("Added to the cart or started checkout in the last 48 hours, with no completed order "
            "since"),
         R"({"all":[{"field":"cart_abandoned_hours","op":"<=","value":48}]})"},
        {tr("High value"), tr("The top 10% of the paying customers by total spent"),
         R"({"all":[{"field":"total_spent","op":"top_percent","value":10}]})"},
        {tr("Frequent buyers"),
         tr("Five or more completed orders, the latest in the last 365 days"),
         R"({"all":[{"field":"orders_count","op":">=","value":5},)"
         R"({"field":"last_order","op":"within_days","value":365}]})"},
        {tr("Lapsed"), tr("Two or more completed orders, but none in the last 90 days"),
         R"({"all":[{"field":"orders_count","op":">=","value":2},)"
         R"({"field":"last_order","op":"not_within_days","value":90}]})"},
        {tr("New customers"), tr("Joined in the last 30 days"),
         R"({"all":[{"field":"created","op":"within_days","value":30}]})"},
    };
    // One per RFM group but Others (what is left over is no audience).
    const auto range = [](int low, int high) {
        return low == high ? QString::number(low) : QStringLiteral("%1-%2").arg(low).arg(high);
    };
    for (const RfmGroupRange &g : RfmScoring::groupRanges()) {
        out.push_back(
            {tr("RFM: %1").arg(RfmScoring::label(g.group)),
             tr("The RFM group \"%1\": recency score %2, frequency %3, monetary %4 (the first "
                "matching group wins)")
                 .arg(RfmScoring::label(g.group), range(g.rLow, g.rHigh), range(g.fLow, g.fHigh),
                      range(g.mLow, g.mHigh)),
             QByteArray(R"({"all":[{"field":"rfm_group","op":"=","value":")")
                 + keyOf(g.group).toLatin1() + QByteArray(R"("}]})")});
    }
    return out;
}

} // namespace md
