// The pair miner against a brute-force count of every pair and triple, on random baskets (some
// with hundreds of items, some shops with so many products that the pair counts leave the dense
// array), plus the edge cases: no baskets, one-item baskets, a product in every basket, cancel.
// And the recommender: cart exclusion, stock, the best rule per product, the limit.

#include "crosssell/pairminer.h"
#include "crosssell/recommender.h"
#include "testdb.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

using namespace md;

namespace {

using Baskets = std::vector<std::vector<qint64>>;

struct Brute
{
    qint64 baskets = 0;
    std::map<qint64, qint64> items;
    std::map<std::pair<qint64, qint64>, qint64> pairs;
    std::map<std::tuple<qint64, qint64, qint64>, qint64> triples;
};

Brute bruteForce(const Baskets &baskets, bool triples)
{
    Brute brute;
    for (const auto &raw : baskets) {
        const std::set<qint64> basket(raw.begin(), raw.end());
        if (basket.empty())
            continue;
        ++brute.baskets;
        const std::vector<qint64> items(basket.begin(), basket.end());
        for (size_t i = 0; i < items.size(); ++i) {
            ++brute.items[items[i]];
            for (size_t j = i + 1; j < items.size(); ++j) {
                ++brute.pairs[{items[i], items[j]}];
                if (!triples)
                    continue;
                for (size_t k = j + 1; k < items.size(); ++k)
                    ++brute.triples[{items[i], items[j], items[k]}];
            }
        }
    }
    return brute;
}

Baskets randomBaskets(quint32 seed, int count, int products, int maxSize, int huge, int hugeSize,
                      bool uniform = false)
{
    QRandomGenerator random(seed);
    Baskets baskets;
    for (int b = 0; b < count; ++b) {
        const int size = b < huge ? hugeSize : 1 + int(random.bounded(maxSize));
        std::vector<qint64> basket;
        for (int i = 0; i < size; ++i) {
            // Skewed: low ids are popular, so there are frequent pairs to find.
            const double u = random.generateDouble();
            basket.push_back(1 + qint64((uniform ? u : u * u) * products));
        }
        if (b % 7 == 0 && !basket.empty())
            basket.push_back(basket.front()); // the same product on two lines
        baskets.push_back(std::move(basket));
    }
    return baskets;
}

MiningParameters parameters(double support, double confidence, double lift, bool bundles = true)
{
    MiningParameters p;
    p.minSupport = support;
    p.minConfidence = confidence;
    p.minLift = lift;
    p.bundles = bundles;
    p.viewed = false;
    return p;
}

} // namespace

class tst_CrossSellMiner : public QObject
{
    Q_OBJECT

private slots:
    void againstBruteForce_data();
    void againstBruteForce();
    void minCount_data();
    void minCount();
    void rejectsBadParameters();
    void emptyAndSingleItemBaskets();
    void productInEveryBasketHasLiftOne();
    void cancel();
    void viewedThenBought();
    void recommendations();
};

void tst_CrossSellMiner::againstBruteForce_data()
{
    QTest::addColumn<Baskets>("baskets");
    QTest::addColumn<double>("support");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<double>("lift");
    QTest::addColumn<bool>("bundles");

    QTest::newRow("small baskets, share, no other threshold")
        << randomBaskets(1, 2000, 60, 6, 0, 0) << 0.01 << 0.0 << 0.0 << true;
    QTest::newRow("small baskets, absolute count, confidence and lift")
        << randomBaskets(2, 3000, 80, 8, 0, 0) << 15.0 << 0.2 << 1.2 << true;
    QTest::newRow("hundreds of items in some baskets")
        << randomBaskets(3, 1500, 400, 5, 4, 300) << 6.0 << 0.0 << 0.0 << true;
    QTest::newRow("every pair counts (support 1 order)")
        << randomBaskets(4, 300, 40, 5, 0, 0) << 1.0 << 0.0 << 0.0 << true;
    QTest::newRow("7000 products: pair counts in the hash map")
        << randomBaskets(5, 20000, 7000, 4, 0, 0, true) << 1.0 << 0.0 << 0.0 << false;
}

void tst_CrossSellMiner::againstBruteForce()
{
    QFETCH(Baskets, baskets);
    QFETCH(double, support);
    QFETCH(double, confidence);
    QFETCH(double, lift);
    QFETCH(bool, bundles);

    const MiningParameters p = parameters(support, confidence, lift, bundles);
    VectorBasketSource source(baskets);
    auto result = PairMiner::mine(source, p);
    MD_VERIFY(result);
    const Brute brute = bruteForce(baskets, bundles);
    QCOMPARE(result->baskets, brute.baskets);
    const qint64 minCount = p.minCount(brute.baskets);
    QCOMPARE(result->minCount, minCount);
    if (QByteArray(QTest::currentDataTag()).contains("hash map")) // past the dense triangle
        QVERIFY(quint64(result->frequentItems) * (result->frequentItems - 1) / 2 > (16u << 20));

    // Every rule the brute force finds, with the same numbers, and no other.
    std::map<std::pair<qint64, qint64>, PairRule> expected;
    for (const auto &[pair, count] : brute.pairs) {
        if (count < minCount)
            continue;
        const auto [x, y] = pair;
        for (const auto &[a, b] : {std::pair{x, y}, std::pair{y, x}}) {
            const double n = double(brute.baskets);
            const double conf = double(count) / double(brute.items.at(a));
            const double l = conf / (double(brute.items.at(b)) / n);
            if (conf >= confidence && l >= lift - 1e-12)
                expected[{a, b}] = PairRule{a, b, count, count / n, conf, l};
        }
    }
    QVERIFY(!expected.empty());
    QCOMPARE(qint64(result->rules.size()), qint64(expected.size()));
    for (size_t i = 0; i < result->rules.size(); ++i) {
        const PairRule &rule = result->rules[i];
        const auto it = expected.find({rule.antecedent, rule.consequent});
        QVERIFY2(it != expected.end(), qPrintable(QStringLiteral("unexpected rule %1 -> %2")
                                                      .arg(rule.antecedent)
                                                      .arg(rule.consequent)));
        QCOMPARE(rule.count, it->second.count);
        QVERIFY(qAbs(rule.support - it->second.support) < 1e-12);
        QVERIFY(qAbs(rule.confidence - it->second.confidence) < 1e-12);
        QVERIFY(qAbs(rule.lift - it->second.lift) < 1e-9);
        if (i > 0) // sorted by lift, descending
            QVERIFY(result->rules[i - 1].lift >= rule.lift);
    }

    if (!bundles) {
        QVERIFY(result->bundles.empty());
        return;
    }
    std::map<std::tuple<qint64, qint64, qint64>, qint64> triples;
    for (const auto &[triple, count] : brute.triples) {
        if (count >= minCount)
            triples[triple] = count;
    }
    QCOMPARE(qint64(result->bundles.size()), qint64(triples.size()));
    for (const Bundle &bundle : result->bundles) {
        const auto it = triples.find({bundle.a, bundle.b, bundle.c});
        QVERIFY(it != triples.end());
        QCOMPARE(bundle.count, it->second);
        QCOMPARE(bundle.support, double(it->second) / double(brute.baskets));
    }
}

void tst_CrossSellMiner::minCount_data()
{
    QTest::addColumn<double>("support");
    QTest::addColumn<qint64>("baskets");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("share rounds up") << 0.01 << qint64(9835) << qint64(99);
    QTest::newRow("exact share is not rounded past") << 0.3 << qint64(10) << qint64(3);
    QTest::newRow("absolute count") << 20.0 << qint64(5) << qint64(20);
    QTest::newRow("tiny share is at least one order") << 0.0001 << qint64(10) << qint64(1);
}

void tst_CrossSellMiner::minCount()
{
    QFETCH(double, support);
    QFETCH(qint64, baskets);
    QFETCH(qint64, expected);
    QCOMPARE(parameters(support, 0, 0).minCount(baskets), expected);
}

void tst_CrossSellMiner::rejectsBadParameters()
{
    QVERIFY(!parameters(0, 0.1, 1).validate().ok());
    QVERIFY(!parameters(2.5, 0.1, 1).validate().ok());
    QVERIFY(!parameters(0.01, 1.5, 1).validate().ok());
    QVERIFY(!parameters(0.01, 0.1, -1).validate().ok());
    QVERIFY(parameters(0.01, 0.1, 1).validate().ok());
    QVERIFY(parameters(3, 0, 0).validate().ok());
}

void tst_CrossSellMiner::emptyAndSingleItemBaskets()
{
    const Baskets none;
    VectorBasketSource empty(none);
    auto result = PairMiner::mine(empty, parameters(1, 0, 0));
    MD_VERIFY(result);
    QCOMPARE(result->baskets, 0);
    QVERIFY(result->rules.empty());

    const Baskets singles{{}, {5}, {5}, {7}, {5, 5}};
    VectorBasketSource source(singles);
    result = PairMiner::mine(source, parameters(1, 0, 0));
    MD_VERIFY(result);
    QCOMPARE(result->baskets, 4); // the empty basket is no order
    QCOMPARE(result->frequentItems, 2);
    QVERIFY(result->rules.empty());
    QVERIFY(result->bundles.empty());
}

void tst_CrossSellMiner::productInEveryBasketHasLiftOne()
{
    Baskets baskets = randomBaskets(9, 500, 30, 4, 0, 0);
    for (auto &basket : baskets)
        basket.push_back(1000);
    VectorBasketSource source(baskets);
    auto result = PairMiner::mine(source, parameters(1, 0, 0, false));
    MD_VERIFY(result);
    int towards = 0;
    for (const PairRule &rule : result->rules) {
        if (rule.consequent == 1000) {
            ++towards;
            QCOMPARE(rule.lift, 1.0);
            QCOMPARE(rule.confidence, 1.0);
        } else if (rule.antecedent == 1000) {
            QCOMPARE(rule.lift, 1.0);
        }
    }
    QCOMPARE(towards, 30);
}

void tst_CrossSellMiner::cancel()
{
    const Baskets baskets = randomBaskets(10, 20000, 50, 5, 0, 0);
    VectorBasketSource source(baskets);
    int calls = 0;
    auto result = PairMiner::mine(source, parameters(0.01, 0, 0),
                                  [&](int, const QString &) { return ++calls < 3; });
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), PairMiner::cancelled());
}

void tst_CrossSellMiner::viewedThenBought()
{
    // Sessions: (viewed, bought).
    struct Sessions : SessionSource
    {
        std::vector<std::pair<std::vector<qint64>, std::vector<qint64>>> rows;
        Status scan(const Visit &visit) override
        {
            for (const auto &[v, b] : rows) {
                if (!visit(v, b))
                    break;
            }
            return {};
        }
    } sessions;
    sessions.rows = {{{1, 2}, {3}}, {{1}, {3, 1}}, {{1}, {}}, {{2}, {2}}, {{}, {3}}};
    auto result = PairMiner::mineViewed(sessions, parameters(1, 0, 0));
    MD_VERIFY(result);
    QCOMPARE(result->baskets, 4); // a session without views is not one
    // 1 viewed in 3 sessions, 3 bought in 2 of them: 1 → 3 count 2, confidence 2/3,
    // lift (2/3) / (2/4). Buying what one viewed (1 → 1, 2 → 2) is no rule.
    const auto find = [&](qint64 a, qint64 b) -> const PairRule * {
        for (const PairRule &rule : result->rules) {
            if (rule.antecedent == a && rule.consequent == b)
                return &rule;
        }
        return nullptr;
    };
    const PairRule *rule = find(1, 3);
    QVERIFY(rule);
    QCOMPARE(rule->count, 2);
    QCOMPARE(rule->confidence, 2.0 / 3.0);
    QCOMPARE(rule->lift, (2.0 / 3.0) / (2.0 / 4.0));
    QVERIFY(find(2, 3));
    QVERIFY(!find(1, 1));
    QVERIFY(!find(2, 2));
    QVERIFY(!find(3, 1));
    QCOMPARE(qint64(result->rules.size()), 2);
}

void tst_CrossSellMiner::recommendations()
{
    const auto rule = [](qint64 a, qint64 b, double confidence, double lift, qint64 stock) {
        RuleRow row;
        row.rule = PairRule{a, b, 10, 0.1, confidence, lift};
        row.antecedent = {QStringLiteral("P%1").arg(a), QStringLiteral("Product %1").arg(a), 5};
        row.consequent = {QStringLiteral("P%1").arg(b), QStringLiteral("Product %1").arg(b), stock};
        return row;
    };
    std::vector<RuleRow> rules = {
        rule(1, 2, 0.5, 2.0, 3), // score 1.0
        rule(1, 3, 0.9, 3.0, 0), // out of stock
        rule(1, 4, 0.2, 2.0, 1), // 0.4, but 5 → 4 is better
        rule(5, 4, 0.6, 2.5, 1), // 1.5
        rule(1, 5, 0.9, 9.0, 9), // 5 is in the cart
        rule(6, 7, 0.9, 9.0, 9), // 6 is not in the cart
        rule(1, 8, 0.3, 1.0, 2), // 0.3
    };
    RuleRow viewed = rule(1, 9, 1.0, 10.0, 5);
    viewed.kind = RuleRow::Kind::Viewed; // views do not drive cart recommendations
    rules.push_back(viewed);

    auto picks = Recommender::recommend(rules, {1, 5}, 10);
    QCOMPARE(qint64(picks.size()), 3);
    QCOMPARE(picks[0].rule.rule.consequent, 4);
    QCOMPARE(picks[0].rule.rule.antecedent, 5); // the best rule is the reason
    QCOMPARE(picks[0].score, 0.6 * 2.5);
    QCOMPARE(picks[1].rule.rule.consequent, 2);
    QCOMPARE(picks[2].rule.rule.consequent, 8);

    picks = Recommender::recommend(rules, {1, 5}, 2);
    QCOMPARE(qint64(picks.size()), 2);
    QVERIFY(Recommender::recommend(rules, {}, 5).empty());
    // Everything the rules lead to already in the cart: nothing.
    QVERIFY(Recommender::recommend(rules, {6, 7}, 5).empty());
}

QTEST_GUILESS_MAIN(tst_CrossSellMiner)
#include "tst_crosssellminer.moc"
