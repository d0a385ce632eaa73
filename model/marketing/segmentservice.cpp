#include "segmentservice.h"

#include "builtinsegments.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "rfmstore.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace md {

namespace {

// The breaks rfm_group needs, computed over every customer as of `asOf`: only for a rule that
// uses the field, and once per call however many rules do.
class RfmContext
{
public:
    RfmContext(const Database &db, qint64 asOf)
        : m_db(db)
        , m_asOf(asOf)
    {}

    Result<SegmentCompiler> compilerFor(const SegmentRule &rule)
    {
        if (!SegmentCompiler::usesRfm(rule))
            return SegmentCompiler(m_db.dialect());
        if (!m_breaks) {
            auto computed = RfmStore::breaks(m_db, m_asOf);
            if (!computed)
                return fail(SegmentService::tr("Scoring the customers for rfm_group: %1")
                                .arg(computed.error()));
            m_breaks = *computed;
        }
        return SegmentCompiler(m_db.dialect(), m_breaks);
    }

private:
    const Database &m_db;
    qint64 m_asOf;
    std::optional<RfmMeasureBreaks> m_breaks;
};

} // namespace

Result<std::vector<SegmentSummary>> SegmentService::list(const Database &db, qint64 asOf)
{
    auto records = SegmentStore::all(db);
    if (!records)
        return fail(records.error());
    std::vector<SegmentSummary> out;
    RfmContext rfm(db, asOf);
    for (SegmentRecord &record : *records) {
        SegmentSummary summary;
        auto parsed = SegmentRule::parse(record.definition.toUtf8());
        if (!parsed) {
            summary.error = parsed.error();
        } else {
            auto compiler = rfm.compilerFor(*parsed);
            if (!compiler)
                return fail(
                    tr("Counting the segment \"%1\": %2").arg(record.name, compiler.error()));
            auto counted = SegmentStore::count(db, compiler->count(*parsed, asOf));
            if (!counted)
                return fail(
                    tr("Counting the segment \"%1\": %2").arg(record.name, counted.error()));
            summary.count = *counted;
        }
        summary.record = std::move(record);
        out.push_back(std::move(summary));
    }
    return out;
}

Result<SegmentRecord> SegmentService::find(const Database &db, const QString &name)
{
    auto found = SegmentStore::find(db, name);
    if (!found)
        return fail(found.error());
    if (!*found)
        return fail(tr("There is no segment named \"%1\"").arg(name));
    return **found;
}

Result<SegmentRule> SegmentService::rule(const Database &db, const QString &name)
{
    auto record = find(db, name);
    if (!record)
        return fail(record.error());
    auto parsed = SegmentRule::parse(record->definition.toUtf8());
    if (!parsed)
        return fail(tr("The segment \"%1\" has a definition that does not read: %2")
                        .arg(name, parsed.error()));
    return parsed;
}

Result<QString> SegmentService::checkedName(const Database &db, const QString &name,
                                            qint64 ignoreId)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("A segment needs a name"));
    auto existing = SegmentStore::find(db, trimmed);
    if (!existing)
        return fail(existing.error());
    if (*existing && (*existing)->id != ignoreId)
        return fail(tr("There is already a segment named \"%1\"").arg(trimmed));
    return trimmed;
}

Result<SegmentRecord> SegmentService::create(const Database &db, const QString &name,
                                             const QByteArray &definition,
                                             const QString &description)
{
    auto checked = checkedName(db, name);
    if (!checked)
        return fail(checked.error());
    auto parsed = SegmentRule::parse(definition);
    if (!parsed)
        return fail(parsed.error());
    SegmentRecord record;
    record.name = *checked;
    record.description = description;
    record.definition = QString::fromUtf8(parsed->toJson());
    record.createdAt = record.updatedAt = QDateTime::currentSecsSinceEpoch();
    return SegmentStore::insert(db, std::move(record));
}

Result<SegmentRecord> SegmentService::update(const Database &db, const QString &name,
                                             const QByteArray &definition)
{
    auto record = find(db, name);
    if (!record)
        return record;
    auto parsed = SegmentRule::parse(definition);
    if (!parsed)
        return fail(parsed.error());
    record->definition = QString::fromUtf8(parsed->toJson());
    record->updatedAt = QDateTime::currentSecsSinceEpoch();
    if (auto written = SegmentStore::update(db, *record); !written)
        return fail(written.error());
    return record;
}

Result<SegmentRecord> SegmentService::rename(const Database &db, const QString &name,
                                             const QString &newName)
{
    auto record = find(db, name);
    if (!record)
        return record;
    auto checked = checkedName(db, newName, record->id);
    if (!checked)
        return fail(checked.error());
    record->name = *checked;
    record->updatedAt = QDateTime::currentSecsSinceEpoch();
    if (auto written = SegmentStore::update(db, *record); !written)
        return fail(written.error());
    return record;
}

Result<SegmentRecord> SegmentService::setDescription(const Database &db, const QString &name,
                                                     const QString &description)
{
    auto record = find(db, name);
    if (!record)
        return record;
    record->description = description;
    record->updatedAt = QDateTime::currentSecsSinceEpoch();
    if (auto written = SegmentStore::update(db, *record); !written)
        return fail(written.error());
    return record;
}

Result<SegmentRecord> SegmentService::duplicate(const Database &db, const QString &name,
                                                const QString &newName)
{
    auto record = find(db, name);
    if (!record)
        return record;
    auto checked = checkedName(db, newName);
    if (!checked)
        return fail(checked.error());
    SegmentRecord copy = *record;
    copy.id = 0;
    copy.name = *checked;
    copy.createdAt = copy.updatedAt = QDateTime::currentSecsSinceEpoch();
    return SegmentStore::insert(db, std::move(copy));
}

Status SegmentService::remove(const Database &db, const QString &name)
{
    auto record = find(db, name);
    if (!record)
        return fail(record.error());
    return SegmentStore::remove(db, *record);
}

Result<qint64> SegmentService::count(const Database &db, const QString &name, qint64 asOf)
{
    auto parsed = rule(db, name);
    if (!parsed)
        return fail(parsed.error());
    return count(db, *parsed, asOf);
}

Result<qint64> SegmentService::count(const Database &db, const SegmentRule &rule, qint64 asOf)
{
    auto compiler = RfmContext(db, asOf).compilerFor(rule);
    if (!compiler)
        return fail(compiler.error());
    return SegmentStore::count(db, compiler->count(rule, asOf));
}

Result<SegmentMembers> SegmentService::members(const Database &db, const QString &name, qint64 asOf,
                                               qint64 limit)
{
    auto parsed = rule(db, name);
    if (!parsed)
        return fail(parsed.error());
    return members(db, *parsed, asOf, limit);
}

Result<SegmentMembers> SegmentService::members(const Database &db, const SegmentRule &rule,
                                               qint64 asOf, qint64 limit)
{
    auto compiler = RfmContext(db, asOf).compilerFor(rule);
    if (!compiler)
        return fail(compiler.error());
    auto rows = SegmentStore::rows(db, compiler->members(rule, asOf, limit));
    if (!rows)
        return fail(rows.error());
    SegmentMembers out;
    out.fields = rule.fields();
    out.rows.reserve(rows->size());
    for (const QVariantList &row : *rows) {
        SegmentMember member;
        member.customerId = row.value(0).toLongLong();
        member.email = row.value(1).toString();
        member.firstName = row.value(2).toString();
        member.lastName = row.value(3).toString();
        int column = 4;
        for (SegmentField field : out.fields) {
            const int width = SegmentCompiler::memberValueColumns(field);
            member.values << SegmentCompiler::formatValue(field, row.mid(column, width), asOf);
            column += width;
        }
        out.rows.push_back(std::move(member));
    }
    return out;
}

Result<qint64> SegmentService::parseAsOf(const QString &text)
{
    static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString trimmed = text.trimmed();
    if (isoDate.match(trimmed).hasMatch()) {
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (date.isValid()) {
            return QDateTime(date.addDays(1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch() - 1;
        }
    } else if (trimmed.contains(QLatin1Char('T'))) {
        QDateTime time = QDateTime::fromString(trimmed, Qt::ISODate);
        if (time.isValid()) {
            if (time.timeSpec() == Qt::LocalTime)
                time = QDateTime(time.date(), time.time(), QTimeZone::utc());
            return time.toSecsSinceEpoch();
        }
    }
    return fail(
        tr("\"%1\" is not a date (2026-06-30) or an ISO time (2026-06-30T12:00:00Z)").arg(text));
}

Result<int> SegmentService::createBuiltIns(const Database &db)
{
    const QString context = tr("Creating the built-in segments");
    Transaction transaction(db.sql(), db.dialect());
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.withContext(context).error());
    auto existing = sql::scalar(db.sql(), QStringLiteral("SELECT COUNT(*) FROM segments"));
    if (!existing)
        return fail(tr("%1: %2").arg(context, existing.error()));
    if (existing->toLongLong() > 0)
        return 0;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    int written = 0;
    for (const BuiltInSegment &builtIn : BuiltInSegments::all()) {
        auto parsed = SegmentRule::parse(builtIn.definition);
        if (!parsed)
            return fail(tr("%1: %2: %3").arg(context, builtIn.name, parsed.error()));
        if (auto inserted = sql::exec(
                db.sql(),
                QStringLiteral("INSERT INTO segments (name, description, "
                               "definition, created_at, updated_at) "
                               "VALUES (?, ?, ?, ?, ?)"),
                {builtIn.name, builtIn.description, QString::fromUtf8(parsed->toJson()), now, now});
            !inserted) {
            return fail(inserted.withContext(context).error());
        }
        ++written;
    }
    if (auto committed = transaction.commit(); !committed)
        return fail(committed.withContext(context).error());
    return written;
}

} // namespace md
