#pragma once

// Writes the stock levels of a feed in one transaction, set-based: the feed goes into a
// temporary table (BulkWriter: COPY on PostgreSQL), then one UPDATE ... FROM sets the levels
// that differ. SKUs the shop does not have are reported, never created.

#include "core/result.h"
#include "stockupdate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

#include <vector>

namespace md {

class Database;
struct InventoryFeedConfig;

struct InventoryReport
{
    qint64 received = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    QStringList unknownSkus; // sorted
    QDateTime newestUpdate;  // the latest last_updated of the feed; invalid when none
};

class InventoryImporter
{
    Q_DECLARE_TR_FUNCTIONS(md::InventoryImporter)

public:
    static Result<InventoryReport> apply(const Database &db,
                                         const std::vector<StockUpdate> &updates, qint64 now);
    // fetch() then apply(): what the command line and the scheduled repricing run do.
    static Result<InventoryReport> pull(const Database &db, const InventoryFeedConfig &config,
                                        qint64 now);
    // "Updated the stock of 12 products (300 unchanged); 2 unknown SKUs: A, B"
    static QString summary(const InventoryReport &report, int listedUnknown = 10);
};

} // namespace md
