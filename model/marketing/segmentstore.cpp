#include "segmentstore.h"

#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"

#include <QSqlRecord>

namespace md {

namespace {

const QString kColumns
    = QStringLiteral("id, name, description, definition, created_at, updated_at");

SegmentRecord readRecord(const QSqlQuery &query)
{
    SegmentRecord record;
    record.id = query.value(0).toLongLong();
    record.name = query.value(1).toString();
    record.description = query.value(2).toString();
    record.definition = query.value(3).toString();
    record.createdAt = query.value(4).toLongLong();
    record.updatedAt = query.value(5).toLongLong();
    return record;
}

// A null QString binds as NULL; the column is NOT NULL with '' for none.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

Result<std::vector<SegmentRecord>> SegmentStore::all(const Database &db)
{
    auto query = sql::select(db.sql(),
                             QStringLiteral("SELECT %1 FROM segments ORDER BY name").arg(kColumns));
    if (!query)
        return fail(tr("Reading the segments: %1").arg(query.error()));
    std::vector<SegmentRecord> out;
    while (query->next())
        out.push_back(readRecord(*query));
    return out;
}

Result<std::optional<SegmentRecord>> SegmentStore::find(const Database &db, const QString &name)
{
    auto query = sql::select(
        db.sql(), QStringLiteral("SELECT %1 FROM segments WHERE name = ?").arg(kColumns), {name});
    if (!query)
        return fail(tr("Reading the segment \"%1\": %2").arg(name, query.error()));
    if (!query->next())
        return std::optional<SegmentRecord>();
    return std::optional<SegmentRecord>(readRecord(*query));
}

Result<SegmentRecord> SegmentStore::insert(const Database &db, SegmentRecord record)
{
    Transaction transaction(db.sql(), db.dialect());
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.error());
    const QString context = tr("Saving the segment \"%1\"").arg(record.name);
    if (auto written = sql::exec(db.sql(),
                                 QStringLiteral("INSERT INTO segments (name, description, "
                                                "definition, created_at, updated_at) VALUES "
                                                "(?, ?, ?, ?, ?)"),
                                 {record.name, nonNull(record.description), record.definition,
                                  record.createdAt, record.updatedAt});
        !written) {
        return fail(written.withContext(context).error());
    }
    auto id = sql::scalar(db.sql(), QStringLiteral("SELECT id FROM segments WHERE name = ?"),
                          {record.name});
    if (!id)
        return fail(tr("%1: %2").arg(context, id.error()));
    if (auto committed = transaction.commit(); !committed)
        return fail(committed.withContext(context).error());
    record.id = id->toLongLong();
    return record;
}

Status SegmentStore::update(const Database &db, const SegmentRecord &record)
{
    const QString context = tr("Saving the segment \"%1\"").arg(record.name);
    return sql::exec(db.sql(),
                     QStringLiteral("UPDATE segments SET name = ?, description = ?, "
                                    "definition = ?, updated_at = ? WHERE id = ?"),
                     {record.name, nonNull(record.description), record.definition, record.updatedAt,
                      record.id})
        .withContext(context);
}

Result<QStringList> SegmentStore::campaignsUsing(const Database &db, qint64 id)
{
    auto query = sql::select(
        db.sql(), QStringLiteral("SELECT name FROM campaigns WHERE segment_id = ? ORDER BY name"),
        {id});
    if (!query)
        return fail(tr("Reading the campaigns: %1").arg(query.error()));
    QStringList names;
    while (query->next())
        names << query->value(0).toString();
    return names;
}

Status SegmentStore::remove(const Database &db, const SegmentRecord &record)
{
    const QString context = tr("Deleting the segment \"%1\"").arg(record.name);
    Transaction transaction(db.sql(), db.dialect());
    if (auto begun = transaction.begin(); !begun)
        return begun.withContext(context);
    auto campaigns = campaignsUsing(db, record.id);
    if (!campaigns)
        return Status(fail(campaigns.error())).withContext(context);
    if (!campaigns->isEmpty()) {
        return fail(tr("The segment \"%1\" is used by the campaign(s) %2; change or delete "
                       "them first")
                        .arg(record.name, campaigns->join(QStringLiteral(", "))));
    }
    if (auto deleted
        = sql::exec(db.sql(), QStringLiteral("DELETE FROM segments WHERE id = ?"), {record.id});
        !deleted) {
        return deleted.withContext(context);
    }
    return transaction.commit().withContext(context);
}

Result<qint64> SegmentStore::count(const Database &db, const CompiledQuery &query)
{
    auto value = sql::scalar(db.sql(), query.sql, query.values);
    if (!value)
        return fail(tr("Counting the segment: %1").arg(value.error()));
    return value->toLongLong();
}

Result<std::vector<QVariantList>> SegmentStore::rows(const Database &db, const CompiledQuery &query)
{
    auto result = sql::select(db.sql(), query.sql, query.values);
    if (!result)
        return fail(tr("Listing the segment's members: %1").arg(result.error()));
    std::vector<QVariantList> out;
    while (result->next()) {
        const int columns = result->record().count();
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row << result->value(i);
        out.push_back(std::move(row));
    }
    return out;
}

} // namespace md
