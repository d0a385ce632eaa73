#pragma once

// The repricing page's background operations, each run by a Task<T> (core/task.h): computing a
// preview of a million products (with progress and cancel), applying the approved decisions,
// and deriving demand from sales. Typed signals in the owner's thread; one operation at a time.

#include "core/result.h"
#include "core/task.h"
#include "db/databasespec.h"
#include "demandderiver.h"
#include "pricingpreview.h"
#include "pricingrules.h"
#include "pricingrun.h"

#include <QObject>

#include <memory>
#include <optional>
#include <vector>

namespace md {

class PricingTask : public QObject
{
    Q_OBJECT

public:
    explicit PricingTask(const DatabaseSpec &spec, QObject *parent = nullptr);
    // Cancels a running preview and waits for the worker (the tasks' destructors do).
    ~PricingTask() override;

    // Stops a running preview; apply and demand cannot stop halfway and finish as they would.
    void cancel();
    bool isBusy() const;
    // Whether cancel() would stop what is running: only a preview can be cancelled.
    bool isCancellable() const { return m_preview.isRunning(); }

    // With the stored rules, or with `rules` the owner is still editing. False while busy.
    bool startPreview(qint64 now, const std::optional<PricingRules> &rules = std::nullopt);
    // Applies the decisions at `rows` (all changes when empty) in one transaction.
    bool startApply(std::shared_ptr<const PricingPreview> preview, std::vector<qint32> rows,
                    PricingRunSource source, const QString &startedBy, qint64 now);
    // Recomputes every product's demand score from the last 28 days of sales.
    bool startDeriveDemand(qint64 now);

signals:
    void progress(int percent, const QString &stage);
    void previewReady(std::shared_ptr<const md::PricingPreview> preview);
    void applied(const md::PricingRunReport &report);
    void demandDerived(const md::DemandDeriver::Report &report);
    void cancelled();
    void failed(const QString &message);

private:
    Task<std::shared_ptr<const PricingPreview>> m_preview;
    Task<PricingRunReport> m_apply;
    Task<DemandDeriver::Report> m_demand;
};

} // namespace md

Q_DECLARE_METATYPE(std::shared_ptr<const md::PricingPreview>)
Q_DECLARE_METATYPE(md::PricingRunReport)
Q_DECLARE_METATYPE(md::DemandDeriver::Report)
