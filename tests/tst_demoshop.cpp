#include "db/sql.h"
#include "db/transaction.h"
#include "demo/demoshop.h"
#include "loyalty/loyaltyservice.h"
#include "testdb.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

using namespace md;

namespace {

const QDate kAsOf(2026, 6, 30);
constexpr quint64 kSeed = 7;

DemoOptions smallShop(quint64 seed = kSeed)
{
    DemoOptions options;
    options.seed = seed;
    options.asOf = kAsOf;
    return options;
}

qint64 asOfEpoch()
{
    return QDateTime(kAsOf, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

// The columns each table is ordered by for its digest: its primary key, read from the database so
// tables added by later migrations are covered too; all columns when it has none.
QString orderBy(const Database &db, const QString &table)
{
    const QString statement
        = db.dialect().isPostgres()
              ? QStringLiteral(
                  "SELECT k.column_name FROM information_schema.table_constraints c "
                  "JOIN information_schema.key_column_usage k "
                  "ON k.constraint_name = c.constraint_name "
                  "AND k.table_schema = c.table_schema AND k.table_name = c.table_name "
                  "WHERE c.constraint_type = 'PRIMARY KEY' "
                  "AND c.table_schema = current_schema() AND c.table_name = ? "
                  "ORDER BY k.ordinal_position")
              : QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk");
    QStringList columns;
    auto query = sql::select(db.sql(), statement, {table});
    while (query && query->next())
        columns << Dialect::quoteIdentifier(query->value(0).toString());
    if (columns.isEmpty()) {
        auto all = sql::select(
            db.sql(),
            QStringLiteral("SELECT * FROM %1 WHERE 1 = 0").arg(Dialect::quoteIdentifier(table)));
        for (int c = 0; all && c < all->record().count(); ++c)
            columns << QString::number(c + 1);
    }
    return columns.join(QStringLiteral(", "));
}

QString canonical(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("\\N");
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float)
        return QString::number(value.toDouble(), 'g', 17);
    return value.toString();
}

// A hash per table of every row in primary-key order, each value in one text form for both
// backends. schema_migrations is left out: it records when the schema was created.
Result<std::map<QString, QByteArray>> digests(const Database &db)
{
    auto tables = sql::select(db.sql(), db.dialect().listTables());
    if (!tables)
        return fail(tables.error());
    QStringList names;
    while (tables->next())
        names << tables->value(0).toString();
    std::map<QString, QByteArray> result;
    for (const QString &table : names) {
        if (table == QLatin1String("schema_migrations"))
            continue;
        auto rows
            = sql::select(db.sql(), QStringLiteral("SELECT * FROM %1 ORDER BY %2")
                                        .arg(Dialect::quoteIdentifier(table), orderBy(db, table)));
        if (!rows)
            return fail(table + QStringLiteral(": ") + rows.error());
        QCryptographicHash hash(QCryptographicHash::Sha256);
        const int columns = rows->record().count();
        while (rows->next()) {
            for (int c = 0; c < columns; ++c) {
                hash.addData(canonical(rows->value(c)).toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\x1e", 1));
        }
        result[table] = hash.result().toHex();
    }
    return result;
}

qint64 count(const Database &db, const QString &statement, const QVariantList &values = {})
{
    auto value = sql::scalar(db.sql(), statement, values);
    if (!value)
        qFatal("%s: %s", qPrintable(statement), qPrintable(value.error()));
    return value->toLongLong();
}

QStringList indexNames(const Database &db)
{
    const QString list
        = db.dialect().isPostgres()
              ? QStringLiteral(
                  "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                  "ORDER BY indexname")
              : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name");
    QStringList names;
    auto query = sql::select(db.sql(), list);
    while (query && query->next())
        names << query->value(0).toString();
    return names;
}

} // namespace

class tst_DemoShop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parseScale_data();
    void parseScale();

    void sameSeedGivesSameRows();
    void otherSeedGivesOtherRows();
    void sameRowsOnSqliteAndPostgres();

    void sizesAreAsPromised();
    void catalogLooksReal();
    void popularityIsZipfWithinCategory();
    void basketSizesAreHeavyTailed();
    void customersRepeatAndSomeNeverOrder();
    void plantedPairsStandOut();
    void decemberBeatsSummer();
    void orderStatusesAreMixed();
    void abandonedCartsExist();
    void planFeatureMatrixIsExact();
    void loyaltyTiersAreExact();
    void orderTotalsAreSumsOfLines();
    void unitPricesFollowPriceHistory();
    void earnEntriesMatchTheirOrders();
    void awardFindsEveryOrderCredited();
    void subscriptionsLookReal();
    void referencesAreIntact();
    void laterInsertsGetFreshIds();

    void refusesNonEmptyDatabase();
    void cancelLeavesDatabaseUntouched();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
    Database m_db;
};

void tst_DemoShop::initTestCase()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    m_db = std::move(*db);
    MD_VERIFY(DemoShop::generate(m_db, smallShop()));
}

void tst_DemoShop::parseScale_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("scale");
    QTest::newRow("small") << QStringLiteral("small") << true << int(DemoOptions::Scale::Small);
    QTest::newRow("large, any case")
        << QStringLiteral("Large") << true << int(DemoOptions::Scale::Large);
    QTest::newRow("unknown") << QStringLiteral("huge") << false << 0;
    QTest::newRow("empty") << QString() << false << 0;
}

void tst_DemoShop::parseScale()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, scale);
    const auto parsed = DemoShop::parseScale(text);
    QCOMPARE(parsed.ok(), valid);
    if (!valid) {
        QVERIFY2(parsed.error().contains(QLatin1Char('"') + text + QLatin1Char('"')),
                 qPrintable(parsed.error()));
        return;
    }
    QCOMPARE(int(*parsed), scale);
    QCOMPARE(DemoShop::parseScale(keyOf(*parsed)).value(), *parsed);
}

void tst_DemoShop::sameSeedGivesSameRows()
{
    test::ScratchDatabase other;
    QVERIFY2(other.isValid(), qPrintable(other.error()));
    auto db = other.open();
    MD_VERIFY(db);
    MD_VERIFY(DemoShop::generate(*db, smallShop()));

    auto expected = digests(m_db);
    MD_VERIFY(expected);
    auto actual = digests(*db);
    MD_VERIFY(actual);
    QCOMPARE(actual->size(), expected->size());
    for (const auto &[table, digest] : *expected)
        QVERIFY2(actual->at(table) == digest, qPrintable(table));
}

void tst_DemoShop::otherSeedGivesOtherRows()
{
    test::ScratchDatabase other;
    QVERIFY2(other.isValid(), qPrintable(other.error()));
    auto db = other.open();
    MD_VERIFY(db);
    MD_VERIFY(DemoShop::generate(*db, smallShop(kSeed + 1)));

    auto first = digests(m_db);
    MD_VERIFY(first);
    auto second = digests(*db);
    MD_VERIFY(second);
    for (const char *table : {"products", "customers", "orders", "order_lines", "events"}) {
        const QString name = QLatin1String(table);
        QVERIFY2(first->at(name) != second->at(name), table);
    }
    // The fixed rows do not depend on the seed.
    QCOMPARE(first->at(QStringLiteral("plan_features")),
             second->at(QStringLiteral("plan_features")));
}

void tst_DemoShop::sameRowsOnSqliteAndPostgres()
{
    if (test::backend() != Backend::Postgres)
        QSKIP("compared on the PostgreSQL run, against a SQLite file made here");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DatabaseSpec spec;
    spec.backend = Backend::Sqlite;
    spec.path = dir.filePath(QStringLiteral("shop.sqlite"));
    auto sqlite = Database::open(spec);
    MD_VERIFY(sqlite);
    MD_VERIFY(DemoShop::generate(*sqlite, smallShop()));

    auto postgres = digests(m_db);
    MD_VERIFY(postgres);
    auto file = digests(*sqlite);
    MD_VERIFY(file);
    QCOMPARE(file->size(), postgres->size());
    for (const auto &[table, digest] : *postgres)
        QVERIFY2(file->at(table) == digest, qPrintable(table));
}

void tst_DemoShop::sizesAreAsPromised()
{
    const qint64 products = count(m_db, QStringLiteral("SELECT COUNT(*) FROM products"));
    const qint64 customers = count(m_db, QStringLiteral("SELECT COUNT(*) FROM customers"));
    const qint64 orders = count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders"));
    const qint64 lines = count(m_db, QStringLiteral("SELECT COUNT(*) FROM order_lines"));
    const qint64 events = count(m_db, QStringLiteral("SELECT COUNT(*) FROM events"));
    QVERIFY2(products >= 450 && products <= 550, qPrintable(QString::number(products)));
    QVERIFY2(customers >= 1800 && customers <= 2200, qPrintable(QString::number(customers)));
    QVERIFY2(orders >= 18000 && orders <= 22000, qPrintable(QString::number(orders)));
    QVERIFY2(lines >= 3 * orders && lines <= 5 * orders, qPrintable(QString::number(lines)));
    QVERIFY2(events > orders && events < 20 * orders, qPrintable(QString::number(events)));

    // Every order lies in the two years before the as-of date.
    const qint64 end = asOfEpoch();
    QCOMPARE(
        count(m_db,
              QStringLiteral("SELECT COUNT(*) FROM orders WHERE ordered_at < ? OR ordered_at >= ?"),
              {end - 730 * 86400, end}),
        0);
    QCOMPARE(
        count(m_db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE created_at >= ?"), {end}),
        0);
}

void tst_DemoShop::catalogLooksReal()
{
    const qint64 products = count(m_db, QStringLiteral("SELECT COUNT(*) FROM products"));
    const qint64 categories
        = count(m_db, QStringLiteral("SELECT COUNT(DISTINCT category) FROM products"));
    QVERIFY2(categories >= 10 && categories <= 14, qPrintable(QString::number(categories)));

    const qint64 exclusive = count(m_db, QStringLiteral("SELECT COUNT(*) FROM products "
                                                        "WHERE is_exclusive = 1"));
    QVERIFY2(exclusive >= products * 15 / 100 && exclusive <= products * 25 / 100,
             qPrintable(QString::number(exclusive)));

    // Stock levels mix sold-out, low, middle and high.
    for (const auto &[low, high] :
         {std::pair(0, 0), std::pair(1, 19), std::pair(20, 100), std::pair(101, 1000000)}) {
        const qint64 n = count(m_db,
                               QStringLiteral("SELECT COUNT(*) FROM products "
                                              "WHERE stock_level BETWEEN ? AND ?"),
                               {low, high});
        QVERIFY2(n >= products / 50,
                 qPrintable(QStringLiteral("%1..%2: %3").arg(low).arg(high).arg(n)));
    }

    // Cost is 35-70 % of the base price; most products sell at their base price.
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM products WHERE cost_cents * 100 < "
                                        "base_price_cents * 35 - 100 OR cost_cents * 100 > "
                                        "base_price_cents * 70 + 100")),
             0);
    const qint64 atBase
        = count(m_db, QStringLiteral("SELECT COUNT(*) FROM products "
                                     "WHERE current_price_cents = base_price_cents"));
    QVERIFY2(atBase >= products * 7 / 10 && atBase < products, qPrintable(QString::number(atBase)));
    const qint64 bounded = count(m_db, QStringLiteral("SELECT COUNT(*) FROM products "
                                                      "WHERE min_price_cents IS NOT NULL"));
    QVERIFY2(bounded > 0 && bounded < products / 4, qPrintable(QString::number(bounded)));
    QCOMPARE(
        count(m_db, QStringLiteral("SELECT COUNT(*) FROM products WHERE current_price_cents "
                                   "< min_price_cents OR current_price_cents > max_price_cents")),
        0);

    const QRegularExpression skuPattern(QStringLiteral("^[A-Z]{3}-\\d{6}$"));
    auto rows
        = sql::select(m_db.sql(), QStringLiteral("SELECT sku, title, demand_score FROM products"));
    MD_VERIFY(rows);
    std::set<QString> titles;
    while (rows->next()) {
        const QString sku = rows->value(0).toString();
        QVERIFY2(skuPattern.match(sku).hasMatch(), qPrintable(sku));
        titles.insert(rows->value(1).toString());
        const double demand = rows->value(2).toDouble();
        QVERIFY2(demand >= 0 && demand <= 10, qPrintable(sku));
        QVERIFY2(std::abs(demand * 100 - std::round(demand * 100)) < 1e-6, qPrintable(sku));
    }
    QVERIFY2(titles.size() > size_t(products) * 8 / 10, "titles repeat too much");

    const qint64 customers = count(m_db, QStringLiteral("SELECT COUNT(*) FROM customers"));
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE email LIKE "
                                        "'%@example.com' OR email LIKE '%@example.org' OR email "
                                        "LIKE '%@example.net'")),
             customers);
    const qint64 marketing = count(m_db, QStringLiteral("SELECT COUNT(*) FROM customers "
                                                        "WHERE accepts_marketing = 1"));
    QVERIFY2(marketing >= customers / 2 && marketing <= customers * 7 / 10,
             qPrintable(QString::number(marketing)));
    const qint64 unsubscribed = count(m_db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE "
                                                           "unsubscribed_at IS NOT NULL"));
    QVERIFY(unsubscribed > 0 && unsubscribed < customers / 10);
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE unsubscribed_at IS "
                                        "NOT NULL AND (accepts_marketing <> 0 OR unsubscribed_at "
                                        "< created_at)")),
             0);
}

void tst_DemoShop::popularityIsZipfWithinCategory()
{
    auto rows = sql::select(m_db.sql(),
                            QStringLiteral("SELECT p.category, p.id, COALESCE(SUM(l.quantity), 0) "
                                           "FROM products p LEFT JOIN order_lines l "
                                           "ON l.product_id = p.id GROUP BY p.category, p.id"));
    MD_VERIFY(rows);
    std::map<QString, std::vector<qint64>> units;
    while (rows->next())
        units[rows->value(0).toString()].push_back(rows->value(2).toLongLong());
    QVERIFY(units.size() >= 10);
    for (auto &[category, sold] : units) {
        std::sort(sold.begin(), sold.end());
        const qint64 median = sold[sold.size() / 2];
        QVERIFY2(sold.back() > 5 * median, qPrintable(QStringLiteral("%1: best %2, median %3")
                                                          .arg(category)
                                                          .arg(sold.back())
                                                          .arg(median)));
    }
}

void tst_DemoShop::basketSizesAreHeavyTailed()
{
    auto rows = sql::select(m_db.sql(), QStringLiteral("SELECT COUNT(*) FROM order_lines "
                                                       "GROUP BY order_id"));
    MD_VERIFY(rows);
    std::vector<qint64> sizes;
    while (rows->next())
        sizes.push_back(rows->value(0).toLongLong());
    QCOMPARE(qint64(sizes.size()), count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders")));
    std::sort(sizes.begin(), sizes.end());
    const qint64 median = sizes[sizes.size() / 2];
    QVERIFY2(median >= 1 && median <= 4, qPrintable(QString::number(median)));
    QVERIFY2(sizes.back() >= 50, qPrintable(QString::number(sizes.back())));
    const auto small = std::count_if(sizes.begin(), sizes.end(), [](qint64 s) { return s <= 4; });
    QVERIFY2(small >= qint64(sizes.size()) * 6 / 10, qPrintable(QString::number(small)));
    const auto wholesale
        = std::count_if(sizes.begin(), sizes.end(), [](qint64 s) { return s >= 50; });
    QVERIFY2(wholesale <= qint64(sizes.size()) / 200, qPrintable(QString::number(wholesale)));

    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM (SELECT order_id, product_id FROM "
                                        "order_lines GROUP BY order_id, product_id "
                                        "HAVING COUNT(*) > 1) AS twice")),
             0);
    const qint64 lines = count(m_db, QStringLiteral("SELECT COUNT(*) FROM order_lines"));
    const qint64 single = count(m_db, QStringLiteral("SELECT COUNT(*) FROM order_lines "
                                                     "WHERE quantity = 1"));
    QVERIFY2(single >= lines * 7 / 10 && single < lines, qPrintable(QString::number(single)));
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM order_lines WHERE quantity > 3")), 0);
}

void tst_DemoShop::customersRepeatAndSomeNeverOrder()
{
    auto rows = sql::select(m_db.sql(),
                            QStringLiteral("SELECT c.id, COUNT(o.id) FROM customers c LEFT JOIN "
                                           "orders o ON o.customer_id = c.id GROUP BY c.id"));
    MD_VERIFY(rows);
    qint64 customers = 0, never = 0, once = 0, repeat = 0, most = 0;
    while (rows->next()) {
        const qint64 n = rows->value(1).toLongLong();
        ++customers;
        never += n == 0;
        once += n == 1;
        repeat += n >= 2;
        most = std::max(most, n);
    }
    const qint64 buyers = once + repeat;
    QVERIFY2(never >= customers / 20, qPrintable(QString::number(never)));
    QVERIFY2(repeat >= buyers * 3 / 10 && repeat <= buyers * 8 / 10,
             qPrintable(QString::number(repeat)));
    QVERIFY2(once >= buyers / 4, qPrintable(QString::number(once)));
    QVERIFY2(most >= 20, qPrintable(QString::number(most)));

    const qint64 orders = count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders"));
    const qint64 guests = count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders "
                                                     "WHERE customer_id IS NULL"));
    QVERIFY2(guests >= orders / 100 && guests <= orders * 6 / 100,
             qPrintable(QString::number(guests)));
    // Nobody orders before signing up.
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders o JOIN customers c ON "
                                        "c.id = o.customer_id WHERE o.ordered_at < c.created_at")),
             0);
}

void tst_DemoShop::plantedPairsStandOut()
{
    const auto pairs = DemoShop::plantedPairs(smallShop());
    QVERIFY2(pairs.size() >= 5 && pairs.size() <= 8, qPrintable(QString::number(pairs.size())));
    QStringList text;
    for (const auto &[a, b] : pairs)
        text << a + QLatin1Char(',') + b;
    auto stored
        = sql::scalar(m_db.sql(), QStringLiteral("SELECT value FROM settings WHERE name = ?"),
                      {DemoShop::plantedPairsSetting()});
    MD_VERIFY(stored);
    QCOMPARE(stored->toString(), text.join(QLatin1Char(';')));

    std::map<QString, std::set<qint64>> baskets; // SKU → orders holding it
    auto rows
        = sql::select(m_db.sql(), QStringLiteral("SELECT p.sku, l.order_id FROM order_lines l "
                                                 "JOIN products p ON p.id = l.product_id"));
    MD_VERIFY(rows);
    while (rows->next())
        baskets[rows->value(0).toString()].insert(rows->value(1).toLongLong());
    const double orders = double(count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders")));
    for (const auto &[a, b] : pairs) {
        const auto &withA = baskets[a];
        const auto &withB = baskets[b];
        QVERIFY2(withA.size() >= 30, qPrintable(a));
        const double both = double(std::count_if(withA.begin(), withA.end(),
                                                 [&](qint64 o) { return withB.count(o) > 0; }));
        const double confidence = both / double(withA.size());
        const double lift = confidence / (double(withB.size()) / orders);
        QVERIFY2(lift > 3.0, qPrintable(QStringLiteral("%1 → %2: lift %3").arg(a, b).arg(lift)));
        // About half of A's baskets carry B: far above what popularity alone gives.
        QVERIFY2(confidence > 0.4,
                 qPrintable(QStringLiteral("%1 → %2: confidence %3").arg(a, b).arg(confidence)));
    }
}

void tst_DemoShop::decemberBeatsSummer()
{
    auto rows = sql::select(m_db.sql(), QStringLiteral("SELECT ordered_at, total_cents FROM orders "
                                                       "WHERE status <> 'cancelled'"));
    MD_VERIFY(rows);
    qint64 december = 0, june = 0, weekendOrders = 0, weekdayOrders = 0, firstYear = 0,
           secondYear = 0;
    const qint64 middle = asOfEpoch() - 365 * 86400;
    while (rows->next()) {
        const qint64 at = rows->value(0).toLongLong();
        const QDate date = QDateTime::fromSecsSinceEpoch(at, QTimeZone::utc()).date();
        const qint64 total = rows->value(1).toLongLong();
        if (date.month() == 12)
            december += total;
        if (date.month() == 6)
            june += total;
        (date.dayOfWeek() >= 6 ? weekendOrders : weekdayOrders) += 1;
        (at < middle ? firstYear : secondYear) += 1;
    }
    int decemberDays = 0, juneDays = 0, weekendDays = 0, weekdays = 0;
    for (QDate day = kAsOf.addDays(-730); day < kAsOf; day = day.addDays(1)) {
        decemberDays += day.month() == 12;
        juneDays += day.month() == 6;
        (day.dayOfWeek() >= 6 ? weekendDays : weekdays) += 1;
    }
    const double decemberPerDay = double(december) / decemberDays;
    const double junePerDay = double(june) / juneDays;
    QVERIFY2(decemberPerDay > 1.2 * junePerDay,
             qPrintable(QStringLiteral("%1 vs %2").arg(decemberPerDay).arg(junePerDay)));
    const double weekend = double(weekendOrders) / weekendDays;
    const double weekday = double(weekdayOrders) / weekdays;
    QVERIFY2(weekend > 1.1 * weekday,
             qPrintable(QStringLiteral("%1 vs %2").arg(weekend).arg(weekday)));
    QVERIFY2(secondYear > firstYear, "the shop does not grow");
}

void tst_DemoShop::orderStatusesAreMixed()
{
    const qint64 orders = count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders"));
    auto share = [&](const char *status) {
        return double(count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = ?"),
                            {QLatin1String(status)}))
               / double(orders);
    };
    QVERIFY2(share("cancelled") >= 0.01 && share("cancelled") <= 0.05,
             qPrintable(QString::number(share("cancelled"))));
    QVERIFY2(share("refunded") >= 0.003 && share("refunded") <= 0.03,
             qPrintable(QString::number(share("refunded"))));
    QVERIFY(share("completed") >= 0.9);
    const qint64 pending = count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders "
                                                      "WHERE status = 'pending'"));
    QVERIFY(pending > 0 && pending < orders / 100);
    QCOMPARE(count(m_db,
                   QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = 'pending' "
                                  "AND ordered_at < ?"),
                   {asOfEpoch() - 2 * 86400}),
             0);
    auto numbers = sql::select(m_db.sql(), QStringLiteral("SELECT order_number FROM orders "
                                                          "ORDER BY id LIMIT 2"));
    MD_VERIFY(numbers);
    QVERIFY(numbers->next());
    QCOMPARE(numbers->value(0).toString(), QStringLiteral("#100001"));
}

void tst_DemoShop::abandonedCartsExist()
{
    // (customer, day) of every add-to-cart and of every order.
    auto day = [](qint64 at) {
        return at / 86400;
    };
    std::set<std::pair<qint64, qint64>> carts, orders, checkouts;
    auto events = sql::select(
        m_db.sql(), QStringLiteral("SELECT customer_id, occurred_at, event_type FROM events "
                                   "WHERE customer_id IS NOT NULL AND event_type IN "
                                   "('added_to_cart', 'checkout_started')"));
    MD_VERIFY(events);
    while (events->next()) {
        const auto key
            = std::pair(events->value(0).toLongLong(), day(events->value(1).toLongLong()));
        (events->value(2).toString() == QLatin1String("added_to_cart") ? carts : checkouts)
            .insert(key);
    }
    auto placed
        = sql::select(m_db.sql(), QStringLiteral("SELECT customer_id, ordered_at FROM orders "
                                                 "WHERE customer_id IS NOT NULL"));
    MD_VERIFY(placed);
    while (placed->next())
        orders.insert({placed->value(0).toLongLong(), day(placed->value(1).toLongLong())});

    qint64 abandoned = 0, abandonedAtCheckout = 0;
    for (const auto &cart : carts) {
        if (orders.count(cart) == 0) {
            ++abandoned;
            abandonedAtCheckout += checkouts.count(cart);
        }
    }
    QVERIFY2(abandoned >= qint64(carts.size()) / 20 && abandoned <= qint64(carts.size()) * 4 / 10,
             qPrintable(QStringLiteral("%1 of %2").arg(abandoned).arg(carts.size())));
    QVERIFY(abandonedAtCheckout > 0 && abandonedAtCheckout < abandoned);

    // Every completion points at the order of the same shopper, at the order's time.
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM events e JOIN orders o ON o.id = "
                                        "e.order_id WHERE e.event_type = 'order_completed' AND "
                                        "(e.occurred_at <> o.ordered_at OR COALESCE(e.customer_id, "
                                        "0) <> COALESCE(o.customer_id, 0))")),
             0);
    QVERIFY(count(m_db, QStringLiteral("SELECT COUNT(*) FROM events "
                                       "WHERE event_type = 'product_viewed'"))
            > count(m_db, QStringLiteral("SELECT COUNT(*) FROM events "
                                         "WHERE event_type = 'added_to_cart'")));
}

void tst_DemoShop::planFeatureMatrixIsExact()
{
    const std::map<std::pair<QString, QString>, QString> expected = {
        {{QStringLiteral("Basic Box"), QStringLiteral("target_item_count")}, QStringLiteral("4")},
        {{QStringLiteral("Basic Box"), QStringLiteral("exclusive_item")}, QStringLiteral("false")},
        {{QStringLiteral("Basic Box"), QStringLiteral("num_exclusive_items")}, QStringLiteral("0")},
        {{QStringLiteral("Basic Box"), QStringLiteral("shipping_speed")},
         QStringLiteral("standard")},
        {{QStringLiteral("Basic Box"), QStringLiteral("personalized_recommendations")},
         QStringLiteral("false")},
        {{QStringLiteral("Premium Box"), QStringLiteral("target_item_count")}, QStringLiteral("6")},
        {{QStringLiteral("Premium Box"), QStringLiteral("exclusive_item")}, QStringLiteral("true")},
        {{QStringLiteral("Premium Box"), QStringLiteral("num_exclusive_items")},
         QStringLiteral("1")},
        {{QStringLiteral("Premium Box"), QStringLiteral("shipping_speed")},
         QStringLiteral("standard")},
        {{QStringLiteral("Premium Box"), QStringLiteral("personalized_recommendations")},
         QStringLiteral("false")},
        {{QStringLiteral("Deluxe Box"), QStringLiteral("target_item_count")}, QStringLiteral("8")},
        {{QStringLiteral("Deluxe Box"), QStringLiteral("exclusive_item")}, QStringLiteral("true")},
        {{QStringLiteral("Deluxe Box"), QStringLiteral("num_exclusive_items")},
         QStringLiteral("3")},
        {{QStringLiteral("Deluxe Box"), QStringLiteral("shipping_speed")},
         QStringLiteral("priority")},
        {{QStringLiteral("Deluxe Box"), QStringLiteral("personalized_recommendations")},
         QStringLiteral("true")},
    };
    auto rows
        = sql::select(m_db.sql(), QStringLiteral("SELECT p.name, f.feature_key, pf.value FROM "
                                                 "plan_features pf JOIN plans p ON p.id = "
                                                 "pf.plan_id JOIN features f ON f.id = "
                                                 "pf.feature_id"));
    MD_VERIFY(rows);
    std::map<std::pair<QString, QString>, QString> actual;
    while (rows->next())
        actual[{rows->value(0).toString(), rows->value(1).toString()}] = rows->value(2).toString();
    QCOMPARE(actual, expected);

    auto plans
        = sql::select(m_db.sql(), QStringLiteral("SELECT name, price_cents, billing_interval, "
                                                 "display_order, active, parent_plan_id, "
                                                 "description FROM plans ORDER BY id"));
    MD_VERIFY(plans);
    const std::vector<std::pair<QString, qint64>> prices = {{QStringLiteral("Basic Box"), 2999},
                                                            {QStringLiteral("Premium Box"), 5999},
                                                            {QStringLiteral("Deluxe Box"), 9999}};
    for (size_t i = 0; i < prices.size(); ++i) {
        QVERIFY(plans->next());
        QCOMPARE(plans->value(0).toString(), prices[i].first);
        QCOMPARE(plans->value(1).toLongLong(), prices[i].second);
        QCOMPARE(plans->value(2).toString(), QStringLiteral("monthly"));
        QCOMPARE(plans->value(3).toInt(), int(i) + 1);
        QCOMPARE(plans->value(4).toInt(), 1);
        QVERIFY(plans->value(5).isNull());
        QVERIFY(!plans->value(6).toString().isEmpty());
    }
    QVERIFY(!plans->next());

    auto features
        = sql::select(m_db.sql(), QStringLiteral("SELECT feature_key, value_type, choices, "
                                                 "default_value FROM features"));
    MD_VERIFY(features);
    std::map<QString, QStringList> declared;
    while (features->next()) {
        declared[features->value(0).toString()]
            = {features->value(1).toString(), features->value(2).toString(),
               features->value(3).toString()};
    }
    const std::map<QString, QStringList> types = {
        {QStringLiteral("target_item_count"),
         {QStringLiteral("int"), QString(), QStringLiteral("4")}},
        {QStringLiteral("exclusive_item"),
         {QStringLiteral("bool"), QString(), QStringLiteral("false")}},
        {QStringLiteral("num_exclusive_items"),
         {QStringLiteral("int"), QString(), QStringLiteral("0")}},
        {QStringLiteral("shipping_speed"),
         {QStringLiteral("choice"), QStringLiteral("standard|priority"),
          QStringLiteral("standard")}},
        {QStringLiteral("personalized_recommendations"),
         {QStringLiteral("bool"), QString(), QStringLiteral("false")}},
    };
    QCOMPARE(declared, types);
}

void tst_DemoShop::loyaltyTiersAreExact()
{
    auto rows
        = sql::select(m_db.sql(), QStringLiteral("SELECT name, min_points, multiplier_bp FROM "
                                                 "loyalty_tiers ORDER BY min_points"));
    MD_VERIFY(rows);
    const std::vector<std::tuple<QString, int, qint64>> expected
        = {{QStringLiteral("Bronze"), 0, 10000},
           {QStringLiteral("Silver"), 500, 12500},
           {QStringLiteral("Gold"), 2000, 15000},
           {QStringLiteral("Platinum"), 5000, 20000}};
    for (const auto &[name, minPoints, multiplier] : expected) {
        QVERIFY(rows->next());
        QCOMPARE(rows->value(0).toString(), name);
        QCOMPARE(rows->value(1).toInt(), minPoints);
        QCOMPARE(rows->value(2).toLongLong(), multiplier);
    }
    QVERIFY(!rows->next());
    // The seeded perks came with them.
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM loyalty_tier_perks")), 7);
}

void tst_DemoShop::orderTotalsAreSumsOfLines()
{
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders o WHERE o.total_cents <> "
                                        "(SELECT COALESCE(SUM(l.quantity * l.unit_price_cents), 0) "
                                        "FROM order_lines l WHERE l.order_id = o.id)")),
             0);
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS "
                                        "(SELECT 1 FROM order_lines l WHERE l.order_id = o.id)")),
             0);
    QVERIFY(count(m_db, QStringLiteral("SELECT MIN(total_cents) FROM orders")) > 0);
}

void tst_DemoShop::unitPricesFollowPriceHistory()
{
    struct History
    {
        qint64 base = 0;
        qint64 current = 0;
        std::vector<std::tuple<qint64, qint64, qint64>> changes; // at, old, new
    };
    std::map<qint64, History> products;
    auto rows = sql::select(m_db.sql(), QStringLiteral("SELECT id, base_price_cents, "
                                                       "current_price_cents FROM products"));
    MD_VERIFY(rows);
    while (rows->next())
        products[rows->value(0).toLongLong()]
            = {rows->value(1).toLongLong(), rows->value(2).toLongLong(), {}};
    auto changes = sql::select(m_db.sql(), QStringLiteral("SELECT product_id, changed_at, "
                                                          "old_price_cents, new_price_cents FROM "
                                                          "price_changes ORDER BY product_id, "
                                                          "changed_at, id"));
    MD_VERIFY(changes);
    qint64 changeCount = 0;
    while (changes->next()) {
        ++changeCount;
        products[changes->value(0).toLongLong()].changes.emplace_back(
            changes->value(1).toLongLong(), changes->value(2).toLongLong(),
            changes->value(3).toLongLong());
    }
    QVERIFY2(changeCount >= qint64(products.size()) / 20, "hardly any price history");
    for (const auto &[id, history] : products) {
        if (history.changes.empty()) {
            QCOMPARE(history.current, history.base);
            continue;
        }
        QCOMPARE(std::get<1>(history.changes.front()), history.base);
        for (size_t i = 1; i < history.changes.size(); ++i)
            QCOMPARE(std::get<1>(history.changes[i]), std::get<2>(history.changes[i - 1]));
        QCOMPARE(std::get<2>(history.changes.back()), history.current);
    }
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM price_runs r WHERE r.change_count <> "
                                        "(SELECT COUNT(*) FROM price_changes c WHERE c.run_id = "
                                        "r.id)")),
             0);

    // Each line is priced at what the product cost when the order was placed.
    auto lines = sql::select(m_db.sql(), QStringLiteral("SELECT l.product_id, o.ordered_at, "
                                                        "l.unit_price_cents FROM order_lines l "
                                                        "JOIN orders o ON o.id = l.order_id"));
    MD_VERIFY(lines);
    qint64 checked = 0, historic = 0;
    while (lines->next()) {
        const History &history = products.at(lines->value(0).toLongLong());
        const qint64 at = lines->value(1).toLongLong();
        qint64 price = history.current;
        if (!history.changes.empty()) {
            price = std::get<1>(history.changes.front());
            for (const auto &[changedAt, oldPrice, newPrice] : history.changes) {
                if (changedAt <= at)
                    price = newPrice;
            }
            historic += price != history.current;
        }
        QCOMPARE(lines->value(2).toLongLong(), price);
        ++checked;
    }
    QVERIFY(checked > 0);
    QVERIFY2(historic > 0, "no line was sold at an earlier price");
}

void tst_DemoShop::earnEntriesMatchTheirOrders()
{
    struct Order
    {
        qint64 customer;
        qint64 total;
        QString status;
    };
    std::map<qint64, Order> orders;
    auto rows
        = sql::select(m_db.sql(), QStringLiteral("SELECT id, customer_id, total_cents, status "
                                                 "FROM orders"));
    MD_VERIFY(rows);
    while (rows->next()) {
        orders[rows->value(0).toLongLong()]
            = {rows->value(1).isNull() ? 0 : rows->value(1).toLongLong(),
               rows->value(2).toLongLong(), rows->value(3).toString()};
    }
    std::vector<std::pair<qint64, qint64>> tiers; // min points, multiplier in basis points
    auto tierRows = sql::select(m_db.sql(), QStringLiteral("SELECT min_points, multiplier_bp FROM "
                                                           "loyalty_tiers ORDER BY min_points"));
    MD_VERIFY(tierRows);
    while (tierRows->next())
        tiers.emplace_back(tierRows->value(0).toLongLong(), tierRows->value(1).toLongLong());

    auto ledger = sql::select(m_db.sql(),
                              QStringLiteral("SELECT customer_id, delta, kind, order_id, source "
                                             "FROM points_ledger ORDER BY customer_id, "
                                             "created_at, id"));
    MD_VERIFY(ledger);
    qint64 customer = -1, lifetime = 0, balance = 0;
    std::map<QString, qint64> kinds;
    std::set<qint64> earned;
    qint64 promoted = 0;
    while (ledger->next()) {
        if (ledger->value(0).toLongLong() != customer) {
            customer = ledger->value(0).toLongLong();
            lifetime = balance = 0;
        }
        const qint64 delta = ledger->value(1).toLongLong();
        const QString kind = ledger->value(2).toString();
        ++kinds[kind];
        if (kind == QLatin1String("earn")) {
            const qint64 orderId = ledger->value(3).toLongLong();
            QVERIFY2(orders.count(orderId), qPrintable(QString::number(orderId)));
            const Order &order = orders.at(orderId);
            QCOMPARE(order.customer, customer);
            QCOMPARE(order.status, QStringLiteral("completed"));
            // At the tier of the points earned from orders before this one (bonuses do not count).
            qint64 bp = tiers.front().second;
            for (const auto &[minPoints, multiplier] : tiers) {
                if (lifetime >= minPoints)
                    bp = multiplier;
            }
            promoted += bp > tiers.front().second;
            QCOMPARE(delta, order.total * bp / 1000000);
            QCOMPARE(ledger->value(4).toString(), QStringLiteral("order:%1").arg(orderId));
            QVERIFY2(earned.insert(orderId).second, "an order earned twice");
            lifetime += delta;
        } else {
            QVERIFY(ledger->value(3).isNull());
            QVERIFY(!ledger->value(4).toString().isEmpty());
        }
        balance += delta;
        QVERIFY2(balance >= 0, qPrintable(QStringLiteral("customer %1 below zero").arg(customer)));
    }
    QVERIFY2(promoted > 0, "nobody ever earned at a higher tier");
    for (const char *kind : {"earn", "redeem", "expire", "badge", "challenge", "referral"})
        QVERIFY2(kinds[QLatin1String(kind)] > 0, kind);

    // Every completed order of a registered customer worth a point earned exactly once.
    for (const auto &[id, order] : orders) {
        if (order.customer > 0 && order.status == QLatin1String("completed") && order.total >= 100)
            QVERIFY2(earned.count(id), qPrintable(QString::number(id)));
    }

    QVERIFY(count(m_db, QStringLiteral("SELECT COUNT(DISTINCT badge_id) FROM customer_badges"))
            >= 3);
    const qint64 challenges = count(m_db, QStringLiteral("SELECT COUNT(*) FROM challenges"));
    QVERIFY(challenges >= 2 && challenges <= 3);
    QCOMPARE(
        count(m_db, QStringLiteral("SELECT COUNT(DISTINCT challenge_id) FROM challenge_progress")),
        challenges);
    QVERIFY(
        count(m_db, QStringLiteral("SELECT COUNT(*) FROM challenge_progress p JOIN challenges c "
                                   "ON c.id = p.challenge_id WHERE p.completed_at IS NOT NULL "
                                   "AND p.progress >= c.goal_value"))
        > 0);
    QCOMPARE(
        count(m_db, QStringLiteral("SELECT COUNT(*) FROM challenge_progress p JOIN challenges c "
                                   "ON c.id = p.challenge_id WHERE (p.completed_at IS NULL) <> "
                                   "(p.progress < c.goal_value)")),
        0);
    QVERIFY(count(m_db, QStringLiteral("SELECT COUNT(*) FROM referrals "
                                       "WHERE converted_at IS NOT NULL"))
            > 0);
}

void tst_DemoShop::awardFindsEveryOrderCredited()
{
    // The demo ledger follows the programme's earning rule and sources: an award run on the
    // demo shop has nothing to add, and writes nothing.
    const qint64 entries = count(m_db, QStringLiteral("SELECT COUNT(*) FROM points_ledger"));
    const qint64 last = count(m_db, QStringLiteral("SELECT MAX(ordered_at) FROM orders"));
    auto awarded = LoyaltyService::award(m_db, last);
    MD_VERIFY(awarded);
    QCOMPARE(awarded->creditedOrders, 0);
    QCOMPARE(awarded->reversedOrders, 0);
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM points_ledger")), entries);
}

void tst_DemoShop::subscriptionsLookReal()
{
    const qint64 customers = count(m_db, QStringLiteral("SELECT COUNT(*) FROM customers"));
    const qint64 subscriptions = count(m_db, QStringLiteral("SELECT COUNT(*) FROM subscriptions"));
    QVERIFY2(subscriptions >= customers * 6 / 100 && subscriptions <= customers * 14 / 100,
             qPrintable(QString::number(subscriptions)));
    auto onPlan = [&](int plan) {
        return count(m_db, QStringLiteral("SELECT COUNT(*) FROM subscriptions WHERE plan_id = ?"),
                     {plan});
    };
    QVERIFY(onPlan(1) > onPlan(2) && onPlan(2) > onPlan(3) && onPlan(3) > 0);
    auto withStatus = [&](const char *status) {
        return count(m_db, QStringLiteral("SELECT COUNT(*) FROM subscriptions WHERE status = ?"),
                     {QLatin1String(status)});
    };
    QVERIFY(withStatus("active") > subscriptions / 2);
    QVERIFY(withStatus("paused") > 0 && withStatus("cancelled") > 0 && withStatus("past_due") > 0);
    QCOMPARE(count(m_db,
                   QStringLiteral("SELECT COUNT(*) FROM subscriptions WHERE status = 'paused' "
                                  "AND paused_until <= ?"),
                   {asOfEpoch()}),
             0);
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM subscriptions WHERE status = "
                                        "'cancelled' AND cancel_reason = ''")),
             0);

    // Each log starts with the sign-up and ends in the current status.
    auto log = sql::select(m_db.sql(), QStringLiteral("SELECT s.id, s.status, s.started_at, "
                                                      "l.old_status, l.new_status, l.changed_at "
                                                      "FROM subscriptions s JOIN "
                                                      "subscription_status_log l ON "
                                                      "l.subscription_id = s.id ORDER BY s.id, "
                                                      "l.changed_at, l.id"));
    MD_VERIFY(log);
    qint64 current = -1, logged = 0;
    QString status, last;
    while (log->next()) {
        if (log->value(0).toLongLong() != current) {
            if (current >= 0)
                QCOMPARE(last, status);
            current = log->value(0).toLongLong();
            status = log->value(1).toString();
            QVERIFY(log->value(3).isNull());
            QCOMPARE(log->value(4).toString(), QStringLiteral("active"));
            QCOMPARE(log->value(5).toLongLong(), log->value(2).toLongLong());
            ++logged;
        }
        last = log->value(4).toString();
    }
    QCOMPARE(last, status);
    QCOMPARE(logged, subscriptions);

    // Plan history: every subscription has one open period, on its current plan, from its
    // start or a later renewal; some changed plan, so the growth chart has history to show.
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM subscriptions s "
                                        "JOIN subscription_plan_periods p "
                                        "ON p.subscription_id = s.id AND p.ended_at IS NULL "
                                        "AND p.plan_id = s.plan_id")),
             subscriptions);
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM subscriptions s WHERE "
                                        "(SELECT MIN(p.started_at) FROM subscription_plan_periods "
                                        "p WHERE p.subscription_id = s.id) <> s.started_at")),
             qint64(0));
    const qint64 moved = count(m_db, QStringLiteral("SELECT COUNT(DISTINCT subscription_id) FROM "
                                                    "subscription_plan_periods p JOIN "
                                                    "subscriptions s ON s.id = p.subscription_id "
                                                    "WHERE p.plan_id <> s.plan_id"));
    QVERIFY2(moved > 0 && moved < subscriptions / 2, qPrintable(QString::number(moved)));
}

void tst_DemoShop::referencesAreIntact()
{
    // The SQLite load runs with foreign-key checks off for speed: prove nothing dangles.
    if (!m_db.dialect().isPostgres()) {
        auto broken = sql::select(m_db.sql(), QStringLiteral("PRAGMA foreign_key_check"));
        MD_VERIFY(broken);
        const bool dangling = broken->next();
        QVERIFY2(!dangling, dangling ? qPrintable(broken->value(0).toString()) : "");
        auto enabled = sql::scalar(m_db.sql(), QStringLiteral("PRAGMA foreign_keys"));
        MD_VERIFY(enabled);
        QCOMPARE(enabled->toInt(), 1);
    }
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM order_lines l LEFT JOIN products p "
                                        "ON p.id = l.product_id WHERE p.id IS NULL")),
             0);
    QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM events e LEFT JOIN customers c "
                                        "ON c.id = e.customer_id WHERE e.customer_id IS NOT NULL "
                                        "AND c.id IS NULL")),
             0);
}

void tst_DemoShop::laterInsertsGetFreshIds()
{
    // After explicit ids the next generated one follows them (PostgreSQL's identity reset).
    Transaction transaction(m_db.sql(), m_db.dialect());
    MD_VERIFY(transaction.begin());
    const qint64 last = count(m_db, QStringLiteral("SELECT MAX(id) FROM order_lines"));
    MD_VERIFY(
        sql::exec(m_db.sql(), QStringLiteral("INSERT INTO order_lines (order_id, product_id, "
                                             "quantity, unit_price_cents) VALUES (1, 1, 1, 100)")));
    QCOMPARE(count(m_db, QStringLiteral("SELECT MAX(id) FROM order_lines")), last + 1);
    MD_VERIFY(sql::exec(m_db.sql(), QStringLiteral("INSERT INTO customers (email, created_at) "
                                                   "VALUES ('new.one@example.com', 0)")));
    QCOMPARE(count(m_db, QStringLiteral("SELECT MAX(id) FROM customers")), 2001);
    transaction.rollback();
}

void tst_DemoShop::refusesNonEmptyDatabase()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    MD_VERIFY(sql::exec(db->sql(), QStringLiteral("INSERT INTO customers (email, created_at) "
                                                  "VALUES ('real.customer@example.com', 1)")));
    auto before = db->tableCounts();
    MD_VERIFY(before);

    const Status refused = DemoShop::generate(*db, smallShop());
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("customers")), qPrintable(refused.error()));
    QVERIFY2(refused.error().contains(QLatin1String("nothing was changed")),
             qPrintable(refused.error()));
    auto after = db->tableCounts();
    MD_VERIFY(after);
    QCOMPARE(*after, *before);
}

void tst_DemoShop::cancelLeavesDatabaseUntouched()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    const QStringList indexesBefore = indexNames(*db);

    // Cancel once orders are written and the order lines are being loaded.
    std::vector<std::pair<int, QString>> reports;
    const auto progress = [&reports](int percent, const QString &stage) {
        reports.emplace_back(percent, stage);
        return stage != QLatin1String("order lines") || percent < 40;
    };
    const Status cancelled = DemoShop::generate(*db, smallShop(), progress);
    QVERIFY(!cancelled);
    QVERIFY2(cancelled.error().contains(QLatin1String("cancelled")), qPrintable(cancelled.error()));

    QVERIFY(reports.size() > 10);
    for (size_t i = 1; i < reports.size(); ++i)
        QVERIFY(reports[i].first >= reports[i - 1].first);
    std::set<QString> stages;
    for (const auto &report : reports)
        stages.insert(report.second);
    for (const char *stage : {"catalog", "customers", "orders", "order lines"})
        QVERIFY2(stages.count(QLatin1String(stage)), stage);
    QCOMPARE(reports.back().second, QStringLiteral("order lines"));

    auto counts = db->tableCounts();
    MD_VERIFY(counts);
    for (const auto &[table, rows] : *counts) {
        if (table != QLatin1String("schema_migrations"))
            QVERIFY2(rows == 0, qPrintable(table));
    }
    QCOMPARE(indexNames(*db), indexesBefore);

    // Nothing was left half-done: the same database takes the whole shop afterwards.
    reports.clear();
    MD_VERIFY(DemoShop::generate(*db, smallShop(), [&reports](int percent, const QString &stage) {
        reports.emplace_back(percent, stage);
        return true;
    }));
    QCOMPARE(reports.back().first, 100);
    QCOMPARE(count(*db, QStringLiteral("SELECT COUNT(*) FROM orders")),
             count(m_db, QStringLiteral("SELECT COUNT(*) FROM orders")));
    QCOMPARE(indexNames(*db), indexesBefore);
}

QTEST_GUILESS_MAIN(tst_DemoShop)
#include "tst_demoshop.moc"
