#pragma once

// Draws an index with probability proportional to a weight in constant time (Vose's alias
// method): millions of order lines pick products from Zipf-shaped popularity this way.

#include <QtGlobal>

#include <vector>

namespace md {

class DemoRandom;

class AliasSampler
{
public:
    AliasSampler() = default;
    explicit AliasSampler(const std::vector<double> &weights);

    int size() const { return int(m_probability.size()); }
    int sample(DemoRandom &random) const;

private:
    std::vector<double> m_probability;
    std::vector<qint32> m_alias;
};

} // namespace md
