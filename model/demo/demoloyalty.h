#pragma once

// The demo shop's loyalty programme, replayed customer by customer in time order: points earned
// for each completed order at the multiplier of the tier reached so far (the tier follows the
// points ever earned from orders, LoyaltyEngine's default basis, so redeeming never demotes),
// bonuses for badges, challenges and referrals, redemptions and the expiry of balances left
// untouched for a year.

#include "demosetup.h"

#include <QString>

#include <vector>

namespace md {

class DemoCustomers;
class DemoOrders;

class DemoLoyalty
{
public:
    struct Referral
    {
        int referrer = 0;
        int referred = -1; // -1: the invitation was never taken up
        QString code;
        QString email;
        qint64 createdAt = 0;
        qint64 convertedAt = -1; // the friend's first completed order
        int rewardPoints = 0;
    };

    struct Entry
    {
        qint64 delta = 0;
        const char *kind = "earn";
        int order = -1;
        qint64 at = 0;
        QString note;
    };

    struct Award
    {
        int customer = 0;
        int badge = 0; // index into DemoReference::badges()
        qint64 at = 0;
    };

    struct Progress
    {
        int challenge = 0; // index into DemoReference::challenges()
        int customer = 0;
        qint64 progress = 0;
        qint64 completedAt = -1;
    };

    DemoLoyalty(const DemoSetup &setup, const DemoCustomers &customers, const DemoOrders &orders);

    // Sorted by creation: the referral's id is its index + 1.
    const std::vector<Referral> &referrals() const { return m_referrals; }

    // One customer's ledger in time order; badge awards and challenge progress are appended.
    void replay(int customer, std::vector<Entry> &ledger, std::vector<Award> &awards,
                std::vector<Progress> &progress) const;

private:
    qint64 firstCompletedOrder(int customer) const;

    DemoSetup m_setup;
    const DemoCustomers &m_customers;
    const DemoOrders &m_orders;
    std::vector<Referral> m_referrals;
    std::vector<std::pair<int, qint64>> m_conversions; // (referrer, converted at), sorted
};

} // namespace md
