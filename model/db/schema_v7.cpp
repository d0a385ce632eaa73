// Migration 7: the orders of one customer, covering. Segment rules and RFM read per customer the
// completed orders as of a moment (customer_id =, ordered_at <=, status =) and their totals;
// with those four columns in the index both backends answer from the index alone instead of
// fetching every order row (docs/BENCHMARKS.md, "Segments": a three-condition count on a
// million customers went from 3.6-5.0 s to 0.9 s on SQLite). It replaces the two-column index
// of the same name, whose prefix it keeps, so every query that used it still can.

#include "dialect.h"
#include "migrations.h"
#include "schemascript.h"

namespace md {

namespace {

const char *const kSchema = R"SQL(
DROP INDEX orders_customer;
CREATE INDEX orders_customer ON orders (customer_id, ordered_at, status, total_cents)
)SQL";

} // namespace

QStringList schemaV7(const Dialect &dialect)
{
    return schemaStatements(dialect, kSchema);
}

} // namespace md
