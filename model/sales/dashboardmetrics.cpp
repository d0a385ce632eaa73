#include "dashboardmetrics.h"

#include "db/database.h"
#include "db/sql.h"

namespace md {

namespace {

constexpr qint64 kDay = 24 * 60 * 60;
constexpr qint64 kWeek = 7 * kDay;

Result<PeriodFigures> period(const Database &db, qint64 from, qint64 to)
{
    // CAST keeps the sum an integer: PostgreSQL's SUM(bigint) is a numeric.
    auto orders = sql::select(db.sql(),
                              QStringLiteral("SELECT COUNT(*), "
                                             "CAST(COALESCE(SUM(total_cents), 0) AS BIGINT) "
                                             "FROM orders WHERE status = 'completed' "
                                             "AND ordered_at >= ? AND ordered_at < ?"),
                              {from, to});
    if (!orders)
        return fail(DashboardMetrics::tr("Cannot sum up the orders: %1").arg(orders.error()));
    if (!orders->next())
        return fail(DashboardMetrics::tr("Cannot sum up the orders: no result"));
    PeriodFigures figures;
    figures.orders = orders->value(0).toLongLong();
    figures.revenueCents = orders->value(1).toLongLong();
    orders->finish();

    auto customers = sql::scalar(db.sql(),
                                 QStringLiteral("SELECT COUNT(*) FROM customers "
                                                "WHERE created_at >= ? AND created_at < ?"),
                                 {from, to});
    if (!customers)
        return fail(
            DashboardMetrics::tr("Cannot count the new customers: %1").arg(customers.error()));
    figures.newCustomers = customers->toLongLong();
    return figures;
}

} // namespace

qint64 PeriodFigures::averageOrderCents() const
{
    if (orders <= 0)
        return 0;
    return (revenueCents + orders / 2) / orders;
}

std::optional<double> DashboardFigures::changePercent(qint64 before, qint64 after)
{
    if (before == 0)
        return std::nullopt;
    return double(after - before) * 100.0 / double(before);
}

Result<DashboardFigures> DashboardMetrics::compute(const Database &db, qint64 now)
{
    DashboardFigures figures;
    figures.now = now;
    const qint64 window = kWindowDays * kDay;

    auto current = period(db, now - window, now);
    if (!current)
        return fail(current.error());
    figures.current = *current;
    auto previous = period(db, now - 2 * window, now - window);
    if (!previous)
        return fail(previous.error());
    figures.previous = *previous;

    // The buckets come from the database's own week arithmetic, so the chart and any report
    // written in SQL agree on where a week begins.
    auto thisWeek
        = sql::scalar(db.sql(),
                      QStringLiteral("SELECT %1")
                          .arg(db.dialect().weekStart(QStringLiteral("CAST(? AS BIGINT)"))),
                      {now});
    if (!thisWeek)
        return fail(tr("Cannot find the start of this week: %1").arg(thisWeek.error()));
    const qint64 lastWeek = thisWeek->toLongLong();
    const qint64 firstWeek = lastWeek - (kWeeks - 1) * kWeek;
    for (qint64 week = firstWeek; week <= lastWeek; week += kWeek)
        figures.weeks.push_back({week, 0});

    auto weekly = sql::select(
        db.sql(),
        QStringLiteral("SELECT %1 AS week, CAST(SUM(total_cents) AS BIGINT) FROM orders "
                       "WHERE status = 'completed' AND ordered_at >= ? AND ordered_at < ? "
                       "GROUP BY 1")
            .arg(db.dialect().weekStart(QStringLiteral("ordered_at"))),
        {firstWeek, now});
    if (!weekly)
        return fail(tr("Cannot sum up the revenue per week: %1").arg(weekly.error()));
    while (weekly->next()) {
        const qint64 index = (weekly->value(0).toLongLong() - firstWeek) / kWeek;
        if (index >= 0 && index < qint64(figures.weeks.size()))
            figures.weeks[size_t(index)].revenueCents = weekly->value(1).toLongLong();
    }
    return figures;
}

} // namespace md
