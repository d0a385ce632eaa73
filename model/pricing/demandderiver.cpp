#include "demandderiver.h"

#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"

#include <QSqlQuery>

namespace md {

qint64 DemandDeriver::scoreHundredths(qint64 recentUnits, qint64 priorUnits)
{
    // 10 × 100 × r / d, rounded half up: (2000 r + d) / (2 d) in integers.
    const qint64 d = recentUnits + priorUnits + 2;
    return (2000 * recentUnits + d) / (2 * d);
}

Result<DemandDeriver::Report> DemandDeriver::derive(const Database &db, qint64 now)
{
    const qint64 window = qint64(kWindowDays) * 86400;
    const qint64 split = now - window;
    const qint64 start = now - 2 * window;

    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return fail(begun.error());
    const QString stage = QStringLiteral("demand_stage");
    const QString drop = db.dialect().dropTempTable(stage);
    for (const QString &statement :
         {drop,
          db.dialect().createTempTable(stage, QStringLiteral("product_id BIGINT PRIMARY KEY, "
                                                             "hundredths BIGINT NOT NULL"))}) {
        if (auto done = sql::exec(db.sql(), statement); !done)
            return fail(tr("Deriving demand: %1").arg(done.error()));
    }
    // The same integer formula as scoreHundredths(), set-based.
    if (auto staged
        = sql::exec(db.sql(),
                    QStringLiteral(
                        "INSERT INTO demand_stage (product_id, hundredths) "
                        "SELECT product_id, (2000 * recent + recent + prior + 2) "
                        "/ (2 * (recent + prior + 2)) FROM ("
                        "SELECT l.product_id AS product_id, "
                        "SUM(CASE WHEN o.ordered_at >= ? THEN l.quantity ELSE 0 END) AS recent, "
                        "SUM(CASE WHEN o.ordered_at < ? THEN l.quantity ELSE 0 END) AS prior "
                        "FROM orders o JOIN order_lines l ON l.order_id = o.id "
                        "WHERE o.status = 'completed' AND o.ordered_at >= ? AND o.ordered_at < ? "
                        "GROUP BY l.product_id) AS sales"),
                    {split, split, start, now});
        !staged) {
        return fail(tr("Deriving demand from the orders: %1").arg(staged.error()));
    }
    Report report;
    auto sold = sql::scalar(db.sql(), QStringLiteral("SELECT COUNT(*) FROM demand_stage"));
    if (!sold)
        return fail(sold.error());
    report.productsWithSales = sold->toLongLong();

    QSqlQuery update(db.sql());
    if (!update.exec(QStringLiteral(
            "UPDATE products SET demand_score = s.hundredths / 100.0 FROM demand_stage s "
            "WHERE products.id = s.product_id AND products.demand_score <> s.hundredths / "
            "100.0"))) {
        return fail(tr("Updating the demand scores: %1").arg(sql::errorText(update)));
    }
    report.changed = update.numRowsAffected();
    if (!update.exec(QStringLiteral(
            "UPDATE products SET demand_score = 0 WHERE demand_score <> 0 AND NOT EXISTS "
            "(SELECT 1 FROM demand_stage s WHERE s.product_id = products.id)"))) {
        return fail(tr("Updating the demand scores: %1").arg(sql::errorText(update)));
    }
    report.changed += update.numRowsAffected();
    update.finish();
    if (auto dropped = sql::exec(db.sql(), drop); !dropped)
        return fail(dropped.error());
    if (auto committed = tx.commit(); !committed)
        return fail(committed.error());
    return report;
}

} // namespace md
