#include "seedproducts.h"

#include "db/sql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace md::test {

namespace {

QVariant orNull(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace

Status seedProducts(const Database &db, const std::vector<SeedProduct> &products)
{
    static const QString columns = QStringLiteral(
        "sku, title, category, cost_cents, base_price_cents, current_price_cents, "
        "min_price_cents, max_price_cents, stock_level, demand_score, is_exclusive, created_at, "
        "updated_at");
    static const QString values = QStringLiteral("?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?");
    // Two shapes: rows with a given id and rows that take the next one.
    QSqlQuery withId(db.sql());
    QSqlQuery withoutId(db.sql());
    if (!withId.prepare(
            QStringLiteral("INSERT INTO products (id, %1) VALUES (?, %2)").arg(columns, values))
        || !withoutId.prepare(
            QStringLiteral("INSERT INTO products (%1) VALUES (%2)").arg(columns, values))) {
        return fail(QStringLiteral("Preparing the products: %1")
                        .arg(sql::errorText(withId.lastError().isValid() ? withId : withoutId)));
    }
    for (const SeedProduct &product : products) {
        QSqlQuery &query = product.id ? withId : withoutId;
        const QVariantList row = {
            product.sku,
            product.title.isEmpty() ? product.sku : product.title,
            // A null QString binds as NULL; the column is NOT NULL DEFAULT ''.
            product.category.isNull() ? QStringLiteral("") : product.category,
            orNull(product.costCents),
            product.basePriceCents,
            product.currentPriceCents,
            orNull(product.minPriceCents),
            orNull(product.maxPriceCents),
            product.stockLevel,
            product.demandScore,
            product.exclusive ? 1 : 0,
            product.createdAt,
            product.updatedAt.value_or(product.createdAt),
        };
        int position = 0;
        if (product.id)
            query.bindValue(position++, *product.id);
        for (const QVariant &value : row)
            query.bindValue(position++, value);
        if (!query.exec())
            return fail(QStringLiteral("Product %1: %2").arg(product.sku, sql::errorText(query)));
    }
    return {};
}

} // namespace md::test
