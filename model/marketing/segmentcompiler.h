#pragma once

// Turns a checked SegmentRule into SQL for one backend: one query selecting the ids of the
// customers in the segment as of a moment, with every value a bound parameter and every
// identifier from the allow-list. Counting, listing members and targeting a campaign all wrap
// that one query, so they can never disagree; nothing is ever stored in a table.
//
// "As of" T (UTC epoch seconds): only customers created at or before T, orders placed and events
// that occurred at or before T, and subscriptions started at or before T are seen.
//
// rfm_group depends on every customer as of T (the breaks), so it is compiled against breaks
// computed beforehand (RfmStore::breaks, as SegmentService does when usesRfm(rule)): the SQL
// scores each customer against them exactly as RfmScoring does and names the group.

#include "db/dialect.h"
#include "rfmscoring.h"
#include "segmentrule.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace md {

struct CompiledQuery
{
    QString sql;         // positional ? placeholders
    QVariantList values; // bound in order
};

class SegmentCompiler
{
public:
    // `rfm`: the breaks as of the moment the queries are compiled for; needed (and only used)
    // when a rule names rfm_group.
    explicit SegmentCompiler(const Dialect &dialect, std::optional<RfmMeasureBreaks> rfm = {})
        : m_dialect(dialect)
        , m_rfm(std::move(rfm))
    {}

    static bool usesRfm(const SegmentRule &rule);

    // One column, id: the segment's customers (in no particular order).
    CompiledQuery ids(const SegmentRule &rule, qint64 asOf) const;
    // One row, one column: how many customers the segment holds.
    CompiledQuery count(const SegmentRule &rule, qint64 asOf) const;
    // id, email, first_name, last_name, then memberValueColumns() columns for the rule's fields,
    // ordered by id; every member when limit < 0.
    CompiledQuery members(const SegmentRule &rule, qint64 asOf, qint64 limit) const;

    // How many SQL columns members() gives a field's value (most one, some two).
    static int memberValueColumns(SegmentField field);
    // The field's value for people and CSV from its members() columns: "3", "1234.50",
    // "2026-06-30T10:00:00Z", "TEA-1, TEA-2", "true"; empty when the customer has none.
    static QString formatValue(SegmentField field, const QVariantList &columns, qint64 asOf);

    // customer_id, grp: the RFM group key of every customer with a completed order as of
    // `asOf`, scored against `breaks`. Bound values in order.
    static CompiledQuery rfmGroups(const Dialect &dialect, const RfmMeasureBreaks &breaks,
                                   qint64 asOf);

private:
    const Dialect &m_dialect;
    std::optional<RfmMeasureBreaks> m_rfm;
};

} // namespace md
