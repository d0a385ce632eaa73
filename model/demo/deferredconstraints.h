#pragma once

// Lifts the per-row work off tables about to receive millions of rows and restores it afterwards,
// inside the caller's transaction, the way pg_restore loads data: secondary indexes are dropped
// and rebuilt with one sort each, and PostgreSQL's foreign keys are dropped and re-added, which
// validates every reference in one set-based pass instead of a trigger call per row. The
// definitions are read back from the database, so what is restored is exactly what the schema
// declared; a rollback restores them too.

#include "core/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace md {

class Database;

class DeferredConstraints
{
public:
    explicit DeferredConstraints(const Database &db);

    Status drop(const QStringList &tables);
    // Restores one dropped index or foreign key; call while pending() > 0 (progress between).
    Status restoreNext();
    int pending() const { return int(m_restore.size()); }

private:
    struct Definition
    {
        QString name;
        QString statement; // what recreates it
    };

    Status dropIndexes(const QString &table);
    Status dropForeignKeys(const QString &table);

    const Database &m_db;
    std::vector<Definition> m_restore; // indexes first, then foreign keys
};

} // namespace md
