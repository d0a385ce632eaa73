// CsvImporter against a real database (SQLite or PostgreSQL, per MERCHANTDESK_TEST_BACKEND):
// the three modes, dry runs, the rejects file, foreign keys by natural key, the Shopify and
// WooCommerce samples, the log entities, and every kind of bad input, each checked to leave
// the database exactly as it was.

#include "db/sql.h"
#include "io/csvimporter.h"
#include "io/entitycatalog.h"
#include "testdb.h"
#include "tst_csvsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace md;

namespace {

const EntityDescriptor &entity(const char *name)
{
    return *EntityCatalog::find(QString::fromLatin1(name));
}

QVariant value(const Database &db, const QString &statement, const QVariantList &values = {})
{
    auto result = sql::scalar(db.sql(), statement, values);
    return result ? *result : QVariant(QStringLiteral("error: ") + result.error());
}

QVariant productValue(const Database &db, const char *column, const QString &sku)
{
    return value(
        db,
        QStringLiteral("SELECT %1 FROM products WHERE sku = ?").arg(QString::fromLatin1(column)),
        {sku});
}

} // namespace

class tst_CsvImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void insertsUpdatesAndCountsUnchanged();
    void columnsMissingFromTheFileAreKept();
    void insertMode();
    void replaceMode();
    void replaceRefusedByReferencesChangesNothing();
    void dryRunWritesNothing();
    void rejectsFile();
    void badInput_data();
    void badInput();
    void everyProblemIsCollected();
    void problemsAfterMultiLineFieldsNameTheirLine();
    void foreignKeysByNaturalKey();
    void semicolonFileWithDecimalComma();
    void windows1252File();
    void changedSettingsAndMapping();
    void shopifyExport();
    void wooCommerceExport();
    void logEntitiesCountEqualRows();
    void inventoryUpdatesStoredProducts();
    void planParentsInTheSameFile();
    void cancelRollsBack();
    void preview();

private:
    QString write(const QByteArray &bytes, const QString &name = QStringLiteral("in.csv"));
    Result<ImportSummary> importBytes(const char *entityName, const QByteArray &bytes,
                                      ImportOptions options = {});
    Result<ImportSummary> importFile(const char *entityName, const QString &path,
                                     ImportOptions options = {});

    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_CsvImport::init()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    m_db = std::make_unique<Database>(std::move(*db));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_CsvImport::cleanup()
{
    m_db.reset();
    m_scratch.reset();
    m_dir.reset();
}

QString tst_CsvImport::write(const QByteArray &bytes, const QString &name)
{
    const QString path = m_dir->filePath(name);
    if (!test::writeFile(path, bytes))
        return {};
    return path;
}

Result<ImportSummary> tst_CsvImport::importFile(const char *entityName, const QString &path,
                                                ImportOptions options)
{
    auto importer = CsvImporter::open(path, entity(entityName));
    if (!importer)
        return fail(importer.error());
    return importer->run(*m_db, options);
}

Result<ImportSummary> tst_CsvImport::importBytes(const char *entityName, const QByteArray &bytes,
                                                 ImportOptions options)
{
    return importFile(entityName, write(bytes), options);
}

void tst_CsvImport::insertsUpdatesAndCountsUnchanged()
{
    const QByteArray first = "sku,title,category,cost,base_price,current_price,stock_level,"
                             "demand_score,is_exclusive\n"
                             "A-1,Mug,Kitchen,2.10,9.99,,5,3.25,yes\n"
                             "A-2,Bowl,Kitchen,,12,11.50,0,0,0\n"
                             "A-3,Plate,,1,4.5,4.5,1,0.1,0\n";
    auto summary = importBytes("products", first);
    MD_VERIFY(summary);
    QVERIFY2(summary->written && !summary->refused, qPrintable(summary->problemReport()));
    QCOMPARE(summary->rows, 3);
    QCOMPARE(summary->inserted, 3);
    QCOMPARE(productValue(*m_db, "base_price_cents", QStringLiteral("A-1")).toLongLong(), 999);
    // An empty current_price is the base price.
    QCOMPARE(productValue(*m_db, "current_price_cents", QStringLiteral("A-1")).toLongLong(), 999);
    QCOMPARE(productValue(*m_db, "current_price_cents", QStringLiteral("A-2")).toLongLong(), 1150);
    QVERIFY(productValue(*m_db, "cost_cents", QStringLiteral("A-2")).isNull());
    QCOMPARE(productValue(*m_db, "demand_score", QStringLiteral("A-1")).toDouble(), 3.25);
    QCOMPARE(productValue(*m_db, "is_exclusive", QStringLiteral("A-1")).toInt(), 1);
    QCOMPARE(productValue(*m_db, "base_price_cents", QStringLiteral("A-3")).toLongLong(), 450);
    const qint64 created = productValue(*m_db, "created_at", QStringLiteral("A-1")).toLongLong();
    QVERIFY(created > 1700000000);
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("UPDATE products SET updated_at = 1")));

    QByteArray second = first;
    second.replace("A-2,Bowl", "A-2,Big bowl");
    second += "A-4,Cup,Kitchen,,3,,0,0,0\n";
    summary = importBytes("products", second);
    MD_VERIFY(summary);
    QCOMPARE(summary->inserted, 1);
    QCOMPARE(summary->updated, 1);
    QCOMPARE(summary->unchanged, 2);
    QCOMPARE(productValue(*m_db, "title", QStringLiteral("A-2")).toString(),
             QStringLiteral("Big bowl"));
    // Only the changed row is stamped; created_at never moves.
    QVERIFY(productValue(*m_db, "updated_at", QStringLiteral("A-2")).toLongLong() > 1);
    QCOMPARE(productValue(*m_db, "updated_at", QStringLiteral("A-1")).toLongLong(), 1);
    QCOMPARE(productValue(*m_db, "created_at", QStringLiteral("A-1")).toLongLong(), created);
}

void tst_CsvImport::columnsMissingFromTheFileAreKept()
{
    MD_VERIFY(importBytes("products", "sku,title,base_price,stock_level,cost\nA-1,Mug,9.99,5,2\n"));
    auto summary = importBytes("products", "sku,title,base_price\nA-1,Mug,10.99\n");
    MD_VERIFY(summary);
    QCOMPARE(summary->updated, 1);
    QCOMPARE(productValue(*m_db, "stock_level", QStringLiteral("A-1")).toInt(), 5);
    QCOMPARE(productValue(*m_db, "cost_cents", QStringLiteral("A-1")).toLongLong(), 200);
    // An empty cell in a column the file has means the field's default.
    MD_VERIFY(importBytes("products", "sku,title,base_price,stock_level,cost\nA-1,Mug,10.99,,\n"));
    QCOMPARE(productValue(*m_db, "stock_level", QStringLiteral("A-1")).toInt(), 0);
    QVERIFY(productValue(*m_db, "cost_cents", QStringLiteral("A-1")).isNull());
}

void tst_CsvImport::insertMode()
{
    MD_VERIFY(importBytes("products", "sku,title,base_price\nA-1,Mug,9.99\n"));
    ImportOptions options;
    options.mode = ImportMode::Insert;
    auto summary
        = importBytes("products", "sku,title,base_price\nA-1,Changed,1\nA-2,New,2\n", options);
    MD_VERIFY(summary);
    QCOMPARE(summary->inserted, 1);
    QCOMPARE(summary->kept, 1);
    QCOMPARE(summary->updated, 0);
    QCOMPARE(productValue(*m_db, "title", QStringLiteral("A-1")).toString(), QStringLiteral("Mug"));
    QVERIFY(summary->report().contains(QLatin1String("kept (already stored)")));
}

void tst_CsvImport::replaceMode()
{
    MD_VERIFY(importBytes("customers", "email,first_name\na@x.io,Ann\nb@x.io,Ben\nc@x.io,Cy\n"));
    ImportOptions options;
    options.mode = ImportMode::Replace;
    auto summary
        = importBytes("customers", "email,first_name\nB@X.IO,Benjamin\nd@x.io,Di\n", options);
    MD_VERIFY(summary);
    QCOMPARE(summary->deleted, 2);
    QCOMPARE(summary->updated, 1);
    QCOMPARE(summary->inserted, 1);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 2);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT first_name FROM customers WHERE email = "
                                         "'b@x.io'"))
                 .toString(),
             QStringLiteral("Benjamin"));
}

void tst_CsvImport::replaceRefusedByReferencesChangesNothing()
{
    MD_VERIFY(test::fillAwkwardShop(*m_db));
    const QString before = test::databaseDigest(*m_db);
    ImportOptions options;
    options.mode = ImportMode::Replace;
    // Order lines refer to every product but this one: they cannot be deleted.
    auto summary = importBytes("products", "sku,title,base_price\nNEW-1,New,1\n", options);
    QVERIFY(!summary);
    QVERIFY2(summary.error().contains(QLatin1String("refused")), qPrintable(summary.error()));
    QCOMPARE(test::databaseDigest(*m_db), before);
}

void tst_CsvImport::dryRunWritesNothing()
{
    MD_VERIFY(test::fillAwkwardShop(*m_db));
    const QString before = test::databaseDigest(*m_db);
    ImportOptions options;
    options.dryRun = true;
    auto summary = importBytes("products",
                               "sku,title,base_price\nSKU-000,Renamed,19.99\n"
                               "NEW-1,New,1\n",
                               options);
    MD_VERIFY(summary);
    QVERIFY(!summary->written);
    QCOMPARE(summary->inserted, 1);
    QCOMPARE(summary->updated, 1);
    QVERIFY(summary->report().contains(QLatin1String("nothing was written")));
    QCOMPARE(test::databaseDigest(*m_db), before);
}

void tst_CsvImport::rejectsFile()
{
    MD_VERIFY(test::fillAwkwardShop(*m_db));
    ImportOptions options;
    options.rejectsPath = m_dir->filePath(QStringLiteral("rejects.csv"));
    const QByteArray lines = "order_id,sku,quantity,unit_price\n"
                             "#1000,SKU-015,1,2.50\n"  // valid
                             "#1000,NO-SUCH-SKU,1,1\n" // unknown product
                             "#9999,SKU-001,1,1\n"     // unknown order
                             "#1001,SKU-015,-2,1\n"    // negative quantity
                             "#1002,SKU-015,1,=1+1\n"  // not a price
                             "#1003,SKU-015,4,3\n"     // valid
                             "#1003,SKU-015,5,3\n";    // the same key again
    auto summary = importBytes("order_lines", lines, options);
    MD_VERIFY(summary);
    QVERIFY(summary->written);
    QCOMPARE(summary->inserted, 1);
    QCOMPARE(summary->rejected, 6);
    QCOMPARE(summary->problemCount, 5); // the duplicate is one problem on two lines

    const QByteArray rejects = test::readFile(options.rejectsPath);
    QVERIFY2(rejects.startsWith("order_id,sku,quantity,unit_price,error\r\n"), rejects.constData());
    for (const char *expected :
         {"#1000,NO-SUCH-SKU,1,1,\"3:2: sku: products has no sku \"\"NO-SUCH-SKU\"\"\"\r\n",
          "#9999,SKU-001,1,1,\"4:1: order_id: orders has no order_number \"\"#9999\"\"\"\r\n",
          "#1001,SKU-015,-2,1,5:3: quantity: -2 must be greater than zero\r\n",
          "#1002,SKU-015,1,'=1+1,\"6:4: unit_price: \"\"=1+1\"\" is not an amount of money\"",
          "#1003,SKU-015,4,3,\"7:1: order_id: \"\"#1003, SKU-015\"\" is also on line 8",
          "#1003,SKU-015,5,3,\"8:1: order_id: \"\"#1003, SKU-015\"\" is also on line 7"}) {
        QVERIFY2(rejects.contains(expected),
                 qPrintable(QStringLiteral("%1 not in:\n%2")
                                .arg(QString::fromUtf8(expected), QString::fromUtf8(rejects))));
    }
    QCOMPARE(rejects.count("\r\n"), 7);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT COUNT(*) FROM order_lines WHERE "
                                         "unit_price_cents = 250"))
                 .toInt(),
             1);
    // The rejects file, corrected, goes back in: its "error" column is not imported.
    QByteArray fixed = rejects;
    fixed.replace("NO-SUCH-SKU", "SKU-010").replace("#9999", "#1005").replace(",-2,", ",2,");
    fixed.replace("'=1+1", "2").replace("#1003,SKU-015,5,3", "#1003,SKU-011,5,3");
    auto again = importBytes("order_lines", fixed);
    MD_VERIFY(again);
    QVERIFY2(!again->refused, qPrintable(again->problemReport()));
    QCOMPARE(again->inserted, 6);
    QCOMPARE(again->ignoredColumns, QStringList{QStringLiteral("error")});
}

void tst_CsvImport::badInput_data()
{
    QTest::addColumn<QString>("entityName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected");
    const QByteArray header = "sku,title,base_price,stock_level\n";
    const auto row = [](const char *name, const char *entityName, const QByteArray &content,
                        const QStringList &expected) {
        QTest::newRow(name) << QString::fromLatin1(entityName) << content << expected;
    };
    row("unterminated quote", "products", header + "A-1,\"Mug,1,1\nA-2,Bowl,2,2\n",
        {QStringLiteral("2:2: "), QStringLiteral("closing quote")});
    row("too many fields", "products", header + "A-1,Mug,1,1\nA-2,Bowl,2,2,extra\n",
        {QStringLiteral("3:5: "), QStringLiteral("5 fields, the header 4")});
    row("too few fields", "products", header + "A-1,Mug,1\n",
        {QStringLiteral("2:4: "), QStringLiteral("3 fields, the header 4")});
    row("non-numeric price", "products", header + "A-1,Mug,1,1\nA-2,Bowl,cheap,2\n",
        {QStringLiteral("3:3: base_price: \"cheap\" is not an amount of money")});
    row("negative price", "products", header + "A-1,Mug,-1.50,1\n",
        {QStringLiteral("2:3: base_price: -1.50 is negative")});
    row("negative stock", "products", header + "A-1,Mug,1.50,-4\n",
        {QStringLiteral("2:4: stock_level: -4 is negative")});
    row("same SKU twice", "products", header + "A-1,Mug,1,1\nA-2,Bowl,2,2\nA-1,Cup,3,3\n",
        {QStringLiteral("4:1: sku: \"A-1\" is also on line 2")});
    row("order line with unknown SKU", "order_lines",
        "order_id,sku,quantity,unit_price\n#1000,SKU-001,1,1\n#1000,GHOST,1,1\n",
        {QStringLiteral("3:2: sku: products has no sku \"GHOST\"")});
    row("order line with unknown order", "order_lines",
        "order_id,sku,quantity,unit_price\n#4242,SKU-001,1,1\n",
        {QStringLiteral("2:1: order_id: orders has no order_number \"#4242\"")});
    row("empty file", "products", QByteArray(), {QStringLiteral("the file is empty")});
    row("header only", "products", header, {QStringLiteral("has a header but no rows")});
    QByteArray garbage;
    quint32 state = 7;
    for (int i = 0; i < 100000; ++i) {
        state = state * 1664525 + 1013904223;
        garbage += char(state >> 24);
    }
    row("binary garbage", "products", garbage, {QStringLiteral("not a text file")});
    row("10 MB single field", "products",
        header + "A-1,\"" + QByteArray(10 << 20, 'x') + "\",1,1\n",
        {QStringLiteral("2:2: "), QStringLiteral("longer than 1 MiB")});
    row("missing required column", "products", "sku,title\nA-1,Mug\n",
        {QStringLiteral("no column for base_price")});
    row("min above max", "products", "sku,title,base_price,min_price,max_price\nA-1,Mug,5,4,3\n",
        {QStringLiteral("2:5: max_price: the maximum price is below the minimum price (4.00)")});
    row("bad date", "customers", "email,created_at\na@x.io,01/02/2024\n",
        {QStringLiteral("2:2: created_at: \"01/02/2024\" is not a date")});
    row("bad e-mail", "customers", "email\nnot-an-address\n",
        {QStringLiteral("2:1: email: \"not-an-address\" is not an e-mail address")});
    row("redeem with a positive delta", "loyalty_ledger",
        "customer_email,delta,kind,created_at\nana@example.com,50,redeem,2024-01-01\n",
        {QStringLiteral("2:2: delta: redeem entries take points")});
}

void tst_CsvImport::badInput()
{
    QFETCH(QString, entityName);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    MD_VERIFY(test::fillAwkwardShop(*m_db));
    const QString before = test::databaseDigest(*m_db);
    const QString path = write(content);
    QVERIFY(!path.isEmpty());

    QString message;
    auto importer = CsvImporter::open(path, *EntityCatalog::find(entityName));
    if (!importer) {
        message = importer.error();
    } else {
        auto summary = importer->run(*m_db, ImportOptions{});
        if (!summary) {
            message = summary.error();
        } else {
            QVERIFY2(summary->refused, qPrintable(summary->report()));
            QVERIFY(!summary->written);
            QCOMPARE(summary->inserted + summary->updated, 0);
            message = summary->problemReport();
        }
    }
    for (const QString &fragment : expected)
        QVERIFY2(message.contains(fragment),
                 qPrintable(fragment + QStringLiteral(" not in: ") + message.left(2000)));
    QCOMPARE(test::databaseDigest(*m_db), before);
}

void tst_CsvImport::everyProblemIsCollected()
{
    QByteArray content = "sku,title,base_price\n";
    for (int i = 0; i < 150; ++i)
        content += "B-" + QByteArray::number(i) + ",Bad,x" + QByteArray::number(i) + "\n";
    content += "OK-1,Good,1\n";
    auto summary = importBytes("products", content);
    MD_VERIFY(summary);
    QVERIFY(summary->refused);
    QCOMPARE(summary->problemCount, 150);
    QCOMPARE(summary->problems.size(), 100);
    QVERIFY(summary->problems.first().startsWith(QLatin1String("2:3: base_price: \"x0\"")));
    QVERIFY(summary->problems.last().startsWith(QLatin1String("101:3: ")));
    QVERIFY2(summary->problemReport().contains(QLatin1String("and 50 more problem")),
             qPrintable(summary->problemReport().right(200)));
    QCOMPARE(value(*m_db, QStringLiteral("SELECT COUNT(*) FROM products")).toInt(), 0);
}

void tst_CsvImport::problemsAfterMultiLineFieldsNameTheirLine()
{
    const QByteArray content = "sku,title,base_price\n"
                               "A-1,\"two\nlines\",1\n"
                               "A-2,\"three\nmore\nlines\",2\n"
                               "A-3,Fine,oops\n";
    auto summary = importBytes("products", content);
    MD_VERIFY(summary);
    QCOMPARE(summary->problems,
             QStringList{QStringLiteral("7:3: base_price: \"oops\" is not an amount of money")});
}

void tst_CsvImport::foreignKeysByNaturalKey()
{
    MD_VERIFY(importBytes("customers", "email,first_name,created_at\nAna@Example.com,Ana,"
                                       "2024-01-02T03:04:05Z\n"));
    MD_VERIFY(importBytes("products", "sku,title,base_price\nP-1,Mug,9.99\nP-2,Bowl,5\n"));
    auto orders = importBytes("orders", "order_id,customer_email,ordered_at,status,total\n"
                                        "#1,ANA@example.com,2024-02-01,completed,19.98\n"
                                        "#2,,2024-02-02T10:00:00+01:00,pending,5\n");
    MD_VERIFY(orders);
    QVERIFY2(!orders->refused, qPrintable(orders->problemReport()));
    auto lines = importBytes("order_lines", "order_id,sku,quantity,unit_price\n#1,P-1,2,9.99\n"
                                            "#2,P-2,1,5\n");
    MD_VERIFY(lines);
    QCOMPARE(lines->inserted, 2);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT c.email FROM orders o JOIN customers c ON "
                                         "c.id = o.customer_id WHERE o.order_number = '#1'"))
                 .toString(),
             QStringLiteral("ana@example.com"));
    QVERIFY(value(*m_db, QStringLiteral("SELECT customer_id FROM orders WHERE order_number = "
                                        "'#2'"))
                .isNull());
    QCOMPARE(value(*m_db, QStringLiteral("SELECT ordered_at FROM orders WHERE order_number = "
                                         "'#2'"))
                 .toLongLong(),
             qint64(1706864400));
    QCOMPARE(value(*m_db, QStringLiteral("SELECT created_at FROM customers")).toLongLong(),
             qint64(1704164645));
    QCOMPARE(value(*m_db, QStringLiteral("SELECT p.sku || '/' || l.quantity FROM order_lines l "
                                         "JOIN orders o ON o.id = l.order_id JOIN products p ON "
                                         "p.id = l.product_id WHERE o.order_number = '#1'"))
                 .toString(),
             QStringLiteral("P-1/2"));
}

void tst_CsvImport::semicolonFileWithDecimalComma()
{
    const QByteArray content = "Article Number;Name;Price;Cost;Farbe\n"
                               "D-1;Kaffeemühle;1.234,56;12,50;rot\n"
                               "D-2;\"Tasse; groß\";2,5;1;blau\n";
    const QString path = write(content);
    auto importer = CsvImporter::open(path, entity("products"));
    MD_VERIFY(importer);
    QCOMPARE(importer->settings().delimiter, ';');
    QCOMPARE(importer->settings().decimalSymbol, QChar(u','));
    auto summary = importer->run(*m_db, {});
    MD_VERIFY(summary);
    QVERIFY2(!summary->refused, qPrintable(summary->problemReport()));
    QCOMPARE(summary->ignoredColumns, QStringList{QStringLiteral("Farbe")});
    QCOMPARE(productValue(*m_db, "base_price_cents", QStringLiteral("D-1")).toLongLong(), 123456);
    QCOMPARE(productValue(*m_db, "cost_cents", QStringLiteral("D-1")).toLongLong(), 1250);
    QCOMPARE(productValue(*m_db, "base_price_cents", QStringLiteral("D-2")).toLongLong(), 250);
    QCOMPARE(productValue(*m_db, "title", QStringLiteral("D-2")).toString(),
             QStringLiteral("Tasse; groß"));
}

void tst_CsvImport::windows1252File()
{
    const QByteArray content("sku,title,base_price\nW-1,Caf\xE9 cr\xE8me \x96 \x80 5,5\n");
    auto summary = importBytes("products", content);
    MD_VERIFY(summary);
    QCOMPARE(summary->settings.encoding, TextEncoding::Windows1252);
    QCOMPARE(productValue(*m_db, "title", QStringLiteral("W-1")).toString(),
             QStringLiteral("Café crème – € 5"));
}

void tst_CsvImport::changedSettingsAndMapping()
{
    // A file without a recognisable header: the wizard maps the columns by hand.
    const QString path = write("code|label|amount\nM-1|Mug|3.50\n");
    auto importer = CsvImporter::open(path, entity("products"));
    MD_VERIFY(importer);
    QCOMPARE(importer->settings().delimiter, '|');
    ColumnMapping mapping = importer->mapping();
    QCOMPARE(mapping.fieldOf(0), entity("products").fieldIndex(QStringLiteral("sku")));
    mapping.setField(1, entity("products").fieldIndex(QStringLiteral("title")));
    mapping.setField(2, entity("products").fieldIndex(QStringLiteral("base_price")));
    importer->setMapping(mapping);
    auto summary = importer->run(*m_db, {});
    MD_VERIFY(summary);
    QCOMPARE(summary->inserted, 1);
    QCOMPARE(productValue(*m_db, "base_price_cents", QStringLiteral("M-1")).toLongLong(), 350);

    // Read with the wrong delimiter on purpose: one column, and no SKU column to map.
    CsvSettings settings = importer->settings();
    settings.delimiter = ',';
    MD_VERIFY(importer->setSettings(settings));
    QCOMPARE(importer->header(), QStringList{QStringLiteral("code|label|amount")});
    auto refused = importer->run(*m_db, {});
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("no column for sku")),
             qPrintable(refused.error()));
}

void tst_CsvImport::shopifyExport()
{
    auto importer = CsvImporter::open(
        test::csvDataFile(QStringLiteral("shopify_products_export.csv")), entity("products"));
    MD_VERIFY(importer);
    QCOMPARE(importer->detectedFormat(), ImportFormat::Shopify);
    auto summary = importer->run(*m_db, {});
    MD_VERIFY(summary);
    QVERIFY2(!summary->refused, qPrintable(summary->problemReport()));
    QCOMPARE(summary->format, ImportFormat::Shopify);
    QCOMPARE(summary->rows, 10);
    QCOMPARE(summary->inserted, 6);
    QCOMPARE(summary->skippedCount(), 4);
    QCOMPARE(summary->skipped, (std::vector<std::pair<QString, qint64>>{
                                   {QStringLiteral("Shopify image rows"), 2},
                                   {QStringLiteral("variants without a SKU"), 2}}));
    QCOMPARE(summary->noteCount, 3); // two gift cards without SKU, one oversold mug
    QVERIFY2(summary->notes.contains(QStringLiteral("10: Variant Inventory Qty -2 read as 0 "
                                                    "(oversold)")),
             qPrintable(summary->notes.join(QLatin1Char('\n'))));

    const auto product = [&](const char *sku) {
        return value(*m_db,
                     QStringLiteral("SELECT title || ' | ' || category || ' | ' || "
                                    "base_price_cents || ' | ' || current_price_cents || ' | ' || "
                                    "stock_level || ' | ' || COALESCE(CAST(cost_cents AS TEXT), "
                                    "'-') FROM products WHERE sku = ?"),
                     {QString::fromLatin1(sku)})
            .toString();
    };
    QCOMPARE(product("COF-ETH-250-WB"),
             QStringLiteral("Ethiopia Yirgacheffe Coffee - 250g / Whole bean | Coffee | 1450 | "
                            "1450 | 34 | 610"));
    QCOMPARE(product("COF-ETH-250-FG"),
             QStringLiteral("Ethiopia Yirgacheffe Coffee - 250g / Filter grind | Coffee | 1450 | "
                            "1450 | 12 | 610"));
    // On sale: the compare-at price is the base price.
    QCOMPARE(product("COF-ETH-1K-WB"),
             QStringLiteral("Ethiopia Yirgacheffe Coffee - 1kg / Whole bean | Coffee | 5400 | "
                            "4900 | 5 | 2200"));
    QCOMPARE(product("MUG-STONE-350"),
             QStringLiteral("Stoneware Mug 350 ml | Mugs | 1800 | 1800 | 0 | 725"));
    QCOMPARE(product("APR-LIN-NAT"),
             QStringLiteral("Linen Apron, \"Chef's\" cut - Natural | Apparel & Accessories > "
                            "Clothing > Aprons | 3200 | 3200 | 8 | -"));
    QCOMPARE(product("APR-LIN-CHA"),
             QStringLiteral("Linen Apron, \"Chef's\" cut - Charcoal | Apparel & Accessories > "
                            "Clothing > Aprons | 3200 | 3200 | 0 | -"));

    // Stock and cost the export leaves empty keep what MerchantDesk holds.
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("UPDATE products SET stock_level = 40, "
                                                    "cost_cents = 1500 WHERE sku = "
                                                    "'APR-LIN-CHA'")));
    summary = importer->run(*m_db, {});
    MD_VERIFY(summary);
    QCOMPARE(summary->unchanged, 6);
    QCOMPARE(product("APR-LIN-CHA"),
             QStringLiteral("Linen Apron, \"Chef's\" cut - Charcoal | Apparel & Accessories > "
                            "Clothing > Aprons | 3200 | 3200 | 40 | 1500"));
}

void tst_CsvImport::wooCommerceExport()
{
    auto importer = CsvImporter::open(
        test::csvDataFile(QStringLiteral("woocommerce_products_export.csv")), entity("products"));
    MD_VERIFY(importer);
    QCOMPARE(importer->detectedFormat(), ImportFormat::WooCommerce);
    QVERIFY(importer->settings().encoding == TextEncoding::Utf8);
    auto summary = importer->run(*m_db, {});
    MD_VERIFY(summary);
    QVERIFY2(!summary->refused, qPrintable(summary->problemReport()));
    QCOMPARE(summary->rows, 11);
    QCOMPARE(summary->inserted, 6);
    QCOMPARE(summary->skippedCount(), 5);
    QCOMPARE(summary->noteCount, 3); // no SKU, no regular price, backordered stock
    for (const char *note : {"9: products without a SKU", "13: products without a regular price",
                             "6: Stock -3 read as 0 (backordered)"}) {
        QVERIFY2(summary->notes.contains(QString::fromLatin1(note)),
                 qPrintable(summary->notes.join(QLatin1Char('\n'))));
    }
    const auto product = [&](const char *sku) {
        return value(*m_db,
                     QStringLiteral("SELECT title || ' | ' || category || ' | ' || "
                                    "base_price_cents || ' | ' || current_price_cents || ' | ' || "
                                    "stock_level FROM products WHERE sku = ?"),
                     {QString::fromLatin1(sku)})
            .toString();
    };
    QCOMPARE(product("woo-beanie"),
             QStringLiteral("Beanie | Clothing > Accessories | 2000 | 1800 | 12"));
    // A variation takes its parent's category (parent named by id:102).
    QCOMPARE(product("woo-hoodie-blue"),
             QStringLiteral("Hoodie - Blue | Clothing > Hoodies | 4500 | 4500 | 7"));
    // No name: the parent's and the attributes; a sale starting in 2099 is not in effect yet.
    QCOMPARE(product("woo-hoodie-red"),
             QStringLiteral("Hoodie - Red, No | Clothing > Hoodies | 4500 | 4500 | 0"));
    QCOMPARE(product("woo-single"), QStringLiteral("Single | Music | 200 | 200 | 0"));
    QCOMPARE(product("woo-cap"), QStringLiteral("Cap | Clothing > Accessories | 1800 | 1600 | 0"));
    // WooCommerce guards formula-like names with "'" too; the guard is dropped again.
    QCOMPARE(product("woo-poster"),
             QStringLiteral("=HYPERLINK(\"http://example.invalid\") | Decor | 950 | 950 | 3"));
    QCOMPARE(value(*m_db, QStringLiteral("SELECT COUNT(*) FROM products WHERE sku IN "
                                         "('woo-hoodie', 'woo-logo-collection', 'woo-pennant', "
                                         "'woo-draft')"))
                 .toInt(),
             0);
}

void tst_CsvImport::logEntitiesCountEqualRows()
{
    MD_VERIFY(test::fillAwkwardShop(*m_db));
    const QByteArray events = "event_type,customer_email,sku,order_id,occurred_at,quantity\n"
                              "product_viewed,ana@example.com,SKU-001,,2024-01-01T00:00:00Z,1\n"
                              "product_viewed,ana@example.com,SKU-001,,2024-01-01T00:00:00Z,1\n"
                              "checkout_started,,,,2024-01-01T00:01:00Z,1\n";
    auto first = importBytes("events", events);
    MD_VERIFY(first);
    QVERIFY2(!first->refused, qPrintable(first->problemReport()));
    QCOMPARE(first->inserted, 3); // the two equal views are two views
    auto again = importBytes("events", events);
    MD_VERIFY(again);
    QCOMPARE(again->inserted, 0);
    QCOMPARE(again->unchanged, 3);
    // One more equal view than stored: one is new.
    auto more = importBytes("events", events
                                          + "product_viewed,ana@example.com,SKU-001,,"
                                            "2024-01-01T00:00:00Z,1\n");
    MD_VERIFY(more);
    QCOMPARE(more->inserted, 1);
    QCOMPARE(more->unchanged, 3);

    // The ledger is append-only: a re-import adds nothing, replace is refused.
    const QByteArray ledger = "customer_email,delta,kind,order_id,created_at,expires_at,note\n"
                              "ana@example.com,-30,redeem,,2024-03-01,,-30 for a mug\n";
    MD_VERIFY(importBytes("loyalty_ledger", ledger));
    auto twice = importBytes("loyalty_ledger", ledger);
    MD_VERIFY(twice);
    QCOMPARE(twice->unchanged, 1);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT COUNT(*) FROM points_ledger WHERE delta = -30"))
                 .toInt(),
             1);
    ImportOptions replace;
    replace.mode = ImportMode::Replace;
    auto refused = importBytes("loyalty_ledger", ledger, replace);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("append-only")), qPrintable(refused.error()));
}

void tst_CsvImport::inventoryUpdatesStoredProducts()
{
    MD_VERIFY(test::fillAwkwardShop(*m_db));
    auto summary = importBytes("inventory", "SKU,Qty\nSKU-001,250\nSKU-002,14\n");
    MD_VERIFY(summary);
    QCOMPARE(summary->updated, 1);
    QCOMPARE(summary->unchanged, 1);
    QCOMPARE(productValue(*m_db, "stock_level", QStringLiteral("SKU-001")).toInt(), 250);

    const QString before = test::databaseDigest(*m_db);
    auto unknown = importBytes("inventory", "sku,stock_level\nSKU-001,1\nNOPE,2\n");
    MD_VERIFY(unknown);
    QVERIFY(unknown->refused);
    QCOMPARE(unknown->problems,
             QStringList{QStringLiteral("3:1: sku: products has no sku \"NOPE\"")});
    QCOMPARE(test::databaseDigest(*m_db), before);
    ImportOptions insert;
    insert.mode = ImportMode::Insert;
    QVERIFY(!importBytes("inventory", "sku,stock_level\nSKU-001,1\n", insert));
}

void tst_CsvImport::planParentsInTheSameFile()
{
    // The child comes before its parent in the file.
    auto summary = importBytes("plans", "name,price,parent_plan\nPro,20,Base\nBase,10,\n");
    MD_VERIFY(summary);
    QVERIFY2(!summary->refused, qPrintable(summary->problemReport()));
    QCOMPARE(summary->inserted, 2);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT p.name FROM plans c JOIN plans p ON p.id = "
                                         "c.parent_plan_id WHERE c.name = 'Pro'"))
                 .toString(),
             QStringLiteral("Base"));
    auto again = importBytes("plans", "name,price,parent_plan\nPro,20,\nBase,10,\n");
    MD_VERIFY(again);
    QCOMPARE(again->updated, 1);
    QCOMPARE(again->unchanged, 1);
    QVERIFY(value(*m_db, QStringLiteral("SELECT parent_plan_id FROM plans WHERE name = 'Pro'"))
                .isNull());
    auto unknown = importBytes("plans", "name,price,parent_plan\nPro,20,Nothing\n");
    MD_VERIFY(unknown);
    QCOMPARE(unknown->problems,
             QStringList{QStringLiteral("2:3: parent_plan: plans has no name \"Nothing\"")});
}

void tst_CsvImport::cancelRollsBack()
{
    MD_VERIFY(test::fillAwkwardShop(*m_db));
    const QString before = test::databaseDigest(*m_db);
    QByteArray content = "sku,title,base_price\n";
    for (int i = 0; i < 10000; ++i)
        content += "C-" + QByteArray::number(i) + ",Item,1\n";
    auto importer = CsvImporter::open(write(content), entity("products"));
    MD_VERIFY(importer);
    for (const ImportProgress::Stage stop :
         {ImportProgress::Stage::Reading, ImportProgress::Stage::Writing}) {
        qint64 lastBytes = -1;
        int calls = 0;
        bool ordered = true;
        bool sized = true;
        auto summary = importer->run(*m_db, {}, [&](const ImportProgress &progress) {
            ++calls;
            ordered = ordered && progress.bytesRead >= lastBytes;
            sized = sized && progress.totalBytes == qint64(content.size());
            lastBytes = progress.bytesRead;
            return progress.stage != stop;
        });
        QVERIFY(ordered && sized);
        QVERIFY(!summary);
        QVERIFY2(summary.error().contains(QLatin1String("cancelled")), qPrintable(summary.error()));
        QVERIFY(calls >= 1);
        QCOMPARE(test::databaseDigest(*m_db), before);
    }
}

void tst_CsvImport::preview()
{
    QByteArray content = "sku,title,base_price,colour\n";
    for (int i = 0; i < 30; ++i)
        content += "V-" + QByteArray::number(i) + ",Item " + QByteArray::number(i) + ","
                   + (i == 3 ? "abc" : "1.5") + ",red\n";
    auto importer = CsvImporter::open(write(content), entity("products"));
    MD_VERIFY(importer);
    auto preview = importer->preview(20);
    MD_VERIFY(preview);
    QCOMPARE(preview->rows.size(), size_t(20));
    QCOMPARE(preview->header,
             (QStringList{QStringLiteral("sku"), QStringLiteral("title"),
                          QStringLiteral("base_price"), QStringLiteral("colour")}));
    QCOMPARE(preview->fieldOfColumn, (QStringList{QStringLiteral("sku"), QStringLiteral("title"),
                                                  QStringLiteral("base_price"), QString()}));
    QCOMPARE(preview->rows[0].line, 2);
    QCOMPARE(preview->rows[3].problems,
             QStringList{QStringLiteral("5:3: base_price: \"abc\" is not an amount of money")});
    QVERIFY(preview->rows[4].problems.isEmpty());
    QCOMPARE(value(*m_db, QStringLiteral("SELECT COUNT(*) FROM products")).toInt(), 0);

    auto woo = CsvImporter::open(
        test::csvDataFile(QStringLiteral("woocommerce_products_export.csv")), entity("products"));
    MD_VERIFY(woo);
    auto wooPreview = woo->preview(20);
    MD_VERIFY(wooPreview);
    QCOMPARE(wooPreview->rows.size(), size_t(11));
    QCOMPARE(wooPreview->rows[1].skipped, QStringLiteral("variable products (containers)"));
    QVERIFY(wooPreview->rows[0].skipped.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CsvImport)
#include "tst_csvimport.moc"
