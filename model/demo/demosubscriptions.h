#pragma once

// The demo shop's subscription boxes: about one customer in ten subscribes, more to Basic than
// to Deluxe; most stay active, some pause, cancel (with a reason) or fall behind on payment,
// some changed plan at a renewal; every change of status and plan is recorded.

#include "demosetup.h"

#include <vector>

namespace md {

class DemoCustomers;

class DemoSubscriptions
{
public:
    struct Change
    {
        qint64 at = 0;
        const char *oldStatus = nullptr; // nullptr: the subscription started
        const char *newStatus = "active";
        const char *note = "";
    };

    // A stretch of time on one plan; the last one (to -1) is the current plan.
    struct PlanPeriod
    {
        int plan = 1;
        qint64 from = 0;
        qint64 to = -1;
    };

    struct Subscription
    {
        int customer = 0;
        int plan = 1; // plan id 1..3 (Basic, Premium, Deluxe)
        const char *status = "active";
        qint64 startedAt = 0;
        qint64 currentPeriodEnd = -1; // -1: none
        qint64 pausedUntil = -1;
        qint64 cancelledAt = -1;
        const char *cancelReason = "";
        int nextPlan = 0; // 0: no change scheduled
        std::vector<Change> log;
        std::vector<PlanPeriod> periods; // oldest first
    };

    DemoSubscriptions(const DemoSetup &setup, const DemoCustomers &customers);

    // False when the customer never subscribed.
    bool forCustomer(int customer, Subscription &subscription) const;

private:
    bool generate(int customer, Subscription &subscription) const;
    // Some subscribers changed plan at a renewal (mostly an upgrade), so the growth chart has
    // history to show. Drawn from a stream of its own: the other values stay as they were.
    void addPlanHistory(int customer, Subscription &subscription) const;

    DemoSetup m_setup;
    const DemoCustomers &m_customers;
};

} // namespace md
