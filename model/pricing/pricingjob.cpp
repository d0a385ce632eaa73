#include "pricingjob.h"

#include "inventory/inventoryimporter.h"
#include "inventory/inventorysettings.h"
#include "pricingproposalstore.h"
#include "pricingservice.h"
#include "schedule/clock.h"

namespace md {

QString PricingJob::title()
{
    return tr("Repricing");
}

JobOutcome PricingJob::run(const JobContext &context)
{
    const Database &db = context.db;
    const qint64 now = context.clock.nowSecs();
    const auto progress = [&](const QString &line) {
        if (context.progress)
            context.progress(line);
    };

    QString inventoryNote;
    auto feed = InventorySettings::load(db);
    if (!feed)
        return JobOutcome::failed(tr("Repricing skipped, nothing changed: %1").arg(feed.error()));
    if (!feed->url.isEmpty()) {
        progress(tr("Pulling the inventory feed %1").arg(feed->url.toDisplayString()));
        auto pulled = InventoryImporter::pull(db, *feed, now);
        if (!pulled) {
            return JobOutcome::failed(
                tr("Repricing skipped, nothing changed: %1").arg(pulled.error()));
        }
        inventoryNote = InventoryImporter::summary(*pulled) + QStringLiteral(". ");
    }

    int lastTenth = -1;
    auto preview = PricingService::preview(db, now, [&](int percent, const QString &stage) {
        if (percent / 10 != lastTenth) {
            lastTenth = percent / 10;
            progress(tr("%1: %2%").arg(stage).arg(percent));
        }
        return true;
    });
    if (!preview)
        return JobOutcome::failed(tr("Repricing failed, nothing changed: %1").arg(preview.error()));
    const PricingPreviewTotals &totals = (*preview)->totals;
    if (totals.changes == 0)
        return JobOutcome::succeeded(inventoryNote + tr("No price changes."));

    const PricingRunSource source
        = context.scheduled ? PricingRunSource::Schedule : PricingRunSource::Manual;
    const QString who
        = context.scheduled ? QStringLiteral("scheduler") : PricingService::currentUser();
    if (context.schedule.mode == JobSchedule::Mode::Preview) {
        auto proposal = PricingProposalStore::create(db, **preview, {}, source, who, now);
        if (!proposal) {
            return JobOutcome::failed(
                tr("Storing the repricing proposal failed, nothing changed: %1")
                    .arg(proposal.error()));
        }
        return JobOutcome::succeeded(inventoryNote
                                     + tr("Prepared %1 price changes (%2 up, %3 down) for "
                                          "approval as proposal %4.")
                                           .arg(totals.changes)
                                           .arg(totals.increases)
                                           .arg(totals.decreases)
                                           .arg(*proposal));
    }
    auto report = PricingService::apply(db, **preview, {}, source, who, now);
    if (!report)
        return JobOutcome::failed(
            tr("Applying the prices failed, nothing changed: %1").arg(report.error()));
    QString message = inventoryNote
                      + tr("Applied %1 price changes (%2 up, %3 down) as run %4.")
                            .arg(report->changed)
                            .arg(totals.increases)
                            .arg(totals.decreases)
                            .arg(report->runId);
    if (!report->conflicts.empty()) {
        message += QLatin1Char(' ')
                   + tr("%1 products whose price changed meanwhile were left alone.")
                         .arg(report->conflicts.size());
    }
    return JobOutcome::succeeded(message);
}

} // namespace md
