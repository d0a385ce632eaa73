#pragma once

// Runs the slow parts of repricing off the GUI thread: computing a preview of a million products
// (with progress and cancel), applying the approved decisions, and deriving demand from sales. Each
// run opens its own database connection in its worker thread; results arrive as signals in the
// owner's thread. One operation at a time.

#include "core/result.h"
#include "core/workertask.h"
#include "db/databasespec.h"
#include "demandderiver.h"
#include "pricerun.h"
#include "pricingrules.h"
#include "repricingpreview.h"

#include <memory>
#include <optional>
#include <vector>

namespace md {

class RepricingTask : public WorkerTask
{
    Q_OBJECT

public:
    explicit RepricingTask(const DatabaseSpec &spec, QObject *parent = nullptr);
    // Cancels a running preview and waits for the worker.
    ~RepricingTask() override;

    // With the stored rules, or with `rules` the owner is still editing. False while busy.
    bool startPreview(qint64 now, const std::optional<PricingRules> &rules = std::nullopt);
    // Applies the decisions at `rows` (all changes when empty) in one transaction.
    bool startApply(std::shared_ptr<const RepricingPreview> preview, std::vector<qint32> rows,
                    PriceRunSource source, const QString &startedBy, qint64 now);
    // Recomputes every product's demand score from the last 28 days of sales.
    bool startDeriveDemand(qint64 now);

signals:
    void progress(int percent, const QString &stage);
    void previewReady(std::shared_ptr<const md::RepricingPreview> preview);
    void applied(const md::PriceRunReport &report);
    void demandDerived(const md::DemandDeriver::Report &report);
    void cancelled();
    void failed(const QString &message);

private:
    DatabaseSpec m_spec;
};

} // namespace md

Q_DECLARE_METATYPE(std::shared_ptr<const md::RepricingPreview>)
Q_DECLARE_METATYPE(md::PriceRunReport)
Q_DECLARE_METATYPE(md::DemandDeriver::Report)
