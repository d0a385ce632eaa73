// The repricing engine, table-driven: every branch of the playbook, the cap, both guard rails,
// rounding at exact half cents (where a double would go wrong), every option, and the reasons.

#include "pricing/pricingengine.h"
#include "pricing/pricingreason.h"

#include <QTest>

using namespace md;

Q_DECLARE_METATYPE(md::PricingOutcome)
Q_DECLARE_METATYPE(md::PricingCase)

namespace {

constexpr qint64 kNow = 1'700'000'000;
constexpr qint64 kNone = -1;

// "max_step_pct=20;charm_rounding=.99": overrides of the default rules by storage key.
PricingRules rulesFrom(const QString &overrides)
{
    PricingRules rules;
    for (const QString &pair : overrides.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString name = pair.section(QLatin1Char('='), 0, 0);
        const QString value = pair.section(QLatin1Char('='), 1);
        bool known = false;
        for (const auto field : PricingRules::fields()) {
            if (PricingRules::key(field) == QLatin1String("pricing.") + name) {
                const Status set = rules.setText(field, value);
                if (!set)
                    qFatal("bad test rule %s: %s", qPrintable(pair), qPrintable(set.error()));
                known = true;
            }
        }
        if (!known)
            qFatal("unknown test rule %s", qPrintable(name));
    }
    return rules;
}

PricingProduct product(int stock, int demand, qint64 base, qint64 current, qint64 cost,
                       qint64 min = kNone, qint64 max = kNone)
{
    PricingProduct p;
    p.id = 1;
    p.stockLevel = stock;
    p.demandHundredths = demand;
    p.basePriceCents = base;
    p.currentPriceCents = current;
    p.costCents = cost;
    p.minPriceCents = min;
    p.maxPriceCents = max;
    return p;
}

} // namespace

class tst_PricingEngine : public QObject
{
    Q_OBJECT

private slots:
    void decide_data();
    void decide();
    void reasons_data();
    void reasons();
    void lockedCategoryAndProduct();
    void coolDown_data();
    void coolDown();
    void runLimitKeepsLargestChanges();
    void previewIsCancellable();
    void noDecisionBelowFloorOverManyPrices();
};

void tst_PricingEngine::decide_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<PricingProduct>("input");
    QTest::addColumn<PricingOutcome>("outcome");
    QTest::addColumn<PricingCase>("rule");
    QTest::addColumn<qint64>("newCents");
    QTest::addColumn<int>("limits");
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("proposedBp");

    using D = PricingDecision;
    const auto change = PricingOutcome::Change;
    const auto same = PricingOutcome::Unchanged;
    const auto skipped = PricingOutcome::Skipped;

    // Low stock: current + base × 5 % × demand.
    QTest::newRow("low stock, exactly at the cap")
        << QString() << product(12, 300, 1000, 1000, 500) << change << PricingCase::LowStock
        << qint64(1150) << 0 << 0 << 1500;
    QTest::newRow("low stock, over the cap")
        << QString() << product(12, 400, 1000, 1000, 500) << change << PricingCase::LowStock
        << qint64(1150) << int(D::CapUp) << 0 << 2000;
    QTest::newRow("low stock moves from current, not base")
        << QString() << product(5, 200, 1000, 1200, 500) << change << PricingCase::LowStock
        << qint64(1300) << 0 << 0 << 833;
    QTest::newRow("stock 19 is low") << QString() << product(19, 100, 1000, 1000, 500) << change
                                     << PricingCase::LowStock << qint64(1050) << 0 << 0 << 500;
    QTest::newRow("stock 0 is low") << QString() << product(0, 100, 1000, 1000, 500) << change
                                    << PricingCase::LowStock << qint64(1050) << 0 << 0 << 500;
    QTest::newRow("low stock, no demand: no decision")
        << QString() << product(3, 0, 1000, 1000, 500) << same << PricingCase::LowStock
        << qint64(1000) << 0 << 0 << 0;

    // Between the thresholds: base + base × 5 % × demand.
    QTest::newRow("stock 20 is normal")
        << QString() << product(20, 200, 1000, 1050, 500) << change << PricingCase::NormalStock
        << qint64(1100) << 0 << 0 << 476;
    QTest::newRow("stock 100 is normal")
        << QString() << product(100, 0, 1000, 1050, 500) << change << PricingCase::NormalStock
        << qint64(1000) << 0 << 0 << -476;
    QTest::newRow("normal stock, down to the cap")
        << QString() << product(50, 0, 1000, 2000, 500) << change << PricingCase::NormalStock
        << qint64(1700) << int(D::CapDown) << 0 << -5000;
    QTest::newRow("normal stock at base, no demand")
        << QString() << product(50, 0, 1000, 1000, 500) << same << PricingCase::NormalStock
        << qint64(1000) << 0 << 0 << 0;

    // Above the high threshold: hold, or the markdown when it is on and nothing sells.
    QTest::newRow("stock 101 holds") << QString() << product(101, 0, 1000, 1234, 500) << same
                                     << PricingCase::HighStockHold << qint64(1234) << 0 << 0 << 0;
    QTest::newRow("markdown off by default")
        << QString() << product(500, 0, 1000, 2000, 500) << same << PricingCase::HighStockHold
        << qint64(2000) << 0 << 0 << 0;
    QTest::newRow("markdown, no demand")
        << QStringLiteral("overstock_markdown=true") << product(500, 0, 1000, 2000, 500) << change
        << PricingCase::OverstockMarkdown << qint64(1800) << 0 << 0 << -1000;
    QTest::newRow("markdown skips products with demand")
        << QStringLiteral("overstock_markdown=true") << product(500, 1, 1000, 2000, 500) << same
        << PricingCase::HighStockHold << qint64(2000) << 0 << 0 << 0;
    QTest::newRow("markdown larger than the cap")
        << QStringLiteral("overstock_markdown=true;overstock_markdown_pct=40")
        << product(500, 0, 1000, 2000, 500) << change << PricingCase::OverstockMarkdown
        << qint64(1700) << int(D::CapDown) << 0 << -4000;
    QTest::newRow("markdown stops at the floor")
        << QStringLiteral("overstock_markdown=true") << product(500, 0, 1000, 2000, 1950) << change
        << PricingCase::OverstockMarkdown << qint64(1950) << int(D::Floor) << 0 << -1000;

    // Guard rails win over the cap.
    QTest::newRow("floor (cost) over the cap")
        << QString() << product(50, 0, 1000, 2000, 1800) << change << PricingCase::NormalStock
        << qint64(1800) << int(D::CapDown | D::Floor) << 0 << -5000;
    QTest::newRow("floor (cost + 25 % margin)")
        << QStringLiteral("min_margin_pct=25") << product(50, 0, 1000, 2000, 1500) << change
        << PricingCase::NormalStock << qint64(1875) << int(D::CapDown | D::Floor) << 0 << -5000;
    QTest::newRow("margin floor rounds up to the cent")
        << QStringLiteral("min_margin_pct=10") << product(50, 0, 1000, 1150, 1001) << change
        << PricingCase::NormalStock << qint64(1102) << int(D::Floor) << 0 << -1304;
    QTest::newRow("floor (minimum price) above cost")
        << QString() << product(50, 0, 1000, 2000, 500, 1750) << change << PricingCase::NormalStock
        << qint64(1750) << int(D::CapDown | D::Floor) << 0 << -5000;
    QTest::newRow("ceiling over the cap")
        << QString() << product(12, 400, 1000, 1000, 500, kNone, 1100) << change
        << PricingCase::LowStock << qint64(1100) << int(D::CapUp | D::Ceiling) << 0 << 2000;
    QTest::newRow("current above the ceiling comes down")
        << QString() << product(12, 100, 1000, 1500, 500, kNone, 1300) << change
        << PricingCase::LowStock << qint64(1300) << int(D::Ceiling) << 0 << 333;
    QTest::newRow("price 0 raised to the floor")
        << QString() << product(10, 300, 1000, 0, 500) << change << PricingCase::LowStock
        << qint64(500) << int(D::CapUp | D::Floor) << 0 << 0;
    QTest::newRow("floor equal to current: unchanged")
        << QString() << product(50, 0, 1000, 1500, 1500) << same << PricingCase::NormalStock
        << qint64(1500) << int(D::CapDown | D::Floor) << 0 << -3333;

    // Rounding: exact rationals, half away from zero, once at the end.
    QTest::newRow("exact half cent rounds up")
        << QString() << product(10, 1, 1000, 1000, 500) << change << PricingCase::LowStock
        << qint64(1001) << 0 << 0 << 5;
    QTest::newRow("just under half a cent: no decision")
        << QString() << product(10, 1, 999, 1000, 500) << same << PricingCase::LowStock
        << qint64(1000) << 0 << int(D::RoundsToCurrent) << 5;
    // 1010 × 0.85 = 858.5 exactly; as a double it is 858.4999… and would round down.
    QTest::newRow("cap down lands on a half cent")
        << QString() << product(50, 0, 500, 1010, 100) << change << PricingCase::NormalStock
        << qint64(859) << int(D::CapDown) << 0 << -5050;
    // 1010 × 1.15 = 1161.5 exactly; as a double 1161.4999….
    QTest::newRow("cap up lands on a half cent")
        << QString() << product(5, 1000, 1000, 1010, 100) << change << PricingCase::LowStock
        << qint64(1162) << int(D::CapUp) << 0 << 4950;
    QTest::newRow("normal stock half cent")
        << QString() << product(50, 1, 1000, 900, 100) << change << PricingCase::NormalStock
        << qint64(1001) << 0 << 0 << 1117;

    // Data the engine cannot reprice safely.
    QTest::newRow("no cost, minimum price is the floor")
        << QString() << product(50, 0, 1000, 2000, kNone, 1800) << change
        << PricingCase::NormalStock << qint64(1800) << int(D::CapDown | D::Floor) << int(D::NoCost)
        << -5000;
    QTest::newRow("no cost and no minimum: skipped")
        << QString() << product(5, 300, 1000, 1000, kNone) << skipped << PricingCase::NoFloor
        << qint64(1000) << 0 << int(D::NoCost) << 0;
    QTest::newRow("base price 0: skipped")
        << QString() << product(5, 300, 0, 1000, 500) << skipped << PricingCase::NoBasePrice
        << qint64(1000) << 0 << 0 << 0;
    QTest::newRow("floor above ceiling: skipped")
        << QString() << product(5, 300, 1000, 1000, 2000, kNone, 1500) << skipped
        << PricingCase::FloorAboveCeiling << qint64(1000) << 0 << 0 << 0;
    QTest::newRow("margin lifts floor above ceiling")
        << QStringLiteral("min_margin_pct=50") << product(5, 300, 1000, 1000, 1000, kNone, 1400)
        << skipped << PricingCase::FloorAboveCeiling << qint64(1000) << 0 << 0 << 0;

    // The cap as an option.
    QTest::newRow("cap 10 %") << QStringLiteral("max_step_pct=10")
                              << product(12, 400, 1000, 1000, 500) << change
                              << PricingCase::LowStock << qint64(1100) << int(D::CapUp) << 0
                              << 2000;
    QTest::newRow("cap 0 %: only guard rails move")
        << QStringLiteral("max_step_pct=0") << product(12, 400, 1000, 1000, 500) << same
        << PricingCase::LowStock << qint64(1000) << int(D::CapUp) << 0 << 2000;
    QTest::newRow("thresholds are options")
        << QStringLiteral("low_stock_threshold=5") << product(12, 200, 1000, 1000, 500) << change
        << PricingCase::NormalStock << qint64(1100) << 0 << 0 << 1000;
    QTest::newRow("demand step 2.5 %")
        << QStringLiteral("demand_step_pct=2.5") << product(12, 200, 1000, 1000, 500) << change
        << PricingCase::LowStock << qint64(1050) << 0 << 0 << 500;

    // Charm rounding: nearest ending inside the cap and the guard rails, same direction.
    QTest::newRow("charm .99 rounds to the nearer ending")
        << QStringLiteral("charm_rounding=.99") << product(12, 200, 1000, 1000, 500) << change
        << PricingCase::LowStock << qint64(1099) << 0 << int(D::Charmed) << 1000;
    QTest::newRow("charm .95") << QStringLiteral("charm_rounding=.95")
                               << product(12, 200, 1000, 1000, 500) << change
                               << PricingCase::LowStock << qint64(1095) << 0 << int(D::Charmed)
                               << 1000;
    QTest::newRow("charm keeps a cut below the cap")
        << QStringLiteral("charm_rounding=.99") << product(50, 0, 1000, 1200, 500) << change
        << PricingCase::NormalStock << qint64(1099) << int(D::CapDown) << int(D::Charmed) << -1667;
    QTest::newRow("charm tie goes up when the cap allows")
        << QStringLiteral("charm_rounding=.99;max_step_pct=20") << product(12, 298, 1000, 1000, 500)
        << change << PricingCase::LowStock << qint64(1199) << 0 << int(D::Charmed) << 1490;
    QTest::newRow("charm tie goes down under the cap")
        << QStringLiteral("charm_rounding=.99") << product(12, 298, 1000, 1000, 500) << change
        << PricingCase::LowStock << qint64(1099) << 0 << int(D::Charmed) << 1490;
    QTest::newRow("charm never crosses the ceiling")
        << QStringLiteral("charm_rounding=.99") << product(12, 100, 1000, 1000, 500, kNone, 1060)
        << change << PricingCase::LowStock << qint64(1050) << 0 << 0 << 500;
    QTest::newRow("charm never goes below the floor")
        << QStringLiteral("charm_rounding=.99") << product(50, 0, 1000, 1200, 1050) << change
        << PricingCase::NormalStock << qint64(1099) << int(D::CapDown | D::Floor) << int(D::Charmed)
        << -1667;
    QTest::newRow("charm leaves a price already ending .99")
        << QStringLiteral("charm_rounding=.99") << product(12, 100, 1000, 1049, 500) << change
        << PricingCase::LowStock << qint64(1099) << 0 << 0 << 477;
}

void tst_PricingEngine::decide()
{
    QFETCH(QString, rules);
    QFETCH(PricingProduct, input);
    QFETCH(PricingOutcome, outcome);
    QFETCH(PricingCase, rule);
    QFETCH(qint64, newCents);
    QFETCH(int, limits);
    QFETCH(int, flags);
    QFETCH(int, proposedBp);

    const PricingDecision decision = PricingEngine::decide(input, 0, rulesFrom(rules), false, kNow);
    QCOMPARE(int(decision.outcome), int(outcome));
    QCOMPARE(int(decision.rule), int(rule));
    QCOMPARE(decision.newCents, newCents);
    QCOMPARE(decision.oldCents, input.currentPriceCents);
    QCOMPARE(int(decision.limits), limits);
    QCOMPARE(int(decision.flags), flags);
    QCOMPARE(decision.proposedBp, proposedBp);
    // Whatever the branch: never below the floor when the price moves.
    if (decision.isChange())
        QVERIFY(decision.newCents >= PricingEngine::floorCents(input, rulesFrom(rules)));
}

void tst_PricingEngine::reasons_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<PricingProduct>("input");
    QTest::addColumn<QString>("reason");

    QTest::newRow("low stock") << QString() << product(12, 300, 1000, 1600, 500)
                               << QStringLiteral("Low stock (12), demand 3.00: +9.4 %");
    QTest::newRow("capped") << QString() << product(12, 400, 1000, 1000, 500)
                            << QStringLiteral(
                                   "Low stock (12), demand 4.00: +20.0 %, capped at +15 %");
    QTest::newRow("floor from cost")
        << QString() << product(50, 0, 1000, 2000, 1850)
        << QStringLiteral("Normal stock (50), demand 0.00: -50.0 %, capped at -15 %; raised to "
                          "the floor (cost 18.50)");
    QTest::newRow("floor from margin")
        << QStringLiteral("min_margin_pct=12.5") << product(50, 0, 1000, 2000, 1600)
        << QStringLiteral("Normal stock (50), demand 0.00: -50.0 %, capped at -15 %; raised to "
                          "the floor (cost 16.00 + 12.5 % margin)");
    QTest::newRow("floor from minimum price")
        << QString() << product(50, 0, 1000, 2000, 500, 1800)
        << QStringLiteral("Normal stock (50), demand 0.00: -50.0 %, capped at -15 %; raised to "
                          "the floor (minimum price 18.00)");
    QTest::newRow("ceiling")
        << QString() << product(12, 100, 1000, 1500, 500, kNone, 1300)
        << QStringLiteral(
               "Low stock (12), demand 1.00: +3.3 %; lowered to the maximum price 13.00");
    QTest::newRow("hold") << QString() << product(150, 300, 1000, 1500, 500)
                          << QStringLiteral("Stock 150 above the high threshold (100): held");
    QTest::newRow("markdown") << QStringLiteral(
        "overstock_markdown=true;overstock_markdown_pct=7.5")
                              << product(150, 0, 1000, 2000, 500)
                              << QStringLiteral("Overstock (150) and no demand: -7.5 % markdown");
    QTest::newRow("out of stock") << QString() << product(0, 300, 1000, 1600, 500)
                                  << QStringLiteral("Out of stock (0), demand 3.00: +9.4 %");
    QTest::newRow("oversold") << QString() << product(-2, 0, 1000, 1000, 500)
                              << QStringLiteral("Out of stock (-2), demand 0.00: no change");
    QTest::newRow("no demand") << QString() << product(3, 0, 1000, 1000, 500)
                               << QStringLiteral("Low stock (3), demand 0.00: no change");
    QTest::newRow("rounds to current")
        << QString() << product(10, 1, 999, 1000, 500)
        << QStringLiteral("Low stock (10), demand 0.01: +0.1 %; the price stays 10.00");
    QTest::newRow("charm") << QStringLiteral("charm_rounding=.99")
                           << product(12, 200, 1000, 1000, 500)
                           << QStringLiteral(
                                  "Low stock (12), demand 2.00: +10.0 %; charm-rounded to 10.99");
    QTest::newRow("no floor")
        << QString() << product(5, 300, 1000, 1000, kNone)
        << QStringLiteral("No cost and no minimum price: not repriced, nothing protects the "
                          "margin");
    QTest::newRow("no base price") << QString() << product(5, 300, 0, 1000, 500)
                                   << QStringLiteral("Base price is 0: not repriced");
    QTest::newRow("floor above ceiling")
        << QString() << product(5, 300, 1000, 1000, 2000, kNone, 1500)
        << QStringLiteral("Floor 20.00 (cost 20.00) is above the maximum price 15.00: not "
                          "repriced");
}

void tst_PricingEngine::reasons()
{
    QFETCH(QString, rules);
    QFETCH(PricingProduct, input);
    QFETCH(QString, reason);

    const PricingRules set = rulesFrom(rules);
    ProductSnapshot snapshot;
    snapshot.add(input, QStringLiteral("SKU-1"), QStringLiteral("A product"));
    const PricingDecision decision = PricingEngine::decide(input, 0, set, false, kNow);
    QCOMPARE(PricingReason(snapshot, set, kNow, QLocale::c()).text(decision), reason);
}

void tst_PricingEngine::lockedCategoryAndProduct()
{
    ProductSnapshot snapshot;
    PricingProduct toy = product(5, 300, 1000, 1000, 500);
    toy.category = snapshot.categoryIndex(QStringLiteral("Toys"));
    PricingProduct book = toy;
    book.id = 2;
    book.category = snapshot.categoryIndex(QStringLiteral("Books"));
    PricingProduct lockedBook = book;
    lockedBook.id = 3;
    lockedBook.flags = PricingProduct::Locked;
    snapshot.add(toy, QStringLiteral("T-1"), QStringLiteral("Toy"));
    snapshot.add(book, QStringLiteral("B-1"), QStringLiteral("Book"));
    snapshot.add(lockedBook, QStringLiteral("B-2"), QStringLiteral("Locked book"));

    PricingRules rules;
    rules.lockedCategories = {QStringLiteral("Toys")};
    const auto decisions = PricingEngine::preview(snapshot, rules, kNow);
    QVERIFY(decisions);
    QCOMPARE(decisions->size(), size_t(3));
    QCOMPARE(int(decisions->at(0).outcome), int(PricingOutcome::Skipped));
    QCOMPARE(int(decisions->at(0).rule), int(PricingCase::LockedCategory));
    QCOMPARE(decisions->at(0).newCents, 1000);
    QCOMPARE(int(decisions->at(1).outcome), int(PricingOutcome::Change));
    QCOMPARE(decisions->at(1).newCents, 1150);
    QCOMPARE(int(decisions->at(2).rule), int(PricingCase::LockedProduct));
    const PricingReason reason(snapshot, rules, kNow, QLocale::c());
    QCOMPARE(reason.text(decisions->at(0)),
             QStringLiteral("Category \"Toys\" is locked: not repriced"));
    QCOMPARE(reason.text(decisions->at(2)), QStringLiteral("Price locked: not repriced"));
}

void tst_PricingEngine::coolDown_data()
{
    QTest::addColumn<int>("hours");
    QTest::addColumn<qint64>("changedAgo");
    QTest::addColumn<bool>("skipped");

    QTest::newRow("off") << 0 << qint64(60) << false;
    QTest::newRow("changed 3 h ago, 24 h cool-down") << 24 << qint64(3 * 3600) << true;
    QTest::newRow("a second inside") << 24 << qint64(24 * 3600 - 1) << true;
    QTest::newRow("exactly 24 h ago") << 24 << qint64(24 * 3600) << false;
    QTest::newRow("never changed") << 24 << qint64(-1) << false;
}

void tst_PricingEngine::coolDown()
{
    QFETCH(int, hours);
    QFETCH(qint64, changedAgo);
    QFETCH(bool, skipped);

    PricingRules rules;
    rules.cooldownHours = hours;
    PricingProduct input = product(5, 300, 1000, 1000, 500);
    input.lastPriceChangeAt = changedAgo < 0 ? -1 : kNow - changedAgo;
    const PricingDecision decision = PricingEngine::decide(input, 0, rules, false, kNow);
    QCOMPARE(decision.outcome == PricingOutcome::Skipped, skipped);
    QCOMPARE(decision.rule == PricingCase::CoolDown, skipped);
    if (skipped) {
        ProductSnapshot snapshot;
        snapshot.add(input, QStringLiteral("S"), QStringLiteral("T"));
        QCOMPARE(PricingReason(snapshot, rules, kNow, QLocale::c()).text(decision),
                 QStringLiteral("Price changed %1 h ago, within the 24 h cool-down: not "
                                "repriced")
                     .arg(changedAgo / 3600));
    }
}

void tst_PricingEngine::runLimitKeepsLargestChanges()
{
    ProductSnapshot snapshot;
    // Changes of +1.00, +3.00, +2.00, +2.00 and one hold.
    const QList<qint64> currents = {2000, 6000, 4000, 4000, 100};
    for (int i = 0; i < currents.size(); ++i) {
        PricingProduct p = product(i == 4 ? 500 : 50, 0, currents[i] * 21 / 20, currents[i], 10);
        p.id = i + 1;
        snapshot.add(p, QStringLiteral("S%1").arg(i), QStringLiteral("T"));
    }
    PricingRules rules;
    rules.maxChangesPerRun = 2;
    const auto decisions = PricingEngine::preview(snapshot, rules, kNow);
    QVERIFY(decisions);
    QList<int> kept;
    QList<int> left;
    for (const PricingDecision &d : *decisions) {
        if (d.isChange())
            kept << d.row;
        else if (d.flags & PricingDecision::OverRunLimit)
            left << d.row;
    }
    // The largest (row 1) and, of the two equal ones, the lower row (2).
    QCOMPARE(kept, (QList<int>{1, 2}));
    QCOMPARE(left, (QList<int>{0, 3}));
    QCOMPARE(decisions->at(3).newCents, 4200); // what it would have been is kept for the reason
    QVERIFY(PricingReason(snapshot, rules, kNow, QLocale::c())
                .text(decisions->at(3))
                .endsWith(QStringLiteral("; left out: over the limit of 2 changes per run")));

    rules.maxChangesPerRun = 0;
    const auto unlimited = PricingEngine::preview(snapshot, rules, kNow);
    QCOMPARE(std::count_if(unlimited->begin(), unlimited->end(),
                           [](const PricingDecision &d) { return d.isChange(); }),
             4);
}

void tst_PricingEngine::previewIsCancellable()
{
    ProductSnapshot snapshot;
    for (int i = 0; i < 200'000; ++i) {
        PricingProduct p = product(5, 100, 1000, 1000, 500);
        p.id = i + 1;
        snapshot.add(p, QByteArrayView("S"), QByteArrayView("T"));
    }
    int calls = 0;
    const auto cancelled
        = PricingEngine::preview(snapshot, PricingRules(), kNow, [&](qint64 done, qint64 total) {
              ++calls;
              return done < total / 2;
          });
    QVERIFY(!cancelled);
    QVERIFY(calls >= 2);
    qint64 last = -1;
    const auto finished
        = PricingEngine::preview(snapshot, PricingRules(), kNow, [&](qint64 done, qint64) {
              last = done;
              return true;
          });
    QVERIFY(finished);
    QCOMPARE(last, 200'000);
    QCOMPARE(finished->size(), size_t(200'000));
}

void tst_PricingEngine::noDecisionBelowFloorOverManyPrices()
{
    // A sweep over prices, costs, margins and demands: the guard rails hold everywhere, and the
    // result is the exactly rounded rational checked against a second, independent formula.
    PricingRules rules;
    rules.minMarginBp = 1000;
    for (qint64 current = 1; current < 3000; current += 37) {
        for (qint64 cost : {qint64(0), current / 2, current, current * 2}) {
            for (int demand : {0, 1, 50, 333, 1000}) {
                PricingProduct p = product(5, demand, 999, current, cost);
                const PricingDecision d = PricingEngine::decide(p, 0, rules, false, kNow);
                const qint64 floor = PricingEngine::floorCents(p, rules);
                QVERIFY(d.newCents >= floor || d.outcome != PricingOutcome::Change);
                if (d.limits == 0 && !(d.flags & PricingDecision::Charmed)) {
                    // current + 999 × 0.05 × demand/100, in cents × 10^6, rounded half up.
                    const qint64 scaled = current * 1'000'000 + 999LL * 500 * demand;
                    QCOMPARE(d.newCents, (scaled + 500'000) / 1'000'000);
                }
            }
        }
    }
}

QTEST_GUILESS_MAIN(tst_PricingEngine)
#include "tst_pricingengine.moc"
