#pragma once

// The plain rows the loyalty engine works on and the store reads and writes: tiers, settings,
// ledger entries and a customer's orders. Points are whole numbers, money integer cents,
// multipliers integer basis points (10000 = x1), times UTC epoch seconds.

#include "core/enumkeys.h"

#include <QString>

#include <vector>

namespace md {

// How the tier is decided: on the points earned from orders net of reversals over the
// customer's lifetime (spending never demotes), over the last 365 days, or on the balance.
enum class LoyaltyBasis { Lifetime, Rolling12, Balance };

constexpr auto enumKeys(LoyaltyBasis)
{
    return keyTable<LoyaltyBasis>({{LoyaltyBasis::Lifetime, "lifetime"},
                                   {LoyaltyBasis::Rolling12, "rolling12"},
                                   {LoyaltyBasis::Balance, "balance"}});
}
static_assert(enumKeys(LoyaltyBasis{}).coversFirst(3));

// The values of points_ledger.kind.
enum class LoyaltyKind { Earn, Reverse, Redeem, Expire, Adjust, Referral, Badge, Challenge, Wheel };

constexpr auto enumKeys(LoyaltyKind)
{
    return keyTable<LoyaltyKind>({{LoyaltyKind::Earn, "earn"},
                                  {LoyaltyKind::Reverse, "reverse"},
                                  {LoyaltyKind::Redeem, "redeem"},
                                  {LoyaltyKind::Expire, "expire"},
                                  {LoyaltyKind::Adjust, "adjust"},
                                  {LoyaltyKind::Referral, "referral"},
                                  {LoyaltyKind::Badge, "badge"},
                                  {LoyaltyKind::Challenge, "challenge"},
                                  {LoyaltyKind::Wheel, "wheel"}});
}
static_assert(enumKeys(LoyaltyKind{}).coversFirst(9));

struct LoyaltyTier
{
    qint64 id = 0;
    QString name;
    qint64 threshold = 0;        // qualifying points from which the tier is held
    qint64 multiplierBp = 10000; // 12500: an order earns x1.25
};

struct LoyaltySettings
{
    int expiryDays = 0; // 0: points never expire
    LoyaltyBasis basis = LoyaltyBasis::Lifetime;
    int pendingDays = 0; // earned points become usable this many days after the order
};

struct LoyaltyEntry
{
    qint64 id = 0; // 0 for an entry not written yet
    LoyaltyKind kind = LoyaltyKind::Earn;
    qint64 delta = 0;
    qint64 at = 0;
    qint64 orderId = 0; // 0: not about an order
    QString source;     // empty: none recorded (entries imported or made before schema 7)
    QString note;
};

// The values of loyalty_rewards.kind.
enum class LoyaltyRewardKind { FixedDiscount, PercentDiscount, FreeProduct, FreeShipping };

constexpr auto enumKeys(LoyaltyRewardKind)
{
    return keyTable<LoyaltyRewardKind>({{LoyaltyRewardKind::FixedDiscount, "fixed_discount"},
                                        {LoyaltyRewardKind::PercentDiscount, "percent_discount"},
                                        {LoyaltyRewardKind::FreeProduct, "free_product"},
                                        {LoyaltyRewardKind::FreeShipping, "free_shipping"}});
}
static_assert(enumKeys(LoyaltyRewardKind{}).coversFirst(4));

// A reward of the catalogue. Exactly the value its kind needs is set: amountCents for a fixed
// discount, percent (1-100) for a percentage, productId (and its sku) for a free product.
struct LoyaltyReward
{
    qint64 id = 0;
    QString name;
    LoyaltyRewardKind kind = LoyaltyRewardKind::FreeShipping;
    qint64 pointsCost = 0;
    qint64 amountCents = 0;
    int percent = 0;
    qint64 productId = 0;
    QString productSku;
    qint64 minBalance = 0;    // the balance a customer needs to redeem it; 0: none
    int perCustomerLimit = 0; // redemptions per customer; 0: no limit
    bool active = true;
};

struct LoyaltyOrder
{
    qint64 id = 0;
    QString number;
    qint64 orderedAt = 0;
    qint64 totalCents = 0;
    bool completed = false; // earns points
    bool voided = false;    // cancelled or refunded: an earlier credit is reversed
    QString status;         // orders.status, for the notes
};

} // namespace md
