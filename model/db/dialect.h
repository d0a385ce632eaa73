#pragma once

// The few places where SQLite and PostgreSQL SQL differ, in one spot. Everything else in the
// project is written once in the common subset both understand.

#include "databasespec.h"

#include <QString>

namespace md {

class Dialect
{
public:
    explicit Dialect(Backend backend = Backend::Sqlite)
        : m_backend(backend)
    {}

    Backend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == Backend::Postgres; }

    // Expands the type tokens of the schema files:
    //   {id}     an integer primary key the database numbers itself
    //   {bigint} a 64-bit integer (money in cents, epoch seconds)
    //   {real}   a double
    //   {bool}   0/1 in a small integer (same literal on both backends)
    //   {strict} SQLite's STRICT table option, so a text in a number column is refused
    QString ddl(const QString &sql) const;

    // Case-insensitive LIKE (SQLite's LIKE already is for ASCII; PostgreSQL needs ILIKE).
    QString likeInsensitive() const;
    // Current time as epoch seconds (UTC).
    QString nowEpoch() const;
    // The week (Monday 00:00 UTC) of an epoch-seconds expression, as epoch seconds.
    QString weekStart(const QString &epochExpr) const;
    // After rows were written with explicit ids, make the next generated id follow them.
    QString resetIdentity(const QString &table) const;
    // Lists the user tables of the database (one column: name).
    QString listTables() const;
    // Quotes an identifier (table or column name).
    static QString quoteIdentifier(const QString &name);
    // Escapes % _ and \ in user text for LIKE ... ESCAPE '\'.
    static QString escapeLike(const QString &text);

private:
    Backend m_backend;
};

} // namespace md
