#pragma once

// The loyalty programme's arithmetic, pure: points per order at the tier held just before it,
// qualifying points per basis, reversals of orders voided after they earned, and FIFO expiry of
// earning batches. One customer at a time, from plain rows; no I/O, `asOf` passed in.
//
// Exact: points = floor(total_cents x multiplier_bp / (100 x 10000)) in 128-bit integers, so
// 56.80 x 1.25 is 71, never 70.99999 floored to 70.

#include "loyaltytypes.h"

#include <vector>

namespace md {

// What award() decided for one order.
struct LoyaltyOrderOutcome
{
    qint64 orderId = 0;
    qint64 points = 0;   // credited now or before; 0 when the order earned nothing
    int tierBefore = -1; // index into the tiers; -1 below the lowest threshold
    int tierAfter = -1;
    bool credited = false; // a new earn entry is in LoyaltyAwardPlan::entries
    bool reversed = false; // a new reverse entry is in LoyaltyAwardPlan::entries
};

struct LoyaltyAwardPlan
{
    std::vector<LoyaltyEntry> entries; // new earn and reverse entries, in time order
    std::vector<LoyaltyOrderOutcome> orders;
    qint64 creditedOrders = 0;
    qint64 creditedPoints = 0;
    qint64 reversedOrders = 0;
    qint64 reversedPoints = 0;
};

// A customer's standing at a moment.
struct LoyaltyStanding
{
    qint64 balance = 0;    // every entry up to the moment
    qint64 qualifying = 0; // the points the tier is decided on (the basis)
    qint64 available = 0;  // the balance less points still pending
    int tier = -1;
};

// One earning batch (a positive entry) after FIFO consumption.
struct LoyaltyBatch
{
    qint64 entryIndex = 0; // into the ledger given
    qint64 at = 0;
    qint64 points = 0;
    qint64 remaining = 0;
    qint64 expiresAt = -1; // -1: never
};

// Why a redemption is refused, in the order the checks run.
enum class LoyaltyRedeemRefusal { None, Inactive, LimitReached, BelowMinimum, NotEnoughPoints };

struct LoyaltyRedeemCheck
{
    LoyaltyRedeemRefusal refusal = LoyaltyRedeemRefusal::None;
    qint64 balance = 0;   // every entry up to the moment
    qint64 spendable = 0; // what a redemption may take now
};

class LoyaltyEngine
{
public:
    static constexpr qint64 kOneBp = 10000;
    static constexpr qint64 kRollingWindowSecs = 365 * 86400;

    // `tiers` in any order; they are kept sorted by threshold.
    LoyaltyEngine(std::vector<LoyaltyTier> tiers, LoyaltySettings settings);

    const std::vector<LoyaltyTier> &tiers() const { return m_tiers; }
    const LoyaltySettings &settings() const { return m_settings; }

    // floor(totalCents x multiplierBp / 1,000,000), exactly; 0 for a total of 0.
    static qint64 orderPoints(qint64 totalCents, qint64 multiplierBp);
    // The tier held with these qualifying points: the one with the highest threshold reached;
    // -1 below every threshold (or without tiers), which earns at x1.
    int tierFor(qint64 qualifying) const;
    qint64 multiplierOf(int tier) const;

    // The qualifying points at `at` from `ledger` (earn and reverse for the lifetime and rolling
    // bases, every entry for the balance), counting entries dated at or before `at`.
    qint64 qualifying(const std::vector<LoyaltyEntry> &ledger, qint64 at) const;

    // Credits every completed order of `orders` (sorted by orderedAt, then number) placed at or
    // before `asOf` that `ledger` (the customer's entries, any order) has no earn entry for, and
    // reverses every voided order that has an earn entry and no reverse entry. Each order earns
    // at the tier held just before it, from the ledger as it stands with the orders before it
    // credited. New earn entries are dated at the order, reversals at `asOf`.
    LoyaltyAwardPlan award(const std::vector<LoyaltyOrder> &orders,
                           const std::vector<LoyaltyEntry> &ledger, qint64 asOf) const;

    LoyaltyStanding standing(const std::vector<LoyaltyEntry> &ledger, qint64 asOf) const;

    // The earning batches of the entries dated at or before `asOf`, consumed oldest first by the
    // negative entries in time order; a negative entry larger than what remains leaves a debt
    // that the next batches pay first.
    std::vector<LoyaltyBatch> batches(const std::vector<LoyaltyEntry> &ledger, qint64 asOf) const;
    // The points to expire at `asOf`: what remains of each batch whose expiry date has come
    // (none while expiry is off).
    qint64 expiring(const std::vector<LoyaltyEntry> &ledger, qint64 asOf) const;

    // The points a redemption may take at `asOf`: the available balance (less points still
    // pending), and never more than the balance with every entry counted (a reversal dated
    // later included), never below 0. Points past their expiry date count until an expire
    // entry takes them, so the caller writes off expiring() first, or a redemption would
    // consume (FIFO) the very batch that should have expired.
    qint64 spendable(const std::vector<LoyaltyEntry> &ledger, qint64 asOf) const;
    // Whether `reward` may be redeemed at `asOf` by a customer with `ledger` who redeemed it
    // `redeemedBefore` times: active, under its per-customer limit, a balance of at least its
    // minimum, and its cost no more than what is spendable.
    LoyaltyRedeemCheck checkRedeem(const LoyaltyReward &reward,
                                   const std::vector<LoyaltyEntry> &ledger, qint64 redeemedBefore,
                                   qint64 asOf) const;

    static QString orderSource(qint64 orderId);
    static QString reverseSource(qint64 orderId);
    static QString expireSource(qint64 customerId, qint64 asOf);
    static QString redeemSource(const QString &rewardCode);

private:
    std::vector<LoyaltyTier> m_tiers;
    LoyaltySettings m_settings;
};

} // namespace md
