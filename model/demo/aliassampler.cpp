#include "aliassampler.h"

#include "demorandom.h"

namespace md {

AliasSampler::AliasSampler(const std::vector<double> &weights)
{
    const int n = int(weights.size());
    m_probability.assign(size_t(n), 1.0);
    m_alias.resize(size_t(n));
    if (n == 0)
        return;
    double total = 0;
    for (double w : weights)
        total += w;
    std::vector<double> scaled(static_cast<size_t>(n));
    std::vector<qint32> small;
    std::vector<qint32> large;
    for (int i = 0; i < n; ++i) {
        m_alias[size_t(i)] = i;
        scaled[size_t(i)] = weights[size_t(i)] * n / total;
        (scaled[size_t(i)] < 1.0 ? small : large).push_back(i);
    }
    while (!small.empty() && !large.empty()) {
        const qint32 less = small.back();
        small.pop_back();
        const qint32 more = large.back();
        m_probability[size_t(less)] = scaled[size_t(less)];
        m_alias[size_t(less)] = more;
        scaled[size_t(more)] = (scaled[size_t(more)] + scaled[size_t(less)]) - 1.0;
        if (scaled[size_t(more)] < 1.0) {
            large.pop_back();
            small.push_back(more);
        }
    }
    // Whatever is left is 1 up to rounding.
    for (qint32 i : small)
        m_probability[size_t(i)] = 1.0;
    for (qint32 i : large)
        m_probability[size_t(i)] = 1.0;
}

int AliasSampler::sample(DemoRandom &random) const
{
    const int column = int(random.below(qint64(m_probability.size())));
    return random.uniform() < m_probability[size_t(column)] ? column : m_alias[size_t(column)];
}

} // namespace md
