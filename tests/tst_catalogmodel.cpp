#include "catalog/catalogquery.h"
#include "db/bulkwriter.h"
#include "db/pagedquerymodel.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "testdb.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace md;

namespace {

constexpr int kProducts = 2000;

// Distinct prices: 7919 is coprime with 2000, so i * 7919 mod 2000 visits every residue once.
qint64 priceOf(int i)
{
    return 100 + qint64((i * 7919) % kProducts) * 10;
}

QString skuOf(int i)
{
    return QStringLiteral("SKU-%1").arg(i, 5, 10, QLatin1Char('0'));
}

QString titleOf(int i)
{
    // A few titles that tell a literal match from a LIKE wildcard.
    switch (i) {
    case 7:
        return QStringLiteral("50% off mug");
    case 8:
        return QStringLiteral("50 percent mug");
    case 9:
        return QStringLiteral("under_score lamp");
    case 10:
        return QStringLiteral("underXscore lamp");
    default:
        return QStringLiteral("Product %1").arg(i);
    }
}

QString categoryOf(int i)
{
    static const QStringList categories = {QStringLiteral("Kitchen"), QStringLiteral("Garden"),
                                           QStringLiteral("Toys"), QStringLiteral("Books")};
    return categories.at(i % categories.size());
}

} // namespace

class tst_CatalogModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passesModelTester();
    void countsAndHeaders();
    void search_data();
    void search();
    void sortByPrice_data();
    void sortByPrice();
    void laterPagesLoad();
    void everyRowOnceInOrder_data();
    void everyRowOnceInOrder();
    void keyForRowIsTheProductId();
    void badColumnReportsError();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
};

void tst_CatalogModel::initTestCase()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    Transaction tx(db->sql(), db->dialect());
    MD_VERIFY(tx.begin());
    auto writer
        = BulkWriter::open(*db, QStringLiteral("products"),
                           {QStringLiteral("id"), QStringLiteral("sku"), QStringLiteral("title"),
                            QStringLiteral("category"), QStringLiteral("cost_cents"),
                            QStringLiteral("base_price_cents"),
                            QStringLiteral("current_price_cents"), QStringLiteral("stock_level"),
                            QStringLiteral("demand_score"), QStringLiteral("is_exclusive"),
                            QStringLiteral("created_at"), QStringLiteral("updated_at")});
    MD_VERIFY(writer);
    for (int i = 1; i <= kProducts; ++i) {
        (*writer)->addInt(i);
        (*writer)->addText(skuOf(i));
        (*writer)->addText(titleOf(i));
        (*writer)->addText(categoryOf(i));
        (*writer)->addInt(priceOf(i) / 2);
        (*writer)->addInt(priceOf(i));
        (*writer)->addInt(priceOf(i));
        (*writer)->addInt(i % 50);
        (*writer)->addReal(i / 100.0);
        (*writer)->addInt(i % 5 == 0 ? 1 : 0);
        (*writer)->addInt(1700000000);
        (*writer)->addInt(1700000000);
        MD_VERIFY((*writer)->endRow());
    }
    MD_VERIFY((*writer)->finish());
    MD_VERIFY(tx.commit());
}

void tst_CatalogModel::passesModelTester()
{
    PagedQueryModel model(m_scratch->spec(), CatalogQuery::spec());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY2(model.waitUntilLoaded(), qPrintable(model.lastError()));
    QCOMPARE(model.rowCount(), kProducts);
    // Walk pages (some loaded, most not), sort, search and reload under the tester's eye.
    for (int row : {0, 199, 200, 1999})
        model.data(model.index(row, CatalogQuery::Sku));
    QTRY_VERIFY(model.keyForRow(1999) >= 0);
    model.sort(CatalogQuery::Price, Qt::DescendingOrder);
    QVERIFY(model.waitUntilLoaded());
    model.setSearchText(QStringLiteral("Kitchen"));
    QVERIFY(model.waitUntilLoaded());
    QCOMPARE(model.rowCount(), kProducts / 4);
    model.setSearchText(QStringLiteral("no such product"));
    QVERIFY(model.waitUntilLoaded());
    QCOMPARE(model.rowCount(), 0);
    model.reload();
    QVERIFY(model.waitUntilLoaded());
}

void tst_CatalogModel::countsAndHeaders()
{
    PagedQueryModel model(m_scratch->spec(), CatalogQuery::spec());
    QSignalSpy counted(&model, &PagedQueryModel::rowCountKnown);
    QVERIFY(model.waitUntilLoaded());
    QCOMPARE(model.rowCount(), kProducts);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().first().toInt(), kProducts);
    QCOMPARE(model.columnCount(), 9);
    QCOMPARE(model.headerData(CatalogQuery::Sku, Qt::Horizontal).toString(), QStringLiteral("SKU"));
    QCOMPARE(model.headerData(CatalogQuery::Demand, Qt::Horizontal).toString(),
             QStringLiteral("Demand score"));
    // Default order: SKU ascending.
    QCOMPARE(model.data(model.index(0, CatalogQuery::Sku)).toString(), skuOf(1));
    QCOMPARE(model.rawValue(0, CatalogQuery::Price).toLongLong(), priceOf(1));
    QCOMPARE(model.rawValue(4, CatalogQuery::Exclusive).toInt(), 1); // product 5
    QCOMPARE(model.rawValue(3, CatalogQuery::Exclusive).toInt(), 0);
}

void tst_CatalogModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expectedSkus"); // empty: only the count is checked
    QTest::addColumn<int>("expectedCount");

    QTest::newRow("category, any case")
        << QStringLiteral("kItChEn") << QStringList() << kProducts / 4;
    QTest::newRow("sku prefix") << QStringLiteral("SKU-0001")
                                << QStringList{skuOf(10), skuOf(11), skuOf(12), skuOf(13),
                                               skuOf(14), skuOf(15), skuOf(16), skuOf(17),
                                               skuOf(18), skuOf(19)}
                                << 10;
    QTest::newRow("title word") << QStringLiteral("mug") << QStringList{skuOf(7), skuOf(8)} << 2;
    QTest::newRow("percent is literal") << QStringLiteral("50%") << QStringList{skuOf(7)} << 1;
    QTest::newRow("underscore is literal")
        << QStringLiteral("under_score") << QStringList{skuOf(9)} << 1;
    QTest::newRow("surrounding blanks ignored")
        << QStringLiteral("  lamp ") << QStringList{skuOf(9), skuOf(10)} << 2;
    QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList() << 0;
}

void tst_CatalogModel::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expectedSkus);
    QFETCH(int, expectedCount);

    PagedQueryModel model(m_scratch->spec(), CatalogQuery::spec());
    model.setSearchText(text);
    QVERIFY2(model.waitUntilLoaded(), qPrintable(model.lastError()));
    QCOMPARE(model.rowCount(), expectedCount);
    QStringList skus;
    const QString needle = text.trimmed();
    for (int row = 0; row < qMin(model.rowCount(), PagedQueryModel::kPageSize); ++row) {
        skus << model.rawValue(row, CatalogQuery::Sku).toString();
        const bool matches = model.rawValue(row, CatalogQuery::Sku)
                                 .toString()
                                 .contains(needle, Qt::CaseInsensitive)
                             || model.rawValue(row, CatalogQuery::Title)
                                    .toString()
                                    .contains(needle, Qt::CaseInsensitive)
                             || model.rawValue(row, CatalogQuery::Category)
                                    .toString()
                                    .contains(needle, Qt::CaseInsensitive);
        QVERIFY2(matches, qPrintable(skus.last()));
    }
    if (!expectedSkus.isEmpty())
        QCOMPARE(skus, expectedSkus);
}

void tst_CatalogModel::sortByPrice_data()
{
    QTest::addColumn<int>("order");
    QTest::addColumn<qint64>("firstPrice");
    QTest::addColumn<qint64>("secondPrice");

    QTest::newRow("ascending") << int(Qt::AscendingOrder) << qint64(100) << qint64(110);
    QTest::newRow("descending") << int(Qt::DescendingOrder) << qint64(100 + 1999 * 10)
                                << qint64(100 + 1998 * 10);
}

void tst_CatalogModel::sortByPrice()
{
    QFETCH(int, order);
    QFETCH(qint64, firstPrice);
    QFETCH(qint64, secondPrice);

    // Which products carry these prices, found by brute force rather than by the model's SQL.
    QString firstSku;
    QString secondSku;
    for (int i = 1; i <= kProducts; ++i) {
        if (priceOf(i) == firstPrice)
            firstSku = skuOf(i);
        if (priceOf(i) == secondPrice)
            secondSku = skuOf(i);
    }

    PagedQueryModel model(m_scratch->spec(), CatalogQuery::spec());
    model.sort(CatalogQuery::Price, Qt::SortOrder(order));
    QVERIFY(model.waitUntilLoaded());
    QCOMPARE(model.sortColumn(), int(CatalogQuery::Price));
    QCOMPARE(model.rawValue(0, CatalogQuery::Price).toLongLong(), firstPrice);
    QCOMPARE(model.rawValue(0, CatalogQuery::Sku).toString(), firstSku);
    QCOMPARE(model.rawValue(1, CatalogQuery::Sku).toString(), secondSku);
    // Every row of the first page is in order.
    for (int row = 1; row < PagedQueryModel::kPageSize; ++row) {
        const qint64 previous = model.rawValue(row - 1, CatalogQuery::Price).toLongLong();
        const qint64 current = model.rawValue(row, CatalogQuery::Price).toLongLong();
        QVERIFY(order == Qt::AscendingOrder ? previous < current : previous > current);
    }
}

void tst_CatalogModel::laterPagesLoad()
{
    PagedQueryModel model(m_scratch->spec(), CatalogQuery::spec());
    QVERIFY(model.waitUntilLoaded());
    const int deep = 1500; // page 7
    QCOMPARE(model.keyForRow(deep), qint64(-1));
    QCOMPARE(model.data(model.index(deep, CatalogQuery::Sku)).toString(),
             QStringLiteral("Loading…"));
    QTRY_VERIFY(model.keyForRow(deep) >= 0);
    QCOMPARE(model.rawValue(deep, CatalogQuery::Sku).toString(), skuOf(deep + 1));
    QCOMPARE(model.data(model.index(1999, CatalogQuery::Sku)).isValid(), true);
    QTRY_COMPARE(model.rawValue(1999, CatalogQuery::Sku).toString(), skuOf(2000));
    QTRY_VERIFY(!model.isLoading());
}

void tst_CatalogModel::everyRowOnceInOrder_data()
{
    QTest::addColumn<int>("order");
    QTest::newRow("ascending") << int(Qt::AscendingOrder);
    QTest::newRow("descending") << int(Qt::DescendingOrder);
}

// Pages in the second half are read from the end in reverse; a partial last page and the seam
// in the middle must still give every row exactly once, in order.
void tst_CatalogModel::everyRowOnceInOrder()
{
    QFETCH(int, order);
    PagedQueryModel model(m_scratch->spec(), CatalogQuery::spec());
    model.setSearchText(QStringLiteral("Kitchen")); // kProducts / 4 rows: 2.5 pages
    model.sort(CatalogQuery::Price, Qt::SortOrder(order));
    QVERIFY(model.waitUntilLoaded());
    QCOMPARE(model.rowCount(), kProducts / 4);
    QSet<qint64> keys;
    qint64 previous = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        model.data(model.index(row, CatalogQuery::Sku));
        QTRY_VERIFY(model.keyForRow(row) >= 0);
        keys.insert(model.keyForRow(row));
        const qint64 price = model.rawValue(row, CatalogQuery::Price).toLongLong();
        if (row > 0) {
            QVERIFY2(order == Qt::AscendingOrder ? previous <= price : previous >= price,
                     qPrintable(QStringLiteral("row %1").arg(row)));
        }
        previous = price;
    }
    QCOMPARE(keys.size(), kProducts / 4);
}

void tst_CatalogModel::keyForRowIsTheProductId()
{
    auto db = m_scratch->open();
    MD_VERIFY(db);
    PagedQueryModel model(m_scratch->spec(), CatalogQuery::spec());
    model.setSearchText(QStringLiteral("lamp"));
    QVERIFY(model.waitUntilLoaded());
    QCOMPARE(model.rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        auto id = sql::scalar(db->sql(), QStringLiteral("SELECT id FROM products WHERE sku = ?"),
                              {model.rawValue(row, CatalogQuery::Sku)});
        MD_VERIFY(id);
        QCOMPARE(model.keyForRow(row), id->toLongLong());
        QCOMPARE(model.data(model.index(row, 0), PagedQueryModel::KeyRole).toLongLong(),
                 id->toLongLong());
    }
    QCOMPARE(model.keyForRow(2), qint64(-1));
    QCOMPARE(model.keyForRow(-1), qint64(-1));
}

void tst_CatalogModel::badColumnReportsError()
{
    PagedQuerySpec spec = CatalogQuery::spec();
    spec.columns[CatalogQuery::Title].expression = QStringLiteral("no_such_column");
    PagedQueryModel model(m_scratch->spec(), spec);
    QSignalSpy errors(&model, &PagedQueryModel::errorOccurred);
    QVERIFY(!model.waitUntilLoaded(10000));
    QVERIFY(!model.lastError().isEmpty());
    QVERIFY2(model.lastError().contains(QLatin1String("no_such_column")),
             qPrintable(model.lastError()));
    QCOMPARE(errors.size(), 1);
    // The count may have succeeded (it names no column); no row ever gets data.
    QCOMPARE(model.keyForRow(0), qint64(-1));
    QTRY_VERIFY(!model.isLoading());
}

QTEST_GUILESS_MAIN(tst_CatalogModel)
#include "tst_catalogmodel.moc"
