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

    // --as-of values: a date (the end of that UTC day) or an ISO time.
    static Result<qint64> parseAsOf(const QString &text);
};

} // namespace md
