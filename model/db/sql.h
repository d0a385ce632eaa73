#pragma once

// Small helpers for one-off statements with bound values, returning errors as values.

#include "core/result.h"
#include "databasespec.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

namespace md::sql {

// Runs a statement with positional ? placeholders.
Status exec(QSqlDatabase db, const QString &statement, const QVariantList &values = {});
// The first column of the first row; an error if there is no row.
Result<QVariant> scalar(QSqlDatabase db, const QString &statement, const QVariantList &values = {});
// Prepares and runs a query, leaving it positioned before the first row.
Result<QSqlQuery> select(QSqlDatabase db, const QString &statement,
                         const QVariantList &values = {});

// The database's reason for a failed statement, the one text every error in model/ quotes.
// SQLite: its message ("UNIQUE constraint failed: products.sku"). PostgreSQL: the server's
// primary message ("duplicate key value violates unique constraint "products_sku_key""),
// without the severity, the DETAIL/HINT/LINE lines and the SQLSTATE Qt appends; a message
// that is not the server's (a lost or refused connection) on one line. The driver's own text
// when the database gave none. Never with trailing blank lines.
// Here rather than in Dialect: the format is the driver's, and the query knows its driver.
QString errorText(const QSqlQuery &query);
QString errorText(const QSqlError &error, Backend backend);
// The same for a message read from libpq itself (PQerrorMessage, PQresultErrorMessage), where
// COPY and single-row reads bypass QtSql.
QString postgresErrorText(const char *libpqMessage);

} // namespace md::sql
