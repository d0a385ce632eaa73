#pragma once

// The repricing runs and the price history: list the runs, read one run's changes or one
// product's history (for the chart), and undo a run as a whole. Undo reverts each product of
// the run unless its price changed again since (reported, not overwritten) and is itself
// recorded as a run of source "undo".

#include "core/result.h"
#include "pricingrun.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace md {

class Database;

struct PricingHistoryPoint
{
    qint64 changedAt = 0;
    qint64 oldCents = 0;
    qint64 newCents = 0;
    qint64 runId = -1; // -1: changed outside a run
    QString reason;
};

struct PricingRunChange
{
    qint64 productId = 0;
    QString sku;
    QString title;
    qint64 oldCents = 0;
    qint64 newCents = 0;
    QString reason;
};

class PricingRunStore
{
    Q_DECLARE_TR_FUNCTIONS(md::PricingRunStore)

public:
    // Newest first; `beforeId` > 0 continues a list after its last run.
    static Result<std::vector<PricingRunInfo>> runs(const Database &db, int limit = 100,
                                                    qint64 beforeId = -1);
    static Result<PricingRunInfo> run(const Database &db, qint64 runId);
    // The changes of one run, in product id order, at most `limit`.
    static Result<std::vector<PricingRunChange>> changes(const Database &db, qint64 runId,
                                                         int limit = 10000);
    // Oldest first.
    static Result<std::vector<PricingHistoryPoint>> history(const Database &db, qint64 productId);
    // Where the history ends: the product's price now.
    static Result<qint64> currentPrice(const Database &db, qint64 productId);

    // One transaction. Refuses an unknown run, an undo run and a run undone already.
    static Result<PricingRunReport> undo(const Database &db, qint64 runId, const QString &startedBy,
                                         qint64 now);
};

} // namespace md
