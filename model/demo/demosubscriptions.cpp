#include "demosubscriptions.h"

#include "democustomers.h"
#include "demorandom.h"

#include <algorithm>

namespace md {

namespace {

constexpr qint64 kPeriod = 30 * DemoSetup::kDay; // billing months of thirty days

// The end of the billing period that contains the time.
qint64 periodEndAfter(qint64 started, qint64 at)
{
    return started + ((at - started) / kPeriod + 1) * kPeriod;
}

} // namespace

DemoSubscriptions::DemoSubscriptions(const DemoSetup &setup, const DemoCustomers &customers)
    : m_setup(setup)
    , m_customers(customers)
{}

bool DemoSubscriptions::forCustomer(int customer, Subscription &s) const
{
    if (!generate(customer, s))
        return false;
    addPlanHistory(customer, s);
    return true;
}

void DemoSubscriptions::addPlanHistory(int customer, Subscription &s) const
{
    // Indexes above every customer number: a stream no other subscription draws from.
    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::Subscription),
                      quint64(customer) + (quint64(1) << 32));
    const qint64 end = s.cancelledAt >= 0 ? s.cancelledAt : m_setup.asOfEpoch;
    const qint64 renewals = (end - s.startedAt) / kPeriod;
    if (renewals < 2 || !random.chance(0.25)) {
        s.periods = {{s.plan, s.startedAt, -1}};
        return;
    }
    const qint64 changedAt = s.startedAt + random.between(1, renewals - 1) * kPeriod;
    const int before = s.plan == 1 ? 2 : s.plan - 1; // Premium and Deluxe mostly came from below
    s.periods = {{before, s.startedAt, changedAt}, {s.plan, changedAt, -1}};
}

bool DemoSubscriptions::generate(int customer, Subscription &s) const
{
    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::Subscription), quint64(customer));
    if (!random.chance(0.10))
        return false;
    const qint64 now = m_setup.asOfEpoch;
    const qint64 earliest = std::max(m_customers.createdAt(customer) + 3600,
                                     now - qint64(m_setup.orderDays) * DemoSetup::kDay);
    const qint64 latest = now - DemoSetup::kDay;
    if (earliest >= latest)
        return false;

    s = Subscription();
    s.customer = customer;
    s.plan = 1 + random.pick({55.0, 30.0, 15.0});
    s.startedAt = random.between(earliest, latest);
    s.log.push_back({s.startedAt, nullptr, "active", "Subscribed"});
    const qint64 age = now - s.startedAt;

    switch (random.pick({68.0, 10.0, 17.0, 5.0})) {
    case 1: { // paused by the customer, resumes on its own later
        const qint64 pausedAt = s.startedAt + 3600 + random.below(age - 3600);
        s.status = "paused";
        s.pausedUntil = now + random.between(7, 60) * DemoSetup::kDay;
        s.currentPeriodEnd = periodEndAfter(s.startedAt, now);
        s.log.push_back({pausedAt, "active", "paused", "Paused by the customer"});
        return true;
    }
    case 2: { // cancelled, some after a pause
        static const char *const reasons[]
            = {"Too expensive", "Too many items",         "Not enough variety",
               "Moving abroad", "Prefers one-off orders", "Delivery problems"};
        const qint64 from = age > kPeriod ? s.startedAt + kPeriod : s.startedAt + 3600;
        s.cancelledAt = from + random.below(std::max<qint64>(1, now - from));
        s.status = "cancelled";
        s.cancelReason = reasons[random.below(6)];
        if (random.chance(0.3) && s.cancelledAt - s.startedAt > 2 * 3600) {
            const qint64 pausedAt
                = s.startedAt + 3600 + random.below(s.cancelledAt - s.startedAt - 3600);
            s.log.push_back({pausedAt, "active", "paused", "Paused by the customer"});
            s.log.push_back({s.cancelledAt, "paused", "cancelled", s.cancelReason});
        } else {
            s.log.push_back({s.cancelledAt, "active", "cancelled", s.cancelReason});
        }
        return true;
    }
    case 3: // the last renewal's payment failed
        if (age > kPeriod) {
            const qint64 lastRenewal = periodEndAfter(s.startedAt, now) - kPeriod;
            s.status = "past_due";
            s.currentPeriodEnd = lastRenewal;
            s.log.push_back({lastRenewal, "active", "past_due", "Payment failed"});
            return true;
        }
        break;
    default:
        break;
    }
    s.status = "active";
    s.currentPeriodEnd = periodEndAfter(s.startedAt, now);
    if (random.chance(0.05)) // a plan change waiting for the next renewal
        s.nextPlan = s.plan == 3 ? 2 : s.plan + 1;
    return true;
}

} // namespace md
