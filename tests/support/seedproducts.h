#pragma once

// Test support: a catalog written straight into a scratch database, for tests that need
// products but are not about importing them.

#include "db/database.h"

#include <QString>

#include <optional>
#include <vector>

namespace md::test {

// One row of products, fields in the table's column order so designated initializers can name
// just what a test cares about (the empty braces keep GCC's -Wmissing-field-initializers quiet
// about the fields left out).
struct SeedProduct
{
    std::optional<qint64> id{}; // none: the table's next id
    QString sku{};
    QString title{}; // empty: the SKU
    QString category{};
    std::optional<qint64> costCents{}; // none: NULL, no cost known
    qint64 basePriceCents = 1000;
    qint64 currentPriceCents = 1000;
    std::optional<qint64> minPriceCents{};
    std::optional<qint64> maxPriceCents{};
    int stockLevel = 0;
    double demandScore = 0;
    bool exclusive = false;
    qint64 createdAt = 0;
    std::optional<qint64> updatedAt{}; // none: createdAt
};

// Inserts the products in order with one prepared statement, inside the caller's transaction
// when there is one; the error names the SKU that was refused.
Status seedProducts(const Database &db, const std::vector<SeedProduct> &products);

} // namespace md::test
