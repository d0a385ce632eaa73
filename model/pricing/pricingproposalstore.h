#pragma once

// Proposals: the decisions of a preview-only run (a scheduled run set to "prepare a preview"),
// stored until the owner applies all or some of them, or discards them. Only the newest pending
// proposal matters: storing a new one discards the older pending ones. Applying re-checks every
// old price, like any apply, and records a normal run of the proposal's source.

#include "core/result.h"
#include "pricingrun.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace md {

class Database;
class PricingPreview;

struct PricingProposalInfo
{
    enum class Status { Pending, Applied, Discarded };

    qint64 id = 0;
    PricingRunSource source = PricingRunSource::Schedule;
    QString createdBy;
    qint64 createdAt = 0;
    Status status = Status::Pending;
    qint64 decidedAt = -1;
    QString decidedBy;
    qint64 runId = -1;
    qint64 changeCount = 0;
    QString parameters;
};

// The values of price_proposals.status.
constexpr auto enumKeys(PricingProposalInfo::Status)
{
    using Status = PricingProposalInfo::Status;
    return keyTable<Status>({{Status::Pending, "pending"},
                             {Status::Applied, "applied"},
                             {Status::Discarded, "discarded"}});
}

struct PricingProposalItem
{
    qint64 productId = 0;
    QString sku;
    QString title;
    qint64 stockLevel = 0;
    qint64 oldCents = 0;
    qint64 newCents = 0;
    qint64 currentCents = 0; // the price now; differs from oldCents when it changed since
    QString limitKind;       // "", "cap", "floor", "ceiling"
    QString reason;

    bool isStale() const { return currentCents != oldCents; }
};

class PricingProposalStore
{
    Q_DECLARE_TR_FUNCTIONS(md::PricingProposalStore)

public:
    // Stores the changes among `rows` of the preview (all its changes when empty).
    static Result<qint64> create(const Database &db, const PricingPreview &preview,
                                 const std::vector<qint32> &rows, PricingRunSource source,
                                 const QString &createdBy, qint64 now);
    // Newest first.
    static Result<std::vector<PricingProposalInfo>> list(const Database &db, int limit = 50);
    static Result<std::optional<PricingProposalInfo>> newestPending(const Database &db);
    static Result<PricingProposalInfo> proposal(const Database &db, qint64 proposalId);
    static Result<std::vector<PricingProposalItem>> items(const Database &db, qint64 proposalId);

    // Applies the items of the given products (all when empty) in one transaction.
    static Result<PricingRunReport> apply(const Database &db, qint64 proposalId,
                                          const std::vector<qint64> &productIds,
                                          const QString &decidedBy, qint64 now);
    static Status discard(const Database &db, qint64 proposalId, const QString &decidedBy,
                          qint64 now);
};

} // namespace md
