#include "rfmstore.h"

#include "db/database.h"
#include "db/rowcursor.h"

namespace md {

namespace {

// Reads the rows of measuresSelect(); `row` receives the cursor and the measures of each.
template<typename Row> Status scan(const Database &db, qint64 asOf, bool withEmail, Row row)
{
    auto opened = RowCursor::open(db, RfmStore::measuresSelect(withEmail), {asOf, asOf});
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

QString RfmStore::measuresSelect(bool withEmail)
{
    // The "completed order as of T" of SegmentCompiler: status completed, ordered_at <= T, the
    // customer created at or before T. Guest orders (no customer) never join.
    return QStringLiteral("SELECT c.id%1, MAX(o.ordered_at), COUNT(*), SUM(o.total_cents) "
                          "FROM customers c JOIN orders o ON o.customer_id = c.id "
                          "AND o.status = 'completed' AND o.ordered_at <= ? "
                          "WHERE c.created_at <= ? GROUP BY c.id%1 ORDER BY c.id")
        .arg(withEmail ? QStringLiteral(", c.email") : QString());
}

Result<std::vector<RfmCustomerRow>> RfmStore::customers(const Database &db, qint64 asOf)
{
    std::vector<RfmCustomerRow> out;
    auto read = scan(db, asOf, true, [&](const RowCursor &cursor, const RfmMeasures &measures) {
        out.push_back({cursor.toInt(0), QString::fromUtf8(cursor.utf8(1)), measures});
    });
    if (!read)
        return fail(read.error());
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
