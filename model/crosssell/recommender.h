#pragma once

// Recommendations for a cart from mined "bought together" rules. Score = confidence × lift:
// confidence alone favours products everybody buys anyway (bags, milk), lift alone favours rare
// pairs seen a handful of times; their product ranks a consequent that is both likely in this
// cart and much likelier than usual. A product reached from several cart items keeps its best
// rule, which is shown as the reason.

#include "crosssellstore.h"

#include <QSet>

namespace md {

struct Recommendation
{
    RuleRow rule; // the rule that produced it: rule.consequent is the recommended product
    double score = 0;
};

class Recommender
{
public:
    static double score(const PairRule &rule) { return rule.confidence * rule.lift; }

    // Top `limit` products from the "bought" rules whose antecedent is in `cart`; never a product
    // in the cart, never one out of stock (stock 0). Ties by SKU.
    static std::vector<Recommendation> recommend(const std::vector<RuleRow> &rules,
                                                 const QSet<qint64> &cart, int limit);
};

} // namespace md
