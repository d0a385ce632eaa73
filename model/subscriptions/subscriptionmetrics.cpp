#include "subscriptionmetrics.h"

#include "db/sql.h"
#include "planstore.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace md {

Result<SubscriptionMetrics> SubscriptionMetrics::compute(const Database &db, qint64 now,
                                                         int monthCount)
{
    auto matrix = PlanStore::load(db);
    if (!matrix)
        return fail(matrix.error());
    SubscriptionMetrics out;
    QHash<qint64, int> planIndex;
    std::vector<qint64> monthly;
    for (const PlanDef &plan : matrix->plans) {
        planIndex.insert(plan.id, int(out.planNames.size()));
        out.planNames.push_back(plan.name);
        monthly.push_back(plan.monthlyCents());
    }
    const QDate today = QDateTime::fromSecsSinceEpoch(now, QTimeZone::utc()).date();
    const QDate first = QDate(today.year(), today.month(), 1).addMonths(-(monthCount - 1));
    std::vector<qint64> starts;
    for (int m = 0; m <= monthCount; ++m)
        starts.push_back(
            QDateTime(first.addMonths(m), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch());
    for (int m = 0; m < monthCount; ++m) {
        SubscriptionMonth month;
        month.monthStart = starts[size_t(m)];
        month.subscribers.assign(out.planNames.size(), 0);
        out.months.push_back(month);
    }
    auto rows = sql::select(db.sql(), QStringLiteral("SELECT plan_id, started_at, cancelled_at "
                                                     "FROM subscriptions"));
    if (!rows)
        return fail(
            QCoreApplication::translate("md::SubscriptionMetrics", "Reading the subscriptions: %1")
                .arg(rows.error()));
    while (rows->next()) {
        const int plan = planIndex.value(rows->value(0).toLongLong(), -1);
        const qint64 started = rows->value(1).toLongLong();
        const bool cancelled = !rows->value(2).isNull();
        const qint64 cancelledAt = rows->value(2).toLongLong();
        for (int m = 0; m < monthCount; ++m) {
            const qint64 end = std::min(starts[size_t(m) + 1], now + 1);
            SubscriptionMonth &month = out.months[size_t(m)];
            if (cancelled && cancelledAt >= starts[size_t(m)] && cancelledAt < end)
                ++month.cancellations;
            if (plan < 0 || started >= end || (cancelled && cancelledAt < end))
                continue;
            ++month.subscribers[size_t(plan)];
            month.mrrCents += monthly[size_t(plan)];
        }
    }
    return out;
}

} // namespace md
