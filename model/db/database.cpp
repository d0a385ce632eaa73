#include "database.h"

#include "migrations.h"
#include "sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace md {

namespace {

QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("merchantdesk-%1").arg(++counter);
}

// Not WriteUser: QFileInfo derives it from access(2), which is always true for root.
constexpr QFileDevice::Permissions kAnyWrite
    = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;

bool isWritable(const QFileInfo &info)
{
    // Also honour a file whose write bits are all cleared when we run as root, who could write
    // anyway: the owner marked it read-only on purpose.
    return info.isWritable() && (info.permissions() & kAnyWrite);
}

} // namespace

Database::Database(Database &&other) noexcept
    : m_spec(std::move(other.m_spec))
    , m_dialect(other.m_dialect)
    , m_connectionName(std::exchange(other.m_connectionName, QString()))
{}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_spec = std::move(other.m_spec);
        m_dialect = other.m_dialect;
        m_connectionName = std::exchange(other.m_connectionName, QString());
    }
    return *this;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

QSqlDatabase Database::sql() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<Database> Database::open(const DatabaseSpec &spec, Options options)
{
    Database db;
    db.m_spec = spec;
    db.m_dialect = Dialect(spec.backend);

    if (spec.backend == Backend::Sqlite) {
        if (auto checked = checkSqliteFile(spec, options.createIfMissing); !checked)
            return fail(checked.error());
        if (auto opened = db.openSqlite(); !opened)
            return fail(opened.error());
    } else {
        if (auto opened = db.openPostgres(); !opened)
            return fail(opened.error());
    }

    auto version = Migrations::currentVersion(db.sql(), db.m_dialect);
    if (!version)
        return fail(tr("%1: %2").arg(spec.displayName(), version.error()));
    if (*version > Migrations::latestVersion()) {
        return fail(tr("%1 has schema version %2, newer than this MerchantDesk understands (%3). "
                       "Update MerchantDesk; nothing was changed.")
                        .arg(spec.displayName())
                        .arg(*version)
                        .arg(Migrations::latestVersion()));
    }
    if (spec.backend == Backend::Sqlite) {
        // Only once the file is known to be ours: switching to WAL rewrites the file header, and
        // a refused database must be left exactly as it was.
        auto mode = sql::scalar(db.sql(), QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!mode || mode->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            return fail(tr("Cannot switch %1 to write-ahead logging: %2")
                            .arg(spec.path, mode ? mode->toString() : mode.error()));
        }
    }
    if (options.migrate) {
        if (auto migrated = Migrations::migrate(db.sql(), db.m_dialect); !migrated)
            return fail(tr("%1: %2").arg(spec.displayName(), migrated.error()));
    }
    return db;
}

Result<Database> Database::openAnother() const
{
    return open(m_spec, Options{.migrate = false, .createIfMissing = false});
}

Status Database::checkSqliteFile(const DatabaseSpec &spec, bool createIfMissing)
{
    const QFileInfo file(spec.path);
    const QFileInfo folder(file.absolutePath());
    if (file.exists()) {
        if (file.isDir())
            return fail(tr("%1 is a folder, not a database file").arg(spec.path));
        QFile handle(spec.path);
        if (!handle.open(QIODevice::ReadOnly)) {
            return fail(tr("Cannot read %1: %2").arg(spec.path, handle.errorString()));
        }
        const QByteArray header = handle.read(16);
        // An empty file is a valid, empty SQLite database; anything else must carry the header.
        if (!header.isEmpty() && header != QByteArray("SQLite format 3\0", 16)) {
            return fail(tr("%1 is not a SQLite database (it does not start with the SQLite file "
                           "header); nothing was changed")
                            .arg(spec.path));
        }
        if (!isWritable(file)) {
            return fail(tr("%1 is read-only: MerchantDesk needs to write to it. Make the file "
                           "writable or open a copy; nothing was changed.")
                            .arg(spec.path));
        }
        if (!isWritable(folder)) {
            return fail(tr("The folder %1 is read-only: SQLite needs to create its journal files "
                           "beside the database. Nothing was changed.")
                            .arg(folder.absoluteFilePath()));
        }
        return {};
    }
    if (!createIfMissing)
        return fail(tr("%1 does not exist").arg(spec.path));
    if (!QDir().mkpath(folder.absoluteFilePath()))
        return fail(tr("Cannot create the folder %1").arg(folder.absoluteFilePath()));
    if (!isWritable(QFileInfo(folder.absoluteFilePath()))) {
        return fail(tr("Cannot create %1: the folder is read-only").arg(spec.path));
    }
    return {};
}

Status Database::openSqlite()
{
    m_connectionName = newConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid())
        return fail(tr("The Qt SQLite driver (QSQLITE) is not installed"));
    db.setDatabaseName(m_spec.path);
    // A second process writing at the same moment waits up to 10 s instead of failing.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return fail(tr("Cannot open %1: %2")
                        .arg(m_spec.path, sql::errorText(db.lastError(), Backend::Sqlite)));

    auto check = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"));
    if (!check) {
        return fail(tr("%1 is not a usable SQLite database: %2; nothing was changed")
                        .arg(m_spec.path, check.error()));
    }
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
        if (auto done = sql::exec(db, QString::fromLatin1(pragma)); !done)
            return fail(tr("Cannot configure %1: %2").arg(m_spec.path, done.error()));
    }
    return {};
}

Status Database::openPostgres()
{
    m_connectionName = newConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!db.isValid())
        return fail(tr("The Qt PostgreSQL driver (QPSQL) is not installed"));
    db.setHostName(m_spec.host);
    db.setPort(m_spec.port);
    db.setDatabaseName(m_spec.database);
    db.setUserName(m_spec.user);
    db.setPassword(m_spec.password);
    QStringList options
        = {QStringLiteral("connect_timeout=10"), QStringLiteral("application_name=MerchantDesk")};
    if (!m_spec.sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + m_spec.sslMode;
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        // libpq's messages span lines ("... failed: ...\n\tIs the server running"); errorText
        // gives them on one line, which reads better in a status bar and on stderr.
        const QString reason = sql::errorText(db.lastError(), Backend::Postgres);
        return fail(tr("Cannot connect to PostgreSQL at %1 (database \"%2\", user \"%3\"): %4")
                        .arg(m_spec.serverAddress(), m_spec.database, m_spec.user, reason));
    }
    for (const char *setting : {"SET TIME ZONE 'UTC'", "SET client_min_messages = warning"}) {
        if (auto done = sql::exec(db, QString::fromLatin1(setting)); !done)
            return fail(tr("Cannot configure the PostgreSQL session: %1").arg(done.error()));
    }
    return {};
}

Result<QString> Database::serverVersion() const
{
    auto version = sql::scalar(sql(), m_dialect.serverVersion());
    if (!version)
        return fail(version.error());
    return version->toString();
}

Result<int> Database::schemaVersion() const
{
    return Migrations::currentVersion(sql(), m_dialect);
}

Result<std::vector<std::pair<QString, qint64>>> Database::tableCounts() const
{
    auto tables = sql::select(sql(), m_dialect.listTables());
    if (!tables)
        return fail(tables.error());
    QStringList names;
    while (tables->next())
        names << tables->value(0).toString();
    tables->finish();

    std::vector<std::pair<QString, qint64>> counts;
    for (const QString &name : names) {
        auto count = sql::scalar(
            sql(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(Dialect::quoteIdentifier(name)));
        if (!count)
            return fail(tr("Cannot count the rows of %1: %2").arg(name, count.error()));
        counts.emplace_back(name, count->toLongLong());
    }
    return counts;
}

} // namespace md
