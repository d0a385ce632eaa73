#pragma once

// The records of repricing runs as the storage returns them: a run, its outcome, and the
// products a run or an undo left alone because someone changed their price in between.

#include "core/enumkeys.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace md {

enum class PricingRunSource { Manual, Schedule, Cli, Undo };

// The values of price_runs.source and price_proposals.source.
constexpr auto enumKeys(PricingRunSource)
{
    return keyTable<PricingRunSource>({{PricingRunSource::Manual, "manual"},
                                       {PricingRunSource::Schedule, "schedule"},
                                       {PricingRunSource::Cli, "cli"},
                                       {PricingRunSource::Undo, "undo"}});
}
static_assert(enumKeys(PricingRunSource{}).coversFirst(4));

struct PricingRunInfo
{
    Q_DECLARE_TR_FUNCTIONS(md::PricingRunInfo)

public:
    qint64 id = 0;
    PricingRunSource source = PricingRunSource::Manual;
    QString startedBy;
    qint64 startedAt = 0;
    qint64 finishedAt = -1;
    qint64 changeCount = 0;
    QString parameters;
    qint64 undoneAt = -1;    // when an undo run reverted it
    qint64 undoOfRunId = -1; // for an undo run: the run it reverted

    bool canUndo() const { return source != PricingRunSource::Undo && undoneAt < 0; }

    // The source for people: "Manual", "Schedule", "Command line", "Undo". The stored key is
    // keyOf(source).
    static QString sourceLabel(PricingRunSource source);
};

// A product a run did not touch because its price was no longer what the run expected.
struct PricingConflict
{
    qint64 productId = 0;
    QString sku;
    qint64 expectedCents = 0; // the price the run expected to find
    qint64 actualCents = -1;  // the price it found; -1 when the product is gone
};

// What applying decisions, or undoing a run, did.
struct PricingRunReport
{
    qint64 runId = 0;
    qint64 changed = 0;
    std::vector<PricingConflict> conflicts;
};

} // namespace md
