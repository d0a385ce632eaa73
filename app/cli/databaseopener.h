#pragma once

// Finds the database a command works on (--db, else MERCHANTDESK_DB, else the default SQLite
// file) and opens it, fetching a missing PostgreSQL password the way the desktop app does.

#include "db/database.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace md {

class DatabaseOpener
{
    Q_DECLARE_TR_FUNCTIONS(md::DatabaseOpener)

public:
    // The value of --db, when it was given.
    explicit DatabaseOpener(std::optional<QString> argument = std::nullopt);

    // A malformed location is the caller's mistake (a usage error); the message names where the
    // location came from.
    Result<DatabaseSpec> resolve() const;
    // A failure here is a data or connection error.
    Result<Database> open(DatabaseSpec spec, Database::Options options) const;

private:
    std::optional<QString> m_argument;
};

} // namespace md
