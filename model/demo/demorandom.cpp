#include "demorandom.h"

#include <cmath>

namespace md {

namespace {

constexpr quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

quint64 DemoRandom::splitmix(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

DemoRandom::DemoRandom(quint64 seed, quint64 stream, quint64 index)
{
    // Hash the three parts one after the other: neighbouring indexes of one stream and equal
    // indexes of neighbouring streams must not give correlated sequences.
    quint64 state = seed;
    quint64 mixed = splitmix(state);
    state = mixed ^ (stream * 0xd1b54a32d192ed03ULL);
    mixed = splitmix(state);
    state = mixed ^ (index * 0xaef17502108ef2d9ULL);
    for (quint64 &word : m_s)
        word = splitmix(state);
}

quint64 DemoRandom::next()
{
    const quint64 result = rotl(m_s[1] * 5, 7) * 9;
    const quint64 t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double DemoRandom::uniform()
{
    return double(next() >> 11) * 0x1.0p-53;
}

qint64 DemoRandom::below(qint64 n)
{
    if (n <= 1)
        return 0;
    const qint64 value = qint64(uniform() * double(n));
    return value < n ? value : n - 1;
}

qint64 DemoRandom::between(qint64 low, qint64 high)
{
    return low + below(high - low + 1);
}

bool DemoRandom::chance(double probability)
{
    return uniform() < probability;
}

double DemoRandom::normal()
{
    // 1 - uniform() is in (0, 1], so the logarithm is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

double DemoRandom::logNormal(double median, double sigma)
{
    return median * std::exp(sigma * normal());
}

double DemoRandom::pareto(double alpha, double cap)
{
    const double value = std::pow(1.0 - uniform(), -1.0 / alpha);
    return value < cap ? value : cap;
}

} // namespace md
