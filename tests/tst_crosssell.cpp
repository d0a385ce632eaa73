// Cross-sell on a real database (both backends): the order baskets as the miner reads them
// (completed only, since a date, a product on two lines), view sessions, stored runs and rules,
// recommendations from stored rules (cart and stock), the basket import on the real groceries
// data set against counts made here from the file, the demo shop's planted pairs, the CLI.

#include "clirun.h"
#include "crosssell/basketimporter.h"
#include "crosssell/crosssellservice.h"
#include "crosssell/recommender.h"
#include "db/sql.h"
#include "demo/demoshop.h"
#include "seedproducts.h"
#include "testdb.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <map>
#include <set>
#include <tuple>

using namespace md;

namespace {

const QString kGroceries = QStringLiteral("/work/shared/data/real/groceries.csv");
// The start of a UTC day, so t0 + a few minutes is the same day.
constexpr qint64 kT0 = 1750000000 - 1750000000 % 86400;

MiningParameters everything(double support = 1)
{
    MiningParameters p;
    p.minSupport = support;
    p.minConfidence = 0;
    p.minLift = 0;
    return p;
}

const PairRule *findRule(const std::vector<PairRule> &rules, qint64 a, qint64 b)
{
    for (const PairRule &rule : rules) {
        if (rule.antecedent == a && rule.consequent == b)
            return &rule;
    }
    return nullptr;
}

using test::CliRun;
using test::runCliOn;

// The groceries file counted here, independently of the importer and the miner: name → baskets,
// sorted name pair → baskets, sorted name triple → baskets.
struct GroceryCounts
{
    qint64 baskets = 0;
    std::map<QString, qint64> items;
    std::map<std::pair<QString, QString>, qint64> pairs;
    std::map<std::tuple<QString, QString, QString>, qint64> triples;
};

GroceryCounts countGroceries()
{
    GroceryCounts counts;
    QFile file(kGroceries);
    if (!file.open(QIODevice::ReadOnly))
        return counts;
    while (!file.atEnd()) {
        std::set<QString> basket;
        for (const QString &name : QString::fromUtf8(file.readLine()).split(QLatin1Char(','))) {
            if (!name.trimmed().isEmpty())
                basket.insert(name.trimmed());
        }
        if (basket.empty())
            continue;
        ++counts.baskets;
        const std::vector<QString> items(basket.begin(), basket.end());
        for (size_t i = 0; i < items.size(); ++i) {
            ++counts.items[items[i]];
            for (size_t j = i + 1; j < items.size(); ++j) {
                ++counts.pairs[{items[i], items[j]}];
                for (size_t k = j + 1; k < items.size(); ++k)
                    ++counts.triples[{items[i], items[j], items[k]}];
            }
        }
    }
    return counts;
}

} // namespace

class tst_CrossSell : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void ordersAsBaskets();
    void linesOfAnOrderApart();
    void sinceDate();
    void viewedThenBoughtSameDay();
    void storedRunAndRecommendations();
    void cliCsvAndRecommend();
    void groceriesAgainstIndependentCounts();
    void basketImportIsAllOrNothing();
    void demoShopPlantedPairs();

private:
    void fillShop();

    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::optional<Database> m_db;
};

void tst_CrossSell::init()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    m_db.emplace(std::move(*db));
}

void tst_CrossSell::cleanup()
{
    m_db.reset();
    m_scratch.reset();
}

// Five products (P5 out of stock), one customer, orders in every state.
void tst_CrossSell::fillShop()
{
    std::vector<test::SeedProduct> products;
    for (int p = 1; p <= 5; ++p) {
        products.push_back({.id = p,
                            .sku = QStringLiteral("P%1").arg(p),
                            .title = QStringLiteral("Product %1").arg(p),
                            .basePriceCents = 100,
                            .currentPriceCents = 100,
                            .stockLevel = p == 5 ? 0 : 10});
    }
    MD_VERIFY(test::seedProducts(*m_db, products));
    QStringList statements;
    statements << QStringLiteral("INSERT INTO customers (id, email, created_at) "
                                 "VALUES (1, 'c1@example.com', 0)");
    struct Order
    {
        int id;
        const char *status;
        qint64 at;
        const char *customer;
        std::vector<int> products;
    };
    const Order orders[] = {
        {1, "completed", kT0 + 100, "1", {1, 2}},
        {2, "completed", kT0 + 200, "NULL", {1, 2, 3}},
        {3, "cancelled", kT0 + 300, "NULL", {1, 3}},
        {4, "completed", kT0 - 40 * 86400, "NULL", {3, 4}},
        {5, "completed", kT0 + 400, "NULL", {2, 2}},
        {6, "completed", kT0 + 500, "NULL", {1, 5}},
        {7, "pending", kT0 + 600, "NULL", {4, 5}},
    };
    for (const Order &order : orders) {
        statements << QStringLiteral("INSERT INTO orders (id, order_number, customer_id, "
                                     "ordered_at, status) VALUES (%1, 'O-%1', %2, %3, '%4')")
                          .arg(order.id)
                          .arg(QLatin1String(order.customer))
                          .arg(order.at)
                          .arg(QLatin1String(order.status));
        for (int product : order.products) {
            statements << QStringLiteral("INSERT INTO order_lines (order_id, product_id, "
                                         "quantity, unit_price_cents) VALUES (%1, %2, 1, 100)")
                              .arg(order.id)
                              .arg(product);
        }
    }
    // Customer 1 views P3 and P1 the day of order 1 (P1, P2), P4 the next day without buying;
    // an anonymous view counts for nobody.
    const std::pair<int, qint64> views[] = {{3, kT0 + 50}, {1, kT0 + 60}, {4, kT0 + 86400 + 10}};
    for (const auto &[product, at] : views) {
        statements << QStringLiteral("INSERT INTO events (event_type, customer_id, product_id, "
                                     "occurred_at) VALUES ('product_viewed', 1, %1, %2)")
                          .arg(product)
                          .arg(at);
    }
    statements << QStringLiteral("INSERT INTO events (event_type, product_id, occurred_at) "
                                 "VALUES ('product_viewed', 4, %1)")
                      .arg(kT0 + 70);
    for (const QString &statement : statements)
        MD_VERIFY(sql::exec(m_db->sql(), statement));
}

void tst_CrossSell::ordersAsBaskets()
{
    fillShop();
    OrderBasketSource source(*m_db, std::nullopt);
    QCOMPARE(source.expectedBaskets(), 5);
    auto result = PairMiner::mine(source, everything());
    MD_VERIFY(result);
    // Orders 1, 2, 4, 5, 6: cancelled 3 and pending 7 are left out; order 5 holds P2 twice.
    QCOMPARE(result->baskets, 5);
    QCOMPARE(qint64(result->rules.size()), 10);
    const PairRule *rule = findRule(result->rules, 1, 2);
    QVERIFY(rule);
    QCOMPARE(rule->count, 2);
    QCOMPARE(rule->support, 0.4);
    QCOMPARE(rule->confidence, 2.0 / 3.0);
    QCOMPARE(rule->lift, 10.0 / 9.0);
    rule = findRule(result->rules, 1, 3);
    QVERIFY(rule);
    QCOMPARE(rule->count, 1); // the cancelled order 3 does not count
    rule = findRule(result->rules, 4, 3);
    QVERIFY(rule);
    QCOMPARE(rule->confidence, 1.0);
    QCOMPARE(rule->lift, 2.5);
    QVERIFY(!findRule(result->rules, 4, 5)); // only in the pending order
    QCOMPARE(qint64(result->bundles.size()), 1);
    QCOMPARE(result->bundles[0].a, 1);
    QCOMPARE(result->bundles[0].c, 3);
    QCOMPARE(result->bundles[0].count, 1);

    result = PairMiner::mine(source, everything(2));
    MD_VERIFY(result);
    QCOMPARE(qint64(result->rules.size()), 2); // only P1 + P2 is in two orders
    QVERIFY(result->bundles.empty());
}

void tst_CrossSell::linesOfAnOrderApart()
{
    // Lines added to orders 1 and 4 after all the others: the baskets are read in table order,
    // so each order's lines must still make one basket.
    fillShop();
    MD_VERIFY(sql::exec(m_db->sql(),
                        QStringLiteral("INSERT INTO order_lines (order_id, product_id, quantity, "
                                       "unit_price_cents) VALUES (1, 3, 1, 100), (4, 1, 1, 100), "
                                       "(1, 2, 1, 100)")));
    OrderBasketSource source(*m_db, std::nullopt);
    auto result = PairMiner::mine(source, everything());
    MD_VERIFY(result);
    QCOMPARE(result->baskets, 5);
    QCOMPARE(source.expectedBaskets(), 5);
    // Orders holding P1 and P3: 1 (a late line), 2 and 4 (a late line); P1 is in 1, 2, 4, 6.
    const PairRule *rule = findRule(result->rules, 1, 3);
    QVERIFY(rule);
    QCOMPARE(rule->count, 3);
    QCOMPARE(rule->confidence, 3.0 / 4.0);
    rule = findRule(result->rules, 2, 1); // P2 twice in order 1 still counts once
    QVERIFY(rule);
    QCOMPARE(rule->count, 2);
    QCOMPARE(rule->confidence, 2.0 / 3.0);
    rule = findRule(result->rules, 4, 1);
    QVERIFY(rule);
    QCOMPARE(rule->count, 1);
}

void tst_CrossSell::sinceDate()
{
    fillShop();
    OrderBasketSource source(*m_db, kT0 - 86400);
    auto result = PairMiner::mine(source, everything());
    MD_VERIFY(result);
    QCOMPARE(result->baskets, 4);
    QVERIFY(!findRule(result->rules, 3, 4)); // order 4 is older
    QCOMPARE(findRule(result->rules, 1, 2)->lift, 2.0 * 4 / (3.0 * 3.0));
}

void tst_CrossSell::viewedThenBoughtSameDay()
{
    fillShop();
    ViewSessionSource source(*m_db, std::nullopt);
    auto result = PairMiner::mineViewed(source, everything());
    MD_VERIFY(result);
    // Sessions of customer 1: day 0 viewed {P1, P3} bought {P1, P2}; day 1 viewed {P4}.
    QCOMPARE(result->baskets, 2);
    QCOMPARE(qint64(result->rules.size()), 3); // 1 → 2, 3 → 1, 3 → 2
    const PairRule *rule = findRule(result->rules, 3, 1);
    QVERIFY(rule);
    QCOMPARE(rule->count, 1);
    QCOMPARE(rule->confidence, 1.0);
    QCOMPARE(rule->lift, 2.0);
    QVERIFY(findRule(result->rules, 1, 2));
    QVERIFY(!findRule(result->rules, 1, 1));
    QVERIFY(!findRule(result->rules, 4, 1)); // viewed the next day
}

void tst_CrossSell::storedRunAndRecommendations()
{
    fillShop();
    MiningParameters p = everything();
    p.sinceAt = kT0 - 100 * 86400;
    auto first = CrossSellService::run(*m_db, p, CrossSellSource::Manual);
    MD_VERIFY(first);
    auto second = CrossSellService::run(*m_db, p, CrossSellSource::Cli);
    MD_VERIFY(second);
    QVERIFY(second->run.id > first->run.id);

    auto run = CrossSellStore::latestRun(*m_db);
    MD_VERIFY(run);
    QVERIFY(run->has_value());
    QCOMPARE((*run)->id, second->run.id);
    QCOMPARE((*run)->source, CrossSellSource::Cli);
    QCOMPARE((*run)->parameters.sinceAt, p.sinceAt);
    QCOMPARE((*run)->parameters.minSupport, 1.0);
    QCOMPARE((*run)->baskets, 5);
    QCOMPARE((*run)->ruleCount, 10 + 3);
    QCOMPARE((*run)->bundleCount, 1);
    QVERIFY((*run)->finishedAt >= (*run)->startedAt);

    // Only the newest run keeps its rules.
    auto count = sql::scalar(
        m_db->sql(), QStringLiteral("SELECT COUNT(*) FROM crosssell_rules WHERE run_id = ?"),
        {first->run.id});
    MD_VERIFY(count);
    QCOMPARE(count->toLongLong(), 0);

    auto rules = CrossSellStore::rules(*m_db, (*run)->id);
    MD_VERIFY(rules);
    QCOMPARE(qint64(rules->size()), 13);
    QCOMPARE(rules->front().rule.lift, 2.5);
    QCOMPARE(rules->front().antecedent.sku, QStringLiteral("P3"));
    QCOMPARE(rules->front().consequent.title, QStringLiteral("Product 4"));
    auto bundles = CrossSellStore::bundles(*m_db, (*run)->id);
    MD_VERIFY(bundles);
    QCOMPARE(qint64(bundles->size()), 1);
    QCOMPARE(bundles->front().b.sku, QStringLiteral("P2"));

    // Cart {P1}: P2 (score 2/3 · 10/9), P3 (1/3 · 5/6); P5 has the better lift but no stock.
    auto ids = CrossSellStore::productIds(*m_db, {QStringLiteral("P1")});
    MD_VERIFY(ids);
    auto cartRules = CrossSellStore::rules(*m_db, (*run)->id, *ids);
    MD_VERIFY(cartRules);
    auto picks = Recommender::recommend(*cartRules, {1}, 5);
    QCOMPARE(qint64(picks.size()), 2);
    QCOMPARE(picks[0].rule.consequent.sku, QStringLiteral("P2"));
    QCOMPARE(picks[0].score, (2.0 / 3.0) * (10.0 / 9.0));
    QCOMPARE(picks[1].rule.consequent.sku, QStringLiteral("P3"));
    // P5 back in stock: now it is recommended.
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("UPDATE products SET stock_level = 3 "
                                                    "WHERE id = 5")));
    cartRules = CrossSellStore::rules(*m_db, (*run)->id, *ids);
    MD_VERIFY(cartRules);
    picks = Recommender::recommend(*cartRules, {1}, 5);
    QCOMPARE(qint64(picks.size()), 3);
    QCOMPARE(picks[1].rule.consequent.sku, QStringLiteral("P5"));
    // Cart {P1, P2}: P2 is never recommended; P3 comes once.
    cartRules = CrossSellStore::rules(*m_db, (*run)->id, {1, 2});
    MD_VERIFY(cartRules);
    picks = Recommender::recommend(*cartRules, {1, 2}, 5);
    QCOMPARE(qint64(picks.size()), 2);
    for (const Recommendation &pick : picks)
        QVERIFY(pick.rule.consequent.sku != QStringLiteral("P2"));

    auto unknown
        = CrossSellStore::productIds(*m_db, {QStringLiteral("P1"), QStringLiteral("NOPE")});
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().contains(QStringLiteral("NOPE")));
}

void tst_CrossSell::cliCsvAndRecommend()
{
    QVERIFY2(!test::cliProgram().isEmpty(), "MERCHANTDESK_CLI is not set");
    fillShop();
    const QString db = m_scratch->location();
    CliRun run = runCliOn(db, {QStringLiteral("recommend"), QStringLiteral("P1")});
    QCOMPARE(run.exitCode, 2); // nothing mined yet
    QVERIFY2(run.err.contains(QStringLiteral("crosssell")), qPrintable(run.err));

    run = runCliOn(db, {QStringLiteral("crosssell"), QStringLiteral("--min-support"),
                        QStringLiteral("1"), QStringLiteral("--min-confidence"),
                        QStringLiteral("0"), QStringLiteral("--min-lift"), QStringLiteral("0"),
                        QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    const QStringList expected = {
        QStringLiteral("antecedent_sku,antecedent_title,consequent_sku,consequent_title,count,"
                       "support,confidence,lift"),
        QStringLiteral("P3,Product 3,P4,Product 4,1,0.200000,0.500000,2.500000"),
        QStringLiteral("P4,Product 4,P3,Product 3,1,0.200000,1.000000,2.500000"),
        QStringLiteral("P1,Product 1,P5,Product 5,1,0.200000,0.333333,1.666667"),
        QStringLiteral("P5,Product 5,P1,Product 1,1,0.200000,1.000000,1.666667"),
        QStringLiteral("P1,Product 1,P2,Product 2,2,0.400000,0.666667,1.111111"),
        QStringLiteral("P2,Product 2,P1,Product 1,2,0.400000,0.666667,1.111111"),
        QStringLiteral("P1,Product 1,P3,Product 3,1,0.200000,0.333333,0.833333"),
        QStringLiteral("P2,Product 2,P3,Product 3,1,0.200000,0.333333,0.833333"),
        QStringLiteral("P3,Product 3,P1,Product 1,1,0.200000,0.500000,0.833333"),
        QStringLiteral("P3,Product 3,P2,Product 2,1,0.200000,0.500000,0.833333"),
    };
    QCOMPARE(lines, expected);

    run = runCliOn(db, {QStringLiteral("recommend"), QStringLiteral("P1,P3"),
                        QStringLiteral("--limit"), QStringLiteral("1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // P4 via P3 → P4 (0.5 · 2.5) beats P2 via P1 → P2; P5 has no stock.
    QVERIFY2(run.out.startsWith(QStringLiteral("1. P4")), qPrintable(run.out));
    QCOMPARE(run.out.count(QLatin1Char('\n')), 1);

    run = runCliOn(
        db, {QStringLiteral("crosssell"), QStringLiteral("--min-support"), QStringLiteral("2.5")});
    QCOMPARE(run.exitCode, 1);
    run = runCliOn(
        db, {QStringLiteral("crosssell"), QStringLiteral("--since"), QStringLiteral("yesterday")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QStringLiteral("YYYY-MM-DD")));

    const QStringList everything = {QStringLiteral("crosssell"), QStringLiteral("--min-support"),
                                    QStringLiteral("1"),         QStringLiteral("--min-confidence"),
                                    QStringLiteral("0"),         QStringLiteral("--min-lift"),
                                    QStringLiteral("0")};
    const auto summary = [](int runId) {
        return QStringLiteral("10 rules and 1 bundles from 5 orders (a pair needs 1 orders), "
                              "stored as run %1.\n")
            .arg(runId);
    };
    // The table, then the summary, on stdout.
    run = runCliOn(db, everything);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(QLatin1String("If bought")), qPrintable(run.out));
    QVERIFY2(run.out.endsWith(QLatin1Char('\n') + summary(2)), qPrintable(run.out));
    QCOMPARE(run.out.count(QLatin1Char('\n')), 1 + 10 + 2);

    // --output: the rules go to the file, the summary to stdout; the format in any case.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("rules.csv"));
    run = runCliOn(db, everything
                           + QStringList{QStringLiteral("--format"), QStringLiteral("CSV"),
                                         QStringLiteral("--output"), file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, summary(3));
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(written.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts),
             expected);

    // A file that cannot be written: a data error that says the run was stored anyway.
    const QString unwritable = dir.filePath(QStringLiteral("no-such-folder/rules.csv"));
    run = runCliOn(db, everything + QStringList{QStringLiteral("--output"), unwritable});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QStringLiteral("crosssell: cannot write %1: ").arg(unwritable)),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("(the rules were stored as run 4)")),
             qPrintable(run.err));
    QVERIFY(!QFile::exists(unwritable));
}

void tst_CrossSell::groceriesAgainstIndependentCounts()
{
    const GroceryCounts counts = countGroceries();
    QCOMPARE(counts.baskets, 9835);
    QCOMPARE(counts.items.at(QStringLiteral("whole milk")), 2513); // the published figure

    auto summary = BasketImporter::run(*m_db, kGroceries);
    MD_VERIFY(summary);
    QCOMPARE(summary->baskets, 9835);
    QCOMPARE(summary->newProducts, qint64(counts.items.size()));

    MiningParameters p = everything(0.005);
    p.viewed = false;
    auto mined = CrossSellService::run(*m_db, p, CrossSellSource::Manual);
    MD_VERIFY(mined);
    QCOMPARE(mined->bought.baskets, 9835);
    const qint64 minCount = 50; // ceil(0.005 · 9835)
    QCOMPARE(mined->bought.minCount, minCount);

    auto rows = CrossSellStore::rules(*m_db, mined->run.id);
    MD_VERIFY(rows);
    qint64 expectedRules = 0;
    for (const auto &[pair, count] : counts.pairs)
        expectedRules += count >= minCount ? 2 : 0;
    QCOMPARE(qint64(rows->size()), expectedRules);
    for (const RuleRow &row : *rows) {
        const QString a = row.antecedent.title;
        const QString b = row.consequent.title;
        const qint64 pair = counts.pairs.at(a < b ? std::pair{a, b} : std::pair{b, a});
        QCOMPARE(row.rule.count, pair);
        const double n = double(counts.baskets);
        const double confidence = double(pair) / double(counts.items.at(a));
        QVERIFY(qAbs(row.rule.support - pair / n) < 1e-12);
        QVERIFY(qAbs(row.rule.confidence - confidence) < 1e-12);
        QVERIFY(qAbs(row.rule.lift - confidence / (counts.items.at(b) / n)) < 1e-9);
    }
    // A well-known pair of this data set: {other vegetables, whole milk} in 736 baskets.
    QCOMPARE(counts.pairs.at({QStringLiteral("other vegetables"), QStringLiteral("whole milk")}),
             736);

    auto bundles = CrossSellStore::bundles(*m_db, mined->run.id);
    MD_VERIFY(bundles);
    qint64 expectedBundles = 0;
    for (const auto &[triple, count] : counts.triples)
        expectedBundles += count >= minCount ? 1 : 0;
    QVERIFY(expectedBundles > 0);
    QCOMPARE(qint64(bundles->size()), expectedBundles);
    for (const BundleRow &row : *bundles) {
        QStringList names{row.a.title, row.b.title, row.c.title};
        names.sort();
        QCOMPARE(row.bundle.count, counts.triples.at({names[0], names[1], names[2]}));
    }

    // Importing again reuses every product.
    summary = BasketImporter::run(*m_db, kGroceries);
    MD_VERIFY(summary);
    QCOMPARE(summary->newProducts, 0);
    QCOMPARE(summary->knownProducts, qint64(counts.items.size()));
}

void tst_CrossSell::basketImportIsAllOrNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("baskets.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Coffee Beans, Paper Filters\nTea\n\n\"broken, quote\nMilk\n");
    file.close();
    auto summary = BasketImporter::run(*m_db, path);
    QVERIFY(!summary.ok());
    // The reader names the line and column: "4:1: the quoted field ... has no closing quote".
    QVERIFY2(summary.error().contains(QStringLiteral("4:1")), qPrintable(summary.error()));
    for (const char *table : {"products", "orders", "order_lines"}) {
        auto count = sql::scalar(
            m_db->sql(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
        MD_VERIFY(count);
        QCOMPARE(count->toLongLong(), 0);
    }

    // The same file without the broken line; a name twice in a basket is one line of 2.
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Coffee Beans, Paper Filters\nTea\n\nTea,Milk,Tea\n");
    file.close();
    summary = BasketImporter::run(*m_db, path);
    MD_VERIFY(summary);
    QCOMPARE(summary->baskets, 3);
    QCOMPARE(summary->lines, 5);
    QCOMPARE(summary->newProducts, 4);
    auto title
        = sql::scalar(m_db->sql(), QStringLiteral("SELECT title FROM products WHERE sku = ?"),
                      {QStringLiteral("coffee-beans")});
    MD_VERIFY(title);
    QCOMPARE(title->toString(), QStringLiteral("Coffee Beans"));
    auto quantity = sql::scalar(
        m_db->sql(), QStringLiteral("SELECT l.quantity FROM order_lines l JOIN products p ON "
                                    "p.id = l.product_id WHERE p.sku = 'tea' ORDER BY l.quantity "
                                    "DESC LIMIT 1"));
    MD_VERIFY(quantity);
    QCOMPARE(quantity->toInt(), 2);
    QCOMPARE(BasketImporter::skuFor(QStringLiteral("  UHT-milk / 1.5% ")),
             QStringLiteral("uht-milk-1-5"));
    QCOMPARE(BasketImporter::skuFor(QStringLiteral("+++")), QStringLiteral("item"));
}

void tst_CrossSell::demoShopPlantedPairs()
{
    DemoOptions options;
    options.seed = 7;
    options.asOf = QDate(2026, 6, 30);
    MD_VERIFY(DemoShop::generate(*m_db, options));
    MiningParameters p;
    p.minSupport = 0.001;
    p.minConfidence = 0.05;
    p.minLift = 1;
    p.bundles = false;
    p.viewed = false;
    auto mined = CrossSellService::run(*m_db, p, CrossSellSource::Manual);
    MD_VERIFY(mined);
    auto rows = CrossSellStore::rules(*m_db, mined->run.id);
    MD_VERIFY(rows);
    for (const auto &[a, b] : DemoShop::plantedPairs(options)) {
        const RuleRow *found = nullptr;
        const RuleRow *bestOfA = nullptr;
        for (const RuleRow &row : *rows) {
            if (row.antecedent.sku != a)
                continue;
            if (!bestOfA || row.rule.lift > bestOfA->rule.lift)
                bestOfA = &row;
            if (row.consequent.sku == b)
                found = &row;
        }
        QVERIFY2(found, qPrintable(QStringLiteral("planted pair %1 -> %2 not found").arg(a, b)));
        // B joins about half of A's baskets, and A's strongest rule is the planted one.
        QVERIFY2(found->rule.confidence > 0.4, qPrintable(QString::number(found->rule.confidence)));
        QVERIFY2(found->rule.lift > 3, qPrintable(QString::number(found->rule.lift)));
        QCOMPARE(bestOfA->consequent.sku, b);

        // The count against SQL counting the same orders.
        auto count = sql::scalar(
            m_db->sql(),
            QStringLiteral("SELECT COUNT(DISTINCT o.id) FROM orders o "
                           "JOIN order_lines x ON x.order_id = o.id "
                           "JOIN order_lines y ON y.order_id = o.id "
                           "JOIN products pa ON pa.id = x.product_id "
                           "JOIN products pb ON pb.id = y.product_id "
                           "WHERE o.status = 'completed' AND pa.sku = ? AND pb.sku = ?"),
            {a, b});
        MD_VERIFY(count);
        QCOMPARE(found->rule.count, count->toLongLong());
    }
}

QTEST_GUILESS_MAIN(tst_CrossSell)
#include "tst_crosssell.moc"
