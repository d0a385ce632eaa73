#pragma once

// The demo shop's behaviour events for the most recent days: the clicks around each order
// (views, add to cart, checkout, completion), browsing without buying, and abandoned carts,
// about one session in ten: products added, sometimes a checkout begun, no order that day.

#include "core/enumkeys.h"
#include "demosetup.h"

#include <vector>

namespace md {

class DemoCatalog;
class DemoCustomers;
class DemoOrders;
class DemoRandom;

class DemoEvents
{
public:
    enum class Type : quint8 { ProductViewed, AddedToCart, CheckoutStarted, OrderCompleted };

    struct Event
    {
        qint64 at = 0;
        qint32 session = 0; // sessions and steps keep one session's clicks in their order
        qint32 step = 0;
        Type type = Type::ProductViewed;
        qint32 customer = -1; // -1: an anonymous visitor or a guest
        qint32 slot = -1;     // -1: no product (checkout, completion)
        qint32 order = -1;    // -1: no order
        qint32 quantity = 1;
    };

    DemoEvents(const DemoSetup &setup, const DemoCatalog &catalog, const DemoCustomers &customers,
               const DemoOrders &orders);

    int dayCount() const { return m_setup.eventDays; }
    // All events of one day (0 = the oldest kept), sorted by time.
    void day(int day, std::vector<Event> &events) const;

private:
    void orderSession(int order, qint32 session, qint64 dayStart, std::vector<Event> &events) const;
    void browseSession(DemoRandom &random, qint32 session, qint64 dayStart,
                       std::vector<Event> &events) const;
    void abandonedSession(DemoRandom &random, qint32 session, qint64 dayStart,
                          const std::vector<qint32> &buyers, std::vector<Event> &events) const;
    int drawProduct(DemoRandom &random, qint64 at) const;

    DemoSetup m_setup;
    const DemoCatalog &m_catalog;
    const DemoCustomers &m_customers;
    const DemoOrders &m_orders;
};

// The values of behaviour_events.event_type.
constexpr auto enumKeys(DemoEvents::Type)
{
    using Type = DemoEvents::Type;
    return keyTable<Type>({{Type::ProductViewed, "product_viewed"},
                           {Type::AddedToCart, "added_to_cart"},
                           {Type::CheckoutStarted, "checkout_started"},
                           {Type::OrderCompleted, "order_completed"}});
}

} // namespace md
