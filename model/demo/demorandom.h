#pragma once

// The demo shop's own random numbers: xoshiro256** seeded through splitmix64, with every
// distribution written here, so a seed gives the same shop with any compiler or standard library.

#include <QtGlobal>

namespace md {

class DemoRandom
{
public:
    // One independent stream per entity: (seed, stream, index) always yields the same numbers,
    // so any table can be regenerated without replaying the others.
    DemoRandom(quint64 seed, quint64 stream, quint64 index = 0);

    quint64 next();
    // Uniform in [0, 1), 53 random bits.
    double uniform();
    // Uniform integer in [0, n); n must be positive.
    qint64 below(qint64 n);
    // Uniform integer in [low, high], both included.
    qint64 between(qint64 low, qint64 high);
    bool chance(double probability);
    // Standard normal (Box-Muller).
    double normal();
    // Log-normal with the given median and shape.
    double logNormal(double median, double sigma);
    // Pareto with minimum 1 and tail index alpha, capped so one draw cannot dominate a total.
    double pareto(double alpha, double cap);
    // Index into weights, with probability proportional to each weight.
    template<int N> int pick(const double (&weights)[N])
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double u = uniform() * total;
        for (int i = 0; i < N; ++i) {
            if (u < weights[i])
                return i;
            u -= weights[i];
        }
        return N - 1;
    }

    static quint64 splitmix(quint64 &state);

private:
    quint64 m_s[4];
};

} // namespace md
