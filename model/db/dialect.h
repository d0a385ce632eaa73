#pragma once

// The places where SQLite and PostgreSQL SQL differ, in one spot. Everything else in the
// project is written once in the common subset both understand; a function here returns the
// text for this backend, or an empty string where the backend needs no statement at all.
//
// What is not here, and why: these branches on the backend choose a different mechanism, not a
// different spelling of the same SQL, and stay with the code that owns the mechanism.
//   db/bulkwriter.cpp      libpq COPY FROM STDIN on PostgreSQL, a prepared INSERT on SQLite.
//   db/rowcursor.cpp       libpq COPY TO STDOUT or single-row mode on PostgreSQL, sqlite3_step
//                          on SQLite's own handle.
//   db/database.cpp        connection setup: opening a file (WAL, busy timeout, foreign keys)
//                          against connecting to a server (time zone, message level).
//   db/sqlitebackup.cpp    SQLite's online backup API; PostgreSQL has pg_dump, not a file copy.
//   db/queryinterrupter.cpp  sqlite3_interrupt on SQLite, PQcancel on PostgreSQL.
//   db/instancelock.cpp    a lock file beside the SQLite file; a server needs none.
//   db/credentials.cpp     only a server connection has a password to look up.
//   schedule/joblock.cpp   a session advisory lock on PostgreSQL, a lock file beside SQLite's.
//   pricing/pricingapplier.cpp  COPY into staging then one UPDATE ... RETURNING on PostgreSQL,
//                          prepared statements bound per row on SQLite (no UPDATE RETURNING
//                          feeding an INSERT).
//   demo/demowriter.cpp, io/csvimporter.cpp  SQLite-only PRAGMAs (page cache, foreign keys)
//                          and PostgreSQL's SET LOCAL maintenance_work_mem: per-session tuning
//                          of one backend's engine for a bulk load, restored afterwards.
//   db/schema_v8.cpp       SQLite cannot change a table's CHECK constraints: the ledger is
//                          rebuilt there; PostgreSQL alters it in place, keeping the names.
//   db/sql.cpp             errorText reads the driver's error format (sql.h says why there).
//   db/databasespec.*, views/dialogs/connectdialog.cpp  parsing and forming a path or a URL.
//   app/gui/mainwindow.cpp, app/cli/infocommand.cpp  what is offered or shown (a backup of
//                          the file, the backend's name), not SQL.

#include "databasespec.h"

#include <QString>
#include <QStringList>

namespace md {

class Dialect
{
public:
    explicit Dialect(Backend backend = Backend::Sqlite)
        : m_backend(backend)
    {}

    Backend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == Backend::Postgres; }

    // How to read per-row aggregates of a child table for many parent rows (a segment rule's
    // order count and totals per customer). PostgreSQL runs a correlated scalar subquery once
    // per outer row and never turns it into a join, so one LEFT JOIN ... GROUP BY is about
    // twice as fast there; SQLite's per-row lookups in a covering index beat grouping the
    // joined rows (docs/BENCHMARKS.md, "Segments").
    bool prefersGroupedJoin() const { return isPostgres(); }

    // Expands the type tokens of the schema files:
    //   {id}     an integer primary key the database numbers itself
    //   {bigint} a 64-bit integer (money in cents, epoch seconds): bigintType()
    //   {real}   a double: realType()
    //   {bool}   0/1 in a small integer (same literal on both backends)
    //   {strict} SQLite's STRICT table option, so a text in a number column is refused
    QString ddl(const QString &sql) const;

    // Column types for tables made at run time (staging tables).
    QString bigintType() const;
    QString realType() const;
    // A 64-bit key given by the writer that keeps rows in the order they were written: SQLite's
    // rowid alias (INTEGER PRIMARY KEY) does so for free; PostgreSQL needs an ORDER BY on it.
    QString insertionOrderKeyType() const;

    // Temporary tables: private to the connection that made them. On PostgreSQL they are made
    // ON COMMIT DROP, so they must be made inside a transaction; SQLite has no such option and
    // keeps them until dropped, so callers drop (dropTempTable) before making one and when done.
    QString tempSchema() const; // "temp" or "pg_temp": names the temporary table, not a namesake
    QString createTempTable(const QString &name, const QString &columnsSql) const;
    QString createTempTableAs(const QString &name, const QString &selectSql) const;
    QString dropTempTable(const QString &name) const;

    // True when a and b differ, a NULL equal only to a NULL.
    QString isDistinctFrom(const QString &a, const QString &b) const;

    // Starts a transaction. SQLite takes its write lock at once (BEGIN IMMEDIATE), so two
    // writers queue at BEGIN instead of one failing at its first write with SQLITE_BUSY.
    QString beginTransaction() const;
    // Waits for a lock on `key` held until the transaction ends. Empty on SQLite, where
    // BEGIN IMMEDIATE already holds the database's one write lock.
    QString transactionLock(qint64 key) const;
    // Keeps other writers off `tables` until the transaction ends (readers still read). Empty
    // on SQLite, for the same reason as transactionLock().
    QString lockTables(const QStringList &tables) const;
    // Fresh planner statistics for a table just filled. Empty on SQLite, whose planner does
    // without and where ANALYZE would leave sqlite_stat1 rows behind in the file.
    QString analyze(const QString &table) const;

    // `expr` (an integer column) in a form no index matches, for a query that reads most of a
    // table. Without it both planners walk an index and fetch every row at random: SQLite's
    // (no statistics) through orders_ordered_at, PostgreSQL's through orders_customer for the
    // GROUP BY order; for a grouped pass over 2,500,000 orders that took 12 s on SQLite and
    // 21 s on PostgreSQL, against 2.4 s and 4 s for a scan. The spelling, (expr + 0), is the
    // same on both; it lives here because it answers how each backend plans.
    QString unindexed(const QString &expr) const;
    // Case-insensitive LIKE (SQLite's LIKE already is for ASCII; PostgreSQL needs ILIKE).
    QString likeInsensitive() const;
    // The 1-based position of `needle` in `haystack`, 0 when absent (two SQL expressions).
    QString textPosition(const QString &haystack, const QString &needle) const;
    // A predicate with one ? placeholder: `expr` contains the bound LIKE pattern, letters A-Z
    // matched regardless of case and every other character exactly, the same on both backends
    // (SQLite's LIKE folds ASCII only; PostgreSQL's ILIKE would fold more). Bind
    // containsPattern(text).
    QString containsAsciiInsensitive(const QString &expr) const;
    static QString containsPattern(const QString &text);
    // An aggregate joining the text `expr` of a group's rows with the unit separator U+001F, in
    // no particular order (the caller sorts); NULL for no rows.
    QString textAggregate(const QString &expr) const;
    // Current time as epoch seconds (UTC).
    QString nowEpoch() const;
    // The week (Monday 00:00 UTC) of an epoch-seconds expression, as epoch seconds.
    QString weekStart(const QString &epochExpr) const;
    // After rows were written with explicit ids, make the next generated id follow them.
    QString resetIdentity(const QString &table) const;
    // Lists the user tables of the database (one column: name).
    QString listTables() const;
    // The indexes of table ? that are only access paths (not unique, not the primary key):
    // columns name and the statement that makes it again.
    QString listSecondaryIndexes() const;
    // The foreign keys of table ?: columns name and definition (for ALTER TABLE ... ADD
    // CONSTRAINT name definition). Empty on SQLite, which cannot drop or add one to a table.
    QString listForeignKeys() const;
    // Triggers refusing UPDATE and DELETE on each of `tables` with "<table> is append-only".
    QStringList appendOnlyTriggers(const QStringList &tables) const;
    // One row, one column: the server's or the library's version ("15.4", "3.40.1").
    QString serverVersion() const;

    // Quotes an identifier (table or column name).
    static QString quoteIdentifier(const QString &name);
    // Escapes % _ and \ in user text for LIKE ... ESCAPE '\'.
    static QString escapeLike(const QString &text);

private:
    Backend m_backend;
};

} // namespace md
