#include "rfmstore.h"

#include "db/database.h"
#include "db/rowcursor.h"

#include <algorithm>

namespace md {

namespace {

// Reads the rows of measuresSelect(); `row` receives the cursor and the measures of each.
template<typename Row> Status scan(const Database &db, qint64 asOf, bool withEmail, Row row)
{
    auto opened
        = RowCursor::open(db, RfmStore::measuresSelect(db.dialect(), withEmail), {asOf, asOf});
    if (!opened)
        return fail(RfmStore::tr("Reading the customers' orders: %1").arg(opened.error()));
    RowCursor &cursor = **opened;
    const int first = withEmail ? 2 : 1;
    while (cursor.next()) {
        RfmMeasures measures;
        // ordered_at <= asOf, so the difference is never negative and / is floor.
        measures.recencyDays = (asOf - cursor.toInt(first)) / RfmStore::secondsPerDay;
        measures.frequency = cursor.toInt(first + 1);
        measures.monetaryCents = cursor.toInt(first + 2);
        row(cursor, measures);
    }
    if (!cursor.error().isEmpty())
        return fail(RfmStore::tr("Reading the customers' orders: %1").arg(cursor.error()));
    return {};
}

} // namespace

QString RfmStore::measuresSelect(const Dialect &dialect, bool withEmail)
{
    // The "completed order as of T" of SegmentCompiler: status completed, ordered_at <= T, the
    // customer created at or before T. Guest orders (no customer) never join. One grouped pass
    // over the orders (a scan, not an index walk: see Dialect::unindexed), then the customers.
    return QStringLiteral("SELECT c.id%1, m.latest, m.orders, m.spent FROM (SELECT %2 AS "
                          "customer_id, MAX(o.ordered_at) AS latest, COUNT(*) AS orders, "
                          "SUM(o.total_cents) AS spent FROM orders o WHERE o.status = "
                          "'completed' AND %3 <= ? GROUP BY %2) m JOIN customers c ON c.id = "
                          "m.customer_id WHERE c.created_at <= ?")
        .arg(withEmail ? QStringLiteral(", c.email") : QString(),
             dialect.unindexed(QStringLiteral("o.customer_id")),
             dialect.unindexed(QStringLiteral("o.ordered_at")));
}

Result<std::vector<RfmCustomerRow>> RfmStore::customers(const Database &db, qint64 asOf)
{
    std::vector<RfmCustomerRow> out;
    auto read = scan(db, asOf, true, [&](const RowCursor &cursor, const RfmMeasures &measures) {
        out.push_back({cursor.toInt(0), QString::fromUtf8(cursor.utf8(1)), measures});
    });
    if (!read)
        return fail(read.error());
    std::sort(out.begin(), out.end(), [](const RfmCustomerRow &a, const RfmCustomerRow &b) {
        return a.customerId < b.customerId;
    });
    return out;
}

Result<std::vector<RfmMeasures>> RfmStore::measures(const Database &db, qint64 asOf)
{
    std::vector<RfmMeasures> out;
    auto read = scan(db, asOf, false, [&](const RowCursor &, const RfmMeasures &measures) {
        out.push_back(measures);
    });
    if (!read)
        return fail(read.error());
    return out;
}

Result<RfmMeasureBreaks> RfmStore::breaks(const Database &db, qint64 asOf)
{
    auto all = measures(db, asOf);
    if (!all)
        return fail(all.error());
    return RfmScoring::breaks(*all);
}

} // namespace md
