#include "sql.h"

#include <QSqlError>

namespace md::sql {

QString errorText(const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    return text;
}

Result<QSqlQuery> select(QSqlDatabase db, const QString &statement, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // QPSQL prepares on the server, which refuses utility statements such as SET: statements
    // without values run directly.
    if (values.isEmpty()) {
        if (!query.exec(statement))
            return fail(errorText(query));
        return query;
    }
    if (!query.prepare(statement))
        return fail(errorText(query));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(errorText(query));
    return query;
}

Status exec(QSqlDatabase db, const QString &statement, const QVariantList &values)
{
    auto query = select(db, statement, values);
    if (!query)
        return fail(query.error());
    return {};
}

Result<QVariant> scalar(QSqlDatabase db, const QString &statement, const QVariantList &values)
{
    auto query = select(db, statement, values);
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(QStringLiteral("no row returned by: %1").arg(statement.left(120)));
    return query->value(0);
}

} // namespace md::sql
