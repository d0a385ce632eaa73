#pragma once

// The fixed rows of the demo shop: the three subscription plans with their typed features, the
// loyalty tiers, badges and challenges. The loyalty simulation reads its rules from here too.

#include "demosetup.h"
#include "loyalty/loyaltytypes.h"

#include <vector>

namespace md {

class DemoReference
{
public:
    struct Plan
    {
        const char *name;
        qint64 priceCents;
        const char *description;
        // One value per feature, in features() order, as plan_features stores it.
        std::vector<const char *> values;
    };

    struct Feature
    {
        const char *key;
        const char *label;
        const char *type; // bool, int or choice
        const char *choices;
        const char *defaultValue;
    };

    enum class BadgeRule { FirstOrder, FiveOrders, BigBasket, Ambassador };

    struct Badge
    {
        const char *code;
        const char *name;
        const char *description;
        const char *rule;
        int bonusPoints;
        BadgeRule kind;
    };

    struct Challenge
    {
        const char *name;
        const char *description;
        const char *goalKind; // orders, spend or distinct_products
        qint64 goalValue;
        int rewardPoints;
        int startsDaysBefore; // relative to the shop's "today"
        int endsDaysBefore;   // negative: still running after today
    };

    static const std::vector<Plan> &plans();
    static const std::vector<Feature> &features();
    // The loyalty programme's default tiers (LoyaltyStore::defaultTiers), which the demo shop
    // seeds and earns by.
    static const std::vector<LoyaltyTier> &tiers();
    static const std::vector<Badge> &badges();
    static const std::vector<Challenge> &challenges();

    // The tier (index into tiers()) of a customer who has earned this many points from orders so
    // far (the loyalty programme's default basis: lifetime order points, bonuses not counted).
    static int tierFor(qint64 lifetimePoints);
    // floor(order total in currency units × the tier's multiplier), in exact integer arithmetic.
    static qint64 earnedPoints(qint64 totalCents, int tier);
    static constexpr qint64 kBigBasketCents = 15000;
    static constexpr int kReferralReward = 200;
};

} // namespace md
