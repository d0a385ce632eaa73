#pragma once

// Finds the database a command works on (--db, else MERCHANTDESK_DB, else the default SQLite
// file) and opens it, fetching a missing PostgreSQL password the way the desktop app does.

#include "db/database.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace md {

class Console;

// What DatabaseOpener::open() gives a command: the open database, or the exit status of the
// error it has already reported.
class OpenedDatabase
{
public:
    explicit OpenedDatabase(Database database)
        : m_database(std::move(database))
    {}
    static OpenedDatabase failed(int exitCode) { return OpenedDatabase(exitCode); }

    explicit operator bool() const { return m_exitCode == 0; }
    // Console::UsageError or Console::DataError when opening failed.
    int exitCode() const { return m_exitCode; }

    Database &operator*() { return m_database; }
    Database *operator->() { return &m_database; }
    // The database in messages ("where: what"): the file or the URL without its password.
    QString where() const { return m_database.spec().displayName(); }

private:
    explicit OpenedDatabase(int exitCode)
        : m_exitCode(exitCode)
    {}

    Database m_database;
    int m_exitCode = 0;
};

class DatabaseOpener
{
    Q_DECLARE_TR_FUNCTIONS(md::DatabaseOpener)

public:
    // The value of --db, when it was given.
    explicit DatabaseOpener(std::optional<QString> argument = std::nullopt);

    // Every command's way in: finds the database, then opens it, and reports a failure on
    // `console` (a malformed location is the caller's mistake, a usage error whose message names
    // where the location came from; a failure to open is a data or connection error).
    // `beforeConnecting`, when given, runs once the location is known and before anything is
    // opened: checks of local input that must win over a connection error and must not let the
    // database be migrated. It reports its own error and returns the exit status, or
    // Console::Success to go on.
    OpenedDatabase open(Console &console, Database::Options options,
                        const std::function<int()> &beforeConnecting = {}) const;

private:
    Result<DatabaseSpec> resolve() const;

    std::optional<QString> m_argument;
};

} // namespace md
