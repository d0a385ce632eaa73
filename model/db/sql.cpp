#include "sql.h"

#include <QRegularExpression>
#include <QSqlDriver>

namespace md::sql {

namespace {

QString oneLine(QString text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    text.replace(space, QStringLiteral(" "));
    return text.trimmed();
}

// libpq's report of a server error: "SEVERITY:  primary\nDETAIL:  ...\nHINT:  ...\n", the
// severity possibly translated (lc_messages); QPSQL appends "(SQLSTATE)".
QString postgresPrimary(const QString &text)
{
    static const QRegularExpression severity(QStringLiteral("^[^\\s:]+:  (.*)$"));
    static const QRegularExpression sqlState(QStringLiteral("\\s*\\([0-9A-Z]{5}\\)$"));
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
    if (const auto match = severity.match(firstLine); match.hasMatch())
        return match.captured(1).trimmed();
    QString rest = oneLine(text);
    rest.remove(sqlState);
    return rest;
}

} // namespace

QString errorText(const QSqlError &error, Backend backend)
{
    const QString database = error.databaseText().trimmed();
    QString text;
    if (!database.isEmpty())
        text = backend == Backend::Postgres ? postgresPrimary(database) : database;
    if (text.isEmpty())
        text = error.text().trimmed();
    return text;
}

QString postgresErrorText(const char *libpqMessage)
{
    return postgresPrimary(QString::fromUtf8(libpqMessage).trimmed());
}

QString errorText(const QSqlQuery &query)
{
    const QSqlDriver *driver = query.driver();
    const bool postgres = driver && driver->dbmsType() == QSqlDriver::PostgreSQL;
    return errorText(query.lastError(), postgres ? Backend::Postgres : Backend::Sqlite);
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
