#pragma once

// The Dashboard's figures: revenue, orders, average order value and new customers for the last
// 30 days against the 30 days before, and completed revenue per week (weeks start on Monday).
// Plain SQL on one connection, so it runs on whichever thread owns that connection.

#include "core/result.h"

#include <QCoreApplication>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace md {

class Database;

struct PeriodFigures
{
    qint64 revenueCents = 0; // completed orders only
    qint64 orders = 0;       // completed orders
    qint64 newCustomers = 0; // customers created in the period
    // Revenue per completed order, rounded to the nearest cent; 0 without orders.
    qint64 averageOrderCents() const;
};

struct WeekRevenue
{
    qint64 weekStart = 0; // Monday 00:00 UTC, epoch seconds
    qint64 revenueCents = 0;
};

struct DashboardFigures
{
    qint64 now = 0;
    PeriodFigures current;          // [now - window, now)
    PeriodFigures previous;         // [now - 2 window, now - window)
    std::vector<WeekRevenue> weeks; // oldest first, the week of `now` last, empty weeks included

    // Change from `before` to `after` in percent; nothing when there is no base to compare with.
    static std::optional<double> changePercent(qint64 before, qint64 after);
};

class DashboardMetrics
{
    Q_DECLARE_TR_FUNCTIONS(md::DashboardMetrics)

public:
    static constexpr int kWindowDays = 30;
    static constexpr int kWeeks = 26;

    static Result<DashboardFigures> compute(const Database &db, qint64 now);
};

} // namespace md
