#pragma once

// What one demo generation works from: the seed, the shop's "today" as epoch seconds and the
// sizes that follow from the scale, shared by every part of the generator.

#include "demoshop.h"

#include <QtGlobal>

namespace md {

// The sub-streams of the generator's random numbers: one per kind of entity, so adding draws
// to one table never changes another.
enum class DemoStream : quint64 {
    Layout = 1,
    Product,
    ProductTitle,
    PricingRuns,
    Customer,
    CustomerOrders,
    OrderTimes,
    GuestOrders,
    OrderStatus,
    Basket,
    OrderSession,
    EventDay,
    Subscription,
    Loyalty,
    Referral,
    Invitation,
};

struct DemoSetup
{
    explicit DemoSetup(const DemoOptions &options);

    static constexpr qint64 kDay = 86400;

    quint64 seed = 0;
    DemoOptions::Scale scale = DemoOptions::Scale::Small;
    // Sub-categories under each shelf ("Coffee / Whole Beans"): the catalog of the medium and
    // large shops is too big for the dozen top-level categories alone.
    bool subcategories = false;
    QDate asOf;
    qint64 asOfEpoch = 0; // 00:00 UTC of asOf: every generated time before it is history

    int productCount = 0;
    int customerCount = 0;
    int orderCount = 0;
    int priceRunCount = 0;
    int customerDays = 1095; // customers signed up over the last three years
    int orderDays = 730;     // orders over the last two years
    int eventDays = 0;       // behaviour events kept for the most recent days only

    qint64 customerStart() const { return asOfEpoch - customerDays * kDay; }
    qint64 orderStart() const { return asOfEpoch - orderDays * kDay; }

    quint64 stream(DemoStream kind) const { return quint64(kind); }
};

} // namespace md
