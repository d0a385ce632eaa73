#include "testdb.h"

#include "db/sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>

namespace md::test {

Backend backend()
{
    return qEnvironmentVariable("MERCHANTDESK_TEST_BACKEND") == QLatin1String("postgres")
               ? Backend::Postgres
               : Backend::Sqlite;
}

QString backendName()
{
    return backend() == Backend::Postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite");
}

namespace {

Status adminExec(const DatabaseSpec &admin, const QString &statement)
{
    auto db = Database::open(admin, Database::Options{.migrate = false, .createIfMissing = false});
    if (!db)
        return fail(db.error());
    return sql::exec(db->sql(), statement);
}

} // namespace

ScratchDatabase::ScratchDatabase()
{
    static QAtomicInteger<int> counter;
    if (backend() == Backend::Sqlite) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid()) {
            m_error = QStringLiteral("cannot create a temporary folder");
            return;
        }
        m_spec.backend = Backend::Sqlite;
        m_spec.path = m_dir->filePath(QStringLiteral("shop.sqlite"));
        return;
    }

    const QString url = qEnvironmentVariable("MERCHANTDESK_TEST_PG_URL");
    if (url.isEmpty()) {
        m_error = QStringLiteral("MERCHANTDESK_TEST_PG_URL is not set: the PostgreSQL variant of "
                                 "this test needs a server (see README.md)");
        return;
    }
    auto admin = DatabaseSpec::parse(url);
    if (!admin || !admin->isPostgres()) {
        m_error = QStringLiteral("MERCHANTDESK_TEST_PG_URL is not a PostgreSQL URL: %1")
                      .arg(admin ? url : admin.error());
        return;
    }
    m_admin = *admin;
    m_spec = *admin;
    m_spec.database = QStringLiteral("md_test_%1_%2_%3")
                          .arg(QCoreApplication::applicationName().toLower())
                          .arg(QCoreApplication::applicationPid())
                          .arg(++counter);
    m_spec.database.replace(QLatin1Char('-'), QLatin1Char('_'));
    (void)adminExec(m_admin,
                    QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_spec.database));
    if (auto created
        = adminExec(m_admin, QStringLiteral("CREATE DATABASE %1").arg(m_spec.database));
        !created) {
        m_error = QStringLiteral("cannot create the test database %1: %2")
                      .arg(m_spec.database, created.error());
    }
}

ScratchDatabase::~ScratchDatabase()
{
    if (backend() == Backend::Postgres && isValid()) {
        (void)adminExec(
            m_admin,
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_spec.database));
    }
}

Result<Database> ScratchDatabase::open(Database::Options options) const
{
    if (!isValid())
        return fail(m_error);
    return Database::open(m_spec, options);
}

} // namespace md::test
