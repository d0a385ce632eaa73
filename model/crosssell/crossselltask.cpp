#include "crossselltask.h"

#include "db/database.h"

#include <QThread>

namespace md {

CrossSellTask::CrossSellTask(const DatabaseSpec &spec, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
{
    qRegisterMetaType<std::shared_ptr<const md::CrossSellData>>();
}

CrossSellTask::~CrossSellTask()
{
    if (m_worker) {
        m_cancel = true;
        disconnect(m_worker, nullptr, this, nullptr);
        m_worker->wait();
        delete m_worker;
    }
}

void CrossSellTask::cancel()
{
    m_cancel = true;
}

bool CrossSellTask::launch(std::function<void()> work)
{
    if (m_worker)
        return false;
    m_cancel = false;
    m_worker = QThread::create(std::move(work));
    // Delivered once the worker has ended, so a handler may start the next operation.
    connect(m_worker, &QThread::finished, this, [this] {
        m_worker->deleteLater();
        m_worker = nullptr;
        const auto deliver = std::exchange(m_deliver, {});
        if (deliver)
            deliver();
    });
    m_worker->start();
    return true;
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
        auto db =
            Database::open(spec, Database::Options{.migrate = false, .createIfMissing = false});
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
        auto db =
            Database::open(spec, Database::Options{.migrate = false, .createIfMissing = false});
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
