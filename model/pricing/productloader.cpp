#include "productloader.h"

#include "db/database.h"
#include "db/rowcursor.h"
#include "db/sql.h"

#include <algorithm>
#include <cmath>

namespace md {

namespace {

constexpr qint64 kProgressEvery = 1 << 15;

} // namespace

QString ProductLoader::cancelled()
{
    return tr("Cancelled");
}

Result<ProductSnapshot> ProductLoader::load(const Database &db, const Options &options,
                                            const Progress &progress)
{
    auto count = sql::scalar(db.sql(), QStringLiteral("SELECT COUNT(*) FROM products"));
    if (!count)
        return fail(tr("Reading the products: %1").arg(count.error()));
    const qint64 total = count->toLongLong();

    ProductSnapshot snapshot;
    // SKU plus title average well under 64 bytes in real catalogs; the buffer grows if not.
    snapshot.reserve(total, total * 48);
    {
        auto cursor = RowCursor::open(
            db, QStringLiteral("SELECT id, sku, title, category, cost_cents, base_price_cents, "
                               "current_price_cents, min_price_cents, max_price_cents, "
                               "stock_level, demand_score FROM products ORDER BY id"));
        if (!cursor)
            return fail(tr("Reading the products: %1").arg(cursor.error()));
        RowCursor &row = **cursor;
        qint64 done = 0;
        while (row.next()) {
            PricingProduct product;
            product.id = row.toInt(0);
            product.category = snapshot.categoryIndex(row.utf8(3));
            product.costCents = row.toInt(4, -1);
            product.basePriceCents = row.toInt(5);
            product.currentPriceCents = row.toInt(6);
            product.minPriceCents = row.toInt(7, -1);
            product.maxPriceCents = row.toInt(8, -1);
            product.stockLevel = qint32(row.toInt(9));
            // The score is a decimal with two places (3.25); hundredths keep it exact.
            product.demandHundredths = qint32(std::llround(row.toReal(10) * 100.0));
            product.lowestRecentCents = product.currentPriceCents;
            snapshot.add(product, row.utf8(1), row.utf8(2));
            if (progress && ++done % kProgressEvery == 0 && !progress(done, total))
                return fail(cancelled());
        }
        if (!row.error().isEmpty())
            return fail(tr("Reading the products: %1").arg(row.error()));
    }

    {
        auto locks
            = RowCursor::open(db, QStringLiteral("SELECT product_id FROM pricing_locked_products"));
        if (!locks)
            return fail(tr("Reading the price locks: %1").arg(locks.error()));
        while ((*locks)->next()) {
            const qsizetype at = snapshot.rowOfId((*locks)->toInt(0));
            if (at >= 0)
                snapshot[at].flags |= PricingProduct::Locked;
        }
        if (!(*locks)->error().isEmpty())
            return fail(tr("Reading the price locks: %1").arg((*locks)->error()));
    }

    // Every price in effect during the window is the old or the new price of a change inside
    // it, or the current price; the newest change drives the cool-down.
    const qint64 lowestSince = options.now - qint64(kLowestPriceDays) * 86400;
    const qint64 since
        = std::min(lowestSince, options.now - qint64(std::max(options.historyHours, 0)) * 3600);
    auto history = RowCursor::open(
        db,
        QStringLiteral("SELECT product_id, "
                       "MIN(CASE WHEN changed_at < ? THEN NULL "
                       "WHEN old_price_cents < new_price_cents THEN old_price_cents "
                       "ELSE new_price_cents END), MAX(changed_at) "
                       "FROM price_changes WHERE changed_at >= ? GROUP BY product_id"),
        {lowestSince, since});
    if (!history)
        return fail(tr("Reading the price history: %1").arg(history.error()));
    while ((*history)->next()) {
        const qsizetype at = snapshot.rowOfId((*history)->toInt(0));
        if (at < 0)
            continue;
        PricingProduct &product = snapshot[at];
        if (!(*history)->isNull(1))
            product.lowestRecentCents = std::min(product.lowestRecentCents, (*history)->toInt(1));
        product.lastPriceChangeAt = (*history)->toInt(2);
    }
    if (!(*history)->error().isEmpty())
        return fail(tr("Reading the price history: %1").arg((*history)->error()));
    if (progress && !progress(total, total))
        return fail(cancelled());
    return snapshot;
}

} // namespace md
