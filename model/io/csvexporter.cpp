#include "csvexporter.h"

#include "csvwriter.h"
#include "db/rowcursor.h"

#include "core/money.h"
#include "db/database.h"
#include "db/dialect.h"
#include "loyalty/loyaltymultiplier.h"

#include <QDateTime>
#include <QLocale>
#include <QSaveFile>

namespace md {

namespace {

constexpr qint64 kProgressEveryRows = 65536;

} // namespace

QString CsvExporter::selectStatement(const EntityDescriptor &entity)
{
    QStringList columns;
    QStringList joins;
    for (size_t f = 0; f < entity.fields.size(); ++f) {
        const FieldDescriptor &field = entity.fields[f];
        const QString column = Dialect::quoteIdentifier(field.column);
        if (field.isReference()) {
            const QString alias = QStringLiteral("r%1").arg(f);
            columns << QStringLiteral("%1.%2").arg(alias, Dialect::quoteIdentifier(field.refKey));
            joins << QStringLiteral("LEFT JOIN %1 %2 ON %2.id = t.%3")
                         .arg(Dialect::quoteIdentifier(field.refTable), alias, column);
        } else {
            columns << QStringLiteral("t.") + column;
        }
    }
    return QStringLiteral("SELECT %1 FROM %2 t %3 ORDER BY %4")
        .arg(columns.join(QStringLiteral(", ")), Dialect::quoteIdentifier(entity.table),
             joins.join(QLatin1Char(' ')), entity.exportOrder);
}

QString CsvExporter::formatTimestamp(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString CsvExporter::formatDecimal(double value)
{
    return QString::number(value, 'f', QLocale::FloatingPointShortest);
}

Result<qint64> CsvExporter::exportToFile(const Database &db, const EntityDescriptor &entity,
                                         const QString &path, const ProgressCallback &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    auto rows = exportTo(db, entity, &file, progress);
    if (!rows)
        return fail(tr("%1: %2").arg(path, rows.error()));
    if (!file.commit())
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return rows;
}

Result<qint64> CsvExporter::exportTo(const Database &db, const EntityDescriptor &entity,
                                     QIODevice *device, const ProgressCallback &progress)
{
    using T = FieldDescriptor::Type;
    const int columns = int(entity.fields.size());
    auto opened = RowCursor::open(db, selectStatement(entity));
    if (!opened)
        return fail(tr("Cannot read %1: %2").arg(entity.name, opened.error()));
    RowCursor &cursor = **opened;

    CsvWriter writer(device);
    for (const FieldDescriptor &field : entity.fields)
        writer.addText(field.name);
    if (auto written = writer.endRow(); !written)
        return fail(written.error());

    qint64 rows = 0;
    while (cursor.next()) {
        for (int c = 0; c < columns; ++c) {
            const FieldDescriptor &field = entity.fields[size_t(c)];
            if (cursor.isNull(c)) {
                writer.addEmpty();
                continue;
            }
            switch (field.type) {
            case T::Money:
                writer.addPlain(money::toPlain(cursor.toInt(c)).toLatin1());
                break;
            case T::Integer:
            case T::Flag:
                writer.addPlain(QByteArray::number(cursor.toInt(c)));
                break;
            case T::Timestamp:
                writer.addPlain(formatTimestamp(cursor.toInt(c)).toLatin1());
                break;
            case T::Decimal:
                writer.addPlain(formatDecimal(cursor.toReal(c)).toLatin1());
                break;
            case T::Multiplier:
                writer.addPlain(LoyaltyMultiplier::text(cursor.toInt(c)).toLatin1());
                break;
            default:
                writer.addText(cursor.utf8(c));
                break;
            }
        }
        if (auto written = writer.endRow(); !written)
            return fail(written.error());
        ++rows;
        if (progress && rows % kProgressEveryRows == 0 && !progress(rows))
            return fail(tr("The export was cancelled"));
    }
    if (!cursor.error().isEmpty())
        return fail(tr("Cannot read %1: %2").arg(entity.name, cursor.error()));
    if (auto flushed = writer.flush(); !flushed)
        return fail(flushed.error());
    if (progress)
        progress(rows);
    return rows;
}

} // namespace md
