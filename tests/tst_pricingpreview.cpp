// What the Repricing page stands on: the preview computed off the GUI thread (progress, cancel,
// result after the worker ended), the preview table model (QAbstractItemModelTester, filters,
// totals, sorting, check boxes, margins) and applying the ticked rows in the background.

#include "db/sql.h"
#include "pricing/pricingpreviewmodel.h"
#include "pricing/pricingtask.h"
#include "seedproducts.h"
#include "testdb.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace md;

namespace {

constexpr qint64 kNow = 1'700'000'000;

Status seed(const Database &db)
{
    struct Row
    {
        const char *sku;
        std::optional<qint64> cost;
        qint64 base;
        qint64 current;
        int stock;
        double demand;
    };
    const Row rows[] = {
        {"A-100", 500, 1000, 1000, 5, 3.0},          // +15 %
        {"B-200", 500, 1000, 1200, 50, 0.0},         // -15 %, capped
        {"C-300", 500, 1000, 1500, 150, 2.0},        // held
        {"D-400", 200, 800, 800, 20, 1.25},          // +6.25 %
        {"E-500", std::nullopt, 1000, 1000, 5, 2.0}, // skipped: no cost, no minimum
    };
    std::vector<test::SeedProduct> products;
    for (const Row &row : rows) {
        const QString sku = QString::fromLatin1(row.sku);
        products.push_back({.sku = sku,
                            .title = QStringLiteral("Title %1").arg(sku),
                            .costCents = row.cost,
                            .basePriceCents = row.base,
                            .currentPriceCents = row.current,
                            .stockLevel = row.stock,
                            .demandScore = row.demand});
    }
    if (auto added = test::seedProducts(db, products); !added)
        return added;
    // B-200 cost 9.00 for a day 10 days ago: the lowest price of the last 30 days.
    return sql::exec(db.sql(),
                     QStringLiteral("INSERT INTO price_changes (product_id, old_price_cents, "
                                    "new_price_cents, changed_at) VALUES (2, 900, 1200, ?)"),
                     {kNow - 10 * 86400});
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

class tst_PricingPreview : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void previewInTheBackground();
    void cancelStopsThePreview();
    void tableModel();
    void applyTickedRows();
    void deriveDemandInTheBackground();

private:
    std::shared_ptr<const PricingPreview> computePreview();
    std::unique_ptr<test::ScratchDatabase> m_scratch;
};

void tst_PricingPreview::init()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
}

void tst_PricingPreview::cleanup()
{
    m_scratch.reset();
}

std::shared_ptr<const PricingPreview> tst_PricingPreview::computePreview()
{
    PricingTask task(m_scratch->spec());
    QSignalSpy ready(&task, &PricingTask::previewReady);
    if (!task.startPreview(kNow) || !ready.wait(30000))
        return {};
    return ready.first().first().value<std::shared_ptr<const PricingPreview>>();
}

void tst_PricingPreview::previewInTheBackground()
{
    PricingTask task(m_scratch->spec());
    QSignalSpy progress(&task, &PricingTask::progress);
    QSignalSpy ready(&task, &PricingTask::previewReady);
    QSignalSpy failed(&task, &PricingTask::failed);
    bool busyInHandler = true;
    connect(&task, &PricingTask::previewReady, this, [&] { busyInHandler = task.isBusy(); });
    QVERIFY(task.startPreview(kNow));
    QVERIFY(task.isBusy());
    QVERIFY(!task.startPreview(kNow)); // one operation at a time
    QVERIFY(ready.wait(30000));
    QCOMPARE(failed.count(), 0);
    QVERIFY(!busyInHandler);
    QVERIFY(progress.count() >= 2);
    int last = -1;
    for (const auto &arguments : progress) {
        QVERIFY(arguments.at(0).toInt() >= last);
        last = arguments.at(0).toInt();
    }
    QCOMPARE(last, 100);
    const auto preview = ready.first().first().value<std::shared_ptr<const PricingPreview>>();
    QVERIFY(preview);
    QCOMPARE(preview->decisions.size(), size_t(5));
    QCOMPARE(preview->totals.changes, 3);
    QCOMPARE(preview->computedAt, kNow);

    // Rules still being edited, not stored: a 10 % cap.
    PricingRules rules;
    rules.maxStepBp = 1000;
    QSignalSpy again(&task, &PricingTask::previewReady);
    QVERIFY(task.startPreview(kNow, rules));
    QVERIFY(again.wait(30000));
    const auto edited = again.first().first().value<std::shared_ptr<const PricingPreview>>();
    QCOMPARE(edited->decisions[0].newCents, 1100);
    QCOMPARE(edited->totals.capped, 2);
}

void tst_PricingPreview::cancelStopsThePreview()
{
    PricingTask task(m_scratch->spec());
    QSignalSpy ready(&task, &PricingTask::previewReady);
    QSignalSpy cancelled(&task, &PricingTask::cancelled);
    QVERIFY(task.startPreview(kNow));
    task.cancel();
    QVERIFY(cancelled.wait(30000));
    QCOMPARE(ready.count(), 0);
    QVERIFY(!task.isBusy());
    // Usable again afterwards.
    QVERIFY(task.startPreview(kNow));
    QVERIFY(ready.wait(30000));
}

void tst_PricingPreview::tableModel()
{
    const auto preview = computePreview();
    QVERIFY(preview);
    PricingPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy checked(&model, &PricingPreviewModel::checkedCountChanged);
    model.setPreview(preview, QLocale::c());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(PricingPreviewModel::ColumnCount));
    QCOMPARE(model.checkedCount(), 3);
    QCOMPARE(checked.count(), 1);

    using C = PricingPreviewModel;
    QCOMPARE(cell(model, 0, C::Sku), QStringLiteral("A-100"));
    QCOMPARE(cell(model, 0, C::Title), QStringLiteral("Title A-100"));
    QCOMPARE(cell(model, 0, C::Stock), QStringLiteral("5"));
    QCOMPARE(cell(model, 0, C::Demand), QStringLiteral("3.00"));
    QCOMPARE(cell(model, 0, C::CurrentPrice), QStringLiteral("10.00"));
    QCOMPARE(cell(model, 0, C::ProposedPrice), QStringLiteral("11.50"));
    QCOMPARE(cell(model, 0, C::ChangePct), QStringLiteral("+15.0 %"));
    QCOMPARE(cell(model, 0, C::Reason), QStringLiteral("Low stock (5), demand 3.00: +15.0 %"));
    QCOMPARE(cell(model, 0, C::MarginBefore), QStringLiteral("50.0 %"));
    QCOMPARE(cell(model, 0, C::MarginAfter), QStringLiteral("56.5 %"));
    QCOMPARE(cell(model, 0, C::LowestRecentPrice), QStringLiteral("10.00"));
    QCOMPARE(cell(model, 1, C::Limit), QStringLiteral("cap"));
    QCOMPARE(cell(model, 1, C::LowestRecentPrice), QStringLiteral("9.00"));
    QCOMPARE(model.data(model.index(1, C::ProposedPrice), C::RawRole).toLongLong(), 1020);
    QCOMPARE(model.data(model.index(0, C::Sku), Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.headerData(C::LowestRecentPrice, Qt::Horizontal).toString(),
             QStringLiteral("Lowest 30 days"));

    QCOMPARE(model.shownTotals().changes, 3);
    model.setFilter(PricingPreviewModel::Filter::Increases);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.shownTotals().increases, 2);
    QCOMPARE(model.shownTotals().changeBpSum, 1500 + 625);
    model.setFilter(PricingPreviewModel::Filter::Decreases);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, C::Sku), QStringLiteral("B-200"));
    model.setFilter(PricingPreviewModel::Filter::Capped);
    QCOMPARE(model.rowCount(), 1);
    model.setFilter(PricingPreviewModel::Filter::Everything);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.shownTotals().skipped, 1);
    QCOMPARE(model.shownTotals().unchanged, 1);
    QCOMPARE(cell(model, 4, C::MarginBefore), QString()); // no cost: no margin
    QCOMPARE(model.flags(model.index(2, C::Sku)) & Qt::ItemIsUserCheckable, Qt::NoItemFlags);

    model.sort(C::ChangePct, Qt::DescendingOrder);
    QCOMPARE(cell(model, 0, C::Sku), QStringLiteral("A-100"));
    QCOMPARE(cell(model, 1, C::Sku), QStringLiteral("D-400"));
    QCOMPARE(cell(model, 4, C::Sku), QStringLiteral("B-200"));
    model.sort(C::Sku, Qt::DescendingOrder);
    QCOMPARE(cell(model, 0, C::Sku), QStringLiteral("E-500"));

    // Search within the filter: SKU or title, ASCII case ignored; totals follow.
    model.setSearchText(QStringLiteral("title b"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, C::Sku), QStringLiteral("B-200"));
    model.setSearchText(QStringLiteral(" d-4 "));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.shownTotals().increases, 1);
    model.setSearchText(QStringLiteral("00"));
    QCOMPARE(model.rowCount(), 5);
    model.setSearchText(QStringLiteral("nothing"));
    QCOMPARE(model.rowCount(), 0);
    model.setSearchText(QString());
    QCOMPARE(model.rowCount(), 5);

    model.setFilter(PricingPreviewModel::Filter::Changes);
    model.sort(C::Sku, Qt::AscendingOrder);
    QVERIFY(model.setData(model.index(1, C::Sku), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.checkedCount(), 2);
    QCOMPARE(model.checkedDecisionRows(), (std::vector<qint32>{0, 3}));
    model.setAllChecked(false);
    QCOMPARE(model.checkedCount(), 0);
    QVERIFY(model.checkedDecisionRows().empty());
    model.setAllChecked(true);
    QCOMPARE(model.checkedCount(), 3);
}

void tst_PricingPreview::applyTickedRows()
{
    const auto preview = computePreview();
    QVERIFY(preview);
    PricingTask task(m_scratch->spec());
    QSignalSpy applied(&task, &PricingTask::applied);
    QVERIFY(task.startApply(preview, {0, 3}, PricingRunSource::Manual, QStringLiteral("anna"),
                            kNow + 5));
    QVERIFY(applied.wait(30000));
    const auto report = applied.first().first().value<PricingRunReport>();
    QCOMPARE(report.changed, 2);
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto prices = sql::select(db->sql(), QStringLiteral("SELECT sku, current_price_cents FROM "
                                                        "products ORDER BY id"));
    MD_VERIFY(prices);
    QStringList seen;
    while (prices->next())
        seen << prices->value(0).toString() + QLatin1Char('=') + prices->value(1).toString();
    QCOMPARE(seen.join(QLatin1Char(' ')),
             QStringLiteral("A-100=1150 B-200=1200 C-300=1500 D-400=850 E-500=1000"));
}

void tst_PricingPreview::deriveDemandInTheBackground()
{
    PricingTask task(m_scratch->spec());
    QSignalSpy derived(&task, &PricingTask::demandDerived);
    QVERIFY(task.startDeriveDemand(kNow));
    QVERIFY(derived.wait(30000));
    const auto report = derived.first().first().value<DemandDeriver::Report>();
    // No orders at all: every score that was not 0 drops to 0.
    QCOMPARE(report.productsWithSales, 0);
    QCOMPARE(report.changed, 4);
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto total = sql::scalar(db->sql(), QStringLiteral("SELECT SUM(demand_score) FROM products"));
    MD_VERIFY(total);
    QCOMPARE(total->toDouble(), 0.0);
}

QTEST_GUILESS_MAIN(tst_PricingPreview)
#include "tst_pricingpreview.moc"
