#pragma once

// Writes every row of an entity as CSV in its native format (the columns of its descriptor,
// foreign keys by natural key, money in currency units, times as ISO 8601 UTC), RFC 4180 in
// UTF-8, text cells guarded against spreadsheet formulas. Streams: memory stays flat for any
// number of rows. The file appears only when it is complete.

#include "entitydescriptor.h"

#include "core/result.h"

#include <QCoreApplication>
#include <QIODevice>

#include <functional>

namespace md {

class Database;

class CsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(md::CsvExporter)

public:
    // Rows written so far; return false to cancel.
    using ProgressCallback = std::function<bool(qint64 rows)>;

    // The number of rows written.
    static Result<qint64> exportToFile(const Database &db, const EntityDescriptor &entity,
                                       const QString &path, const ProgressCallback &progress = {});
    static Result<qint64> exportTo(const Database &db, const EntityDescriptor &entity,
                                   QIODevice *device, const ProgressCallback &progress = {});

    static QString selectStatement(const EntityDescriptor &entity);
    // 1772359200 → "2026-03-01T10:00:00Z"
    static QString formatTimestamp(qint64 seconds);
    // The shortest text that reads back as the same double, without an exponent.
    static QString formatDecimal(double value);
};

} // namespace md
