#pragma once

// Writes approved price changes in one transaction, recorded as one run in price_runs with one
// price_changes row per product. A product whose price is no longer the one the decision was
// made on is left alone and reported: the UPDATE compares the old price in its WHERE clause.
// SQLite: one prepared UPDATE bound per change plus BulkWriter; PostgreSQL: COPY into a
// temporary table, then one UPDATE ... FROM feeding an INSERT ... SELECT.

#include "core/result.h"
#include "pricingrun.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace md {

class Database;

struct PricingChangeItem
{
    qint64 productId = 0;
    qint64 oldCents = 0;
    qint64 newCents = 0;
    QString reason;
};

class PricingApplier
{
    Q_DECLARE_TR_FUNCTIONS(md::PricingApplier)

public:
    struct Run
    {
        PricingRunSource source = PricingRunSource::Manual;
        QString startedBy;
        QString parameters;
        qint64 now = 0;
        qint64 undoOfRunId = -1;
    };
    // Produces change `index` (0 ≤ index < count) when it is written: reasons are built then,
    // not all held in memory at once.
    using ItemAt = std::function<PricingChangeItem(qsizetype index)>;

    // Its own transaction.
    static Result<PricingRunReport> apply(const Database &db, qsizetype count, const ItemAt &item,
                                          const Run &run);
    // Inside the caller's transaction.
    static Result<PricingRunReport> applyInTransaction(const Database &db, qsizetype count,
                                                       const ItemAt &item, const Run &run);
};

} // namespace md
