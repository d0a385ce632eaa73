#include "repricingtask.h"

#include "db/database.h"
#include "repricingservice.h"

namespace md {

RepricingTask::RepricingTask(const DatabaseSpec &spec, QObject *parent)
    : QObject(parent)
    , m_preview(spec, this)
    , m_apply(spec, this)
    , m_demand(spec, this)
{
    qRegisterMetaType<std::shared_ptr<const md::RepricingPreview>>();
    qRegisterMetaType<md::PriceRunReport>();
    qRegisterMetaType<md::DemandDeriver::Report>();
    for (TaskBase *task : {static_cast<TaskBase *>(&m_preview), static_cast<TaskBase *>(&m_apply),
                           static_cast<TaskBase *>(&m_demand)})
        connect(task, &TaskBase::progress, this, &RepricingTask::progress);
}

RepricingTask::~RepricingTask() = default;

void RepricingTask::cancel()
{
    m_preview.cancel();
}

bool RepricingTask::isBusy() const
{
    return m_preview.isRunning() || m_apply.isRunning() || m_demand.isRunning();
}

bool RepricingTask::startPreview(qint64 now, const std::optional<PricingRules> &rules)
{
    if (isBusy())
        return false;
    return m_preview.start(
        [now, rules](const Database &db, TaskProgress &progress) {
            return rules ? RepricingService::preview(db, *rules, now, progress.callback())
                         : RepricingService::preview(db, now, progress.callback());
        },
        [this](const Result<std::shared_ptr<const RepricingPreview>> &preview) {
            if (m_preview.wasCancelled())
                emit cancelled();
            else if (!preview)
                emit failed(preview.error());
            else
                emit previewReady(*preview);
        });
}

bool RepricingTask::startApply(std::shared_ptr<const RepricingPreview> preview,
                               std::vector<qint32> rows, PriceRunSource source,
                               const QString &startedBy, qint64 now)
{
    if (isBusy())
        return false;
    // One transaction that cannot stop halfway: what it did is reported even after a cancel.
    return m_apply.start(
        [preview, rows, source, startedBy, now](const Database &db, TaskProgress &progress) {
            progress.report(0, tr("Applying prices"));
            return RepricingService::apply(db, *preview, rows, source, startedBy, now);
        },
        [this](const Result<PriceRunReport> &report) {
            if (!report)
                emit failed(report.error());
            else
                emit applied(*report);
        });
}

bool RepricingTask::startDeriveDemand(qint64 now)
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
