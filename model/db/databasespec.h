#pragma once

// Where a shop's data lives: a SQLite file path or a PostgreSQL server, parsed from what the user
// typed (--db, MERCHANTDESK_DB, the connect dialog) into one value both executables share.

#include "core/result.h"
#include <QCoreApplication>

#include <QString>

namespace md {

enum class Backend { Sqlite, Postgres };

struct DatabaseSpec
{
    Backend backend = Backend::Sqlite;
    QString path; // SQLite: absolute file path

    // PostgreSQL
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslMode; // empty: libpq's default

    // Accepts a file path or postgresql://user[:password]@host[:port]/dbname[?sslmode=...]
    static Result<DatabaseSpec> parse(const QString &text);
    // MERCHANTDESK_DB when set, otherwise merchantdesk.sqlite in the app-data folder.
    static Result<DatabaseSpec> fromEnvironmentOrDefault();
    static QString defaultSqlitePath();

    bool isPostgres() const { return backend == Backend::Postgres; }
    // What the status bar and messages show: never the password.
    QString displayName() const;
    // The URL form, for recent-database lists and child processes; the password only on request.
    QString toString(bool withPassword = false) const;
    // "host:port" for messages about the server.
    QString serverAddress() const;
    // Key under which the keyring stores this server's password.
    QString secretKey() const;

    Q_DECLARE_TR_FUNCTIONS(md::DatabaseSpec)
};

} // namespace md
