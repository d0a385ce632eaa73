#include "repricecommand.h"

#include "console.h"
#include "databaseopener.h"
#include "formatoption.h"
#include "pricing/pricingjob.h"
#include "pricing/pricingpreviewwriter.h"
#include "pricing/pricingservice.h"
#include "schedule/joblock.h"

#include <QDateTime>

namespace md {

namespace {

const QString kDryRun = QStringLiteral("dry-run");
const QString kAll = QStringLiteral("all");
const QString kOutput = QStringLiteral("output");
constexpr int kListedConflicts = 20;

} // namespace

QString RepriceCommand::name() const
{
    return QStringLiteral("reprice");
}

QString RepriceCommand::summary() const
{
    return tr("Compute new prices with the stored repricing rules and apply them as one run "
              "that can be undone (or only show them with --dry-run)");
}

QList<QCommandLineOption> RepriceCommand::options() const
{
    return {
        QCommandLineOption(kDryRun, tr("Only show the decisions; change nothing")),
        QCommandLineOption(kAll, tr("List every product with the reason, not only the changes")),
        FormatOption::option(tr("Output format: table, csv or json"),
                             keysOf<PricingPreviewWriter::Format>(),
                             keysOf<PricingPreviewWriter::Format>().first()),
        QCommandLineOption(kOutput, tr("Write the list to FILE instead of stdout"),
                           QStringLiteral("FILE")),
    };
}

int RepriceCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                        Console &console)
{
    const auto formatName
        = FormatOption::value(arguments, name(), keysOf<PricingPreviewWriter::Format>());
    if (!formatName)
        return console.usageError(formatName.error());
    const PricingPreviewWriter::Format format = *fromKey<PricingPreviewWriter::Format>(*formatName);
    const bool dryRun = arguments.isSet(kDryRun);
    const QString output = arguments.value(kOutput);
    if (arguments.isSet(kOutput) && output.isEmpty())
        return console.usageError(tr("reprice: --output needs a file name"));

    // The repricing tables come with the schema: an older database is migrated first.
    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false});
    if (!db)
        return db.exitCode();
    const QString where = db.where();

    std::unique_ptr<JobLock> lock;
    if (!dryRun) {
        QString heldBy;
        auto taken = JobLock::tryAcquire(*db, PricingJob::jobType(), &heldBy);
        if (!taken)
            return console.dataError(tr("%1: %2").arg(where, taken.error()));
        if (!*taken) {
            return console.dataError(
                tr("%1: repricing is running in %2; nothing was changed").arg(where, heldBy));
        }
        lock = std::move(*taken);
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    int lastStep = -1;
    auto preview = PricingService::preview(*db, now, [&](int percent, const QString &stage) {
        // A line per fifth: enough to see it move on a big catalog, little for cron mail.
        if (percent / 20 != lastStep) {
            lastStep = percent / 20;
            console.progress(tr("reprice: %1 (%2%)").arg(stage).arg(percent));
        }
        return true;
    });
    if (!preview)
        return console.dataError(tr("%1: %2").arg(where, preview.error()));

    qint64 runId = -1;
    QStringList conflictLines;
    qint64 conflicts = 0;
    qint64 applied = 0;
    if (!dryRun && (*preview)->totals.changes > 0) {
        auto report = PricingService::apply(*db, **preview, {}, PricingRunSource::Cli,
                                            PricingService::currentUser(), now);
        if (!report) {
            return console.dataError(
                tr("%1: the prices were not changed: %2").arg(where, report.error()));
        }
        runId = report->runId;
        applied = report->changed;
        conflicts = qint64(report->conflicts.size());
        for (const PricingConflict &conflict : report->conflicts) {
            if (conflictLines.size() == kListedConflicts)
                break;
            conflictLines << tr("reprice: %1 was left alone: its price changed to %2 after the "
                                "preview (expected %3)")
                                 .arg(conflict.sku,
                                      conflict.actualCents < 0
                                          ? tr("nothing (deleted)")
                                          : FixedPoint::format(conflict.actualCents, 2, 2),
                                      FixedPoint::format(conflict.expectedCents, 2, 2));
        }
    }
    lock.reset();

    PricingPreviewWriter::Options options;
    options.format = format;
    options.all = arguments.isSet(kAll);
    options.runId = runId;
    options.locale = QLocale();
    QString summary;
    if (dryRun) {
        summary = tr("Dry run: %1 price changes, nothing applied.").arg((*preview)->totals.changes);
    } else if (runId < 0) {
        summary = tr("No price changes; no run was recorded.");
    } else {
        summary = tr("Applied %1 price changes as run %2 (undo: %3 reprice-undo %2).")
                      .arg(applied)
                      .arg(runId)
                      .arg(Console::programName());
        if (conflicts > 0) {
            summary += QLatin1Char(' ')
                       + tr("%1 products changed meanwhile were left alone.").arg(conflicts);
        }
    }

    const auto written = console.writeResult(output, [&](QIODevice &device) {
        return PricingPreviewWriter::write(**preview, options, device);
    });
    if (!written) {
        return console.dataError(
            tr("reprice: %1 (the prices %2)")
                .arg(written.error(),
                     runId > 0 ? tr("were applied as run %1").arg(runId) : tr("were not changed")));
    }
    for (const QString &line : conflictLines)
        console.progress(line);
    if (!output.isEmpty()) {
        console.print(summary + QLatin1Char('\n'));
        return Console::Success;
    }
    // CSV and JSON stay machine-readable on stdout; the summary goes to stderr then.
    if (format == PricingPreviewWriter::Format::Table)
        console.print(QLatin1Char('\n') + summary + QLatin1Char('\n'));
    else
        console.progress(summary);
    return Console::Success;
}

} // namespace md
