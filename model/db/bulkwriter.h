#pragma once

// Writes many rows into one table as fast as each backend allows, inside the caller's
// transaction: SQLite through one prepared statement on the driver's sqlite3 handle, PostgreSQL
// through COPY ... FROM STDIN on QPSQL's own libpq connection. QtSql's execBatch() is a loop of
// single-row statements on QPSQL, far too slow for millions of rows.
//
//     auto writer = BulkWriter::open(db, "products", {"sku", "title"});
//     writer->addText(sku); writer->addText(title); writer->endRow();
//     writer->finish();

#include "core/result.h"
#include <QCoreApplication>

#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>

namespace md {

class Database;

class BulkWriter
{
    Q_DECLARE_TR_FUNCTIONS(md::BulkWriter)

public:
    static Result<std::unique_ptr<BulkWriter>> open(const Database &db, const QString &table,
                                                    const QStringList &columns);
    virtual ~BulkWriter() = default;

    virtual void addInt(qint64 value) = 0;
    virtual void addReal(double value) = 0;
    virtual void addText(QStringView value) = 0;
    virtual void addNull() = 0;
    // Ends the row; with SQLite a constraint violation is reported here.
    virtual Status endRow() = 0;
    // Flushes what is buffered; with PostgreSQL a constraint violation is reported here.
    virtual Status finish() = 0;

    qint64 rowsWritten() const { return m_rows; }

protected:
    qint64 m_rows = 0;
};

} // namespace md
