#include "boxcomposer.h"

#include <algorithm>
#include <numeric>

namespace md {

namespace {

// SplitMix64: a small, fully specified generator, so a seed gives the same boxes with every
// compiler and standard library (std::shuffle's algorithm is not specified).
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// The products of one kind still in stock, in a seeded order. A subscriber starts at a seeded
// position and walks forward; a product whose stock runs out is dropped by moving the last one
// into its place, which keeps every step O(1) and the order deterministic.
class Pool
{
public:
    Pool(const std::vector<BoxProduct> &products, bool exclusive, quint64 seed)
    {
        for (int i = 0; i < int(products.size()); ++i) {
            if (products[size_t(i)].exclusive == exclusive && products[size_t(i)].stock > 0)
                m_live.push_back(i);
        }
        quint64 state = seed ^ (exclusive ? 0x5851f42d4c957f2dULL : 0x14057b7ef767814fULL);
        for (int i = int(m_live.size()) - 1; i > 0; --i) {
            state = mix(state);
            std::swap(m_live[size_t(i)], m_live[size_t(state % quint64(i + 1))]);
        }
        m_position.assign(products.size(), -1);
        for (int i = 0; i < int(m_live.size()); ++i)
            m_position[size_t(m_live[size_t(i)])] = i;
    }

    int size() const { return int(m_live.size()); }
    int at(int position) const { return m_live[size_t(position)]; }

    void remove(int product)
    {
        const int position = m_position[size_t(product)];
        const int moved = m_live.back();
        m_live[size_t(position)] = moved;
        m_position[size_t(moved)] = position;
        m_live.pop_back();
        m_position[size_t(product)] = -1;
    }

private:
    std::vector<int> m_live;     // indices into the products
    std::vector<int> m_position; // product index -> its slot in m_live, -1 when gone
};

bool contains(const std::vector<qint64> &sorted, qint64 id)
{
    return std::binary_search(sorted.begin(), sorted.end(), id);
}

// Picks up to `wanted` products from the pool for one subscriber; returns the positions.
std::vector<int> pick(const Pool &pool, const std::vector<BoxProduct> &products,
                      const std::vector<qint64> &recent, int wanted, quint64 start, int *eligible)
{
    std::vector<int> chosen;
    *eligible = 0;
    const int size = pool.size();
    if (size == 0 || wanted <= 0)
        return chosen;
    const int first = int(start % quint64(size));
    for (int step = 0; step < size && int(chosen.size()) < wanted; ++step) {
        const int position = (first + step) % size;
        if (contains(recent, products[size_t(pool.at(position))].id))
            continue;
        chosen.push_back(position);
    }
    *eligible = int(chosen.size());
    return chosen;
}

} // namespace

BoxComposition BoxComposer::compose(const std::vector<BoxProduct> &products,
                                    const std::vector<BoxSubscriber> &subscribers, quint64 seed)
{
    BoxComposition out;
    std::vector<qint64> stock(products.size());
    for (size_t i = 0; i < products.size(); ++i)
        stock[i] = products[i].stock;
    Pool exclusive(products, true, seed);
    Pool regular(products, false, mix(seed));

    out.order.resize(subscribers.size());
    std::iota(out.order.begin(), out.order.end(), 0);
    std::stable_sort(out.order.begin(), out.order.end(), [&subscribers](int a, int b) {
        const BoxSubscriber &x = subscribers[size_t(a)];
        const BoxSubscriber &y = subscribers[size_t(b)];
        if (x.tierCents != y.tierCents)
            return x.tierCents > y.tierCents;
        if (x.startedAt != y.startedAt)
            return x.startedAt < y.startedAt;
        return x.subscriptionId < y.subscriptionId;
    });
    out.itemStart.push_back(0);
    out.boxSubscriber.reserve(subscribers.size());

    std::vector<qint64> recent;
    for (int index : out.order) {
        const BoxSubscriber &s = subscribers[size_t(index)];
        const int exclusiveWanted = std::max(0, s.exclusiveCount);
        const int regularWanted = s.itemCount - exclusiveWanted;
        if (s.itemCount <= 0 || regularWanted < 0) {
            out.unfilled.push_back({index, UnfilledReason::BadPlan, s.itemCount, exclusiveWanted});
            continue;
        }
        recent = s.recentProducts;
        std::sort(recent.begin(), recent.end());
        const quint64 start = mix(seed ^ mix(quint64(s.subscriptionId)));
        int eligible = 0;
        const std::vector<int> exclusivePicks
            = pick(exclusive, products, recent, exclusiveWanted, start, &eligible);
        if (int(exclusivePicks.size()) < exclusiveWanted) {
            out.unfilled.push_back(
                {index, UnfilledReason::NotEnoughExclusive, exclusiveWanted, eligible});
            continue;
        }
        const std::vector<int> regularPicks
            = pick(regular, products, recent, regularWanted, mix(start), &eligible);
        if (int(regularPicks.size()) < regularWanted) {
            out.unfilled.push_back(
                {index, UnfilledReason::NotEnoughRegular, regularWanted, eligible});
            continue;
        }

        // The box is complete: reserve its units, then drop what ran out from the pools.
        out.boxSubscriber.push_back(index);
        std::vector<int> emptied;
        for (int kind = 0; kind < 2; ++kind) {
            Pool &pool = kind == 0 ? exclusive : regular;
            const std::vector<int> &picks = kind == 0 ? exclusivePicks : regularPicks;
            emptied.clear();
            for (int position : picks) {
                const int product = pool.at(position);
                out.items.push_back(products[size_t(product)].id);
                out.itemExclusive.push_back(kind == 0);
                if (--stock[size_t(product)] == 0)
                    emptied.push_back(product);
            }
            for (int product : emptied)
                pool.remove(product);
        }
        out.itemStart.push_back(qint64(out.items.size()));
    }
    return out;
}

QString BoxComposer::reasonText(const UnfilledBox &box)
{
    switch (box.reason) {
    case UnfilledReason::NotEnoughExclusive:
        return tr("needs %1 exclusive items but only %2 in stock were not in the subscriber's "
                  "last 3 boxes")
            .arg(box.wanted)
            .arg(box.available);
    case UnfilledReason::NotEnoughRegular:
        return tr("needs %1 regular items but only %2 in stock were not in the subscriber's "
                  "last 3 boxes")
            .arg(box.wanted)
            .arg(box.available);
    case UnfilledReason::BadPlan:
        return tr("the plan asks for %1 items of which %2 exclusive; fix the plan's features")
            .arg(box.wanted)
            .arg(box.available);
    }
    return {};
}

} // namespace md
