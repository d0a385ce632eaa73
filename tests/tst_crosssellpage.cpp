// The Cross-sell page on a real database: "Mine now" runs off the GUI thread and fills the rules
// table (checked by QAbstractItemModelTester), the product filter, the product's lists, the
// chart's model, the cart simulator (recommendations follow the cart, never what is in it or out
// of stock) and both exports.

#include "crosssell/basketimporter.h"
#include "crosssell/crosssellpage.h"
#include "crosssell/ruletablemodel.h"
#include "db/sql.h"
#include "testdb.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

class tst_CrossSellPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void minesAndShows();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
    QTemporaryDir m_dir;
};

void tst_CrossSellPage::initTestCase()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    // Coffee goes with filters, tea with biscuits; milk is everywhere; sugar is sold out.
    const QString path = m_dir.filePath(QStringLiteral("baskets.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Coffee,Filters,Milk\nCoffee,Filters\nCoffee,Filters,Sugar\nCoffee,Sugar\n"
               "Tea,Biscuits,Milk\nTea,Biscuits\nTea,Milk\nMilk\nMilk,Sugar\nCoffee,Milk\n");
    file.close();
    MD_VERIFY(BasketImporter::run(*db, path));
    MD_VERIFY(sql::exec(db->sql(), QStringLiteral("UPDATE products SET stock_level = 0 "
                                                  "WHERE sku = 'sugar'")));
}

void tst_CrossSellPage::cleanupTestCase()
{
    m_scratch.reset();
}

void tst_CrossSellPage::minesAndShows()
{
    CrossSellPage page(m_scratch->spec());
    QAbstractItemModelTester tester(page.ruleModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(page.ruleProxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy updated(&page, &CrossSellPage::updated);
    QVERIFY(updated.wait(20000)); // the last run: none yet
    QVERIFY(page.data());
    QVERIFY(!page.data()->run);
    QCOMPARE(page.ruleModel()->rowCount(), 0);

    page.findChild<QDoubleSpinBox *>(QStringLiteral("minSupport"))->setValue(2);
    page.findChild<QDoubleSpinBox *>(QStringLiteral("minConfidence"))->setValue(0);
    page.findChild<QDoubleSpinBox *>(QStringLiteral("minLift"))->setValue(0);
    page.mine();
    QVERIFY(updated.wait(60000));
    QVERIFY(page.data()->run);
    QCOMPARE(page.data()->run->baskets, 10);
    QCOMPARE(page.data()->run->minCount, 2);
    // Pairs in two orders or more: coffee+filters 3, coffee+milk 2, coffee+sugar 2,
    // tea+biscuits 2, tea+milk 2 (the other pairs are in one order): ten rules.
    QCOMPARE(page.ruleModel()->rowCount(), 10);

    // Sorted by lift, descending; the raw role holds the number.
    page.ruleProxy()->sort(RuleTableModel::Lift, Qt::DescendingOrder);
    const double top
        = page.ruleProxy()->index(0, RuleTableModel::Lift).data(RuleTableModel::RawRole).toDouble();
    const double last
        = page.ruleProxy()->index(9, RuleTableModel::Lift).data(RuleTableModel::RawRole).toDouble();
    QVERIFY(top >= last);
    // Tea → biscuits: 2 of tea's 3 orders, biscuits in 2 of 10: lift (2/3) / (2/10).
    QVERIFY(qFuzzyCompare(top, 10.0 / 3.0));

    page.ruleProxy()->setFilterFixedString(QStringLiteral("biscuits"));
    QCOMPARE(page.ruleProxy()->rowCount(), 2);
    page.ruleProxy()->setFilterFixedString(QString());

    QVERIFY(page.showProduct(QStringLiteral("coffee")));
    QCOMPARE(page.togetherTable()->rowCount(), 3);
    QCOMPARE(page.togetherTable()->item(0, 0)->text(), QStringLiteral("filters · Filters"));
    QCOMPARE(page.bundleTable()->rowCount(), 0); // no three products in two orders

    QCOMPARE(page.chartModel()->rowCount(), 5);
    // The strongest pair on top, i.e. in the last row of a horizontal bar chart.
    QVERIFY(qFuzzyCompare(page.chartModel()->index(4, 0).data().toDouble(), 10.0 / 3.0));

    // Cart simulator: coffee → filters (sugar is sold out); milk in the cart is never offered.
    QVERIFY(page.addToCart(QStringLiteral("coffee")));
    QCOMPARE(page.recommendationTable()->rowCount(), 2);
    QCOMPARE(page.recommendationTable()->item(0, 0)->text(), QStringLiteral("filters · Filters"));
    QVERIFY(page.recommendationTable()->item(0, 2)->text().contains(QStringLiteral("Coffee")));
    QVERIFY(page.addToCart(QStringLiteral("milk")));
    for (int row = 0; row < page.recommendationTable()->rowCount(); ++row) {
        const QString text = page.recommendationTable()->item(row, 0)->text();
        QVERIFY(!text.startsWith(QStringLiteral("milk")));
        QVERIFY(!text.startsWith(QStringLiteral("coffee")));
        QVERIFY(!text.startsWith(QStringLiteral("sugar")));
    }
    QVERIFY(!page.addToCart(QStringLiteral("no-such-sku")));
    page.clearCart();
    QCOMPARE(page.recommendationTable()->rowCount(), 0);

    const QString csv = m_dir.filePath(QStringLiteral("recommendations.csv"));
    MD_VERIFY(page.exportRecommendations(csv));
    QFile recommendations(csv);
    QVERIFY(recommendations.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = recommendations.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("sku,recommended_sku,rank,confidence,lift"));
    QVERIFY(lines.contains("coffee,filters,1,0.600000,2.000000\r"));
    for (const QByteArray &line : lines)
        QVERIFY(!line.contains(",sugar,")); // sold out

    const QString woo = m_dir.filePath(QStringLiteral("woocommerce.csv"));
    MD_VERIFY(page.exportWooCommerce(woo));
    QFile wooFile(woo);
    QVERIFY(wooFile.open(QIODevice::ReadOnly));
    const QByteArray wooText = wooFile.readAll();
    QVERIFY(wooText.startsWith("SKU,Cross-sells\r\n"));
    QVERIFY2(wooText.contains("\r\ncoffee,\"filters,milk\"\r\n"), wooText.constData());
}

QTEST_MAIN(tst_CrossSellPage)
#include "tst_crosssellpage.moc"
