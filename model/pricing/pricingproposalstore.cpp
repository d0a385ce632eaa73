#include "pricingproposalstore.h"

#include "db/bulkwriter.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "nonnulltext.h"
#include "pricingapplier.h"
#include "pricingpreview.h"

#include <algorithm>

namespace md {

namespace {

const QString kColumns = QStringLiteral(
    "id, source, created_by, created_at, status, decided_at, decided_by, run_id, change_count, "
    "parameters");

PricingProposalInfo proposalFrom(const QSqlQuery &query)
{
    PricingProposalInfo info;
    info.id = query.value(0).toLongLong();
    info.source
        = fromKey<PricingRunSource>(query.value(1).toString()).value_or(PricingRunSource::Schedule);
    info.createdBy = query.value(2).toString();
    info.createdAt = query.value(3).toLongLong();
    info.status = fromKey<PricingProposalInfo::Status>(query.value(4).toString())
                      .value_or(PricingProposalInfo::Status::Pending);
    info.decidedAt = query.value(5).isNull() ? -1 : query.value(5).toLongLong();
    info.decidedBy = query.value(6).toString();
    info.runId = query.value(7).isNull() ? -1 : query.value(7).toLongLong();
    info.changeCount = query.value(8).toLongLong();
    info.parameters = query.value(9).toString();
    return info;
}

// The limit column of price_proposal_items: one "cap" for both directions.
constexpr auto kStoredLimitKeys
    = keyTable<PricingDecision::Limit>({{PricingDecision::CapUp, "cap"},
                                        {PricingDecision::CapDown, "cap"},
                                        {PricingDecision::Floor, "floor"},
                                        {PricingDecision::Ceiling, "ceiling"}});

} // namespace

Result<qint64> PricingProposalStore::create(const Database &db, const PricingPreview &preview,
                                            const std::vector<qint32> &rows,
                                            PricingRunSource source, const QString &createdBy,
                                            qint64 now)
{
    if (source == PricingRunSource::Undo)
        return fail(tr("An undo cannot be proposed"));
    const std::vector<qint32> chosen = rows.empty() ? preview.changeRows() : rows;
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return fail(begun.error());
    if (auto superseded = sql::exec(
            db.sql(),
            QStringLiteral("UPDATE price_proposals SET status = 'discarded', decided_at = ?, "
                           "decided_by = ? WHERE status = 'pending'"),
            {now, tr("replaced by a newer proposal")});
        !superseded) {
        return fail(tr("Storing the proposal: %1").arg(superseded.error()));
    }
    auto id = sql::scalar(db.sql(),
                          QStringLiteral("INSERT INTO price_proposals (source, created_by, "
                                         "created_at, parameters) VALUES (?, ?, ?, ?) "
                                         "RETURNING id"),
                          {keyOf(source), nonNullText(createdBy), now, preview.parametersJson()});
    if (!id)
        return fail(tr("Storing the proposal: %1").arg(id.error()));
    const qint64 proposalId = id->toLongLong();

    auto writer
        = BulkWriter::open(db, QStringLiteral("price_proposal_items"),
                           {QStringLiteral("proposal_id"), QStringLiteral("product_id"),
                            QStringLiteral("old_price_cents"), QStringLiteral("new_price_cents"),
                            QStringLiteral("limit_kind"), QStringLiteral("reason")});
    if (!writer)
        return fail(writer.error());
    const PricingReason reasons = preview.reasons();
    qint64 count = 0;
    for (const qint32 row : chosen) {
        const PricingDecision &decision = preview.decisions[size_t(row)];
        if (!decision.isChange())
            continue;
        (*writer)->addInt(proposalId);
        (*writer)->addInt(preview.productOf(decision).id);
        (*writer)->addInt(decision.oldCents);
        (*writer)->addInt(decision.newCents);
        (*writer)->addText(kStoredLimitKeys.keyOf(decision.effectiveLimit()));
        (*writer)->addText(reasons.text(decision));
        if (auto written = (*writer)->endRow(); !written)
            return fail(written.error());
        ++count;
    }
    if (auto finished = (*writer)->finish(); !finished)
        return fail(finished.error());
    writer->reset();
    if (auto counted = sql::exec(db.sql(),
                                 QStringLiteral("UPDATE price_proposals SET change_count = ? "
                                                "WHERE id = ?"),
                                 {count, proposalId});
        !counted) {
        return fail(counted.error());
    }
    if (auto committed = tx.commit(); !committed)
        return fail(committed.error());
    return proposalId;
}

Result<std::vector<PricingProposalInfo>> PricingProposalStore::list(const Database &db, int limit)
{
    auto query = sql::select(
        db.sql(),
        QStringLiteral("SELECT %1 FROM price_proposals ORDER BY id DESC LIMIT ?").arg(kColumns),
        {limit});
    if (!query)
        return fail(tr("Reading the proposals: %1").arg(query.error()));
    std::vector<PricingProposalInfo> proposals;
    while (query->next())
        proposals.push_back(proposalFrom(*query));
    return proposals;
}

Result<std::optional<PricingProposalInfo>> PricingProposalStore::newestPending(const Database &db)
{
    auto query
        = sql::select(db.sql(), QStringLiteral("SELECT %1 FROM price_proposals WHERE status = "
                                               "'pending' ORDER BY id DESC LIMIT 1")
                                    .arg(kColumns));
    if (!query)
        return fail(tr("Reading the proposals: %1").arg(query.error()));
    if (!query->next())
        return std::optional<PricingProposalInfo>();
    return std::optional<PricingProposalInfo>(proposalFrom(*query));
}

Result<PricingProposalInfo> PricingProposalStore::proposal(const Database &db, qint64 proposalId)
{
    auto query = sql::select(
        db.sql(), QStringLiteral("SELECT %1 FROM price_proposals WHERE id = ?").arg(kColumns),
        {proposalId});
    if (!query)
        return fail(tr("Reading proposal %1: %2").arg(proposalId).arg(query.error()));
    if (!query->next())
        return fail(tr("There is no price proposal %1").arg(proposalId));
    return proposalFrom(*query);
}

Result<std::vector<PricingProposalItem>> PricingProposalStore::items(const Database &db,
                                                                     qint64 proposalId)
{
    auto query = sql::select(
        db.sql(),
        QStringLiteral("SELECT i.product_id, p.sku, p.title, p.stock_level, i.old_price_cents, "
                       "i.new_price_cents, p.current_price_cents, i.limit_kind, i.reason "
                       "FROM price_proposal_items i JOIN products p ON p.id = i.product_id "
                       "WHERE i.proposal_id = ? ORDER BY i.product_id"),
        {proposalId});
    if (!query)
        return fail(tr("Reading proposal %1: %2").arg(proposalId).arg(query.error()));
    std::vector<PricingProposalItem> items;
    while (query->next()) {
        PricingProposalItem item;
        item.productId = query->value(0).toLongLong();
        item.sku = query->value(1).toString();
        item.title = query->value(2).toString();
        item.stockLevel = query->value(3).toLongLong();
        item.oldCents = query->value(4).toLongLong();
        item.newCents = query->value(5).toLongLong();
        item.currentCents = query->value(6).toLongLong();
        item.limitKind = query->value(7).toString();
        item.reason = query->value(8).toString();
        items.push_back(std::move(item));
    }
    return items;
}

Result<PricingRunReport> PricingProposalStore::apply(const Database &db, qint64 proposalId,
                                                     const std::vector<qint64> &productIds,
                                                     const QString &decidedBy, qint64 now)
{
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return fail(begun.error());
    auto info = proposal(db, proposalId);
    if (!info)
        return fail(info.error());
    if (info->status != PricingProposalInfo::Status::Pending) {
        return fail(tr("Proposal %1 was %2 already")
                        .arg(proposalId)
                        .arg(info->status == PricingProposalInfo::Status::Applied
                                 ? tr("applied")
                                 : tr("discarded")));
    }
    auto all = items(db, proposalId);
    if (!all)
        return fail(all.error());
    std::vector<qint64> wanted = productIds;
    std::sort(wanted.begin(), wanted.end());
    std::vector<PricingChangeItem> chosen;
    for (const PricingProposalItem &item : *all) {
        if (!wanted.empty() && !std::binary_search(wanted.begin(), wanted.end(), item.productId))
            continue;
        chosen.push_back({item.productId, item.oldCents, item.newCents, item.reason});
    }

    PricingApplier::Run run;
    run.source = info->source;
    run.startedBy = decidedBy;
    run.parameters = info->parameters;
    run.now = now;
    auto report = PricingApplier::applyInTransaction(
        db, qsizetype(chosen.size()), [&](qsizetype i) { return chosen[size_t(i)]; }, run);
    if (!report)
        return report;
    if (auto marked = sql::exec(db.sql(),
                                QStringLiteral("UPDATE price_proposals SET status = 'applied', "
                                               "decided_at = ?, decided_by = ?, run_id = ? "
                                               "WHERE id = ?"),
                                {now, nonNullText(decidedBy), report->runId, proposalId});
        !marked) {
        return fail(marked.error());
    }
    if (auto committed = tx.commit(); !committed)
        return fail(committed.error());
    return report;
}

Status PricingProposalStore::discard(const Database &db, qint64 proposalId,
                                     const QString &decidedBy, qint64 now)
{
    auto info = proposal(db, proposalId);
    if (!info)
        return fail(info.error());
    if (info->status != PricingProposalInfo::Status::Pending)
        return fail(tr("Proposal %1 is not pending").arg(proposalId));
    return sql::exec(db.sql(),
                     QStringLiteral("UPDATE price_proposals SET status = 'discarded', "
                                    "decided_at = ?, decided_by = ? WHERE id = ? "
                                    "AND status = 'pending'"),
                     {now, nonNullText(decidedBy), proposalId});
}

} // namespace md
