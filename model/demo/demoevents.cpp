#include "demoevents.h"

#include "democatalog.h"
#include "democustomers.h"
#include "demoorders.h"
#include "demorandom.h"

#include <algorithm>
#include <cmath>

namespace md {

namespace {

constexpr double kBrowsePerOrder = 1.0;
constexpr double kAbandonedPerOrder = 0.25;

struct Click
{
    DemoEvents::Type type;
    qint32 slot;
    qint32 quantity;
};

// Spreads a session's clicks over [start, end] in their order; the last one lands on end.
void stamp(DemoRandom &random, const std::vector<Click> &clicks, qint64 start, qint64 end,
           qint32 customer, qint32 order, qint32 session, std::vector<DemoEvents::Event> &out)
{
    const qint64 span = std::max<qint64>(0, end - start);
    const int n = int(clicks.size());
    for (int i = 0; i < n; ++i) {
        DemoEvents::Event event;
        event.at = i + 1 == n ? end : start + qint64(double(span) * (i + random.uniform()) / n);
        event.session = session;
        event.step = i;
        event.type = clicks[size_t(i)].type;
        event.customer = customer;
        event.slot = clicks[size_t(i)].slot;
        event.quantity = clicks[size_t(i)].quantity;
        event.order = event.type == DemoEvents::Type::OrderCompleted ? order : -1;
        out.push_back(event);
    }
}

} // namespace

DemoEvents::DemoEvents(const DemoSetup &setup, const DemoCatalog &catalog,
                       const DemoCustomers &customers, const DemoOrders &orders)
    : m_setup(setup)
    , m_catalog(catalog)
    , m_customers(customers)
    , m_orders(orders)
{}

int DemoEvents::drawProduct(DemoRandom &random, qint64 at) const
{
    for (int attempt = 0; attempt < 4; ++attempt) {
        const int slot = m_catalog.drawFromCategory(random, m_catalog.drawCategory(random), at);
        if (slot >= 0)
            return slot;
    }
    return m_catalog.plantedPairs().front().slotA;
}

void DemoEvents::day(int day, std::vector<Event> &events) const
{
    events.clear();
    const qint64 dayStart = m_setup.asOfEpoch - qint64(m_setup.eventDays - day) * DemoSetup::kDay;
    const int first = m_orders.firstOrderFrom(dayStart);
    const int end = m_orders.firstOrderFrom(dayStart + DemoSetup::kDay);

    std::vector<qint32> buyers;
    qint32 session = 0;
    for (int k = first; k < end; ++k) {
        orderSession(k, session++, dayStart, events);
        if (m_orders.customer(k) >= 0)
            buyers.push_back(m_orders.customer(k));
    }
    std::sort(buyers.begin(), buyers.end());

    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::EventDay), quint64(day));
    const int orders = end - first;
    const int browsing
        = int(std::llround(orders * kBrowsePerOrder * (0.8 + 0.4 * random.uniform())));
    const int abandoned
        = int(std::llround(orders * kAbandonedPerOrder * (0.8 + 0.4 * random.uniform())));
    for (int s = 0; s < browsing; ++s)
        browseSession(random, session++, dayStart, events);
    for (int s = 0; s < abandoned; ++s)
        abandonedSession(random, session++, dayStart, buyers, events);

    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.at != b.at)
            return a.at < b.at;
        if (a.session != b.session)
            return a.session < b.session;
        return a.step < b.step;
    });
}

void DemoEvents::orderSession(int order, qint32 session, qint64 dayStart,
                              std::vector<Event> &events) const
{
    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::OrderSession), quint64(order));
    std::vector<DemoOrders::Line> lines;
    m_orders.basket(order, lines);
    const qint64 at = m_orders.orderedAt(order);

    std::vector<Click> clicks;
    for (const DemoOrders::Line &line : lines) {
        clicks.push_back({Type::ProductViewed, line.slot, 1});
        // Shoppers also look at products they do not buy.
        if (random.chance(0.3)) {
            const int other = drawProduct(random, at);
            if (std::none_of(lines.begin(), lines.end(),
                             [other](const DemoOrders::Line &l) { return l.slot == other; }))
                clicks.push_back({Type::ProductViewed, other, 1});
        }
        clicks.push_back({Type::AddedToCart, line.slot, line.quantity});
    }
    clicks.push_back({Type::CheckoutStarted, -1, 1});
    clicks.push_back({Type::OrderCompleted, -1, 1});
    // The session stays inside the order's day, so "added to cart but no order that day"
    // only ever finds real abandoned carts.
    const qint64 length = random.between(300, 2400) + 20 * qint64(lines.size());
    const qint64 start = std::max(dayStart, at - length);
    stamp(random, clicks, start, at, m_orders.customer(order), order, session, events);
}

void DemoEvents::browseSession(DemoRandom &random, qint32 session, qint64 dayStart,
                               std::vector<Event> &events) const
{
    const qint64 start = dayStart + random.below(DemoSetup::kDay - 3600);
    qint32 customer = -1;
    if (random.chance(0.6)) {
        const int known = m_customers.signedUpBefore(start);
        if (known > 0)
            customer = qint32(random.below(known));
    }
    std::vector<Click> clicks;
    const int views = int(random.between(1, 5));
    for (int i = 0; i < views; ++i)
        clicks.push_back({Type::ProductViewed, drawProduct(random, start), 1});
    const qint64 end = start + views * random.between(20, 120);
    stamp(random, clicks, start, end, customer, -1, session, events);
}

void DemoEvents::abandonedSession(DemoRandom &random, qint32 session, qint64 dayStart,
                                  const std::vector<qint32> &buyers,
                                  std::vector<Event> &events) const
{
    const qint64 start = dayStart + random.below(DemoSetup::kDay - 3600);
    const int known = m_customers.signedUpBefore(start);
    qint32 customer = -1;
    for (int attempt = 0; attempt < 8 && known > 0 && customer < 0; ++attempt) {
        const qint32 candidate = qint32(random.below(known));
        if (!std::binary_search(buyers.begin(), buyers.end(), candidate))
            customer = candidate;
    }
    if (customer < 0)
        return;
    std::vector<Click> clicks;
    const int items = int(random.between(1, 3));
    std::vector<int> chosen;
    for (int i = 0; i < items; ++i) {
        const int slot = drawProduct(random, start);
        if (std::find(chosen.begin(), chosen.end(), slot) != chosen.end())
            continue;
        chosen.push_back(slot);
        clicks.push_back({Type::ProductViewed, slot, 1});
        clicks.push_back({Type::AddedToCart, slot, 1 + random.pick({85.0, 15.0})});
    }
    if (random.chance(0.4))
        clicks.push_back({Type::CheckoutStarted, -1, 1});
    const qint64 end = start + qint64(clicks.size()) * random.between(15, 90);
    stamp(random, clicks, start, end, customer, -1, session, events);
}

} // namespace md
