#pragma once

// Runs cross-sell work off the GUI thread: mining (with progress and cancel) and loading the
// newest stored run. Each operation opens its own database connection in its worker thread;
// results arrive as signals in the owner's thread. One operation at a time.

#include "core/workertask.h"
#include "crosssellservice.h"
#include "db/databasespec.h"

#include <memory>

namespace md {

// What the Cross-sell page shows: the newest run with its rules and bundles.
struct CrossSellData
{
    std::optional<CrossSellRun> run;
    std::vector<RuleRow> rules; // bought and viewed, strongest first
    std::vector<BundleRow> bundles;
};

class CrossSellTask : public WorkerTask
{
    Q_OBJECT

public:
    explicit CrossSellTask(const DatabaseSpec &spec, QObject *parent = nullptr);
    // Cancels a running mining and waits for the worker.
    ~CrossSellTask() override;

    // Mines, stores the run and delivers it with loaded(). False while busy.
    bool startMining(const MiningParameters &parameters);
    // Reads the newest stored run. False while busy.
    bool startLoading();

signals:
    void progress(int percent, const QString &stage);
    void loaded(std::shared_ptr<const md::CrossSellData> data);
    void cancelled();
    void failed(const QString &message);

private:
    static Result<std::shared_ptr<const CrossSellData>> load(const Database &db);

    DatabaseSpec m_spec;
};

} // namespace md

Q_DECLARE_METATYPE(std::shared_ptr<const md::CrossSellData>)
