// Box composition benchmark: composes one cycle for N subscribers from P products with the pure
// engine (the same call the CLI and the window make after loading), one run per process, and
// prints compose_ms, a reference in the same run (ref_sort_ms: sorting the subscribers by
// priority alone, the one step every composition must do) with their ratio, and the process's
// peak resident memory (and the peak before composing: the generated inputs alone). Inputs are
// generated deterministically: three tiers (4 items; 6 with 1 exclusive; 8 with 3 exclusive) in the
// demo shop's 55/30/15 mix, 10 % exclusive products, stock of about 95 % of the units the boxes ask
// for, spread unevenly (so some boxes cannot be filled and priority matters), and each subscriber's
// last 3 boxes (random products).
//
//   boxes_compose SUBSCRIBERS PRODUCTS [SEED]

#include "subscriptions/boxcomposer.h"

#include <QElapsedTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>

using namespace md;

namespace {

quint64 next(quint64 &state)
{
    state += 0x9e3779b97f4a7c15ULL;
    quint64 x = state;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: boxes_compose SUBSCRIBERS PRODUCTS [SEED]\n");
        return 1;
    }
    const int subscribers = std::atoi(argv[1]);
    const int productCount = std::atoi(argv[2]);
    const quint64 seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
    quint64 state = seed;

    std::vector<BoxSubscriber> subs(static_cast<size_t>(subscribers));
    qint64 regularUnits = 0;
    qint64 exclusiveUnits = 0;
    for (int i = 0; i < subscribers; ++i) {
        BoxSubscriber &s = subs[size_t(i)];
        s.subscriptionId = i + 1;
        const int roll = int(next(state) % 100);
        const int tier = roll < 55 ? 0 : roll < 85 ? 1 : 2;
        s.tierCents = (tier == 0 ? 2999 : tier == 1 ? 5999 : 9999);
        s.itemCount = 4 + 2 * tier;
        s.exclusiveCount = tier == 0 ? 0 : tier == 1 ? 1 : 3;
        s.startedAt = 1600000000 + qint64(next(state) % 100000000);
        regularUnits += s.itemCount - s.exclusiveCount;
        exclusiveUnits += s.exclusiveCount;
        s.recentProducts.reserve(size_t(3 * s.itemCount));
        for (int r = 0; r < 3 * s.itemCount; ++r)
            s.recentProducts.push_back(1 + qint64(next(state) % quint64(productCount)));
    }
    const int exclusiveProducts = std::max(1, productCount / 10);
    const int regularProducts = productCount - exclusiveProducts;
    std::vector<BoxProduct> products(static_cast<size_t>(productCount));
    for (int p = 0; p < productCount; ++p) {
        const bool exclusive = p >= regularProducts;
        // 95 % of the units the boxes need, spread unevenly over the products.
        const qint64 need = exclusive ? exclusiveUnits * 95 / 100 / exclusiveProducts
                                      : regularUnits * 95 / 100 / regularProducts;
        products[size_t(p)]
            = {p + 1, std::max<qint64>(0, need / 2 + qint64(next(state) % quint64(need + 1))),
               exclusive};
    }

    QElapsedTimer timer;
    timer.start();
    std::vector<int> order(subs.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&subs](int a, int b) {
        if (subs[size_t(a)].tierCents != subs[size_t(b)].tierCents)
            return subs[size_t(a)].tierCents > subs[size_t(b)].tierCents;
        return subs[size_t(a)].startedAt < subs[size_t(b)].startedAt;
    });
    const double refMs = double(timer.nsecsElapsed()) / 1e6;

    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    timer.restart();
    const BoxComposition c = BoxComposer::compose(products, subs, seed);
    const double composeMs = double(timer.nsecsElapsed()) / 1e6;

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("subscribers=%d products=%d boxes=%d unfilled=%zu items=%zu compose_ms=%.1f "
                "ref_sort_ms=%.1f ratio=%.2f inputs_rss_mb=%.1f peak_rss_mb=%.1f\n",
                subscribers, productCount, c.boxCount(), c.unfilled.size(), c.items.size(),
                composeMs, refMs, composeMs / std::max(refMs, 0.001),
                double(before.ru_maxrss) / 1024.0, double(usage.ru_maxrss) / 1024.0);
    return 0;
}
