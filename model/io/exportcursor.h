#pragma once

// Streams the rows of one SELECT straight from the driver's native handle: sqlite3_step on
// SQLite, COPY (SELECT ...) TO STDOUT through libpq on PostgreSQL (QPSQL would first load the
// whole result into memory). Memory stays flat however many rows there are.

#include "core/result.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <memory>

namespace md {

class Database;

class ExportCursor
{
    Q_DECLARE_TR_FUNCTIONS(md::ExportCursor)

public:
    static Result<std::unique_ptr<ExportCursor>> open(const Database &db, const QString &select,
                                                      int columns);
    virtual ~ExportCursor() = default;

    // The next row; false at the end or on an error (error() then says why).
    virtual bool next() = 0;
    virtual bool isNull(int column) const = 0;
    virtual qint64 integer(int column) const = 0;
    virtual double real(int column) const = 0;
    // UTF-8, valid until the next call of next().
    virtual QByteArrayView text(int column) const = 0;

    const QString &error() const { return m_error; }

protected:
    QString m_error;
};

} // namespace md
