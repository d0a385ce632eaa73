#pragma once

// A forward-only cursor over one SELECT at the speed of the native client libraries: a prepared
// sqlite3 statement on SQLite; on PostgreSQL COPY ... TO STDOUT (no values) or single-row mode
// (with values) on QPSQL's own connection, so a million rows stream through without a QVariant
// per value and without libpq holding the whole result in memory.
//
//     auto cursor = RowCursor::open(db, "SELECT id, sku FROM products WHERE id > ?", {10});
//     while ((*cursor)->next()) { (*cursor)->toInt(0); (*cursor)->utf8(1); }
//     if (!(*cursor)->error().isEmpty()) ...

#include "core/result.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QVariantList>

#include <memory>

namespace md {

class Database;

class RowCursor
{
    Q_DECLARE_TR_FUNCTIONS(md::RowCursor)

public:
    // `select` uses positional ? placeholders for `values` (integers, texts or null).
    static Result<std::unique_ptr<RowCursor>> open(const Database &db, const QString &select,
                                                   const QVariantList &values = {});
    virtual ~RowCursor() = default;

    // Moves to the next row; false at the end or on an error (then error() says what).
    virtual bool next() = 0;
    virtual QString error() const = 0;

    virtual bool isNull(int column) const = 0;
    virtual qint64 toInt(int column) const = 0;
    virtual double toReal(int column) const = 0;
    // Valid until the next call of next().
    virtual QByteArrayView utf8(int column) const = 0;

    // toInt(), or `fallback` when the value is NULL.
    qint64 toInt(int column, qint64 fallback) const
    {
        return isNull(column) ? fallback : toInt(column);
    }
};

} // namespace md
