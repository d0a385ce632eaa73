#pragma once

// One repricing pass from start to end, the same for the window, the schedule and the command
// line: read the rules and the catalog, compute the preview, then apply chosen decisions as a
// recorded run or store them as a proposal for approval.

#include "core/result.h"
#include "pricingpreview.h"
#include "pricingrules.h"
#include "pricingrun.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace md {

class Database;

class PricingService
{
    Q_DECLARE_TR_FUNCTIONS(md::PricingService)

public:
    // percent 0..100 and what is happening ("Reading products"); return false to cancel.
    using Progress = std::function<bool(int percent, const QString &stage)>;

    // With the stored rule set.
    static Result<std::shared_ptr<const PricingPreview>> preview(const Database &db, qint64 now,
                                                                 const Progress &progress = {});
    // With rules the owner is still editing (not stored).
    static Result<std::shared_ptr<const PricingPreview>> preview(const Database &db,
                                                                 const PricingRules &rules,
                                                                 qint64 now,
                                                                 const Progress &progress = {});

    // Applies the decisions at `rows` that change a price (all changes when empty) as one run.
    static Result<PricingRunReport> apply(const Database &db, const PricingPreview &preview,
                                          const std::vector<qint32> &rows, PricingRunSource source,
                                          const QString &startedBy, qint64 now);

    // The login name for "started by".
    static QString currentUser();
    static QString cancelled();
};

} // namespace md
