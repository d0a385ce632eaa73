#pragma once

// Exact pair rules and bundles of three from baskets. Pass one counts each product's baskets;
// pass two counts pairs only among products that reach the support threshold (a pair can never
// be more frequent than either of its products), in a dense triangular array when those are few
// and in a CountMap otherwise; pass three (bundles) counts only triples whose three pairs are
// frequent. Memory follows the number of frequent products and pairs, not the size of a basket
// or the number of orders. No I/O: the baskets come from a BasketSource.

#include "crosssellrecords.h"

#include <QCoreApplication>

namespace md {

class PairMiner
{
    Q_DECLARE_TR_FUNCTIONS(md::PairMiner)

public:
    // percent 0..100 and a short stage name; return false to cancel (the result is cancelled()).
    using Progress = std::function<bool(int percent, const QString &stage)>;

    static Result<MiningResult> mine(BasketSource &source, const MiningParameters &parameters,
                                     const Progress &progress = {});
    // "Viewed A, bought B": the session is the basket, A from its views and B from its
    // purchases (A != B). Support, confidence and lift as for bought rules, over sessions.
    static Result<MiningResult> mineViewed(SessionSource &source,
                                           const MiningParameters &parameters,
                                           const Progress &progress = {});
    static QString cancelled();
};

} // namespace md
