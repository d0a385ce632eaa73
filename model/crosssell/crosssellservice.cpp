#include "crosssellservice.h"

#include <QDateTime>

namespace md {

Result<MinedRun> CrossSellService::run(const Database &db, const MiningParameters &parameters,
                                       CrossSellSource source, const PairMiner::Progress &progress)
{
    MinedRun mined;
    mined.run.source = source;
    mined.run.parameters = parameters;
    mined.run.startedAt = QDateTime::currentSecsSinceEpoch();
    const int boughtEnd = parameters.viewed ? 80 : 100;
    const auto scaled = [&](int from, int to) -> PairMiner::Progress {
        if (!progress)
            return {};
        return [&progress, from, to](int percent, const QString &stage) {
            return progress(from + (to - from) * percent / 100, stage);
        };
    };

    OrderBasketSource orders(db, parameters.sinceAt);
    auto bought = PairMiner::mine(orders, parameters, scaled(0, boughtEnd));
    if (!bought)
        return fail(bought.error());
    mined.bought = std::move(*bought);
    if (parameters.viewed) {
        ViewSessionSource sessions(db, parameters.sinceAt);
        auto viewed = PairMiner::mineViewed(sessions, parameters, scaled(boughtEnd, 100));
        if (!viewed)
            return fail(viewed.error());
        mined.viewed = std::move(*viewed);
    }
    mined.run.finishedAt = QDateTime::currentSecsSinceEpoch();
    mined.run.baskets = mined.bought.baskets;
    mined.run.minCount = mined.bought.minCount;
    auto id = CrossSellStore::save(db, mined.run, mined.bought,
                                   mined.viewed ? &*mined.viewed : nullptr);
    if (!id)
        return fail(id.error());
    mined.run.id = *id;
    mined.run.ruleCount = qint64(mined.bought.rules.size())
                          + (mined.viewed ? qint64(mined.viewed->rules.size()) : 0);
    mined.run.bundleCount = qint64(mined.bought.bundles.size());
    return mined;
}

} // namespace md
