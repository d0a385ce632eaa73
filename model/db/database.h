#pragma once

// One open shop database: a named QSqlDatabase connection for the thread that opened it, checked
// (right file type, writable, schema not newer than this program) and migrated on open.
// Other threads open their own connection with openAnother(); QtSql connections are per thread.

#include "core/result.h"
#include "databasespec.h"
#include "dialect.h"
#include <QCoreApplication>

#include <QSqlDatabase>
#include <QString>

#include <utility>
#include <vector>

namespace md {

class Database
{
    Q_DECLARE_TR_FUNCTIONS(md::Database)

public:
    struct Options
    {
        bool migrate = true;         // apply missing migrations
        bool createIfMissing = true; // SQLite: create the file (and its folder)
    };

    static Result<Database> open(const DatabaseSpec &spec, Options options);
    static Result<Database> open(const DatabaseSpec &spec) { return open(spec, Options{}); }

    Database() = default;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool isOpen() const { return !m_connectionName.isEmpty(); }
    QSqlDatabase sql() const;
    const DatabaseSpec &spec() const { return m_spec; }
    const Dialect &dialect() const { return m_dialect; }
    QString connectionName() const { return m_connectionName; }

    // A second connection to the same database for the calling thread (no migration).
    Result<Database> openAnother() const;

    Result<int> schemaVersion() const;
    // The PostgreSQL server's or the SQLite library's version ("15.4", "3.40.1").
    Result<QString> serverVersion() const;
    // Every table of the schema with its row count, sorted by name.
    Result<std::vector<std::pair<QString, qint64>>> tableCounts() const;

    void close();

private:
    static Status checkSqliteFile(const DatabaseSpec &spec, bool createIfMissing);
    Status openSqlite();
    Status openPostgres();

    DatabaseSpec m_spec;
    Dialect m_dialect;
    QString m_connectionName;
};

} // namespace md
