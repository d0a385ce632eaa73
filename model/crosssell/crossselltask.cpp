#include "crossselltask.h"

#include "db/database.h"

namespace md {

CrossSellTask::CrossSellTask(const DatabaseSpec &spec, QObject *parent)
    : QObject(parent)
    , m_task(spec, this)
{
    qRegisterMetaType<std::shared_ptr<const md::CrossSellData>>();
    connect(&m_task, &TaskBase::progress, this, &CrossSellTask::progress);
}

CrossSellTask::~CrossSellTask() = default;

Result<std::shared_ptr<const CrossSellData>> CrossSellTask::load(const Database &db)
{
    auto data = std::make_shared<CrossSellData>();
    auto run = CrossSellStore::latestRun(db);
    if (!run)
        return fail(run.error());
    data->run = *run;
    if (data->run) {
        auto rules = CrossSellStore::rules(db, data->run->id);
        if (!rules)
            return fail(rules.error());
        data->rules = std::move(*rules);
        auto bundles = CrossSellStore::bundles(db, data->run->id);
        if (!bundles)
            return fail(bundles.error());
        data->bundles = std::move(*bundles);
    }
    return std::shared_ptr<const CrossSellData>(std::move(data));
}

bool CrossSellTask::startMining(const MiningParameters &parameters)
{
    return m_task.start(
        [parameters](const Database &db,
                     TaskProgress &progress) -> Result<std::shared_ptr<const CrossSellData>> {
            auto mined = CrossSellService::run(db, parameters, CrossSellSource::Manual,
                                               progress.callback());
            if (!mined)
                return fail(mined.error());
            return load(db);
        },
        [this](const Result<std::shared_ptr<const CrossSellData>> &data) {
            if (m_task.wasCancelled())
                emit cancelled();
            else if (!data)
                emit failed(data.error());
            else
                emit loaded(*data);
        });
}

bool CrossSellTask::startLoading()
{
    // A read that cannot stop halfway: what it read is shown even after a cancel.
    return m_task.start([](const Database &db, TaskProgress &) { return load(db); },
                        [this](const Result<std::shared_ptr<const CrossSellData>> &data) {
                            if (!data)
                                emit failed(data.error());
                            else
                                emit loaded(*data);
                        });
}

} // namespace md
