#include "builtinsegments.h"

namespace md {

std::vector<BuiltInSegment> BuiltInSegments::all()
{
    return {
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
}

} // namespace md
