#include "demoreference.h"

#include "loyalty/loyaltyengine.h"
#include "loyalty/loyaltystore.h"

namespace md {

const std::vector<DemoReference::Feature> &DemoReference::features()
{
    static const std::vector<Feature> all = {
        {"target_item_count", "Items per box", "int", "", "4"},
        {"exclusive_item", "Exclusive item", "bool", "", "false"},
        {"num_exclusive_items", "Exclusive items per box", "int", "", "0"},
        {"shipping_speed", "Shipping speed", "choice", "standard|priority", "standard"},
        {"personalized_recommendations", "Personalized recommendations", "bool", "", "false"},
    };
    return all;
}

const std::vector<DemoReference::Plan> &DemoReference::plans()
{
    static const std::vector<Plan> all = {
        {"Basic Box",
         2999,
         "Four favourites from the shop every month, shipped standard.",
         {"4", "false", "0", "standard", "false"}},
        {"Premium Box",
         5999,
         "Six products a month, one of them exclusive to subscribers.",
         {"6", "true", "1", "standard", "false"}},
        {"Deluxe Box",
         9999,
         "Eight products a month with three exclusives, priority shipping and picks chosen "
         "for you.",
         {"8", "true", "3", "priority", "true"}},
    };
    return all;
}

const std::vector<LoyaltyTier> &DemoReference::tiers()
{
    static const std::vector<LoyaltyTier> all = LoyaltyStore::defaultTiers();
    return all;
}

const std::vector<DemoReference::Badge> &DemoReference::badges()
{
    static const std::vector<Badge> all = {
        {"first_order", "First order", "Placed a first order.", "orders >= 1", 50,
         BadgeRule::FirstOrder},
        {"five_orders", "Regular", "Completed five orders.", "orders >= 5", 100,
         BadgeRule::FiveOrders},
        {"big_basket", "Big basket", "One order of 150.00 or more.", "order_total >= 15000", 150,
         BadgeRule::BigBasket},
        {"ambassador", "Ambassador", "A friend you referred placed an order.", "referrals >= 1",
         100, BadgeRule::Ambassador},
    };
    return all;
}

const std::vector<DemoReference::Challenge> &DemoReference::challenges()
{
    static const std::vector<Challenge> all = {
        {"Three Orders Challenge", "Complete three orders while the challenge runs.", "orders", 3,
         300, 210, 120},
        {"Big Spender Challenge", "Spend 150.00 while the challenge runs.", "spend", 15000, 250,
         120, 30},
        {"Explorer Challenge", "Buy twelve different products while the challenge runs.",
         "distinct_products", 12, 400, 45, -45},
    };
    return all;
}

int DemoReference::tierFor(qint64 lifetimePoints)
{
    const auto &all = tiers();
    int tier = 0;
    for (int i = 0; i < int(all.size()); ++i) {
        if (lifetimePoints >= all[size_t(i)].threshold)
            tier = i;
    }
    return tier;
}

qint64 DemoReference::earnedPoints(qint64 totalCents, int tier)
{
    return LoyaltyEngine::orderPoints(totalCents, tiers()[size_t(tier)].multiplierBp);
}

} // namespace md
