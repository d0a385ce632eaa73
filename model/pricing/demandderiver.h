#pragma once

// "Derive demand from sales": recomputes every product's demand score from its sales velocity,
// set-based, in one transaction. With r units sold (completed orders) in the 14 days before now
// and p units in the 14 days before those:
//
//     demand = 10 × r / (r + p + 2), rounded half up to two decimals (0 without recent sales)
//
// Steady sales score about 5, sales that only happen now approach 10, and the "+ 2" pulls a
// product with very few sales towards 0, so a single sale is not mistaken for a trend.

#include "core/result.h"

#include <QCoreApplication>

namespace md {

class Database;

class DemandDeriver
{
    Q_DECLARE_TR_FUNCTIONS(md::DemandDeriver)

public:
    static constexpr int kWindowDays = 14;

    struct Report
    {
        qint64 productsWithSales = 0; // products sold in either window
        qint64 changed = 0;           // products whose score changed
    };

    static Result<Report> derive(const Database &db, qint64 now);
    // The formula itself, for the help text and the tests: demand in hundredths.
    static qint64 scoreHundredths(qint64 recentUnits, qint64 priorUnits);
};

} // namespace md
