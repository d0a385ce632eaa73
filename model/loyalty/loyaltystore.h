#pragma once

// Reads and writes the loyalty tables: tiers and their typed perks, the programme's settings
// (rows loyalty.* of the settings table), and the points ledger, which is only ever appended
// to. Reads that cover every customer stream one ordered query, a customer at a time.

#include "db/database.h"
#include "loyaltytypes.h"

#include <QCoreApplication>

#include <functional>
#include <optional>
#include <vector>

namespace md {

enum class LoyaltyPerkType { Bool, Int, Money };

// The values of loyalty_perks.value_type.
constexpr auto enumKeys(LoyaltyPerkType)
{
    return keyTable<LoyaltyPerkType>({{LoyaltyPerkType::Bool, "bool"},
                                      {LoyaltyPerkType::Int, "int"},
                                      {LoyaltyPerkType::Money, "money"}});
}
static_assert(enumKeys(LoyaltyPerkType{}).coversFirst(3));

// A perk a tier has, with its value in canonical text ("true", "6", cents for money).
struct LoyaltyTierPerk
{
    qint64 tierId = 0;
    QString key;
    QString label;
    LoyaltyPerkType type = LoyaltyPerkType::Bool;
    QString value;
};

// A ledger entry with the customer it belongs to, as written by appendEntries().
struct LoyaltyNewEntry
{
    qint64 customerId = 0;
    LoyaltyEntry entry;
};

class LoyaltyStore
{
    Q_DECLARE_TR_FUNCTIONS(md::LoyaltyStore)

public:
    static QString expiryDaysKey() { return QStringLiteral("loyalty.expiry_days"); }
    static QString basisKey() { return QStringLiteral("loyalty.basis"); }
    static QString pendingDaysKey() { return QStringLiteral("loyalty.pending_days"); }
    static constexpr int kMaxDays = 36500;

    // The programme's four tiers as init makes them (ids 0), by threshold: Bronze 0 x1,
    // Silver 500 x1.25, Gold 2000 x1.5, Platinum 5000 x2.
    static std::vector<LoyaltyTier> defaultTiers();
    // True when the stored tiers are exactly defaultTiers() (names, thresholds, multipliers).
    static Result<bool> hasDefaultTiers(const Database &db);

    // Sorted by threshold.
    static Result<std::vector<LoyaltyTier>> tiers(const Database &db);
    static Result<std::vector<LoyaltyTierPerk>> tierPerks(const Database &db);
    // Inserts the programme's four tiers and their perks when there is no tier at all, in one
    // transaction; returns how many tiers were made (0 when tiers existed).
    static Result<int> seedDefaultTiers(const Database &db);
    // The same inside the caller's transaction, without looking: the tiers must not exist yet.
    // The perks they use are declared first where they are missing.
    static Status insertDefaultTiers(const Database &db);
    // Updates the tier named `name` (any case), or makes it when there is none (then both values
    // are needed). A threshold another tier has is refused with that tier's name.
    static Status saveTier(const Database &db, const QString &name, std::optional<qint64> threshold,
                           std::optional<qint64> multiplierBp);

    // Defaults for what is not stored; a stored value that does not parse is an error naming it.
    static Result<LoyaltySettings> settings(const Database &db);
    static Status saveSettings(const Database &db, const LoyaltySettings &settings);

    static Result<std::optional<qint64>> customerId(const Database &db, const QString &email);
    // One customer's entries in time order (then id).
    static Result<std::vector<LoyaltyEntry>> ledger(const Database &db, qint64 customerId);

    // Calls `visit` once per customer that has ledger entries, in email order, with the entries
    // in time order. Stops early when `visit` returns false.
    using LedgerVisitor = std::function<bool(qint64 customerId, const QString &email,
                                             const std::vector<LoyaltyEntry> &ledger)>;
    static Status forEachLedger(const Database &db, const LedgerVisitor &visit);

    // Calls `visit` once per registered customer that has orders placed at or before `asOf` or
    // ledger entries, in customer id order, with the orders sorted by time then number and the
    // entries in time order: one ordered query over orders and ledger together, streamed.
    using AwardVisitor
        = std::function<bool(qint64 customerId, const std::vector<LoyaltyOrder> &orders,
                             const std::vector<LoyaltyEntry> &ledger)>;
    static Status forEachCustomer(const Database &db, qint64 asOf, const AwardVisitor &visit);

    // Appends in one bulk write (COPY on PostgreSQL) inside the caller's transaction. A source
    // that is already in the ledger fails the write: nothing is ever credited twice.
    static Status appendEntries(const Database &db, const std::vector<LoyaltyNewEntry> &entries);

    static Result<qint64> customerCount(const Database &db);

    // The rewards catalogue, by name.
    static Result<std::vector<LoyaltyReward>> rewards(const Database &db);
    // Inserts `reward` (id 0) or updates the reward with its id. The database's CHECKs stand
    // behind the caller's: exactly the value the kind needs.
    static Status saveReward(const Database &db, const LoyaltyReward &reward);
    static Result<std::optional<qint64>> productId(const Database &db, const QString &sku);
    static Result<qint64> redemptionCount(const Database &db, qint64 customerId, qint64 rewardId);
    // Inside the caller's transaction, beside the redeem entry of the same code.
    static Status insertRedemption(const Database &db, qint64 customerId, qint64 rewardId,
                                   const QString &code, qint64 points, qint64 at);
};

} // namespace md
