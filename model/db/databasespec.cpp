#include "databasespec.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace md {

namespace {

const QStringList &sslModes()
{
    static const QStringList modes
        = {QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
           QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

Result<DatabaseSpec> parsePostgresUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return fail(
            DatabaseSpec::tr("Invalid PostgreSQL URL \"%1\": %2").arg(text, url.errorString()));

    DatabaseSpec spec;
    spec.backend = Backend::Postgres;
    spec.host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
    spec.port = url.port(5432);
    spec.user = url.userName();
    spec.password = url.password();
    spec.database = url.path().mid(1);
    if (spec.database.isEmpty() || spec.database.contains(QLatin1Char('/'))) {
        return fail(DatabaseSpec::tr("Invalid PostgreSQL URL \"%1\": expected "
                                     "postgresql://user[:password]@host[:port]/dbname")
                        .arg(spec.displayName()));
    }
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("sslmode")) {
            if (!sslModes().contains(value)) {
                return fail(
                    DatabaseSpec::tr("Invalid sslmode \"%1\" in the PostgreSQL URL; use one of: %2")
                        .arg(value, sslModes().join(QStringLiteral(", "))));
            }
            spec.sslMode = value;
        } else {
            return fail(
                DatabaseSpec::tr(
                    "Unknown option \"%1\" in the PostgreSQL URL; only sslmode is supported")
                    .arg(key));
        }
    }
    return spec;
}

} // namespace

Result<DatabaseSpec> DatabaseSpec::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("No database given"));
    if (trimmed.startsWith(QLatin1String("postgresql://"))
        || trimmed.startsWith(QLatin1String("postgres://"))) {
        return parsePostgresUrl(trimmed);
    }
    if (trimmed.contains(QLatin1String("://")))
        return fail(
            tr("Unsupported database URL \"%1\": use a file path or postgresql://…").arg(trimmed));

    DatabaseSpec spec;
    spec.backend = Backend::Sqlite;
    QString path = trimmed;
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    spec.path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return spec;
}

Result<DatabaseSpec> DatabaseSpec::fromEnvironmentOrDefault()
{
    const QString env = qEnvironmentVariable("MERCHANTDESK_DB");
    if (!env.isEmpty())
        return parse(env);
    return parse(defaultSqlitePath());
}

QString DatabaseSpec::defaultSqlitePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/merchantdesk.sqlite");
}

QString DatabaseSpec::displayName() const
{
    return toString(false);
}

QString DatabaseSpec::toString(bool withPassword) const
{
    if (backend == Backend::Sqlite)
        return path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    if (withPassword)
        url.setPassword(password);
    url.setPath(QLatin1Char('/') + database);
    if (!sslMode.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("sslmode"), sslMode);
        url.setQuery(query);
    }
    return url.toString();
}

QString DatabaseSpec::serverAddress() const
{
    return host + QLatin1Char(':') + QString::number(port);
}

QString DatabaseSpec::secretKey() const
{
    return QStringLiteral("postgresql://%1@%2/%3").arg(user, serverAddress(), database);
}

} // namespace md
