#pragma once

// The RFM measures of every scored customer as of a moment, read with one set-based query and
// streamed (no QVariant per value): the customers created at or before the moment with at least
// one completed order placed at or before it, exactly the orders SegmentCompiler counts for
// orders_count, total_spent and last_order, so the numbers always agree.

#include "core/result.h"
#include "rfmscoring.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace md {

class Database;
class Dialect;

struct RfmCustomerRow
{
    qint64 customerId = 0;
    QString email;
    RfmMeasures measures;
};

class RfmStore
{
    Q_DECLARE_TR_FUNCTIONS(md::RfmStore)

public:
    static constexpr qint64 secondsPerDay = 86400;

    // Every scored customer as of `asOf` (UTC epoch seconds), by customer id.
    static Result<std::vector<RfmCustomerRow>> customers(const Database &db, qint64 asOf);
    // The same customers' measures alone (no emails): what the breaks need.
    static Result<std::vector<RfmMeasures>> measures(const Database &db, qint64 asOf);
    // The breaks over all scored customers as of `asOf`.
    static Result<RfmMeasureBreaks> breaks(const Database &db, qint64 asOf);

    // The query both read, with two bound values (asOf, asOf): columns customer id, [email,]
    // latest completed ordered_at, completed order count, sum of their totals in cents; in no
    // particular order.
    static QString measuresSelect(const Dialect &dialect, bool withEmail);
};

} // namespace md
