#pragma once

// The loyalty programme's operations end to end, shared by the command line, the scheduled job
// and (later) the Loyalty page: award points for completed orders and reverse voided ones,
// expire old points, report balances and a customer's ledger, edit tiers and settings.
// Writes are one transaction each, serialised between processes (an advisory lock on
// PostgreSQL, SQLite's one writer), and idempotent through the ledger's unique sources.

#include "db/database.h"
#include "loyaltyengine.h"
#include "loyaltystore.h"

#include <QCoreApplication>

#include <functional>
#include <optional>
#include <vector>

namespace md {

struct LoyaltyAwardReport
{
    qint64 asOf = 0;
    qint64 customers = 0; // customers whose ledger changed
    qint64 creditedOrders = 0;
    qint64 creditedPoints = 0;
    qint64 reversedOrders = 0;
    qint64 reversedPoints = 0;
};

struct LoyaltyExpireReport
{
    qint64 asOf = 0;
    qint64 customers = 0; // expire entries written
    qint64 points = 0;
};

struct LoyaltyBalanceRow
{
    qint64 customerId = 0;
    QString email;
    LoyaltyStanding standing;
    QString tier; // empty below the lowest tier
};

struct LoyaltyLedgerLine
{
    LoyaltyEntry entry;
    qint64 balance = 0; // after this entry
};

struct LoyaltyCustomerLedger
{
    QString email;
    std::vector<LoyaltyLedgerLine> lines;
    LoyaltyStanding standing; // as of now
    QString tier;
};

// A change to the reward named `name` (any case): what is not given stays. A new reward needs
// its kind and cost, and the value of its kind: an amount ("5.00") for a fixed discount, a whole
// percentage from 1 to 100 ("10", "10%") for a percentage, a product's SKU for a free product,
// none for free shipping. A changed kind needs its value again.
struct LoyaltyRewardEdit
{
    QString name;
    std::optional<LoyaltyRewardKind> kind;
    std::optional<QString> value;
    std::optional<qint64> pointsCost;
    std::optional<qint64> minBalance;
    std::optional<int> perCustomerLimit; // 0: no limit
    std::optional<bool> active;
};

struct LoyaltyRedemption
{
    QString email;
    QString reward;
    QString code; // the reward code the customer gets
    qint64 points = 0;
    qint64 balanceAfter = 0;
    qint64 expiredFirst = 0; // points past their date written off before the redemption
    qint64 at = 0;
};

struct LoyaltyAdjustment
{
    QString email;
    qint64 delta = 0;
    qint64 balanceAfter = 0;
    qint64 expiredFirst = 0;
};

class LoyaltyService
{
    Q_DECLARE_TR_FUNCTIONS(md::LoyaltyService)

public:
    // Returns false to cancel (nothing is written then).
    using Progress = std::function<bool(int percent, const QString &stage)>;

    static Result<LoyaltyAwardReport> award(const Database &db, qint64 asOf,
                                            const Progress &progress = {});
    static Result<LoyaltyExpireReport> expire(const Database &db, qint64 asOf,
                                              const Progress &progress = {});

    // Every customer with ledger entries dated at or before `asOf`, by email.
    static Result<std::vector<LoyaltyBalanceRow>> balances(const Database &db, qint64 asOf);
    // An error naming the email when there is no such customer.
    static Result<LoyaltyCustomerLedger> ledger(const Database &db, const QString &email,
                                                qint64 now);

    static Result<LoyaltyEngine> engine(const Database &db);
    static Result<int> seedDefaultTiers(const Database &db);
    static Status setTier(const Database &db, const QString &name, std::optional<qint64> threshold,
                          std::optional<qint64> multiplierBp);
    // Changes what is given, keeps the rest; returns the settings now stored.
    static Result<LoyaltySettings> updateSettings(const Database &db, std::optional<int> expiryDays,
                                                  std::optional<LoyaltyBasis> basis,
                                                  std::optional<int> pendingDays);

    static Result<std::vector<LoyaltyReward>> rewards(const Database &db);
    // Returns the reward as stored. Every refusal names the reward and the value.
    static Result<LoyaltyReward> saveReward(const Database &db, const LoyaltyRewardEdit &edit);
    // What the customer gets, in words: "5.00 off", "10% off", "free MUG-01", "free shipping".
    static QString rewardText(const LoyaltyReward &reward);

    // Redeems the reward named `rewardName` (any case) for the customer at `now`: a redeem entry
    // of its cost and a new reward code, in one transaction that holds the ledger's lock, so
    // two redemptions at once (two desktops, two processes) queue and the second sees the
    // first: neither can overdraw. Points past their expiry date are written off first (an
    // expire entry, as loyalty expire would), so they are never spent. A refusal (inactive,
    // limit reached, balance under the minimum, too few points) names why and writes nothing.
    static Result<LoyaltyRedemption> redeem(const Database &db, const QString &email,
                                            const QString &rewardName, qint64 now);
    // A manual entry of `delta` points (positive or negative, not 0) with its reason, under the
    // same lock; refused when it would take the balance below zero.
    static Result<LoyaltyAdjustment> adjust(const Database &db, const QString &email, qint64 delta,
                                            const QString &reason, qint64 now);
    // Eight random characters (40 bits) from an alphabet without 0/O or 1/I: "MD-7KQX-M2RA".
    static QString newRewardCode();

    // --as-of values: a date (the end of that UTC day) or an ISO time.
    static Result<qint64> parseAsOf(const QString &text);
};

} // namespace md
