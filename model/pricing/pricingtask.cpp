#include "pricingtask.h"

#include "db/database.h"
#include "pricingservice.h"

namespace md {

PricingTask::PricingTask(const DatabaseSpec &spec, QObject *parent)
    : QObject(parent)
    , m_preview(spec, this)
    , m_apply(spec, this)
    , m_demand(spec, this)
{
    qRegisterMetaType<std::shared_ptr<const md::PricingPreview>>();
    qRegisterMetaType<md::PricingRunReport>();
    qRegisterMetaType<md::DemandDeriver::Report>();
    for (TaskBase *task : {static_cast<TaskBase *>(&m_preview), static_cast<TaskBase *>(&m_apply),
                           static_cast<TaskBase *>(&m_demand)})
        connect(task, &TaskBase::progress, this, &PricingTask::progress);
}

PricingTask::~PricingTask() = default;

void PricingTask::cancel()
{
    m_preview.cancel();
}

bool PricingTask::isBusy() const
{
    return m_preview.isRunning() || m_apply.isRunning() || m_demand.isRunning();
}

bool PricingTask::startPreview(qint64 now, const std::optional<PricingRules> &rules)
{
    if (isBusy())
        return false;
    return m_preview.start(
        [now, rules](const Database &db, TaskProgress &progress) {
            return rules ? PricingService::preview(db, *rules, now, progress.callback())
                         : PricingService::preview(db, now, progress.callback());
        },
        [this](const Result<std::shared_ptr<const PricingPreview>> &preview) {
            if (m_preview.wasCancelled())
                emit cancelled();
            else if (!preview)
                emit failed(preview.error());
            else
                emit previewReady(*preview);
        });
}

bool PricingTask::startApply(std::shared_ptr<const PricingPreview> preview,
                             std::vector<qint32> rows, PricingRunSource source,
                             const QString &startedBy, qint64 now)
{
    if (isBusy())
        return false;
    // One transaction that cannot stop halfway: what it did is reported even after a cancel.
    return m_apply.start(
        [preview, rows, source, startedBy, now](const Database &db, TaskProgress &progress) {
            progress.report(0, tr("Applying prices"));
            return PricingService::apply(db, *preview, rows, source, startedBy, now);
        },
        [this](const Result<PricingRunReport> &report) {
            if (!report)
                emit failed(report.error());
            else
                emit applied(*report);
        });
}

bool PricingTask::startDeriveDemand(qint64 now)
{
    if (isBusy())
        return false;
    return m_demand.start(
        [now](const Database &db, TaskProgress &progress) {
            progress.report(0, tr("Deriving demand from sales"));
            return DemandDeriver::derive(db, now);
        },
        [this](const Result<DemandDeriver::Report> &report) {
            if (!report)
                emit failed(report.error());
            else
                emit demandDerived(*report);
        });
}

} // namespace md
