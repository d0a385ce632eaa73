#include "repricingtask.h"

#include "db/database.h"
#include "repricingservice.h"

namespace md {

RepricingTask::RepricingTask(const DatabaseSpec &spec, QObject *parent)
    : WorkerTask(parent)
    , m_spec(spec)
{
    qRegisterMetaType<std::shared_ptr<const md::RepricingPreview>>();
    qRegisterMetaType<md::PriceRunReport>();
    qRegisterMetaType<md::DemandDeriver::Report>();
}

RepricingTask::~RepricingTask()
{
    stopWorker();
}

bool RepricingTask::startPreview(qint64 now, const std::optional<PricingRules> &rules)
{
    const DatabaseSpec spec = m_spec;
    return launch([this, spec, now, rules] {
        auto db
            = Database::open(spec, Database::Options{.migrate = false, .createIfMissing = false});
        if (!db) {
            m_deliver = [this, error = db.error()] {
                emit failed(error);
            };
            return;
        }
        int lastPercent = -1;
        const auto report = [&](int percent, const QString &stage) {
            if (percent != lastPercent) {
                lastPercent = percent;
                emit progress(percent, stage);
            }
            return !m_cancel.load();
        };
        auto preview = rules ? RepricingService::preview(*db, *rules, now, report)
                             : RepricingService::preview(*db, now, report);
        if (m_cancel.load())
            m_deliver = [this] {
                emit cancelled();
            };
        else if (!preview)
            m_deliver = [this, error = preview.error()] {
                emit failed(error);
            };
        else
            m_deliver = [this, result = *preview] {
                emit previewReady(result);
            };
    });
}

bool RepricingTask::startApply(std::shared_ptr<const RepricingPreview> preview,
                               std::vector<qint32> rows, PriceRunSource source,
                               const QString &startedBy, qint64 now)
{
    const DatabaseSpec spec = m_spec;
    return launch([this, spec, preview, rows, source, startedBy, now] {
        auto db
            = Database::open(spec, Database::Options{.migrate = false, .createIfMissing = false});
        if (!db) {
            m_deliver = [this, error = db.error()] {
                emit failed(error);
            };
            return;
        }
        emit progress(0, tr("Applying prices"));
        auto report = RepricingService::apply(*db, *preview, rows, source, startedBy, now);
        if (!report)
            m_deliver = [this, error = report.error()] {
                emit failed(error);
            };
        else
            m_deliver = [this, result = *report] {
                emit applied(result);
            };
    });
}

bool RepricingTask::startDeriveDemand(qint64 now)
{
    const DatabaseSpec spec = m_spec;
    return launch([this, spec, now] {
        auto db
            = Database::open(spec, Database::Options{.migrate = false, .createIfMissing = false});
        if (!db) {
            m_deliver = [this, error = db.error()] {
                emit failed(error);
            };
            return;
        }
        emit progress(0, tr("Deriving demand from sales"));
        auto report = DemandDeriver::derive(*db, now);
        if (!report)
            m_deliver = [this, error = report.error()] {
                emit failed(error);
            };
        else
            m_deliver = [this, result = *report] {
                emit demandDerived(result);
            };
    });
}

} // namespace md
