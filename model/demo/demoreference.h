#pragma once

// The fixed rows of the demo shop: the three subscription plans with their typed features, the
// loyalty tiers, badges and challenges. The loyalty simulation reads its rules from here too.

#include "demosetup.h"

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

    struct Tier
    {
        const char *name;
        int minPoints;
        int quarterMultiplier; // the multiplier times four: 1.25 stays an exact integer
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
    static const std::vector<Tier> &tiers();
    static const std::vector<Badge> &badges();
    static const std::vector<Challenge> &challenges();

    // The tier (index into tiers()) of a customer who has earned this many points so far.
    static int tierFor(qint64 lifetimePoints);
    // floor(order total in currency units × the tier's multiplier), in exact integer arithmetic.
    static qint64 earnedPoints(qint64 totalCents, int tier);
    static constexpr qint64 kBigBasketCents = 15000;
    static constexpr int kReferralReward = 200;
};

} // namespace md
