// Repricing storage on the backend under test: the rule set in the database, the catalog
// snapshot (locks, lowest price of 30 days, newest change), applying a preview as a run with
// its conflicts, undoing a run with its conflicts, proposals, and deriving demand from sales.

#include "db/sql.h"
#include "pricing/demandderiver.h"
#include "pricing/pricingproposalstore.h"
#include "pricing/pricingrulestore.h"
#include "pricing/pricingrunstore.h"
#include "pricing/pricingservice.h"
#include "pricing/productloader.h"
#include "seedproducts.h"
#include "testdb.h"

#include <QTest>

using namespace md;

namespace {

constexpr qint64 kNow = 1'700'000'000;
constexpr qint64 kDay = 86400;

struct Row
{
    const char *sku;
    const char *category;
    std::optional<qint64> cost;
    qint64 base;
    qint64 current;
    int stock;
    double demand;
};

// Low stock rises, normal stock moves towards base, high stock holds.
const Row kCatalog[] = {
    {"LOW-1", "Toys", 500, 1000, 1000, 5, 3.0},             // → 11.50
    {"LOW-2", "Toys", 500, 2000, 2000, 10, 1.0},            // → 21.00
    {"MID-1", "Books", 500, 1000, 1200, 50, 0.0},           // → 10.20 (capped)
    {"HIGH-1", "Books", 500, 1000, 1500, 500, 2.0},         // held
    {"NOCOST", "Garden", std::nullopt, 1000, 1000, 5, 2.0}, // skipped: no floor
};

Status seed(const Database &db)
{
    std::vector<test::SeedProduct> products;
    for (const Row &row : kCatalog) {
        const QString sku = QString::fromLatin1(row.sku);
        products.push_back({.sku = sku,
                            .title = QStringLiteral("Title of %1").arg(sku),
                            .category = QString::fromLatin1(row.category),
                            .costCents = row.cost,
                            .basePriceCents = row.base,
                            .currentPriceCents = row.current,
                            .stockLevel = row.stock,
                            .demandScore = row.demand,
                            .createdAt = kNow - 400 * kDay});
    }
    return test::seedProducts(db, products);
}

qint64 idOf(const Database &db, const char *sku)
{
    auto id = sql::scalar(db.sql(), QStringLiteral("SELECT id FROM products WHERE sku = ?"),
                          {QString::fromLatin1(sku)});
    return id ? id->toLongLong() : -1;
}

qint64 priceOf(const Database &db, const char *sku)
{
    auto price = sql::scalar(db.sql(),
                             QStringLiteral("SELECT current_price_cents FROM products "
                                            "WHERE sku = ?"),
                             {QString::fromLatin1(sku)});
    return price ? price->toLongLong() : -1;
}

qint64 count(const Database &db, const QString &statement, const QVariantList &values = {})
{
    auto n = sql::scalar(db.sql(), statement, values);
    return n ? n->toLongLong() : -1;
}

} // namespace

class tst_PricingStore : public QObject
{
    Q_OBJECT

private slots:
    void rulesRoundTrip();
    void rulesRefuseBadStoredValues();
    void snapshotReadsLocksAndHistory();
    void applyRecordsARun();
    void applyLeavesChangedProductsAlone();
    void undoRevertsARun();
    void undoLeavesProductsChangedSince();
    void proposalsWaitForApproval();
    void demandFromSales();
};

void tst_PricingStore::rulesRoundTrip()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    auto loaded = PricingRuleStore::load(*db);
    MD_VERIFY(loaded);
    QVERIFY(*loaded == PricingRules::defaults());

    PricingRules rules;
    rules.lowStockThreshold = 7;
    rules.highStockThreshold = 70;
    rules.demandStepBp = 250;
    rules.maxStepBp = 1250;
    rules.minMarginBp = 1000;
    rules.overstockMarkdown = true;
    rules.overstockMarkdownBp = 575;
    rules.charm = CharmEnding::Cents95;
    rules.cooldownHours = 48;
    rules.maxChangesPerRun = 500;
    rules.lockedCategories = {QStringLiteral("Books"), QStringLiteral("Toys")};
    MD_VERIFY(PricingRuleStore::save(*db, rules, kNow));
    auto again = PricingRuleStore::load(*db);
    MD_VERIFY(again);
    QVERIFY(*again == rules);
    auto stored = sql::scalar(db->sql(), QStringLiteral("SELECT value FROM settings "
                                                        "WHERE name = 'pricing.demand_step_pct'"));
    MD_VERIFY(stored);
    QCOMPARE(stored->toString(), QStringLiteral("2.5"));

    PricingRules bad = rules;
    bad.highStockThreshold = 3;
    const Status refused = PricingRuleStore::save(*db, bad, kNow);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("High stock threshold")),
             qPrintable(refused.error()));
    auto unchanged = PricingRuleStore::load(*db);
    MD_VERIFY(unchanged);
    QCOMPARE(unchanged->highStockThreshold, 70);
}

void tst_PricingStore::rulesRefuseBadStoredValues()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(sql::exec(db->sql(), QStringLiteral("INSERT INTO settings (name, value) VALUES "
                                                  "('pricing.low_stock_threshold', '-4')")));
    auto loaded = PricingRuleStore::load(*db);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().contains(QLatin1String("pricing.low_stock_threshold")),
             qPrintable(loaded.error()));
    QVERIFY2(loaded.error().contains(QLatin1String("Low stock threshold must be a whole number")),
             qPrintable(loaded.error()));
}

void tst_PricingStore::snapshotReadsLocksAndHistory()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
    const qint64 low1 = idOf(*db, "LOW-1");
    const qint64 mid1 = idOf(*db, "MID-1");
    MD_VERIFY(PricingRuleStore::setLocked(*db, {mid1}, true, kNow));
    QVERIFY(!PricingRuleStore::setLocked(*db, {999999}, true, kNow));
    // LOW-1 was 8.00 for a while 10 days ago (inside 30 days); 40 days ago 5.00 (outside).
    for (const auto &[at, oldPrice, newPrice] :
         {std::tuple{kNow - 40 * kDay, 500, 900}, std::tuple{kNow - 12 * kDay, 900, 800},
          std::tuple{kNow - 10 * kDay, 800, 1000}}) {
        MD_VERIFY(sql::exec(db->sql(),
                            QStringLiteral("INSERT INTO price_changes (product_id, "
                                           "old_price_cents, new_price_cents, changed_at) "
                                           "VALUES (?, ?, ?, ?)"),
                            {low1, oldPrice, newPrice, at}));
    }

    auto snapshot = ProductLoader::load(*db, {kNow, 0});
    MD_VERIFY(snapshot);
    QCOMPARE(snapshot->size(), qsizetype(std::size(kCatalog)));
    const qsizetype lowRow = snapshot->rowOfId(low1);
    const qsizetype midRow = snapshot->rowOfId(mid1);
    QCOMPARE(snapshot->sku(lowRow), QStringLiteral("LOW-1"));
    QCOMPARE(snapshot->title(lowRow), QStringLiteral("Title of LOW-1"));
    QCOMPARE(snapshot->category(lowRow), QStringLiteral("Toys"));
    QCOMPARE(snapshot->at(lowRow).lowestRecentCents, 800);
    QCOMPARE(snapshot->at(lowRow).lastPriceChangeAt, kNow - 10 * kDay);
    QCOMPARE(snapshot->at(lowRow).demandHundredths, 300);
    QCOMPARE(snapshot->at(midRow).lowestRecentCents, 1200); // no change: the current price
    QCOMPARE(snapshot->at(midRow).lastPriceChangeAt, -1);
    QVERIFY(snapshot->at(midRow).flags & PricingProduct::Locked);
    QVERIFY(!(snapshot->at(lowRow).flags & PricingProduct::Locked));
    QCOMPARE(snapshot->at(snapshot->rowOfId(idOf(*db, "NOCOST"))).costCents, -1);

    // A 60-day cool-down reads further back than 30 days for the newest change.
    MD_VERIFY(sql::exec(db->sql(), QStringLiteral("DELETE FROM price_changes WHERE changed_at > ?"),
                        {kNow - 20 * kDay}));
    auto longer = ProductLoader::load(*db, {kNow, 60 * 24});
    MD_VERIFY(longer);
    QCOMPARE(longer->at(longer->rowOfId(low1)).lastPriceChangeAt, kNow - 40 * kDay);
    QCOMPARE(longer->at(longer->rowOfId(low1)).lowestRecentCents, 1000);
}

void tst_PricingStore::applyRecordsARun()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
    auto preview = PricingService::preview(*db, kNow);
    MD_VERIFY(preview);
    QCOMPARE((*preview)->totals.changes, 3);
    QCOMPARE((*preview)->totals.increases, 2);
    QCOMPARE((*preview)->totals.decreases, 1);
    QCOMPARE((*preview)->totals.capped, 1);
    QCOMPARE((*preview)->totals.skipped, 1);

    auto report = PricingService::apply(*db, **preview, {}, PricingRunSource::Cli,
                                        QStringLiteral("cron"), kNow);
    MD_VERIFY(report);
    QCOMPARE(report->changed, 3);
    QVERIFY(report->conflicts.empty());
    QCOMPARE(priceOf(*db, "LOW-1"), 1150);
    QCOMPARE(priceOf(*db, "LOW-2"), 2100);
    QCOMPARE(priceOf(*db, "MID-1"), 1020);
    QCOMPARE(priceOf(*db, "HIGH-1"), 1500);
    QCOMPARE(priceOf(*db, "NOCOST"), 1000);

    auto run = PricingRunStore::run(*db, report->runId);
    MD_VERIFY(run);
    QCOMPARE(int(run->source), int(PricingRunSource::Cli));
    QCOMPARE(run->startedBy, QStringLiteral("cron"));
    QCOMPARE(run->changeCount, 3);
    QCOMPARE(run->finishedAt, kNow);
    QVERIFY(run->parameters.contains(QLatin1String("\"low_stock_threshold\":\"20\"")));
    auto changes = PricingRunStore::changes(*db, report->runId);
    MD_VERIFY(changes);
    QCOMPARE(changes->size(), size_t(3));
    QCOMPARE(changes->at(0).sku, QStringLiteral("LOW-1"));
    QCOMPARE(changes->at(0).oldCents, 1000);
    QCOMPARE(changes->at(0).newCents, 1150);
    QCOMPARE(changes->at(0).reason, QStringLiteral("Low stock (5), demand 3.00: +15.0 %"));
    QCOMPARE(changes->at(2).reason,
             QStringLiteral("Normal stock (50), demand 0.00: -16.7 %, capped at -15 %"));

    // Applying only a selection: the rows of the preview that the owner ticked.
    auto second = PricingService::preview(*db, kNow + 1);
    MD_VERIFY(second);
    const qint32 low2Row = qint32((*second)->products.rowOfId(idOf(*db, "LOW-2")));
    auto partial = PricingService::apply(*db, **second, {low2Row}, PricingRunSource::Manual,
                                         QStringLiteral("anna"), kNow + 1);
    MD_VERIFY(partial);
    QCOMPARE(partial->changed, 1);
    QCOMPARE(priceOf(*db, "LOW-2"), 2200);
    QCOMPARE(priceOf(*db, "LOW-1"), 1150);
    auto runs = PricingRunStore::runs(*db);
    MD_VERIFY(runs);
    QCOMPARE(runs->size(), size_t(2));
    QCOMPARE(runs->front().id, partial->runId); // newest first
    auto history = PricingRunStore::history(*db, idOf(*db, "LOW-2"));
    MD_VERIFY(history);
    QCOMPARE(history->size(), size_t(2));
    QCOMPARE(history->back().newCents, 2200);
}

void tst_PricingStore::applyLeavesChangedProductsAlone()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
    auto preview = PricingService::preview(*db, kNow);
    MD_VERIFY(preview);
    // Someone edits LOW-2's price between the preview and the approval.
    MD_VERIFY(sql::exec(db->sql(), QStringLiteral("UPDATE products SET current_price_cents = 1999 "
                                                  "WHERE sku = 'LOW-2'")));
    auto report = PricingService::apply(*db, **preview, {}, PricingRunSource::Manual,
                                        QStringLiteral("anna"), kNow);
    MD_VERIFY(report);
    QCOMPARE(report->changed, 2);
    QCOMPARE(report->conflicts.size(), size_t(1));
    QCOMPARE(report->conflicts.front().sku, QStringLiteral("LOW-2"));
    QCOMPARE(report->conflicts.front().expectedCents, 2000);
    QCOMPARE(report->conflicts.front().actualCents, 1999);
    QCOMPARE(priceOf(*db, "LOW-2"), 1999);
    QCOMPARE(priceOf(*db, "LOW-1"), 1150);
    QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM price_changes WHERE run_id = ?"),
                   {report->runId}),
             2);
    auto run = PricingRunStore::run(*db, report->runId);
    MD_VERIFY(run);
    QCOMPARE(run->changeCount, 2);
}

void tst_PricingStore::undoRevertsARun()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
    auto preview = PricingService::preview(*db, kNow);
    MD_VERIFY(preview);
    auto applied = PricingService::apply(*db, **preview, {}, PricingRunSource::Schedule,
                                         QStringLiteral("scheduler"), kNow);
    MD_VERIFY(applied);

    auto undone = PricingRunStore::undo(*db, applied->runId, QStringLiteral("anna"), kNow + 60);
    MD_VERIFY(undone);
    QCOMPARE(undone->changed, 3);
    QVERIFY(undone->conflicts.empty());
    QCOMPARE(priceOf(*db, "LOW-1"), 1000);
    QCOMPARE(priceOf(*db, "LOW-2"), 2000);
    QCOMPARE(priceOf(*db, "MID-1"), 1200);

    auto undoRun = PricingRunStore::run(*db, undone->runId);
    MD_VERIFY(undoRun);
    QCOMPARE(int(undoRun->source), int(PricingRunSource::Undo));
    QCOMPARE(undoRun->undoOfRunId, applied->runId);
    QCOMPARE(undoRun->changeCount, 3);
    QCOMPARE(undoRun->startedBy, QStringLiteral("anna"));
    auto original = PricingRunStore::run(*db, applied->runId);
    MD_VERIFY(original);
    QCOMPARE(original->undoneAt, kNow + 60);
    QVERIFY(!original->canUndo());
    auto history = PricingRunStore::history(*db, idOf(*db, "MID-1"));
    MD_VERIFY(history);
    QCOMPARE(history->size(), size_t(2));
    QCOMPARE(history->back().oldCents, 1020);
    QCOMPARE(history->back().newCents, 1200);
    QCOMPARE(history->back().reason, QStringLiteral("Undo of run %1").arg(applied->runId));

    const auto twice = PricingRunStore::undo(*db, applied->runId, QStringLiteral("anna"), kNow);
    QVERIFY(!twice);
    QVERIFY2(twice.error().contains(QLatin1String("undone already")), qPrintable(twice.error()));
    const auto ofUndo = PricingRunStore::undo(*db, undone->runId, QStringLiteral("anna"), kNow);
    QVERIFY(!ofUndo);
    QVERIFY2(ofUndo.error().contains(QLatin1String("itself an undo")), qPrintable(ofUndo.error()));
    const auto unknown = PricingRunStore::undo(*db, 4242, QStringLiteral("anna"), kNow);
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().contains(QLatin1String("no repricing run 4242")),
             qPrintable(unknown.error()));
    QCOMPARE(priceOf(*db, "LOW-1"), 1000);
}

void tst_PricingStore::undoLeavesProductsChangedSince()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
    auto first = PricingService::preview(*db, kNow);
    MD_VERIFY(first);
    auto runA = PricingService::apply(*db, **first, {}, PricingRunSource::Manual,
                                      QStringLiteral("anna"), kNow);
    MD_VERIFY(runA);
    // LOW-1 is repriced again by a later run; MID-1 is edited by hand (no history row).
    auto second = PricingService::preview(*db, kNow + 10);
    MD_VERIFY(second);
    const qint32 lowRow = qint32((*second)->products.rowOfId(idOf(*db, "LOW-1")));
    auto runB = PricingService::apply(*db, **second, {lowRow}, PricingRunSource::Manual,
                                      QStringLiteral("anna"), kNow + 10);
    MD_VERIFY(runB);
    QCOMPARE(priceOf(*db, "LOW-1"), 1300);
    MD_VERIFY(sql::exec(db->sql(), QStringLiteral("UPDATE products SET current_price_cents = 1111 "
                                                  "WHERE sku = 'MID-1'")));

    auto undone = PricingRunStore::undo(*db, runA->runId, QStringLiteral("jonas"), kNow + 20);
    MD_VERIFY(undone);
    QCOMPARE(undone->changed, 1); // only LOW-2 goes back
    QCOMPARE(priceOf(*db, "LOW-2"), 2000);
    QCOMPARE(priceOf(*db, "LOW-1"), 1300);
    QCOMPARE(priceOf(*db, "MID-1"), 1111);
    QCOMPARE(undone->conflicts.size(), size_t(2));
    QCOMPARE(undone->conflicts[0].sku, QStringLiteral("LOW-1"));
    QCOMPARE(undone->conflicts[0].expectedCents, 1150);
    QCOMPARE(undone->conflicts[0].actualCents, 1300);
    QCOMPARE(undone->conflicts[1].sku, QStringLiteral("MID-1"));
    QCOMPARE(undone->conflicts[1].actualCents, 1111);
}

void tst_PricingStore::proposalsWaitForApproval()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
    auto preview = PricingService::preview(*db, kNow);
    MD_VERIFY(preview);
    auto older = PricingProposalStore::create(*db, **preview, {}, PricingRunSource::Schedule,
                                              QStringLiteral("scheduler"), kNow);
    MD_VERIFY(older);
    auto newer = PricingProposalStore::create(*db, **preview, {}, PricingRunSource::Schedule,
                                              QStringLiteral("scheduler"), kNow + 5);
    MD_VERIFY(newer);
    auto olderInfo = PricingProposalStore::proposal(*db, *older);
    MD_VERIFY(olderInfo);
    QCOMPARE(int(olderInfo->status), int(PricingProposalInfo::Status::Discarded));
    auto pending = PricingProposalStore::newestPending(*db);
    MD_VERIFY(pending);
    QVERIFY(pending->has_value());
    QCOMPARE((*pending)->id, *newer);
    QCOMPARE((*pending)->changeCount, 3);
    QCOMPARE(priceOf(*db, "LOW-1"), 1000); // nothing applied yet

    MD_VERIFY(sql::exec(db->sql(), QStringLiteral("UPDATE products SET current_price_cents = 2050 "
                                                  "WHERE sku = 'LOW-2'")));
    auto items = PricingProposalStore::items(*db, *newer);
    MD_VERIFY(items);
    QCOMPARE(items->size(), size_t(3));
    QCOMPARE(items->at(0).sku, QStringLiteral("LOW-1"));
    QCOMPARE(items->at(0).newCents, 1150);
    QVERIFY(!items->at(0).isStale());
    QCOMPARE(items->at(1).sku, QStringLiteral("LOW-2"));
    QVERIFY(items->at(1).isStale());
    QCOMPARE(items->at(2).limitKind, QStringLiteral("cap"));

    const qint64 low1 = idOf(*db, "LOW-1");
    const qint64 low2 = idOf(*db, "LOW-2");
    auto report = PricingProposalStore::apply(*db, *newer, {low1, low2}, QStringLiteral("maria"),
                                              kNow + 100);
    MD_VERIFY(report);
    QCOMPARE(report->changed, 1);
    QCOMPARE(report->conflicts.size(), size_t(1));
    QCOMPARE(report->conflicts.front().sku, QStringLiteral("LOW-2"));
    QCOMPARE(priceOf(*db, "LOW-1"), 1150);
    QCOMPARE(priceOf(*db, "MID-1"), 1200); // not selected
    auto run = PricingRunStore::run(*db, report->runId);
    MD_VERIFY(run);
    QCOMPARE(int(run->source), int(PricingRunSource::Schedule));
    QCOMPARE(run->startedBy, QStringLiteral("maria"));
    auto applied = PricingProposalStore::proposal(*db, *newer);
    MD_VERIFY(applied);
    QCOMPARE(int(applied->status), int(PricingProposalInfo::Status::Applied));
    QCOMPARE(applied->runId, report->runId);
    QVERIFY(!PricingProposalStore::apply(*db, *newer, {}, QStringLiteral("maria"), kNow));
    QVERIFY(!PricingProposalStore::discard(*db, *newer, QStringLiteral("maria"), kNow));
    auto none = PricingProposalStore::newestPending(*db);
    MD_VERIFY(none);
    QVERIFY(!none->has_value());
}

void tst_PricingStore::demandFromSales()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
    MD_VERIFY(sql::exec(db->sql(), QStringLiteral("INSERT INTO customers (email, created_at) "
                                                  "VALUES ('a@example.com', 0)")));
    int number = 0;
    const auto order = [&](qint64 at, const char *status, const char *sku, int quantity) {
        ++number;
        auto id
            = sql::scalar(db->sql(),
                          QStringLiteral("INSERT INTO orders (order_number, customer_id, "
                                         "ordered_at, status) VALUES (?, 1, ?, ?) "
                                         "RETURNING id"),
                          {QStringLiteral("O-%1").arg(number), at, QString::fromLatin1(status)});
        if (!id)
            return Status(fail(id.error()));
        return sql::exec(db->sql(),
                         QStringLiteral("INSERT INTO order_lines (order_id, product_id, quantity, "
                                        "unit_price_cents) VALUES (?, ?, ?, 100)"),
                         {id->toLongLong(), idOf(*db, sku), quantity});
    };
    // LOW-1: 6 units recently, 4 before → 10 × 6 / 12 = 5.00.
    MD_VERIFY(order(kNow - 2 * kDay, "completed", "LOW-1", 6));
    MD_VERIFY(order(kNow - 20 * kDay, "completed", "LOW-1", 4));
    // MID-1: 1 unit recently → 10 × 1 / 3 = 3.33; a cancelled order and one 40 days ago do not
    // count.
    MD_VERIFY(order(kNow - 1 * kDay, "completed", "MID-1", 1));
    MD_VERIFY(order(kNow - 1 * kDay, "cancelled", "MID-1", 50));
    MD_VERIFY(order(kNow - 40 * kDay, "completed", "MID-1", 50));
    // HIGH-1: sold only before → 0; its stored 2.00 goes.
    MD_VERIFY(order(kNow - 15 * kDay, "completed", "HIGH-1", 3));
    // An order at exactly now is in the future of the window.
    MD_VERIFY(order(kNow, "completed", "LOW-2", 9));

    QCOMPARE(DemandDeriver::scoreHundredths(6, 4), 500);
    QCOMPARE(DemandDeriver::scoreHundredths(1, 0), 333);
    QCOMPARE(DemandDeriver::scoreHundredths(2, 0), 500);
    QCOMPARE(DemandDeriver::scoreHundredths(0, 9), 0);
    QCOMPARE(DemandDeriver::scoreHundredths(1000, 0), 998);
    QCOMPARE(DemandDeriver::scoreHundredths(1, 1), 250);

    auto report = DemandDeriver::derive(*db, kNow);
    MD_VERIFY(report);
    QCOMPARE(report->productsWithSales, 3);
    const auto demand = [&](const char *sku) {
        auto value = sql::scalar(db->sql(),
                                 QStringLiteral("SELECT demand_score FROM products WHERE sku = ?"),
                                 {QString::fromLatin1(sku)});
        return value ? qRound(value->toDouble() * 100) : -1;
    };
    QCOMPARE(demand("LOW-1"), 500);
    QCOMPARE(demand("MID-1"), 333);
    QCOMPARE(demand("HIGH-1"), 0);
    QCOMPARE(demand("LOW-2"), 0);
    QCOMPARE(demand("NOCOST"), 0);
    // LOW-1 3.00 → 5.00, MID-1 0 → 3.33, HIGH-1 2 → 0, LOW-2 1 → 0, NOCOST 2 → 0.
    QCOMPARE(report->changed, 5);
    auto again = DemandDeriver::derive(*db, kNow);
    MD_VERIFY(again);
    QCOMPARE(again->changed, 0);
}

QTEST_GUILESS_MAIN(tst_PricingStore)
#include "tst_pricingstore.moc"
