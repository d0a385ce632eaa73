#include "pairminer.h"

#include "countmap.h"

#include <algorithm>
#include <cmath>

namespace md {

namespace {

// Up to 16 M counters (64 MB) the pairs of the frequent products sit in a dense triangle; above
// that (more than about 5,700 frequent products) in a hash map of the pairs that occur.
constexpr quint64 kDenseCells = quint64(16) << 20;
constexpr qint64 kProgressEvery = 4096;

void sortUnique(std::vector<qint64> &items)
{
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
}

// Reports progress over the passes: pass `index` of `passes` covers its share of 0..100.
class PassProgress
{
public:
    PassProgress(const PairMiner::Progress &progress, qint64 expected)
        : m_progress(progress)
        , m_expected(expected)
    {}

    void startPass(int from, int to, const QString &stage)
    {
        m_from = from;
        m_to = to;
        m_stage = stage;
        m_seen = 0;
        report();
    }
    // False when the owner cancelled.
    bool step()
    {
        if (++m_seen % kProgressEvery != 0)
            return !m_cancelled;
        return report();
    }
    bool report()
    {
        if (!m_progress || m_cancelled)
            return !m_cancelled;
        int percent = m_from;
        if (m_expected > 0)
            percent += int((m_to - m_from) * std::min<qint64>(m_seen, m_expected) / m_expected);
        if (!m_progress(percent, m_stage))
            m_cancelled = true;
        return !m_cancelled;
    }
    // Reports `seen` of the expected count at once (progress of a source's load).
    bool reportAt(qint64 seen)
    {
        m_seen = seen;
        return report();
    }
    bool cancelled() const { return m_cancelled; }
    void setExpected(qint64 expected) { m_expected = expected; }

private:
    const PairMiner::Progress &m_progress;
    qint64 m_expected;
    qint64 m_seen = 0;
    int m_from = 0;
    int m_to = 100;
    QString m_stage;
    bool m_cancelled = false;
};

// The frequent products of pass one, numbered 0..n-1 in id order.
struct FrequentItems
{
    std::vector<qint64> ids;    // compact index → product id
    std::vector<quint32> count; // compact index → baskets holding it
    CountMap index;             // product id → compact index + 1

    void build(const CountMap &counts, qint64 minCount)
    {
        counts.forEach([&](quint64 id, quint32 n) {
            if (qint64(n) >= minCount)
                ids.push_back(qint64(id));
        });
        std::sort(ids.begin(), ids.end());
        index = CountMap(ids.size());
        count.reserve(ids.size());
        for (size_t i = 0; i < ids.size(); ++i) {
            index.add(quint64(ids[i]), quint32(i + 1));
            count.push_back(counts.value(quint64(ids[i])));
        }
    }
    // The compact indices of the frequent products of `basket`, sorted, each once.
    void compact(std::span<const qint64> basket, std::vector<qint64> &out) const
    {
        out.clear();
        for (qint64 id : basket) {
            if (const quint32 i = index.value(quint64(id)))
                out.push_back(qint64(i - 1));
        }
        sortUnique(out);
    }
};

// Counts of the pairs i < j of n frequent products.
class PairCounts
{
public:
    explicit PairCounts(quint64 n)
        : m_n(n)
    {
        const quint64 cells = n < 2 ? 0 : n * (n - 1) / 2;
        if (cells <= kDenseCells)
            m_dense.assign(size_t(cells), 0);
        else
            m_sparse.emplace(size_t(1) << 20);
    }
    void add(quint64 i, quint64 j)
    {
        if (m_sparse)
            m_sparse->add((i << 32) | j);
        else
            ++m_dense[cell(i, j)];
    }
    quint32 value(quint64 i, quint64 j) const
    {
        return m_sparse ? m_sparse->value((i << 32) | j) : m_dense[cell(i, j)];
    }
    template<typename F> void forEach(F &&f) const
    {
        if (m_sparse) {
            m_sparse->forEach([&](quint64 key, quint32 n) { f(key >> 32, key & 0xffffffffu, n); });
            return;
        }
        size_t k = 0;
        for (quint64 i = 0; i + 1 < m_n; ++i) {
            for (quint64 j = i + 1; j < m_n; ++j, ++k) {
                if (m_dense[k])
                    f(i, j, m_dense[k]);
            }
        }
    }

private:
    size_t cell(quint64 i, quint64 j) const
    {
        return size_t(i * (2 * m_n - i - 1) / 2 + (j - i - 1));
    }

    quint64 m_n;
    std::vector<quint32> m_dense;
    std::optional<CountMap> m_sparse;
};

bool ruleOrder(const PairRule &a, const PairRule &b)
{
    if (a.lift != b.lift)
        return a.lift > b.lift;
    if (a.count != b.count)
        return a.count > b.count;
    if (a.antecedent != b.antecedent)
        return a.antecedent < b.antecedent;
    return a.consequent < b.consequent;
}

// Appends the rule a → b when it passes the thresholds.
void addRule(std::vector<PairRule> &rules, const MiningParameters &parameters, qint64 baskets,
             qint64 a, qint64 aCount, qint64 b, qint64 bCount, qint64 count)
{
    PairRule rule;
    rule.antecedent = a;
    rule.consequent = b;
    rule.count = count;
    rule.support = double(count) / double(baskets);
    rule.confidence = double(count) / double(aCount);
    rule.lift = (double(count) * double(baskets)) / (double(aCount) * double(bCount));
    if (rule.confidence >= parameters.minConfidence && rule.lift >= parameters.minLift)
        rules.push_back(rule);
}

} // namespace

qint64 MiningParameters::minCount(qint64 baskets) const
{
    if (minSupport >= 1)
        return qint64(std::ceil(minSupport));
    // count / baskets >= minSupport; the epsilon keeps 0.3 * 10 from becoming 4.
    const qint64 count = qint64(std::ceil(minSupport * double(baskets) - 1e-9));
    return std::max<qint64>(1, count);
}

Status MiningParameters::validate() const
{
    if (!(minSupport > 0) || !std::isfinite(minSupport))
        return fail(tr("The minimum support must be above 0 (a share below 1, such as 0.01, or a "
                       "number of orders, such as 20); it is %1.")
                        .arg(minSupport));
    if (minSupport >= 1 && minSupport != std::floor(minSupport))
        return fail(tr("A minimum support of 1 or more is a number of orders and must be whole; "
                       "it is %1.")
                        .arg(minSupport));
    if (!(minConfidence >= 0 && minConfidence <= 1))
        return fail(
            tr("The minimum confidence must be between 0 and 1; it is %1.").arg(minConfidence));
    if (!(minLift >= 0) || !std::isfinite(minLift))
        return fail(tr("The minimum lift must be 0 or more; it is %1.").arg(minLift));
    return {};
}

QString PairMiner::cancelled()
{
    return tr("Mining was cancelled.");
}

Result<MiningResult> PairMiner::mine(BasketSource &source, const MiningParameters &parameters,
                                     const Progress &progress)
{
    if (auto valid = parameters.validate(); !valid)
        return fail(valid.error());
    PassProgress passes(progress, 0);
    const int pairsEnd = parameters.bundles ? 70 : 100;
    MiningResult result;
    std::vector<qint64> items;

    // A source that keeps its baskets in memory reads them here, once, for all passes.
    passes.startPass(0, 40, tr("Reading the orders"));
    auto loaded = source.load([&](qint64 done, qint64 total) {
        passes.setExpected(total);
        return passes.reportAt(done);
    });
    if (!loaded)
        return fail(loaded.error());
    if (passes.cancelled())
        return fail(cancelled());
    passes.setExpected(source.expectedBaskets());

    // Pass one: in how many baskets each product is.
    CountMap itemCounts(1 << 14);
    passes.startPass(40, 55, tr("Counting products"));
    auto scanned = source.scan([&](std::span<const qint64> basket) {
        items.assign(basket.begin(), basket.end());
        sortUnique(items);
        if (items.empty())
            return passes.step();
        ++result.baskets;
        for (qint64 id : items)
            itemCounts.add(quint64(id));
        return passes.step();
    });
    if (!scanned)
        return fail(scanned.error());
    if (passes.cancelled())
        return fail(cancelled());
    passes.setExpected(result.baskets);
    result.minCount = parameters.minCount(result.baskets);

    FrequentItems frequent;
    frequent.build(itemCounts, result.minCount);
    itemCounts = CountMap(16);
    const quint64 n = frequent.ids.size();
    result.frequentItems = qint64(n);
    if (n < 2) {
        passes.startPass(100, 100, tr("Done"));
        return result;
    }

    // Pass two: pairs of frequent products.
    PairCounts pairs(n);
    std::vector<qint64> compact;
    passes.startPass(55, pairsEnd, tr("Counting pairs"));
    scanned = source.scan([&](std::span<const qint64> basket) {
        frequent.compact(basket, compact);
        const size_t size = compact.size();
        for (size_t x = 0; x + 1 < size; ++x) {
            for (size_t y = x + 1; y < size; ++y)
                pairs.add(quint64(compact[x]), quint64(compact[y]));
        }
        return passes.step();
    });
    if (!scanned)
        return fail(scanned.error());
    if (passes.cancelled())
        return fail(cancelled());

    pairs.forEach([&](quint64 i, quint64 j, quint32 count) {
        if (qint64(count) < result.minCount)
            return;
        const qint64 a = frequent.ids[i];
        const qint64 b = frequent.ids[j];
        addRule(result.rules, parameters, result.baskets, a, frequent.count[i], b,
                frequent.count[j], count);
        addRule(result.rules, parameters, result.baskets, b, frequent.count[j], a,
                frequent.count[i], count);
    });
    std::sort(result.rules.begin(), result.rules.end(), ruleOrder);

    if (!parameters.bundles) {
        passes.startPass(100, 100, tr("Done"));
        return result;
    }
    if (n >= (quint64(1) << 21))
        return fail(tr("Too many frequent products (%1) to count bundles of three; raise the "
                       "minimum support.")
                        .arg(n));

    // Pass three: triples whose three pairs are all frequent (any sub-pair of a frequent triple
    // is at least as frequent, so no frequent triple is missed).
    const auto frequentPair = [&](qint64 i, qint64 j) {
        return qint64(pairs.value(quint64(i), quint64(j))) >= result.minCount;
    };
    CountMap triples(1 << 12);
    std::vector<qint64> linked;
    passes.startPass(pairsEnd, 100, tr("Counting bundles"));
    scanned = source.scan([&](std::span<const qint64> basket) {
        frequent.compact(basket, compact);
        const size_t size = compact.size();
        for (size_t x = 0; x + 2 < size; ++x) {
            linked.clear();
            for (size_t y = x + 1; y < size; ++y) {
                if (frequentPair(compact[x], compact[y]))
                    linked.push_back(compact[y]);
            }
            for (size_t y = 0; y + 1 < linked.size(); ++y) {
                for (size_t z = y + 1; z < linked.size(); ++z) {
                    if (frequentPair(linked[y], linked[z])) {
                        triples.add((quint64(compact[x]) << 42) | (quint64(linked[y]) << 21)
                                    | quint64(linked[z]));
                    }
                }
            }
        }
        return passes.step();
    });
    if (!scanned)
        return fail(scanned.error());
    if (passes.cancelled())
        return fail(cancelled());
    constexpr quint64 kMask = (quint64(1) << 21) - 1;
    triples.forEach([&](quint64 key, quint32 count) {
        if (qint64(count) < result.minCount)
            return;
        Bundle bundle;
        bundle.a = frequent.ids[key >> 42];
        bundle.b = frequent.ids[(key >> 21) & kMask];
        bundle.c = frequent.ids[key & kMask];
        bundle.count = count;
        bundle.support = double(count) / double(result.baskets);
        result.bundles.push_back(bundle);
    });
    std::sort(result.bundles.begin(), result.bundles.end(), [](const Bundle &l, const Bundle &r) {
        if (l.count != r.count)
            return l.count > r.count;
        return std::tie(l.a, l.b, l.c) < std::tie(r.a, r.b, r.c);
    });
    passes.startPass(100, 100, tr("Done"));
    return result;
}

Result<MiningResult> PairMiner::mineViewed(SessionSource &source,
                                           const MiningParameters &parameters,
                                           const Progress &progress)
{
    if (auto valid = parameters.validate(); !valid)
        return fail(valid.error());
    PassProgress passes(progress, source.expectedSessions());
    MiningResult result;
    std::vector<qint64> viewed;
    std::vector<qint64> bought;

    CountMap viewCounts(1 << 12);
    CountMap buyCounts(1 << 12);
    passes.startPass(0, 50, tr("Counting views"));
    auto scanned = source.scan([&](std::span<const qint64> v, std::span<const qint64> b) {
        viewed.assign(v.begin(), v.end());
        sortUnique(viewed);
        if (viewed.empty())
            return passes.step();
        bought.assign(b.begin(), b.end());
        sortUnique(bought);
        ++result.baskets;
        for (qint64 id : viewed)
            viewCounts.add(quint64(id));
        for (qint64 id : bought)
            buyCounts.add(quint64(id));
        return passes.step();
    });
    if (!scanned)
        return fail(scanned.error());
    if (passes.cancelled())
        return fail(cancelled());
    passes.setExpected(result.baskets);
    result.minCount = parameters.minCount(result.baskets);

    FrequentItems views;
    views.build(viewCounts, result.minCount);
    FrequentItems buys;
    buys.build(buyCounts, result.minCount);
    result.frequentItems = qint64(views.ids.size());
    if (views.ids.empty() || buys.ids.empty()) {
        passes.startPass(100, 100, tr("Done"));
        return result;
    }

    CountMap pairs(1 << 12);
    passes.startPass(50, 100, tr("Counting views before purchases"));
    scanned = source.scan([&](std::span<const qint64> v, std::span<const qint64> b) {
        views.compact(v, viewed);
        buys.compact(b, bought);
        for (qint64 i : viewed) {
            for (qint64 j : bought) {
                if (views.ids[size_t(i)] != buys.ids[size_t(j)])
                    pairs.add((quint64(i) << 32) | quint64(j));
            }
        }
        return passes.step();
    });
    if (!scanned)
        return fail(scanned.error());
    if (passes.cancelled())
        return fail(cancelled());
    pairs.forEach([&](quint64 key, quint32 count) {
        if (qint64(count) < result.minCount)
            return;
        const size_t i = size_t(key >> 32);
        const size_t j = size_t(key & 0xffffffffu);
        addRule(result.rules, parameters, result.baskets, views.ids[i], views.count[i], buys.ids[j],
                buys.count[j], count);
    });
    std::sort(result.rules.begin(), result.rules.end(), ruleOrder);
    passes.startPass(100, 100, tr("Done"));
    return result;
}

} // namespace md
