#include "pricingrunstore.h"

#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "pricingapplier.h"

#include <limits>

namespace md {

namespace {

const QString kRunColumns
    = QStringLiteral("id, source, started_by, started_at, finished_at, change_count, parameters, "
                     "undone_at, undo_of_run_id");

PricingRunInfo runFrom(const QSqlQuery &query)
{
    PricingRunInfo run;
    run.id = query.value(0).toLongLong();
    run.source
        = fromKey<PricingRunSource>(query.value(1).toString()).value_or(PricingRunSource::Manual);
    run.startedBy = query.value(2).toString();
    run.startedAt = query.value(3).toLongLong();
    run.finishedAt = query.value(4).isNull() ? -1 : query.value(4).toLongLong();
    run.changeCount = query.value(5).toLongLong();
    run.parameters = query.value(6).toString();
    run.undoneAt = query.value(7).isNull() ? -1 : query.value(7).toLongLong();
    run.undoOfRunId = query.value(8).isNull() ? -1 : query.value(8).toLongLong();
    return run;
}

} // namespace

Result<std::vector<PricingRunInfo>> PricingRunStore::runs(const Database &db, int limit,
                                                          qint64 beforeId)
{
    auto query = sql::select(db.sql(),
                             QStringLiteral("SELECT %1 FROM price_runs WHERE id < ? "
                                            "ORDER BY id DESC LIMIT ?")
                                 .arg(kRunColumns),
                             {beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max(), limit});
    if (!query)
        return fail(tr("Reading the repricing runs: %1").arg(query.error()));
    std::vector<PricingRunInfo> runs;
    while (query->next())
        runs.push_back(runFrom(*query));
    return runs;
}

Result<PricingRunInfo> PricingRunStore::run(const Database &db, qint64 runId)
{
    auto query = sql::select(
        db.sql(), QStringLiteral("SELECT %1 FROM price_runs WHERE id = ?").arg(kRunColumns),
        {runId});
    if (!query)
        return fail(tr("Reading run %1: %2").arg(runId).arg(query.error()));
    if (!query->next())
        return fail(tr("There is no repricing run %1").arg(runId));
    return runFrom(*query);
}

Result<std::vector<PricingRunChange>> PricingRunStore::changes(const Database &db, qint64 runId,
                                                               int limit)
{
    auto query
        = sql::select(db.sql(),
                      QStringLiteral("SELECT c.product_id, p.sku, p.title, c.old_price_cents, "
                                     "c.new_price_cents, c.reason FROM price_changes c "
                                     "JOIN products p ON p.id = c.product_id WHERE c.run_id = ? "
                                     "ORDER BY c.product_id LIMIT ?"),
                      {runId, limit});
    if (!query)
        return fail(tr("Reading the changes of run %1: %2").arg(runId).arg(query.error()));
    std::vector<PricingRunChange> changes;
    while (query->next()) {
        changes.push_back({query->value(0).toLongLong(), query->value(1).toString(),
                           query->value(2).toString(), query->value(3).toLongLong(),
                           query->value(4).toLongLong(), query->value(5).toString()});
    }
    return changes;
}

Result<std::vector<PricingHistoryPoint>> PricingRunStore::history(const Database &db,
                                                                  qint64 productId)
{
    auto query = sql::select(
        db.sql(),
        QStringLiteral("SELECT changed_at, old_price_cents, new_price_cents, run_id, reason "
                       "FROM price_changes WHERE product_id = ? ORDER BY changed_at, id"),
        {productId});
    if (!query)
        return fail(tr("Reading the price history: %1").arg(query.error()));
    std::vector<PricingHistoryPoint> points;
    while (query->next()) {
        points.push_back({query->value(0).toLongLong(), query->value(1).toLongLong(),
                          query->value(2).toLongLong(),
                          query->value(3).isNull() ? -1 : query->value(3).toLongLong(),
                          query->value(4).toString()});
    }
    return points;
}

Result<qint64> PricingRunStore::currentPrice(const Database &db, qint64 productId)
{
    auto query = sql::select(
        db.sql(), QStringLiteral("SELECT current_price_cents FROM products WHERE id = ?"),
        {productId});
    if (!query)
        return fail(tr("Reading the current price: %1").arg(query.error()));
    if (!query->next())
        return fail(tr("There is no product %1").arg(productId));
    return query->value(0).toLongLong();
}

Result<PricingRunReport> PricingRunStore::undo(const Database &db, qint64 runId,
                                               const QString &startedBy, qint64 now)
{
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return fail(begun.error());
    auto original = run(db, runId);
    if (!original)
        return fail(original.error());
    if (original->source == PricingRunSource::Undo) {
        return fail(tr("Run %1 is itself an undo (of run %2); reprice again instead")
                        .arg(runId)
                        .arg(original->undoOfRunId));
    }
    if (original->undoneAt >= 0)
        return fail(tr("Run %1 was undone already").arg(runId));

    // Decided on one snapshot before anything is written: a product goes back only if its
    // price is still the one the run set and no later change touched it.
    const QString stageTable = QStringLiteral("price_undo_stage");
    const QString drop = db.dialect().dropTempTable(stageTable);
    if (auto dropped = sql::exec(db.sql(), drop); !dropped)
        return fail(dropped.error());
    const QString create = db.dialect().createTempTable(
        stageTable,
        QStringLiteral("product_id BIGINT NOT NULL, old_price_cents BIGINT NOT NULL, "
                       "new_price_cents BIGINT NOT NULL, current_price_cents BIGINT NOT NULL, "
                       "sku TEXT NOT NULL, revert INTEGER NOT NULL"));
    if (auto created = sql::exec(db.sql(), create); !created)
        return fail(tr("Undoing run %1: %2").arg(runId).arg(created.error()));
    if (auto staged
        = sql::exec(db.sql(),
                    QStringLiteral("INSERT INTO price_undo_stage "
                                   "SELECT c.product_id, c.old_price_cents, c.new_price_cents, "
                                   "p.current_price_cents, p.sku, "
                                   "CASE WHEN p.current_price_cents = c.new_price_cents "
                                   "AND NOT EXISTS (SELECT 1 FROM price_changes l "
                                   "WHERE l.product_id = c.product_id AND l.id > c.id) "
                                   "THEN 1 ELSE 0 END "
                                   "FROM price_changes c JOIN products p ON p.id = c.product_id "
                                   "WHERE c.run_id = ?"),
                    {runId});
        !staged) {
        return fail(tr("Undoing run %1: %2").arg(runId).arg(staged.error()));
    }

    auto stage = sql::select(
        db.sql(), QStringLiteral("SELECT product_id, old_price_cents, new_price_cents "
                                 "FROM price_undo_stage WHERE revert = 1 ORDER BY product_id"));
    if (!stage)
        return fail(stage.error());
    std::vector<PricingChangeItem> items;
    const QString reason = tr("Undo of run %1").arg(runId);
    while (stage->next()) {
        // Going back: the run's new price is what we expect to find, its old price the target.
        items.push_back({stage->value(0).toLongLong(), stage->value(2).toLongLong(),
                         stage->value(1).toLongLong(), reason});
    }
    stage->finish();

    PricingApplier::Run undoRun;
    undoRun.source = PricingRunSource::Undo;
    undoRun.startedBy = startedBy;
    undoRun.parameters = QStringLiteral("{\"undo_of_run\":%1}").arg(runId);
    undoRun.now = now;
    undoRun.undoOfRunId = runId;
    auto report = PricingApplier::applyInTransaction(
        db, qsizetype(items.size()), [&](qsizetype i) { return items[size_t(i)]; }, undoRun);
    if (!report)
        return fail(tr("Undoing run %1: %2").arg(runId).arg(report.error()));

    auto kept = sql::select(db.sql(), QStringLiteral("SELECT product_id, sku, new_price_cents, "
                                                     "current_price_cents FROM price_undo_stage "
                                                     "WHERE revert = 0 ORDER BY product_id"));
    if (!kept)
        return fail(kept.error());
    while (kept->next()) {
        report->conflicts.push_back({kept->value(0).toLongLong(), kept->value(1).toString(),
                                     kept->value(2).toLongLong(), kept->value(3).toLongLong()});
    }
    kept->finish();
    if (auto dropped = sql::exec(db.sql(), drop); !dropped)
        return fail(dropped.error());
    if (auto marked
        = sql::exec(db.sql(), QStringLiteral("UPDATE price_runs SET undone_at = ? WHERE id = ?"),
                    {now, runId});
        !marked) {
        return fail(marked.error());
    }
    if (auto committed = tx.commit(); !committed)
        return fail(committed.error());
    return report;
}

} // namespace md
