#include "subscriptionmetrics.h"

#include "db/sql.h"
#include "planstore.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QStringList>
#include <QTimeZone>
#include <QVariantList>

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
    if (monthCount <= 0)
        return out;
    // The months as a VALUES list of bound numbers; a month is judged at its last second (the
    // current one at `now`).
    QStringList monthRows;
    QVariantList values;
    for (int m = 0; m < monthCount; ++m) {
        monthRows << QStringLiteral("(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))");
        values << m << starts[size_t(m)] << std::min(starts[size_t(m) + 1], now + 1);
    }
    const QString months
        = QStringLiteral("WITH months (idx, month_start, month_end) AS (VALUES %1) ")
              .arg(monthRows.join(QStringLiteral(", ")));
    const QString error
        = QCoreApplication::translate("md::SubscriptionMetrics", "Reading the subscriptions: %1");
    auto counts = sql::select(
        db.sql(),
        months
            + QStringLiteral(
                ", periods (subscription_id, plan_id, started_at, ended_at) AS ("
                "SELECT subscription_id, plan_id, started_at, ended_at "
                "FROM subscription_plan_periods "
                "UNION ALL SELECT s.id, s.plan_id, s.started_at, NULL FROM subscriptions s "
                "WHERE NOT EXISTS (SELECT 1 FROM subscription_plan_periods q "
                "WHERE q.subscription_id = s.id)) "
                "SELECT m.idx, p.plan_id, COUNT(*) FROM months m "
                "JOIN periods p ON p.started_at < m.month_end "
                "AND (p.ended_at IS NULL OR p.ended_at >= m.month_end) "
                "JOIN subscriptions s ON s.id = p.subscription_id "
                "WHERE s.started_at < m.month_end "
                "AND (s.cancelled_at IS NULL OR s.cancelled_at >= m.month_end) "
                "GROUP BY m.idx, p.plan_id"),
        values);
    if (!counts)
        return fail(error.arg(counts.error()));
    while (counts->next()) {
        const int m = counts->value(0).toInt();
        const int plan = planIndex.value(counts->value(1).toLongLong(), -1);
        if (m < 0 || m >= monthCount || plan < 0)
            continue;
        const qint64 count = counts->value(2).toLongLong();
        SubscriptionMonth &month = out.months[size_t(m)];
        month.subscribers[size_t(plan)] += count;
        month.mrrCents += count * monthly[size_t(plan)];
    }
    counts->finish();
    auto churn = sql::select(db.sql(),
                             months
                                 + QStringLiteral("SELECT m.idx, COUNT(*) FROM months m "
                                                  "JOIN subscriptions s "
                                                  "ON s.cancelled_at >= m.month_start "
                                                  "AND s.cancelled_at < m.month_end "
                                                  "GROUP BY m.idx"),
                             values);
    if (!churn)
        return fail(error.arg(churn.error()));
    while (churn->next()) {
        const int m = churn->value(0).toInt();
        if (m >= 0 && m < monthCount)
            out.months[size_t(m)].cancellations = churn->value(1).toLongLong();
    }
    return out;
}

} // namespace md
