#pragma once

// Small helpers for one-off statements with bound values, returning errors as values.

#include "core/result.h"

#include <QSqlDatabase>
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
// The driver's error text without trailing blank lines.
QString errorText(const QSqlQuery &query);

} // namespace md::sql
