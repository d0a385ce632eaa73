#include "crossselltask.h"

#include "db/database.h"

namespace md {

CrossSellTask::CrossSellTask(const DatabaseSpec &spec, QObject *parent)
    : WorkerTask(parent)
    , m_spec(spec)
{
    qRegisterMetaType<std::shared_ptr<const md::CrossSellData>>();
}

CrossSellTask::~CrossSellTask()
{
    stopWorker();
}

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
    const DatabaseSpec spec = m_spec;
    return launch([this, spec, parameters] {
        auto db
            = Database::open(spec, Database::Options{.migrate = false, .createIfMissing = false});
        if (!db) {
            m_deliver = [this, error = db.error()] {
                emit failed(error);
            };
            return;
        }
        int lastPercent = -1;
        auto mined = CrossSellService::run(*db, parameters, CrossSellSource::Manual,
                                           [&](int percent, const QString &stage) {
                                               if (percent != lastPercent) {
                                                   lastPercent = percent;
                                                   emit progress(percent, stage);
                                               }
                                               return !m_cancel.load();
                                           });
        if (m_cancel.load()) {
            m_deliver = [this] {
                emit cancelled();
            };
            return;
        }
        if (!mined) {
            m_deliver = [this, error = mined.error()] {
                emit failed(error);
            };
            return;
        }
        auto data = load(*db);
        if (!data)
            m_deliver = [this, error = data.error()] {
                emit failed(error);
            };
        else
            m_deliver = [this, result = *data] {
                emit loaded(result);
            };
    });
}

bool CrossSellTask::startLoading()
{
    const DatabaseSpec spec = m_spec;
    return launch([this, spec] {
        auto db
            = Database::open(spec, Database::Options{.migrate = false, .createIfMissing = false});
        if (!db) {
            m_deliver = [this, error = db.error()] {
                emit failed(error);
            };
            return;
        }
        auto data = load(*db);
        if (!data)
            m_deliver = [this, error = data.error()] {
                emit failed(error);
            };
        else
            m_deliver = [this, result = *data] {
                emit loaded(result);
            };
    });
}

} // namespace md
