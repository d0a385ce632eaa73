#pragma once

// Keeps the rule set in the database, so the window, the schedule and the command line all
// reprice with the same numbers: one typed row per field in the settings table (pricing.*),
// locked categories and locked products in their own tables. Missing rows mean the default.

#include "core/result.h"
#include "pricingrules.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace md {

class Database;

struct LockedProduct
{
    qint64 productId = 0;
    QString sku;
    QString title;
    qint64 lockedAt = 0;
};

class PricingRuleStore
{
    Q_DECLARE_TR_FUNCTIONS(md::PricingRuleStore)

public:
    // A stored value that does not parse is an error naming the setting, never a silent default.
    static Result<PricingRules> load(const Database &db);
    // Refuses rules that do not validate, naming the field; one transaction.
    static Status save(const Database &db, const PricingRules &rules, qint64 now);

    static Result<std::vector<LockedProduct>> lockedProducts(const Database &db);
    // Locks or unlocks products by id; unknown ids are refused with their number.
    static Status setLocked(const Database &db, const std::vector<qint64> &productIds, bool locked,
                            qint64 now);
};

} // namespace md
