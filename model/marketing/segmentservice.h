#pragma once

// Segments end to end, the one entry point the Segments page, the command line and the
// scheduler share: saving checked definitions under unique names, counting and listing members
// as of a moment with the one compiled query, refusing to delete a segment a campaign uses.

#include "segmentrule.h"
#include "segmentstore.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <vector>

namespace md {

class Database;

struct SegmentSummary
{
    SegmentRecord record;
    qint64 count = 0;
    QString error; // set (and count 0) when the stored definition no longer reads
};

struct SegmentMember
{
    qint64 customerId = 0;
    QString email;
    QString firstName;
    QString lastName;
    QStringList values; // one per SegmentMembers::fields, SegmentCompiler::formatValue's text
};

struct SegmentMembers
{
    QList<SegmentField> fields; // the fields the rule uses: the ones that made each row match
    std::vector<SegmentMember> rows;
};

class SegmentService
{
    Q_DECLARE_TR_FUNCTIONS(md::SegmentService)

public:
    // Every segment by name, each with its count as of `asOf` (UTC epoch seconds).
    static Result<std::vector<SegmentSummary>> list(const Database &db, qint64 asOf);
    static Result<SegmentRecord> find(const Database &db, const QString &name);
    // The stored definition of `name`, read and checked.
    static Result<SegmentRule> rule(const Database &db, const QString &name);

    static Result<SegmentRecord> create(const Database &db, const QString &name,
                                        const QByteArray &definition,
                                        const QString &description = {});
    static Result<SegmentRecord> update(const Database &db, const QString &name,
                                        const QByteArray &definition);
    static Result<SegmentRecord> rename(const Database &db, const QString &name,
                                        const QString &newName);
    static Result<SegmentRecord> setDescription(const Database &db, const QString &name,
                                                const QString &description);
    static Result<SegmentRecord> duplicate(const Database &db, const QString &name,
                                           const QString &newName);
    // Refused, naming the campaigns, while a campaign uses the segment.
    static Status remove(const Database &db, const QString &name);

    static Result<qint64> count(const Database &db, const QString &name, qint64 asOf);
    static Result<qint64> count(const Database &db, const SegmentRule &rule, qint64 asOf);
    // The first `limit` members by customer id (all when limit < 0).
    static Result<SegmentMembers> members(const Database &db, const QString &name, qint64 asOf,
                                          qint64 limit = -1);
    static Result<SegmentMembers> members(const Database &db, const SegmentRule &rule, qint64 asOf,
                                          qint64 limit = -1);

    // --as-of and the builder's date: a date "2026-06-30" is the end of that UTC day
    // (23:59:59, so all of the day counts); a full ISO time is taken as written, UTC when it
    // names no offset. UTC epoch seconds.
    static Result<qint64> parseAsOf(const QString &text);

    // Writes the built-in segments when the database has no segment at all; returns how many
    // were written (0 when segments exist).
    static Result<int> createBuiltIns(const Database &db);

private:
    static Result<QString> checkedName(const Database &db, const QString &name,
                                       qint64 ignoreId = 0);
};

} // namespace md
