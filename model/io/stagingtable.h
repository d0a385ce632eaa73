#pragma once

// The set-based half of an import. Valid rows go into a temporary table (COPY on PostgreSQL,
// one prepared statement on SQLite, both through BulkWriter); foreign keys are then checked
// and resolved by natural key with joins, and the rows are merged into the entity's table with
// a few statements (UPDATE ... FROM, INSERT ... SELECT ... WHERE NOT EXISTS, DELETE), all in
// the caller's transaction. Never a statement per row.

#include "entitydescriptor.h"
#include "importoptions.h"
#include "rowadapter.h"
#include "valueparser.h"

#include "core/result.h"
#include "db/bulkwriter.h"

#include <QCoreApplication>
#include <QVariant>

#include <functional>
#include <memory>
#include <vector>

namespace md {

class Database;

class StagingTable
{
    Q_DECLARE_TR_FUNCTIONS(md::StagingTable)

public:
    struct Counts
    {
        qint64 inserted = 0;
        qint64 updated = 0;
        qint64 unchanged = 0;
        qint64 kept = 0;
        qint64 deleted = 0;
    };
    // line, field, the key that names nothing
    using Found = std::function<void(qint64 line, int field, const QString &key)>;

    StagingTable(const Database &db, const EntityDescriptor &entity,
                 const std::vector<RowAdapter::FieldUse> &use, const ValueParser &parser);

    Status create();
    // Columns: line, then one per field (f0, f1, ...).
    Result<std::unique_ptr<BulkWriter>> writer() const;
    // After the rows are in: statistics for the planner.
    Status analyze();

    // Foreign keys whose natural key names no stored row (nor, for a plan's parent, a row of
    // the file), and for UpdateOnly entities keys that name no stored row; in line order.
    Status findUnknownKeys(const Found &found);
    // The natural key of each staged line, as keyText() builds it.
    Result<std::vector<std::pair<qint64, QString>>> keysOf(const std::vector<qint64> &lines);
    Status removeLines(const std::vector<qint64> &lines);

    Result<Counts> apply(ImportMode mode, qint64 stagedRows);
    Status drop();

    // The key values of a row joined by U+001F: the same text for the same key, whether built
    // from parsed values or read back from the staging table.
    static QString keyText(const std::vector<CellValue> &row, const std::vector<int> &keyFields);
    static QString stageColumn(int field) { return QStringLiteral("f%1").arg(field); }
    static const QString kTable;

private:
    QString sqlType(const FieldDescriptor &field) const;
    QString resolvedSelect() const;
    QString keyMatch(const QString &target, const QString &row) const;
    bool keeps(int field) const;
    QString literal(const CellValue &value) const;
    QString valueExpr(int field, const QString &row) const;
    QString insertExpr(int field, const QString &row) const;
    QString table() const;
    QString col(int field) const;
    QString updateStatement(const QString &extraWhere, bool onlySelfReferences) const;
    QString insertStatement() const;
    QString upsertStatement(ImportMode mode) const;
    Result<qint64> run(const QString &statement);
    Result<Counts> applyKeyed(ImportMode mode, qint64 stagedRows);
    Result<Counts> applyLog(ImportMode mode, qint64 stagedRows);

    const Database &m_db;
    const EntityDescriptor &m_entity;
    std::vector<RowAdapter::FieldUse> m_use;
    ValueParser m_parser;
    std::vector<int> m_keys;
};

} // namespace md
