#include "deferredconstraints.h"

#include "db/database.h"
#include "db/sql.h"

#include <QCoreApplication>

namespace md {

DeferredConstraints::DeferredConstraints(const Database &db)
    : m_db(db)
{}

Status DeferredConstraints::drop(const QStringList &tables)
{
    for (const QString &table : tables) {
        if (auto dropped = dropIndexes(table); !dropped)
            return dropped;
    }
    for (const QString &table : tables) {
        if (auto dropped = dropForeignKeys(table); !dropped)
            return dropped;
    }
    return {};
}

Status DeferredConstraints::dropIndexes(const QString &table)
{
    // Unique and primary-key indexes stay: they are constraints, not just access paths.
    auto query = sql::select(m_db.sql(), m_db.dialect().listSecondaryIndexes(), {table});
    if (!query)
        return fail(query.error());
    std::vector<Definition> found;
    while (query->next())
        found.push_back({query->value(0).toString(), query->value(1).toString()});
    query->finish();
    for (const Definition &index : found) {
        const QString drop = QStringLiteral("DROP INDEX ") + Dialect::quoteIdentifier(index.name);
        if (auto dropped = sql::exec(m_db.sql(), drop); !dropped) {
            return fail(QCoreApplication::translate("md::DeferredConstraints",
                                                    "Cannot drop the index %1: %2")
                            .arg(index.name, dropped.error()));
        }
        m_restore.insert(m_restore.begin(), index);
    }
    return {};
}

Status DeferredConstraints::dropForeignKeys(const QString &table)
{
    const QString list = m_db.dialect().listForeignKeys();
    if (list.isEmpty())
        return {}; // SQLite cannot drop a foreign key from a table, nor add one back
    auto query = sql::select(m_db.sql(), list, {table});
    if (!query)
        return fail(query.error());
    std::vector<Definition> found;
    while (query->next())
        found.push_back({query->value(0).toString(), query->value(1).toString()});
    query->finish();
    const QString target = QStringLiteral("ALTER TABLE ") + Dialect::quoteIdentifier(table);
    for (const Definition &key : found) {
        const QString name = Dialect::quoteIdentifier(key.name);
        if (auto dropped
            = sql::exec(m_db.sql(), target + QStringLiteral(" DROP CONSTRAINT ") + name);
            !dropped) {
            return fail(QCoreApplication::translate("md::DeferredConstraints",
                                                    "Cannot drop the foreign key %1: %2")
                            .arg(key.name, dropped.error()));
        }
        // Restored after the indexes: the check then reads the finished tables.
        m_restore.push_back({key.name, target + QStringLiteral(" ADD CONSTRAINT ") + name
                                           + QLatin1Char(' ') + key.statement});
    }
    return {};
}

Status DeferredConstraints::restoreNext()
{
    if (m_restore.empty())
        return {};
    const Definition next = m_restore.front();
    if (auto restored = sql::exec(m_db.sql(), next.statement); !restored) {
        return fail(QCoreApplication::translate("md::DeferredConstraints", "Cannot restore %1: %2")
                        .arg(next.name, restored.error()));
    }
    m_restore.erase(m_restore.begin());
    return {};
}

} // namespace md
