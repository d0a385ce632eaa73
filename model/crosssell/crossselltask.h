#pragma once

// The cross-sell page's background operations, run by a Task<T> (core/task.h): mining (with
// progress and cancel) and loading the newest stored run. Typed signals in the owner's thread;
// one operation at a time.

#include "core/task.h"
#include "crosssellservice.h"
#include "db/databasespec.h"

#include <QObject>

#include <memory>

namespace md {

// What the Cross-sell page shows: the newest run with its rules and bundles.
struct CrossSellData
{
    std::optional<CrossSellRun> run;
    std::vector<RuleRow> rules; // bought and viewed, strongest first
    std::vector<BundleRow> bundles;
};

class CrossSellTask : public QObject
{
    Q_OBJECT

public:
    explicit CrossSellTask(const DatabaseSpec &spec, QObject *parent = nullptr);
    // Cancels a running mining and waits for the worker (the task's destructor does).
    ~CrossSellTask() override;

    // Stops a running mining; the stored rules stay those of the last complete run.
    void cancel() { m_task.cancel(); }
    bool isBusy() const { return m_task.isRunning(); }

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

    Task<std::shared_ptr<const CrossSellData>> m_task;
};

} // namespace md

Q_DECLARE_METATYPE(std::shared_ptr<const md::CrossSellData>)
