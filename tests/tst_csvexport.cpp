// CsvExporter and the round trip: every entity exported, imported into an empty database and
// exported again gives the same bytes and the same data; exported text that a spreadsheet would
// run as a formula is guarded, numbers are not; an export stopped halfway, directly or as the
// window runs it (a Task cancelled from its progress), leaves no file.

#include "core/task.h"
#include "db/sql.h"
#include "io/csvexporter.h"
#include "io/csvimporter.h"
#include "io/csvreader.h"
#include "io/entitycatalog.h"
#include "testdb.h"
#include "tst_csvsupport.h"

#include <QBuffer>
#include <QDir>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

namespace {

// Import order: referenced entities first.
const char *const kOrder[]
    = {"plans",         "features",     "plan_features",   "customers",         "products",
       "orders",        "order_lines",  "events",          "subscriptions",     "loyalty_ledger",
       "loyalty_tiers", "suppressions", "locked_products", "locked_categories", "price_changes",
       "inventory"};

std::vector<QStringList> readCsv(const QByteArray &bytes)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader;
    std::vector<QStringList> rows;
    if (!reader.open(&buffer))
        return rows;
    CsvRecord record;
    while (reader.next(record))
        rows.push_back(record.texts());
    return rows;
}

// The awkward shop plus 70,000 products: more rows than one progress report apart, so an export
// cancelled at its first report stops with rows still to write.
constexpr qint64 kManyProducts = 70000 + 17;

Status fillManyProducts(const Database &db, const QString &folder)
{
    if (Status filled = test::fillAwkwardShop(db); !filled)
        return filled;
    QByteArray many = "sku,title,base_price\n";
    for (int i = 0; i < 70000; ++i)
        many += "M-" + QByteArray::number(i) + ",Item,1\n";
    const QString input = QDir(folder).filePath(QStringLiteral("many.csv"));
    if (!test::writeFile(input, many))
        return fail(QStringLiteral("cannot write ") + input);
    auto importer = CsvImporter::open(input, *EntityCatalog::find(QStringLiteral("products")));
    if (!importer)
        return fail(importer.error());
    if (auto imported = importer->run(db, {}); !imported)
        return fail(imported.error());
    auto count = sql::scalar(db.sql(), QStringLiteral("SELECT COUNT(*) FROM products"));
    if (!count)
        return fail(count.error());
    if (count->toLongLong() != kManyProducts)
        return fail(
            QStringLiteral("%1 products, not %2").arg(count->toLongLong()).arg(kManyProducts));
    return {};
}

} // namespace

class tst_CsvExport : public QObject
{
    Q_OBJECT

private slots:
    void catalogCoversTheSchema();
    void roundTripEveryEntity();
    void reimportIntoTheSameDatabaseChangesNothing();
    void formulasAreGuardedNumbersAreNot();
    void valuesAreWrittenInTheirFileFormat();
    void failedExportLeavesNoFile();
    void cancelledExportTaskLeavesNoFile();
};

void tst_CsvExport::catalogCoversTheSchema()
{
    // Every table with user data has an entity; the mapping points at real columns.
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    for (const EntityDescriptor &entity : EntityCatalog::all()) {
        MD_VERIFY(sql::exec(db->sql(), CsvExporter::selectStatement(entity)));
        QVERIFY2(!entity.keyFields().empty() || entity.kind == EntityDescriptor::Kind::Log,
                 qPrintable(entity.name));
        QCOMPARE(EntityCatalog::find(entity.name), &entity);
        for (const QString &alias : entity.aliases)
            QCOMPARE(EntityCatalog::find(alias.toUpper()), &entity);
    }
    for (const char *name : kOrder)
        QVERIFY2(EntityCatalog::find(QString::fromLatin1(name)), name);
}

void tst_CsvExport::roundTripEveryEntity()
{
    test::ScratchDatabase sourceScratch;
    test::ScratchDatabase targetScratch;
    QVERIFY2(sourceScratch.isValid(), qPrintable(sourceScratch.error()));
    QVERIFY2(targetScratch.isValid(), qPrintable(targetScratch.error()));
    auto source = sourceScratch.open();
    MD_VERIFY(source);
    auto target = targetScratch.open();
    MD_VERIFY(target);
    MD_VERIFY(test::fillAwkwardShop(*source));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    for (const char *name : kOrder) {
        const EntityDescriptor &entity = *EntityCatalog::find(QString::fromLatin1(name));
        const QString first = dir.filePath(QStringLiteral("%1-a.csv").arg(entity.name));
        const QString second = dir.filePath(QStringLiteral("%1-b.csv").arg(entity.name));
        auto exported = CsvExporter::exportToFile(*source, entity, first);
        MD_VERIFY(exported);
        QVERIFY2(*exported > 0, name);

        auto importer = CsvImporter::open(first, entity);
        MD_VERIFY(importer);
        QCOMPARE(importer->format(), ImportFormat::Native);
        auto summary = importer->run(*target, {});
        MD_VERIFY(summary);
        QVERIFY2(!summary->refused, qPrintable(QString::fromLatin1(name) + QLatin1Char('\n')
                                               + summary->problemReport()));
        QVERIFY2(summary->ignoredColumns.isEmpty(), name);
        if (entity.kind == EntityDescriptor::Kind::UpdateOnly)
            QCOMPARE(summary->unchanged, *exported);
        else
            QCOMPARE(summary->inserted, *exported);

        MD_VERIFY(CsvExporter::exportToFile(*target, entity, second));
        const QByteArray a = test::readFile(first);
        const QByteArray b = test::readFile(second);
        QVERIFY2(a == b, qPrintable(QStringLiteral("%1 differs:\n%2\n---\n%3")
                                        .arg(QString::fromLatin1(name), QString::fromUtf8(a),
                                             QString::fromUtf8(b))));
    }

    // The values themselves, not only their export: compared with natural keys for ids.
    const QString titles = QStringLiteral("SELECT sku, title, category, cost_cents, "
                                          "base_price_cents, current_price_cents, "
                                          "min_price_cents, max_price_cents, stock_level, "
                                          "demand_score, is_exclusive FROM products ORDER BY sku");
    for (const QString &statement :
         {titles,
          QStringLiteral("SELECT email, first_name, last_name, created_at, accepts_marketing, "
                         "unsubscribed_at FROM customers ORDER BY email"),
          QStringLiteral("SELECT p.name, c.name FROM plans c LEFT JOIN plans p ON p.id = "
                         "c.parent_plan_id ORDER BY c.name"),
          QStringLiteral("SELECT c.email, l.delta, l.kind, l.created_at, l.note FROM "
                         "points_ledger l JOIN customers c ON c.id = l.customer_id ORDER BY 1, 2, "
                         "3, 4, 5")}) {
        auto a = sql::select(source->sql(), statement);
        auto b = sql::select(target->sql(), statement);
        MD_VERIFY(a);
        MD_VERIFY(b);
        int rows = 0;
        while (a->next()) {
            QVERIFY(b->next());
            for (int i = 0; i < a->record().count(); ++i)
                QCOMPARE(b->value(i), a->value(i));
            ++rows;
        }
        QVERIFY(!b->next());
        QVERIFY(rows > 0);
    }
}

void tst_CsvExport::reimportIntoTheSameDatabaseChangesNothing()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(test::fillAwkwardShop(*db));
    const QString before = test::databaseDigest(*db);
    QTemporaryDir dir;
    for (const char *name : kOrder) {
        const EntityDescriptor &entity = *EntityCatalog::find(QString::fromLatin1(name));
        const QString path = dir.filePath(entity.name + QStringLiteral(".csv"));
        auto rows = CsvExporter::exportToFile(*db, entity, path);
        MD_VERIFY(rows);
        auto importer = CsvImporter::open(path, entity);
        MD_VERIFY(importer);
        auto summary = importer->run(*db, {});
        MD_VERIFY(summary);
        QCOMPARE(summary->unchanged, *rows);
        QCOMPARE(summary->inserted + summary->updated, 0);
    }
    QCOMPARE(test::databaseDigest(*db), before);
}

void tst_CsvExport::formulasAreGuardedNumbersAreNot()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(test::fillAwkwardShop(*db));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    MD_VERIFY(
        CsvExporter::exportTo(*db, *EntityCatalog::find(QStringLiteral("products")), &buffer));
    for (const char *guarded :
         {",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\",", ",'+49 30 1234567,",
          ",'-minus first,", ",'@mention,", ",'\tstarts with a tab,",
          ",\"'\rstarts with a carriage return\",", ",\"'\nstarts with a line feed\",",
          ",''=already quoted,", ",'''=two quotes,", ",'plain quote,",
          "\r\n'-DASH-1,'@free sample,", ",'=Category,"}) {
        QVERIFY2(bytes.contains(guarded), guarded);
    }
    QVERIFY(bytes.contains(",\" leading and trailing spaces \","));

    buffer.close();
    bytes.clear();
    buffer.open(QIODevice::WriteOnly);
    MD_VERIFY(CsvExporter::exportTo(*db, *EntityCatalog::find(QStringLiteral("loyalty_ledger")),
                                    &buffer));
    const auto rows = readCsv(bytes);
    // Negative deltas stay numbers; the note that starts with "-" is text and guarded.
    QVERIFY(
        bytes.contains("ana@example.com,-50,redeem,,2023-07-22T04:43:20Z,,'-50 for a mug,\r\n"));
    QCOMPARE(rows.size(), size_t(5));
    QCOMPARE(rows[2][6], QStringLiteral("-50 for a mug"));
}

void tst_CsvExport::valuesAreWrittenInTheirFileFormat()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(test::fillAwkwardShop(*db));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    MD_VERIFY(
        CsvExporter::exportTo(*db, *EntityCatalog::find(QStringLiteral("subscriptions")), &buffer));
    const auto rows = readCsv(bytes);
    QCOMPARE(rows[0], (QStringList{QStringLiteral("customer_email"), QStringLiteral("plan"),
                                   QStringLiteral("status"), QStringLiteral("started_at"),
                                   QStringLiteral("current_period_end"),
                                   QStringLiteral("paused_until"), QStringLiteral("cancelled_at"),
                                   QStringLiteral("cancel_reason"), QStringLiteral("next_plan")}));
    QCOMPARE(rows[1], (QStringList{QStringLiteral("ana@example.com"), QStringLiteral("Basic Box"),
                                   QStringLiteral("active"), QStringLiteral("2023-03-28T10:40:00Z"),
                                   QStringLiteral("2023-07-22T04:26:40Z"), QString(), QString(),
                                   QString(), QStringLiteral("Premium Box")}));
    QCOMPARE(rows[3][7], QStringLiteral("=too expensive"));
    QVERIFY(bytes.contains(",'=too expensive,"));

    bytes.clear();
    buffer.close();
    buffer.open(QIODevice::WriteOnly);
    MD_VERIFY(
        CsvExporter::exportTo(*db, *EntityCatalog::find(QStringLiteral("products")), &buffer));
    const auto products = readCsv(bytes);
    // SKU-000: cost 0.00, base 19.99, current 18.99, min 1.00, max 90.00, demand 1/3.
    QCOMPARE(products[1][0], QStringLiteral("SKU-000"));
    QCOMPARE(products[1].mid(3, 5),
             (QStringList{QStringLiteral("0.00"), QStringLiteral("19.99"), QStringLiteral("18.99"),
                          QStringLiteral("1.00"), QStringLiteral("90.00")}));
    QCOMPARE(products[1][9].toDouble(), 1.0 / 3.0);
    QCOMPARE(products[2][6], QString()); // no minimum price: an empty cell, not 0.00
}

void tst_CsvExport::failedExportLeavesNoFile()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    QTemporaryDir dir;
    MD_VERIFY(fillManyProducts(*db, dir.path()));
    const QString path = dir.filePath(QStringLiteral("cancelled.csv"));
    const EntityDescriptor &products = *EntityCatalog::find(QStringLiteral("products"));

    auto cancelled = CsvExporter::exportToFile(*db, products, path, [](qint64) { return false; });
    QVERIFY(!cancelled);
    QVERIFY2(cancelled.error().contains(QLatin1String("cancelled")), qPrintable(cancelled.error()));
    QVERIFY(!QFile::exists(path));
    // The connection is still usable after an export stopped halfway.
    auto rows = CsvExporter::exportToFile(*db, products, path);
    MD_VERIFY(rows);
    QCOMPARE(*rows, kManyProducts);
}

void tst_CsvExport::cancelledExportTaskLeavesNoFile()
{
    // The export as the window runs it (CsvTransfer): a Task with its own connection, cancelled
    // when its first progress report comes in, as the progress dialog's Cancel does.
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    {
        auto db = scratch.open();
        MD_VERIFY(db);
        QTemporaryDir input;
        MD_VERIFY(fillManyProducts(*db, input.path()));
    }
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString path = out.filePath(QStringLiteral("products.csv"));
    const EntityDescriptor &products = *EntityCatalog::find(QStringLiteral("products"));

    Task<qint64> task(scratch.spec());
    int reports = 0;
    qint64 rowsAtCancel = -1;
    const Result<qint64> result = task.run([&](const Database &db, TaskProgress &progress) {
        return CsvExporter::exportToFile(db, products, path, [&](qint64 rows) {
            if (reports++ == 0) {
                rowsAtCancel = rows;
                task.cancel();
            }
            return progress.report(-1, QString::number(rows));
        });
    });
    QVERIFY(task.wasCancelled());
    QVERIFY(!result.ok());
    QCOMPARE(reports, 1); // it stopped at the report that saw the cancel
    QVERIFY2(rowsAtCancel > 0 && rowsAtCancel < kManyProducts,
             qPrintable(QString::number(rowsAtCancel)));
    // Neither the file nor the partial one it was written to first.
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());

    // The same task exports the whole table when it is not cancelled.
    const Result<qint64> whole = task.run([&](const Database &db, TaskProgress &progress) {
        return CsvExporter::exportToFile(db, products, path, [&](qint64 rows) {
            return progress.report(-1, QString::number(rows));
        });
    });
    MD_VERIFY(whole);
    QVERIFY(!task.wasCancelled());
    QCOMPARE(*whole, kManyProducts);
    QVERIFY(QFile::exists(path));
}

QTEST_GUILESS_MAIN(tst_CsvExport)
#include "tst_csvexport.moc"
