#pragma once

// The schema's history: an ordered list of migrations, each applied once, in its own transaction,
// recorded in schema_migrations. Opening a database runs the ones it has not seen yet.

#include "core/result.h"
#include <QCoreApplication>

#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <vector>

namespace md {

class Dialect;

struct Migration
{
    int version;
    const char *name;
    // The statements of this migration for a dialect (type tokens already expanded).
    std::function<QStringList(const Dialect &)> statements;
};

class Migrations
{
    Q_DECLARE_TR_FUNCTIONS(md::Migrations)

public:
    static const std::vector<Migration> &all();
    static int latestVersion();

    // Version recorded in the database; 0 for an empty database. An error when the database holds
    // tables of something else (no schema_migrations table) so that nothing foreign is touched.
    static Result<int> currentVersion(QSqlDatabase db, const Dialect &dialect);
    // Applies what is missing. Refuses, without writing, a schema newer than this program.
    static Status migrate(QSqlDatabase db, const Dialect &dialect);
};

} // namespace md
