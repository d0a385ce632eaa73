#pragma once

// Test support for "bad input changes nothing": fingerprints of what a database holds, taken
// without going through the code under test, and a port nothing listens on.

#include "db/databasespec.h"

#include <QStringList>

namespace md::test {

class ScratchDatabase;

// Every file of a folder with its size, hash and modification time: equal snapshots mean the
// folder was not touched (no byte written, no journal left behind).
QStringList folderSnapshot(const QString &folder);

// The tables and schema_migrations rows of a PostgreSQL database, read over a plain connection
// (Database::open would refuse the very databases these tests are about), plus the rows of
// each of `extraQueries`.
QStringList postgresSnapshot(const DatabaseSpec &spec, const QStringList &extraQueries = {});

// The scratch database's folder on SQLite, postgresSnapshot() on PostgreSQL.
QStringList snapshot(const ScratchDatabase &scratch, const QStringList &extraQueries = {});

// A TCP port on 127.0.0.1 that nothing listens on.
int closedPort();

} // namespace md::test
