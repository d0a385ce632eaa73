#include "basketimporter.h"

#include "db/bulkwriter.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "io/csvreader.h"

#include <QDateTime>
#include <QHash>
#include <QMap>

namespace md {

namespace {

constexpr int kSkuLength = 90;

// The distinct names of one record, trimmed, in order, with how often each appears.
void namesOf(const CsvRecord &record, QList<QString> &names, QList<int> &counts)
{
    names.clear();
    counts.clear();
    for (qsizetype i = 0; i < record.size(); ++i) {
        const QString name = record.text(i).trimmed();
        if (name.isEmpty())
            continue;
        const qsizetype at = names.indexOf(name);
        if (at >= 0) {
            ++counts[at];
        } else {
            names << name;
            counts << 1;
        }
    }
}

} // namespace

QString BasketImporter::skuFor(const QString &name)
{
    QString sku;
    bool dash = false;
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber()) {
            if (dash && !sku.isEmpty())
                sku += QLatin1Char('-');
            dash = false;
            sku += c;
        } else {
            dash = true;
        }
    }
    sku.truncate(kSkuLength);
    while (sku.endsWith(QLatin1Char('-')))
        sku.chop(1);
    return sku.isEmpty() ? QStringLiteral("item") : sku;
}

QString BasketImporter::cancelled()
{
    return tr("The import was cancelled; nothing was imported.");
}

Result<BasketImporter::Summary> BasketImporter::run(const Database &db, const QString &path,
                                                    const Progress &progress)
{
    Summary summary;
    QList<QString> names;
    QList<int> counts;

    // Pass one: the distinct names, in the order they first appear, and the number of baskets.
    QList<QString> distinct;
    QHash<QString, qint64> productOf; // name → product id, filled below
    {
        CsvReader reader;
        if (auto opened = reader.open(path); !opened)
            return fail(opened.error());
        CsvRecord record;
        while (reader.next(record)) {
            namesOf(record, names, counts);
            if (names.isEmpty())
                continue;
            ++summary.baskets;
            for (const QString &name : std::as_const(names)) {
                if (!productOf.contains(name)) {
                    productOf.insert(name, 0);
                    distinct << name;
                }
            }
            if (progress && summary.baskets % 4096 == 0
                && !progress(reader.bytesRead() / 2, reader.totalBytes()))
                return fail(cancelled());
        }
        if (reader.hasError())
            return fail(tr("%1: %2").arg(path, reader.error()));
    }
    if (summary.baskets == 0)
        return fail(
            tr("%1 holds no baskets (one line per basket, names separated by commas).").arg(path));

    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return fail(begun.error());
    // The ids below follow MAX(id): nobody else may add products or orders meanwhile.
    if (const QString lock
        = db.dialect().lockTables({QStringLiteral("products"), QStringLiteral("orders")});
        !lock.isEmpty()) {
        if (auto locked = sql::exec(db.sql(), lock); !locked)
            return fail(locked.error());
    }
    const auto nextId = [&](const char *table) -> Result<qint64> {
        auto max = sql::scalar(
            db.sql(),
            QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(QLatin1String(table)));
        if (!max)
            return fail(max.error());
        return max->toLongLong() + 1;
    };

    // SKUs: a product with the same SKU and title is reused; another title takes "-2", "-3", ...
    auto productId = nextId("products");
    if (!productId)
        return fail(productId.error());
    const qint64 firstNewProduct = *productId;
    QHash<QString, QString> takenSkus;              // SKU → title, of this file's new products
    QList<std::pair<QString, QString>> newProducts; // (sku, title)
    for (const QString &name : std::as_const(distinct)) {
        const QString base = skuFor(name);
        for (int suffix = 1;; ++suffix) {
            const QString sku
                = suffix == 1 ? base : QString(base + QLatin1Char('-') + QString::number(suffix));
            if (takenSkus.contains(sku))
                continue;
            auto stored = sql::select(
                db.sql(), QStringLiteral("SELECT id, title FROM products WHERE sku = ?"), {sku});
            if (!stored)
                return fail(stored.error());
            if (stored->next()) {
                if (stored->value(1).toString() != name)
                    continue;
                productOf[name] = stored->value(0).toLongLong();
                ++summary.knownProducts;
                break;
            }
            takenSkus.insert(sku, name);
            productOf[name] = firstNewProduct + newProducts.size();
            newProducts.append({sku, name});
            break;
        }
    }
    summary.newProducts = newProducts.size();

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (!newProducts.isEmpty()) {
        auto writer = BulkWriter::open(db, QStringLiteral("products"),
                                       {QStringLiteral("id"), QStringLiteral("sku"),
                                        QStringLiteral("title"), QStringLiteral("base_price_cents"),
                                        QStringLiteral("current_price_cents"),
                                        QStringLiteral("stock_level"), QStringLiteral("created_at"),
                                        QStringLiteral("updated_at")});
        if (!writer)
            return fail(writer.error());
        qint64 id = firstNewProduct;
        for (const auto &[sku, title] : std::as_const(newProducts)) {
            (*writer)->addInt(id++);
            (*writer)->addText(sku);
            (*writer)->addText(title);
            (*writer)->addInt(0);
            (*writer)->addInt(0);
            (*writer)->addInt(kNewProductStock);
            (*writer)->addInt(now);
            (*writer)->addInt(now);
            if (auto ended = (*writer)->endRow(); !ended)
                return fail(tr("Adding the product %1: %2").arg(sku, ended.error()));
        }
        if (auto finished = (*writer)->finish(); !finished)
            return fail(tr("Adding the products: %1").arg(finished.error()));
    }

    auto orderId = nextId("orders");
    if (!orderId)
        return fail(orderId.error());
    const qint64 firstOrder = *orderId;
    {
        auto writer = BulkWriter::open(db, QStringLiteral("orders"),
                                       {QStringLiteral("id"), QStringLiteral("order_number"),
                                        QStringLiteral("ordered_at"), QStringLiteral("status"),
                                        QStringLiteral("total_cents")});
        if (!writer)
            return fail(writer.error());
        // The time of the import and the order's id: unique even for two imports in the same
        // second, since the ids are.
        const QString prefix = QStringLiteral("BASKET-%1-").arg(now);
        for (qint64 k = 0; k < summary.baskets; ++k) {
            (*writer)->addInt(firstOrder + k);
            (*writer)->addText(QString(prefix + QString::number(firstOrder + k)));
            (*writer)->addInt(now);
            (*writer)->addText(u"completed");
            (*writer)->addInt(0);
            if (auto ended = (*writer)->endRow(); !ended)
                return fail(tr("Adding the orders: %1").arg(ended.error()));
        }
        if (auto finished = (*writer)->finish(); !finished)
            return fail(tr("Adding the orders: %1").arg(finished.error()));
    }

    // Pass two: the lines.
    {
        auto writer
            = BulkWriter::open(db, QStringLiteral("order_lines"),
                               {QStringLiteral("order_id"), QStringLiteral("product_id"),
                                QStringLiteral("quantity"), QStringLiteral("unit_price_cents")});
        if (!writer)
            return fail(writer.error());
        CsvReader reader;
        if (auto opened = reader.open(path); !opened)
            return fail(opened.error());
        CsvRecord record;
        qint64 basket = 0;
        while (reader.next(record)) {
            namesOf(record, names, counts);
            if (names.isEmpty())
                continue;
            for (qsizetype i = 0; i < names.size(); ++i) {
                (*writer)->addInt(firstOrder + basket);
                (*writer)->addInt(productOf.value(names.at(i)));
                (*writer)->addInt(counts.at(i));
                (*writer)->addInt(0);
                if (auto ended = (*writer)->endRow(); !ended) {
                    return fail(
                        tr("%1, line %2: %3").arg(path).arg(record.line()).arg(ended.error()));
                }
                ++summary.lines;
            }
            ++basket;
            if (progress && basket % 4096 == 0
                && !progress(reader.totalBytes() / 2 + reader.bytesRead() / 2, reader.totalBytes()))
                return fail(cancelled());
        }
        if (reader.hasError())
            return fail(tr("%1: %2").arg(path, reader.error()));
        if (basket != summary.baskets)
            return fail(
                tr("%1 changed while it was being imported; nothing was imported.").arg(path));
        if (auto finished = (*writer)->finish(); !finished)
            return fail(tr("Adding the order lines: %1").arg(finished.error()));
    }
    for (const char *table : {"products", "orders"}) {
        const QString reset = db.dialect().resetIdentity(QLatin1String(table));
        if (!reset.isEmpty()) {
            if (auto done = sql::exec(db.sql(), reset); !done)
                return fail(done.error());
        }
    }
    if (auto committed = tx.commit(); !committed)
        return fail(committed.error());
    return summary;
}

} // namespace md
