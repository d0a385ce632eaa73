#pragma once

// Reads the catalog for repricing in one forward-only pass (RowCursor), plus the products'
// recent price history (the lowest price of the last 30 days, the newest change for the
// cool-down) in one set-based query over price_changes, and the price locks.

#include "core/result.h"
#include "productsnapshot.h"

#include <QCoreApplication>

#include <functional>

namespace md {

class Database;

class ProductLoader
{
    Q_DECLARE_TR_FUNCTIONS(md::ProductLoader)

public:
    static constexpr int kLowestPriceDays = 30;

    struct Options
    {
        qint64 now = 0;
        // How far back the newest price change matters (the cool-down); the history query reads
        // at least kLowestPriceDays.
        int historyHours = 0;
    };
    // done and total products; return false to cancel (the load then fails with cancelled()).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static Result<ProductSnapshot> load(const Database &db, const Options &options,
                                        const Progress &progress = {});
    static QString cancelled();
};

} // namespace md
