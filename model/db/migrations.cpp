#include "migrations.h"

#include "dialect.h"
#include "sql.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace md {

QStringList schemaV1(const Dialect &dialect);
QStringList schemaV3(const Dialect &dialect);
QStringList schemaV4(const Dialect &dialect);
QStringList schemaV5(const Dialect &dialect);
QStringList schemaV6(const Dialect &dialect);
QStringList schemaV7(const Dialect &dialect);
QStringList schemaV8(const Dialect &dialect);
QStringList schemaV9(const Dialect &dialect);

namespace {

// Any 64-bit number both processes agree on: serialises concurrent migrations on one server.
constexpr qint64 kMigrationLockKey = 0x4d44'4d49'4752; // "MDMIGR"

bool hasTable(QSqlDatabase db, const Dialect &dialect, const QString &table, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(dialect.listTables())) {
        *error = sql::errorText(query);
        return false;
    }
    while (query.next()) {
        if (query.value(0).toString() == table)
            return true;
    }
    return false;
}

} // namespace

// Why the versions go 1, 3, 4, ...: there never was a migration 2. The foundation commit
// (c6c1515) shipped schema v1 with every table the five playbooks needed then, plans, features
// and subscriptions included. Work then went on in parallel branches, each taking a version
// number for its migration; the repricing branch (27e32b4) landed first with number 3, and in the
// same commit made migrate() apply every known version that is missing rather than only those
// above the highest one applied, so that a branch merged later with a lower number would still
// run on databases already at 3. No branch ever landed a version 2 (no schema_v2.cpp exists in any
// commit, `git log -p --follow model/db/migrations.cpp` never lists one), so no database carries
// it. The gap is harmless: versions only need to be unique and ordered. New migrations take the
// number after the highest (9 is loyalty redemption), not the gap, so an order once applied stays.
const std::vector<Migration> &Migrations::all()
{
    static const std::vector<Migration> migrations = {
        {1, "five playbooks: catalog, sales, subscriptions, marketing, loyalty, jobs", schemaV1},
        {3, "repricing: locks, proposals awaiting approval", schemaV3},
        {4, "subscription boxes: confirmed cycles, boxes and their items", schemaV4},
        {5, "cross-sell: mining runs, rules, bundles", schemaV5},
        {6, "plan history: the plan periods of each subscription", schemaV6},
        {7, "segments: a covering index of each customer's orders", schemaV7},
        {8, "loyalty earning: exact tier multipliers, typed perks, ledger sources", schemaV8},
        {9, "loyalty redemption: the rewards catalogue and reward codes", schemaV9},
    };
    return migrations;
}

int Migrations::latestVersion()
{
    return all().back().version;
}

Result<int> Migrations::currentVersion(QSqlDatabase db, const Dialect &dialect)
{
    QString error;
    const bool tracked = hasTable(db, dialect, QStringLiteral("schema_migrations"), &error);
    if (!error.isEmpty())
        return fail(tr("Cannot read the list of tables: %1").arg(error));
    if (!tracked) {
        QSqlQuery query(db);
        if (!query.exec(dialect.listTables()))
            return fail(tr("Cannot read the list of tables: %1").arg(sql::errorText(query)));
        if (query.next()) {
            return fail(tr("The database holds other tables (such as \"%1\") but no MerchantDesk "
                           "schema; MerchantDesk will not write into it. Use a new file or an "
                           "empty database.")
                            .arg(query.value(0).toString()));
        }
        return 0;
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))
        || !query.next()) {
        return fail(tr("Cannot read the schema version: %1").arg(sql::errorText(query)));
    }
    return query.value(0).toInt();
}

Status Migrations::migrate(QSqlDatabase db, const Dialect &dialect)
{
    auto current = currentVersion(db, dialect);
    if (!current)
        return fail(current.error());
    if (*current > latestVersion()) {
        return fail(tr("The database has schema version %1, newer than this MerchantDesk "
                       "understands (%2). Update MerchantDesk; nothing was changed.")
                        .arg(*current)
                        .arg(latestVersion()));
    }
    if (*current == latestVersion()) {
        // Up to date unless a version below the latest is missing (a branch that added a later
        // migration first): then the loop below applies just the missing ones.
        QSqlQuery count(db);
        if (count.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")) && count.next()
            && count.value(0).toLongLong() == static_cast<qint64>(all().size())) {
            return {};
        }
    }

    for (const Migration &migration : all()) {
        Transaction tx(db, dialect);
        if (auto started = tx.begin(); !started)
            return started.withContext(tr("Migrating the schema"));

        QSqlQuery query(db);
        if (const QString lock = dialect.transactionLock(kMigrationLockKey); !lock.isEmpty())
            query.exec(lock);
        // Another process may have migrated while we waited for the lock: ask again inside it.
        if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                       "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                       "applied_at BIGINT NOT NULL)"))) {
            return fail(
                tr("Cannot create the schema version table: %1").arg(sql::errorText(query)));
        }
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations WHERE version = %1")
                            .arg(migration.version))
            || !query.next()) {
            return fail(tr("Cannot read the schema version: %1").arg(sql::errorText(query)));
        }
        if (query.value(0).toInt() > 0)
            continue;
        query.finish();

        for (const QString &statement : migration.statements(dialect)) {
            if (!query.exec(statement)) {
                return fail(tr("Migration %1 (%2) failed: %3\nStatement: %4")
                                .arg(migration.version)
                                .arg(QString::fromUtf8(migration.name), sql::errorText(query),
                                     statement.left(200)));
            }
        }
        query.prepare(QStringLiteral(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
        query.addBindValue(migration.version);
        query.addBindValue(QString::fromUtf8(migration.name));
        query.addBindValue(QDateTime::currentSecsSinceEpoch());
        if (!query.exec())
            return fail(tr("Cannot record migration %1: %2")
                            .arg(migration.version)
                            .arg(sql::errorText(query)));
        query.finish();
        if (auto committed = tx.commit(); !committed)
            return committed.withContext(tr("Migrating the schema"));
    }
    return {};
}

} // namespace md
