#include "databaseopener.h"

#include "console.h"
#include "db/credentials.h"

namespace md {

DatabaseOpener::DatabaseOpener(std::optional<QString> argument)
    : m_argument(std::move(argument))
{}

Result<DatabaseSpec> DatabaseOpener::resolve() const
{
    if (m_argument) {
        auto spec = DatabaseSpec::parse(*m_argument);
        if (!spec)
            return fail(tr("--db: %1").arg(spec.error()));
        return spec;
    }
    const QString environment = qEnvironmentVariable("MERCHANTDESK_DB");
    if (!environment.isEmpty()) {
        auto spec = DatabaseSpec::parse(environment);
        if (!spec)
            return fail(tr("MERCHANTDESK_DB: %1").arg(spec.error()));
        return spec;
    }
    return DatabaseSpec::parse(DatabaseSpec::defaultSqlitePath());
}

OpenedDatabase DatabaseOpener::open(Console &console, Database::Options options,
                                    const std::function<int()> &beforeConnecting) const
{
    auto spec = resolve();
    if (!spec)
        return OpenedDatabase::failed(console.usageError(spec.error()));
    if (beforeConnecting) {
        if (const int status = beforeConnecting(); status != Console::Success)
            return OpenedDatabase::failed(status);
    }
    // Only worth mentioning when the connection then fails: libpq may still find the password
    // in PGPASSWORD or ~/.pgpass.
    const QString note = resolvePassword(*spec);
    auto db = Database::open(*spec, options);
    if (!db) {
        return OpenedDatabase::failed(
            console.dataError(note.isEmpty() ? db.error() : tr("%1 (%2)").arg(db.error(), note)));
    }
    return OpenedDatabase(std::move(*db));
}

} // namespace md
