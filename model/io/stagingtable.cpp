#include "stagingtable.h"

#include "db/database.h"
#include "db/sql.h"

#include <QSqlQuery>

namespace md {

namespace {

using Use = RowAdapter::FieldUse;
constexpr int kLinesPerStatement = 500;
// Stands for NULL where rows are compared with "=" (hash joins cannot compare NULLs).
const QString kNullNumber = QStringLiteral("-9223372036854775807");
// The same for a text column (a ledger entry's source); control characters never occur in keys.
const QString kNullText = QStringLiteral("'\x1f(null)'");

QString q(const QString &identifier)
{
    return Dialect::quoteIdentifier(identifier);
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QLatin1Char(','));
}

} // namespace

const QString StagingTable::kTable = QStringLiteral("md_csv_stage");

StagingTable::StagingTable(const Database &db, const EntityDescriptor &entity,
                           const std::vector<RowAdapter::FieldUse> &use, const ValueParser &parser)
    : m_db(db)
    , m_entity(entity)
    , m_use(use)
    , m_parser(parser)
    , m_keys(entity.keyFields())
{}

QString StagingTable::table() const
{
    return q(m_entity.table);
}

QString StagingTable::col(int field) const
{
    return q(m_entity.fields[size_t(field)].column);
}

QString StagingTable::sqlType(const FieldDescriptor &field) const
{
    using T = FieldDescriptor::Type;
    switch (field.type) {
    case T::Text:
    case T::Key:
    case T::Email:
    case T::Choice:
        return QStringLiteral("TEXT");
    case T::Decimal:
        return m_db.dialect().realType();
    default:
        return m_db.dialect().bigintType();
    }
}

Status StagingTable::create()
{
    if (auto dropped = drop(); !dropped)
        return dropped;
    QStringList columns;
    // The rows stay in file order: on SQLite the line is the rowid.
    columns << QStringLiteral("line ") + m_db.dialect().insertionOrderKeyType();
    for (size_t f = 0; f < m_entity.fields.size(); ++f)
        columns << stageColumn(int(f)) + QLatin1Char(' ') + sqlType(m_entity.fields[f]);
    const QString statement
        = m_db.dialect().createTempTable(kTable, columns.join(QStringLiteral(", ")));
    if (auto created = sql::exec(m_db.sql(), statement); !created)
        return fail(tr("Cannot create the import's staging table: %1").arg(created.error()));
    return {};
}

Status StagingTable::drop()
{
    for (const QString &name : {kTable, QStringLiteral("md_csv_keys")}) {
        if (auto dropped = sql::exec(m_db.sql(), m_db.dialect().dropTempTable(name)); !dropped)
            return dropped;
    }
    return {};
}

Result<std::unique_ptr<BulkWriter>> StagingTable::writer() const
{
    QStringList columns{QStringLiteral("line")};
    for (size_t f = 0; f < m_entity.fields.size(); ++f)
        columns << stageColumn(int(f));
    return BulkWriter::open(m_db, kTable, columns);
}

Status StagingTable::analyze()
{
    // A fresh temporary table has no statistics; without them PostgreSQL plans the joins
    // below for a handful of rows.
    const QString analyze = m_db.dialect().analyze(kTable);
    if (analyze.isEmpty())
        return {};
    return sql::exec(m_db.sql(), analyze);
}

Status StagingTable::findUnknownKeys(const Found &found)
{
    const auto scan = [&](const QString &statement, int field) -> Status {
        auto query = sql::select(m_db.sql(), statement);
        if (!query)
            return fail(query.error());
        while (query->next())
            found(query->value(0).toLongLong(), field, query->value(1).toString());
        return {};
    };
    for (size_t f = 0; f < m_entity.fields.size(); ++f) {
        const FieldDescriptor &field = m_entity.fields[f];
        if (!field.isReference() || m_use[f] == Use::Absent)
            continue;
        const QString column = QStringLiteral("s.") + stageColumn(int(f));
        QString statement = QStringLiteral("SELECT s.line, %1 FROM %2 s WHERE %1 IS NOT NULL "
                                           "AND NOT EXISTS (SELECT 1 FROM %3 r WHERE r.%4 = %1)")
                                .arg(column, kTable, q(field.refTable), q(field.refKey));
        if (m_entity.isSelfReference(int(f))) {
            // The parent may come in with the same file.
            statement += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM %1 s2 WHERE s2.%2 = %3)")
                             .arg(kTable, stageColumn(m_keys.front()), column);
        }
        statement += QStringLiteral(" ORDER BY s.line");
        if (auto scanned = scan(statement, int(f)); !scanned)
            return scanned;
    }
    if (m_entity.kind == EntityDescriptor::Kind::UpdateOnly) {
        QStringList match;
        for (const int k : m_keys)
            match << QStringLiteral("t.%1 = s.%2").arg(col(k), stageColumn(k));
        const QString statement = QStringLiteral("SELECT s.line, s.%1 FROM %2 s WHERE NOT EXISTS "
                                                 "(SELECT 1 FROM %3 t WHERE %4) ORDER BY s.line")
                                      .arg(stageColumn(m_keys.front()), kTable, table(),
                                           match.join(QStringLiteral(" AND ")));
        if (auto scanned = scan(statement, m_keys.front()); !scanned)
            return scanned;
    }
    return {};
}

QString StagingTable::keyText(const std::vector<CellValue> &row, const std::vector<int> &keys)
{
    // The common case, one text key (a SKU): the value itself, shared, not copied.
    if (keys.size() == 1) {
        if (const auto *string = std::get_if<QString>(&row[size_t(keys.front())]))
            return *string;
    }
    QString text;
    for (const int k : keys) {
        const CellValue &value = row[size_t(k)];
        if (!text.isEmpty())
            text += QChar(0x1F);
        if (const auto *number = std::get_if<qint64>(&value))
            text += QString::number(*number);
        else if (const auto *string = std::get_if<QString>(&value))
            text += *string;
        else if (const auto *real = std::get_if<double>(&value))
            text += QString::number(*real, 'g', 17);
    }
    return text;
}

Result<std::vector<std::pair<qint64, QString>>>
StagingTable::keysOf(const std::vector<qint64> &lines)
{
    std::vector<std::pair<qint64, QString>> out;
    QStringList keyColumns;
    for (const int k : m_keys)
        keyColumns << stageColumn(k);
    for (size_t start = 0; start < lines.size(); start += kLinesPerStatement) {
        const size_t end = std::min(lines.size(), start + kLinesPerStatement);
        QVariantList values;
        for (size_t i = start; i < end; ++i)
            values << lines[i];
        auto query = sql::select(
            m_db.sql(),
            QStringLiteral("SELECT line, %1 FROM %2 WHERE line IN (%3)")
                .arg(keyColumns.join(QStringLiteral(", ")), kTable, placeholders(values.size())),
            values);
        if (!query)
            return fail(query.error());
        while (query->next()) {
            std::vector<CellValue> row(m_entity.fields.size());
            for (size_t i = 0; i < m_keys.size(); ++i) {
                const QVariant value = query->value(int(i) + 1);
                const FieldDescriptor &field = m_entity.fields[size_t(m_keys[i])];
                if (field.isNumeric())
                    row[size_t(m_keys[i])] = CellValue(value.toLongLong());
                else
                    row[size_t(m_keys[i])] = CellValue(value.toString());
            }
            out.emplace_back(query->value(0).toLongLong(), keyText(row, m_keys));
        }
    }
    return out;
}

Status StagingTable::removeLines(const std::vector<qint64> &lines)
{
    for (size_t start = 0; start < lines.size(); start += kLinesPerStatement) {
        const size_t end = std::min(lines.size(), start + kLinesPerStatement);
        QVariantList values;
        for (size_t i = start; i < end; ++i)
            values << lines[i];
        if (auto removed = sql::exec(m_db.sql(),
                                     QStringLiteral("DELETE FROM %1 WHERE line IN (%2)")
                                         .arg(kTable, placeholders(values.size())),
                                     values);
            !removed) {
            return removed;
        }
    }
    return {};
}

QString StagingTable::resolvedSelect() const
{
    QStringList columns{QStringLiteral("s.line AS line")};
    QStringList joins;
    for (size_t f = 0; f < m_entity.fields.size(); ++f) {
        const FieldDescriptor &field = m_entity.fields[f];
        const QString stage = QStringLiteral("s.") + stageColumn(int(f));
        if (field.isReference() && !m_entity.isSelfReference(int(f))) {
            const QString alias = QStringLiteral("r%1").arg(f);
            columns << QStringLiteral("%1.id AS c%2").arg(alias).arg(f);
            joins << QStringLiteral("LEFT JOIN %1 %2 ON %2.%3 = %4")
                         .arg(q(field.refTable), alias, q(field.refKey), stage);
        } else {
            columns << QStringLiteral("%1 AS c%2").arg(stage).arg(f);
        }
    }
    return QStringLiteral("SELECT %1 FROM %2 s %3")
        .arg(columns.join(QStringLiteral(", ")), kTable, joins.join(QLatin1Char(' ')));
}

QString StagingTable::keyMatch(const QString &target, const QString &row) const
{
    QStringList match;
    for (const int k : m_keys)
        match << QStringLiteral("%1.%2 = %3.c%4").arg(target, col(k), row).arg(k);
    return match.join(QStringLiteral(" AND "));
}

bool StagingTable::keeps(int field) const
{
    return m_entity.fields[size_t(field)].empty == FieldDescriptor::Empty::Keep
           || m_use[size_t(field)] == Use::PerRow;
}

QString StagingTable::literal(const CellValue &value) const
{
    if (const auto *number = std::get_if<qint64>(&value))
        return QString::number(*number);
    if (const auto *real = std::get_if<double>(&value))
        return QString::number(*real, 'g', 17);
    if (const auto *text = std::get_if<QString>(&value)) {
        QString escaped = *text;
        escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
        return QLatin1Char('\'') + escaped + QLatin1Char('\'');
    }
    return QStringLiteral("NULL");
}

QString StagingTable::valueExpr(int field, const QString &row) const
{
    const FieldDescriptor &descriptor = m_entity.fields[size_t(field)];
    const QString value = QStringLiteral("%1.c%2").arg(row).arg(field);
    if (m_entity.isSelfReference(field)) {
        return QStringLiteral("(SELECT r.id FROM %1 r WHERE r.%2 = %3)")
            .arg(table(), q(descriptor.refKey), value);
    }
    if (keeps(field))
        return QStringLiteral("COALESCE(%1, t.%2)").arg(value, col(field));
    return value;
}

QString StagingTable::insertExpr(int field, const QString &row) const
{
    const QString value = QStringLiteral("%1.c%2").arg(row).arg(field);
    if (m_entity.isSelfReference(field))
        return valueExpr(field, row);
    if (keeps(field)) {
        return QStringLiteral("COALESCE(%1, %2)")
            .arg(value, literal(m_parser.defaultValue(m_entity.fields[size_t(field)])));
    }
    return value;
}

QString StagingTable::updateStatement(const QString &extraWhere, bool onlySelfReferences) const
{
    QStringList sets;
    QStringList changed;
    for (size_t f = 0; f < m_entity.fields.size(); ++f) {
        const int field = int(f);
        if (m_use[f] == Use::Absent || m_entity.fields[f].key)
            continue;
        if (onlySelfReferences && !m_entity.isSelfReference(field))
            continue;
        const QString value = valueExpr(field, QStringLiteral("x"));
        sets << QStringLiteral("%1 = %2").arg(col(field), value);
        changed << m_db.dialect().isDistinctFrom(value, QStringLiteral("t.") + col(field));
    }
    if (sets.isEmpty())
        return {};
    if (!onlySelfReferences && !m_entity.stampOnUpdate.isEmpty())
        sets << QStringLiteral("%1 = %2").arg(q(m_entity.stampOnUpdate)).arg(m_parser.now());
    return QStringLiteral("UPDATE %1 AS t SET %2 FROM (%3) AS x WHERE %4 AND (%5)%6")
        .arg(table(), sets.join(QStringLiteral(", ")), resolvedSelect(),
             keyMatch(QStringLiteral("t"), QStringLiteral("x")),
             changed.join(QStringLiteral(" OR ")), extraWhere);
}

QString StagingTable::insertStatement() const
{
    QStringList columns;
    QStringList values;
    for (size_t f = 0; f < m_entity.fields.size(); ++f) {
        columns << col(int(f));
        values << insertExpr(int(f), QStringLiteral("x"));
    }
    for (const QString &stamp : m_entity.stampOnInsert) {
        columns << q(stamp);
        values << QString::number(m_parser.now());
    }
    QString statement = QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM (%4) AS x")
                            .arg(table(), columns.join(QStringLiteral(", ")),
                                 values.join(QStringLiteral(", ")), resolvedSelect());
    if (m_entity.kind != EntityDescriptor::Kind::Log) {
        statement += QStringLiteral(" WHERE NOT EXISTS (SELECT 1 FROM %1 t WHERE %2)")
                         .arg(table(), keyMatch(QStringLiteral("t"), QStringLiteral("x")));
    }
    return statement + QStringLiteral(" ORDER BY x.line");
}

QString StagingTable::upsertStatement(ImportMode mode) const
{
    QStringList columns;
    QStringList values;
    QStringList keys;
    QStringList sets;
    QStringList changed;
    for (size_t f = 0; f < m_entity.fields.size(); ++f) {
        const QString column = col(int(f));
        columns << column;
        values << insertExpr(int(f), QStringLiteral("x"));
        if (m_entity.fields[f].key) {
            keys << column;
        } else if (m_use[f] != Use::Absent) {
            sets << QStringLiteral("%1 = excluded.%1").arg(column);
            changed << m_db.dialect().isDistinctFrom(QStringLiteral("excluded.") + column,
                                                     table() + QLatin1Char('.') + column);
        }
    }
    for (const QString &stamp : m_entity.stampOnInsert) {
        columns << q(stamp);
        values << QString::number(m_parser.now());
    }
    QString action = QStringLiteral("DO NOTHING");
    if (mode != ImportMode::Insert && !sets.isEmpty()) {
        if (!m_entity.stampOnUpdate.isEmpty())
            sets << QStringLiteral("%1 = %2").arg(q(m_entity.stampOnUpdate)).arg(m_parser.now());
        action = QStringLiteral("DO UPDATE SET %1 WHERE %2")
                     .arg(sets.join(QStringLiteral(", ")), changed.join(QStringLiteral(" OR ")));
    }
    // "WHERE true": SQLite would read ON CONFLICT as the ON of a join otherwise.
    return QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM (%4) AS x WHERE true "
                          "ORDER BY x.line ON CONFLICT (%5) %6")
        .arg(table(), columns.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")),
             resolvedSelect(), keys.join(QStringLiteral(", ")), action);
}

Result<qint64> StagingTable::run(const QString &statement)
{
    if (statement.isEmpty())
        return qint64(0);
    auto query = sql::select(m_db.sql(), statement);
    if (!query)
        return fail(tr("The database refused the rows: %1").arg(query.error()));
    return qint64(query->numRowsAffected());
}

Result<StagingTable::Counts> StagingTable::apply(ImportMode mode, qint64 stagedRows)
{
    if (m_entity.kind == EntityDescriptor::Kind::Log)
        return applyLog(mode, stagedRows);
    return applyKeyed(mode, stagedRows);
}

Result<StagingTable::Counts> StagingTable::applyKeyed(ImportMode mode, qint64 stagedRows)
{
    Counts counts;
    if (m_entity.kind == EntityDescriptor::Kind::UpdateOnly) {
        auto updated = run(updateStatement({}, false));
        if (!updated)
            return fail(updated.error());
        counts.updated = *updated;
        counts.unchanged = stagedRows - counts.updated;
        return counts;
    }

    if (mode == ImportMode::Replace) {
        // The file's keys, resolved to ids and indexed, so finding the stored rows that are
        // not in the file is one pass over the table.
        QStringList keyColumns;
        for (const int k : m_keys)
            keyColumns << QStringLiteral("c%1").arg(k);
        const QString keys = keyColumns.join(QStringLiteral(", "));
        for (const QString &statement :
             {m_db.dialect().createTempTableAs(
                  QStringLiteral("md_csv_keys"),
                  QStringLiteral("SELECT %1 FROM (%2) AS x").arg(keys, resolvedSelect())),
              QStringLiteral("CREATE INDEX md_csv_keys_key ON md_csv_keys (%1)").arg(keys)}) {
            if (auto done = sql::exec(m_db.sql(), statement); !done)
                return fail(done.error());
        }
        auto deleted = run(QStringLiteral("DELETE FROM %1 WHERE NOT EXISTS "
                                          "(SELECT 1 FROM md_csv_keys k WHERE %2)")
                               .arg(table(), keyMatch(table(), QStringLiteral("k"))));
        if (!deleted)
            return fail(deleted.error());
        counts.deleted = *deleted;
    }

    bool selfReferences = false;
    bool keepsStored = false;
    for (size_t f = 0; f < m_entity.fields.size(); ++f) {
        selfReferences
            = selfReferences || (m_entity.isSelfReference(int(f)) && m_use[f] != Use::Absent);
        keepsStored = keepsStored || (keeps(int(f)) && m_use[f] != Use::Absent);
    }
    if (m_entity.uniqueKey && !selfReferences && !keepsStored) {
        // One statement, one probe of the unique index per row. ON CONFLICT sees only the
        // proposed row, so fields that keep a stored value take the two-statement path below.
        const QString count = QStringLiteral("SELECT COUNT(*) FROM %1").arg(table());
        auto before = sql::scalar(m_db.sql(), count);
        if (!before)
            return fail(before.error());
        auto merged = run(upsertStatement(mode));
        if (!merged)
            return fail(merged.error());
        auto after = sql::scalar(m_db.sql(), count);
        if (!after)
            return fail(after.error());
        counts.inserted = after->toLongLong() - before->toLongLong();
        counts.updated = *merged - counts.inserted;
    } else if (selfReferences) {
        // New rows first, so that a parent in the same file exists when its children are
        // linked; rows stored before are told apart from new ones by their id.
        auto watermark = sql::scalar(m_db.sql(), QStringLiteral("SELECT COALESCE(MAX(id), 0) "
                                                                "FROM %1")
                                                     .arg(table()));
        if (!watermark)
            return fail(watermark.error());
        const qint64 mark = watermark->toLongLong();
        auto inserted = run(insertStatement());
        if (!inserted)
            return fail(inserted.error());
        counts.inserted = *inserted;
        if (mode != ImportMode::Insert) {
            auto updated = run(updateStatement(QStringLiteral(" AND t.id <= %1").arg(mark), false));
            if (!updated)
                return fail(updated.error());
            counts.updated = *updated;
        }
        auto linked = run(updateStatement(QStringLiteral(" AND t.id > %1").arg(mark), true));
        if (!linked)
            return fail(linked.error());
    } else {
        if (mode != ImportMode::Insert) {
            auto updated = run(updateStatement({}, false));
            if (!updated)
                return fail(updated.error());
            counts.updated = *updated;
        }
        auto inserted = run(insertStatement());
        if (!inserted)
            return fail(inserted.error());
        counts.inserted = *inserted;
    }
    if (mode == ImportMode::Insert)
        counts.kept = stagedRows - counts.inserted;
    else
        counts.unchanged = stagedRows - counts.inserted - counts.updated;
    return counts;
}

Result<StagingTable::Counts> StagingTable::applyLog(ImportMode mode, qint64 stagedRows)
{
    Counts counts;
    if (mode == ImportMode::Replace) {
        if (m_entity.appendOnly)
            return fail(tr("%1 is append-only: it cannot be replaced").arg(m_entity.name));
        auto deleted = run(QStringLiteral("DELETE FROM %1").arg(table()));
        if (!deleted)
            return fail(deleted.error());
        counts.deleted = *deleted;
    }
    if (mode != ImportMode::Upsert) {
        auto inserted = run(insertStatement());
        if (!inserted)
            return fail(inserted.error());
        counts.inserted = *inserted;
        return counts;
    }

    // A row of the file is new when the file holds it more often than the table does: number
    // equal rows of the file, and compare with how many the table has.
    QStringList columns;
    QStringList values;
    QStringList fileKeys;
    QStringList tableKeys;
    QStringList join;
    for (size_t f = 0; f < m_entity.fields.size(); ++f) {
        const int field = int(f);
        const bool nullable = m_entity.fields[f].empty == FieldDescriptor::Empty::Null;
        const bool numeric = m_entity.fields[f].isNumeric() || m_entity.fields[f].isReference();
        const auto comparable = [&](const QString &expr) {
            if (!nullable)
                return expr;
            return QStringLiteral("COALESCE(%1, %2)").arg(expr, numeric ? kNullNumber : kNullText);
        };
        columns << col(field);
        values << insertExpr(field, QStringLiteral("y"));
        fileKeys << QStringLiteral("%1 AS k%2")
                        .arg(comparable(insertExpr(field, QStringLiteral("x"))))
                        .arg(f);
        tableKeys << QStringLiteral("%1 AS k%2")
                         .arg(comparable(QStringLiteral("t.") + col(field)))
                         .arg(f);
        join << QStringLiteral("d.k%1 = y.k%1").arg(f);
    }
    QStringList partition;
    QStringList groups;
    for (size_t f = 0; f < m_entity.fields.size(); ++f) {
        partition << QStringLiteral("k%1").arg(f);
        groups << QString::number(f + 1);
    }
    const QString statement
        = QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM ("
                         "SELECT z.*, ROW_NUMBER() OVER (PARTITION BY %4 ORDER BY z.line) AS md_rn "
                         "FROM (SELECT x.*, %5 FROM (%6) AS x) AS z) AS y "
                         "LEFT JOIN (SELECT %7, COUNT(*) AS md_n FROM %1 t GROUP BY %8) AS d "
                         "ON %9 WHERE y.md_rn > COALESCE(d.md_n, 0) ORDER BY y.line")
              .arg(table(), columns.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")),
                   partition.join(QStringLiteral(", ")), fileKeys.join(QStringLiteral(", ")),
                   resolvedSelect(), tableKeys.join(QStringLiteral(", ")),
                   groups.join(QStringLiteral(", ")), join.join(QStringLiteral(" AND ")));
    auto inserted = run(statement);
    if (!inserted)
        return fail(inserted.error());
    counts.inserted = *inserted;
    counts.unchanged = stagedRows - counts.inserted;
    return counts;
}

} // namespace md
