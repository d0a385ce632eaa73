#pragma once

// One cross-sell run on a database: mines the completed orders (and the view sessions), then
// stores the run with its parameters and results. Used by the command line and the page's worker.

#include "crosssellstore.h"
#include "pairminer.h"

namespace md {

struct MinedRun
{
    CrossSellRun run;
    MiningResult bought;
    std::optional<MiningResult> viewed;
};

class CrossSellService
{
    Q_DECLARE_TR_FUNCTIONS(md::CrossSellService)

public:
    // Mines and stores; the result's run.id is the stored run.
    static Result<MinedRun> run(const Database &db, const MiningParameters &parameters,
                                CrossSellSource source, const PairMiner::Progress &progress = {});
};

} // namespace md
