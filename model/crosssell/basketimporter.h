#pragma once

// Imports a basket file (the "groceries" format: one basket per line, product names separated
// by commas): each distinct name becomes a product (SKU derived from the name, title = the name
// trimmed; a product whose SKU and title already match is reused) and each line a completed
// order with one line per distinct product. All or nothing, in one transaction.

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace md {

class Database;

class BasketImporter
{
    Q_DECLARE_TR_FUNCTIONS(md::BasketImporter)

public:
    struct Summary
    {
        qint64 baskets = 0;
        qint64 lines = 0;
        qint64 newProducts = 0;
        qint64 knownProducts = 0;
    };
    // Bytes read and the file's size; return false to cancel (nothing is written then).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // New products get a stock of 1 (the file says nothing about stock), so that they count
    // as available for recommendations until the real stock is imported.
    static constexpr int kNewProductStock = 1;

    static Result<Summary> run(const Database &db, const QString &path,
                               const Progress &progress = {});
    // "Whole Milk" → "whole-milk": lower-case letters and digits, other runs of characters
    // become one "-", at most 90 characters; "item" when nothing is left.
    static QString skuFor(const QString &name);
    static QString cancelled();
};

} // namespace md
