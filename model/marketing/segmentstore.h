#pragma once

// Storage of segments: the segments table (name, description, the definition's JSON) and the
// compiled queries run against the live tables. A segment is never written out as a member
// list; every count and member list is the compiled query run now.

#include "core/result.h"
#include "segmentcompiler.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>
#include <vector>

namespace md {

class Database;

struct SegmentRecord
{
    qint64 id = 0;
    QString name;
    QString description;
    QString definition; // canonical JSON
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

class SegmentStore
{
    Q_DECLARE_TR_FUNCTIONS(md::SegmentStore)

public:
    // Every segment, by name.
    static Result<std::vector<SegmentRecord>> all(const Database &db);
    static Result<std::optional<SegmentRecord>> find(const Database &db, const QString &name);
    // Writes a new segment; the returned record has its id.
    static Result<SegmentRecord> insert(const Database &db, SegmentRecord record);
    // Writes name, description and definition of the segment `record.id`.
    static Status update(const Database &db, const SegmentRecord &record);
    // The names of the campaigns whose segment_id is `id`, sorted.
    static Result<QStringList> campaignsUsing(const Database &db, qint64 id);
    // Deletes the segment unless a campaign uses it (checked in the same transaction).
    static Status remove(const Database &db, const SegmentRecord &record);

    // Runs compiled queries.
    static Result<qint64> count(const Database &db, const CompiledQuery &query);
    // The rows of a members() query, every column as read.
    static Result<std::vector<QVariantList>> rows(const Database &db, const CompiledQuery &query);
};

} // namespace md
