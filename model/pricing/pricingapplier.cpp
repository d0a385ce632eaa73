#include "pricingapplier.h"

#include "db/bulkwriter.h"
#include "db/database.h"
#include "db/nativeconnection.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "nonnulltext.h"

#include <sqlite3.h>

namespace md {

namespace {

const QStringList kChangeColumns
    = {QStringLiteral("product_id"),      QStringLiteral("run_id"),
       QStringLiteral("old_price_cents"), QStringLiteral("new_price_cents"),
       QStringLiteral("changed_at"),      QStringLiteral("reason")};

Result<qint64> insertRun(const Database &db, const PricingApplier::Run &run)
{
    auto id = sql::scalar(db.sql(),
                          QStringLiteral("INSERT INTO price_runs (source, started_by, started_at, "
                                         "parameters, undo_of_run_id) VALUES (?, ?, ?, ?, ?) "
                                         "RETURNING id"),
                          {keyOf(run.source), nonNullText(run.startedBy), run.now,
                           nonNullText(run.parameters),
                           run.undoOfRunId > 0 ? QVariant(run.undoOfRunId) : QVariant()});
    if (!id)
        return fail(id.error());
    return id->toLongLong();
}

Status finishRun(const Database &db, qint64 runId, qint64 changed, qint64 now)
{
    return sql::exec(db.sql(),
                     QStringLiteral("UPDATE price_runs SET finished_at = ?, change_count = ? "
                                    "WHERE id = ?"),
                     {now, changed, runId});
}

Status describeConflicts(const Database &db, std::vector<PricingConflict> &conflicts)
{
    for (PricingConflict &conflict : conflicts) {
        auto query = sql::select(
            db.sql(), QStringLiteral("SELECT sku, current_price_cents FROM products WHERE id = ?"),
            {conflict.productId});
        if (!query)
            return fail(query.error());
        if (query->next()) {
            conflict.sku = query->value(0).toString();
            conflict.actualCents = query->value(1).toLongLong();
        }
    }
    return {};
}

Result<PricingRunReport> applySqlite(const Database &db, qsizetype count,
                                     const PricingApplier::ItemAt &item, qint64 runId, qint64 now)
{
    sqlite3 *handle = NativeConnection::sqlite(db);
    if (!handle)
        return fail(PricingApplier::tr("The SQLite driver does not expose its database handle"));
    const QByteArray update = "UPDATE products SET current_price_cents = ?1, updated_at = ?2 "
                              "WHERE id = ?3 AND current_price_cents = ?4";
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, update.constData(), int(update.size()), &statement, nullptr)
        != SQLITE_OK) {
        return fail(QString::fromUtf8(sqlite3_errmsg(handle)));
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> guard(statement, sqlite3_finalize);
    auto writer = BulkWriter::open(db, QStringLiteral("price_changes"), kChangeColumns);
    if (!writer)
        return fail(writer.error());

    PricingRunReport report;
    report.runId = runId;
    for (qsizetype i = 0; i < count; ++i) {
        const PricingChangeItem change = item(i);
        sqlite3_bind_int64(statement, 1, change.newCents);
        sqlite3_bind_int64(statement, 2, now);
        sqlite3_bind_int64(statement, 3, change.productId);
        sqlite3_bind_int64(statement, 4, change.oldCents);
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE) {
            return fail(PricingApplier::tr("Updating the price of product %1: %2")
                            .arg(change.productId)
                            .arg(QString::fromUtf8(sqlite3_errmsg(handle))));
        }
        if (sqlite3_changes(handle) != 1) {
            report.conflicts.push_back({change.productId, QString(), change.oldCents, -1});
            continue;
        }
        (*writer)->addInt(change.productId);
        (*writer)->addInt(runId);
        (*writer)->addInt(change.oldCents);
        (*writer)->addInt(change.newCents);
        (*writer)->addInt(now);
        (*writer)->addText(change.reason);
        if (auto written = (*writer)->endRow(); !written)
            return fail(written.error());
        ++report.changed;
    }
    if (auto finished = (*writer)->finish(); !finished)
        return fail(finished.error());
    if (auto described = describeConflicts(db, report.conflicts); !described)
        return fail(described.error());
    return report;
}

Result<PricingRunReport> applyPostgres(const Database &db, qsizetype count,
                                       const PricingApplier::ItemAt &item, qint64 runId, qint64 now)
{
    const QString stage = QStringLiteral("price_apply_stage");
    for (const QString &statement :
         {db.dialect().dropTempTable(stage),
          db.dialect().createTempTable(
              stage, QStringLiteral("product_id BIGINT NOT NULL, old_price_cents BIGINT NOT NULL, "
                                    "new_price_cents BIGINT NOT NULL, reason TEXT NOT NULL"))}) {
        if (auto done = sql::exec(db.sql(), statement); !done)
            return fail(done.error());
    }
    {
        auto writer
            = BulkWriter::open(db, QStringLiteral("price_apply_stage"),
                               {QStringLiteral("product_id"), QStringLiteral("old_price_cents"),
                                QStringLiteral("new_price_cents"), QStringLiteral("reason")});
        if (!writer)
            return fail(writer.error());
        for (qsizetype i = 0; i < count; ++i) {
            const PricingChangeItem change = item(i);
            (*writer)->addInt(change.productId);
            (*writer)->addInt(change.oldCents);
            (*writer)->addInt(change.newCents);
            (*writer)->addText(change.reason);
            if (auto written = (*writer)->endRow(); !written)
                return fail(written.error());
        }
        if (auto finished = (*writer)->finish(); !finished)
            return fail(finished.error());
    }
    if (auto analyzed = sql::exec(db.sql(), db.dialect().analyze(stage)); !analyzed)
        return fail(analyzed.error());
    // Only products still at the expected price change, and exactly those get a history row.
    QSqlQuery apply(db.sql());
    apply.prepare(QStringLiteral(
        "WITH changed AS (UPDATE products p SET current_price_cents = s.new_price_cents, "
        "updated_at = ? FROM price_apply_stage s "
        "WHERE p.id = s.product_id AND p.current_price_cents = s.old_price_cents "
        "RETURNING s.product_id, s.old_price_cents, s.new_price_cents, s.reason) "
        "INSERT INTO price_changes (product_id, run_id, old_price_cents, new_price_cents, "
        "changed_at, reason) "
        "SELECT product_id, ?, old_price_cents, new_price_cents, ?, reason FROM changed"));
    apply.addBindValue(now);
    apply.addBindValue(runId);
    apply.addBindValue(now);
    if (!apply.exec())
        return fail(sql::errorText(apply));

    PricingRunReport report;
    report.runId = runId;
    report.changed = apply.numRowsAffected();
    auto conflicts = sql::select(
        db.sql(),
        QStringLiteral("SELECT s.product_id, p.sku, s.old_price_cents, p.current_price_cents "
                       "FROM price_apply_stage s LEFT JOIN products p ON p.id = s.product_id "
                       "WHERE NOT EXISTS (SELECT 1 FROM price_changes c "
                       "WHERE c.run_id = ? AND c.product_id = s.product_id) "
                       "ORDER BY s.product_id"),
        {runId});
    if (!conflicts)
        return fail(conflicts.error());
    while (conflicts->next()) {
        report.conflicts.push_back(
            {conflicts->value(0).toLongLong(), conflicts->value(1).toString(),
             conflicts->value(2).toLongLong(),
             conflicts->value(3).isNull() ? -1 : conflicts->value(3).toLongLong()});
    }
    return report;
}

} // namespace

Result<PricingRunReport> PricingApplier::applyInTransaction(const Database &db, qsizetype count,
                                                            const ItemAt &item, const Run &run)
{
    auto runId = insertRun(db, run);
    if (!runId)
        return fail(tr("Recording the run: %1").arg(runId.error()));
    auto report = db.dialect().isPostgres() ? applyPostgres(db, count, item, *runId, run.now)
                                            : applySqlite(db, count, item, *runId, run.now);
    if (!report)
        return report;
    if (auto finished = finishRun(db, *runId, report->changed, run.now); !finished)
        return fail(tr("Recording the run: %1").arg(finished.error()));
    return report;
}

Result<PricingRunReport> PricingApplier::apply(const Database &db, qsizetype count,
                                               const ItemAt &item, const Run &run)
{
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return fail(begun.error());
    auto report = applyInTransaction(db, count, item, run);
    if (!report)
        return report;
    if (auto committed = tx.commit(); !committed)
        return fail(committed.error());
    return report;
}

} // namespace md
