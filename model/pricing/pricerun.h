#pragma once

// The records of repricing runs as the storage returns them: a run, its outcome, and the
// products a run or an undo left alone because someone changed their price in between.

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace md {

enum class PriceRunSource { Manual, Schedule, Cli, Undo };

struct PriceRunInfo
{
    Q_DECLARE_TR_FUNCTIONS(md::PriceRunInfo)

public:
    qint64 id = 0;
    PriceRunSource source = PriceRunSource::Manual;
    QString startedBy;
    qint64 startedAt = 0;
    qint64 finishedAt = -1;
    qint64 changeCount = 0;
    QString parameters;
    qint64 undoneAt = -1;    // when an undo run reverted it
    qint64 undoOfRunId = -1; // for an undo run: the run it reverted

    bool canUndo() const { return source != PriceRunSource::Undo && undoneAt < 0; }

    // "manual", "schedule", "cli", "undo": the values of price_runs.source.
    static QString sourceKey(PriceRunSource source);
    static std::optional<PriceRunSource> sourceFromKey(const QString &key);
    // The source for people: "Manual", "Schedule", "Command line", "Undo".
    static QString sourceName(PriceRunSource source);
};

// A product a run did not touch because its price was no longer what the run expected.
struct PriceConflict
{
    qint64 productId = 0;
    QString sku;
    qint64 expectedCents = 0; // the price the run expected to find
    qint64 actualCents = -1;  // the price it found; -1 when the product is gone
};

// What applying decisions, or undoing a run, did.
struct PriceRunReport
{
    qint64 runId = 0;
    qint64 changed = 0;
    std::vector<PriceConflict> conflicts;
};

} // namespace md
