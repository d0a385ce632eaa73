#include "recommender.h"

#include <QHash>

#include <algorithm>

namespace md {

std::vector<Recommendation> Recommender::recommend(const std::vector<RuleRow> &rules,
                                                   const QSet<qint64> &cart, int limit)
{
    QHash<qint64, Recommendation> best;
    for (const RuleRow &row : rules) {
        if (row.kind != RuleRow::Kind::Bought || !cart.contains(row.rule.antecedent)
            || cart.contains(row.rule.consequent) || row.consequent.stock <= 0) {
            continue;
        }
        const double value = score(row.rule);
        auto it = best.find(row.rule.consequent);
        if (it == best.end() || value > it->score)
            best.insert(row.rule.consequent, Recommendation{row, value});
    }
    std::vector<Recommendation> out(best.begin(), best.end());
    std::sort(out.begin(), out.end(), [](const Recommendation &a, const Recommendation &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.rule.consequent.sku < b.rule.consequent.sku;
    });
    if (limit >= 0 && out.size() > size_t(limit))
        out.resize(size_t(limit));
    return out;
}

} // namespace md
