#include "infocommand.h"

#include "console.h"
#include "databaseopener.h"
#include "db/migrations.h"

#include <algorithm>

namespace md {

QString InfoCommand::name() const
{
    return QStringLiteral("info");
}

QString InfoCommand::summary() const
{
    return tr("Show the database, its schema version and the row count of every table");
}

QList<QCommandLineOption> InfoCommand::options() const
{
    return {};
}

int InfoCommand::run(const QCommandLineParser &, const DatabaseOpener &database, Console &console)
{
    // No migration and no new file: looking must not change what is looked at.
    auto db = database.open(console, Database::Options{.migrate = false, .createIfMissing = false});
    if (!db)
        return db.exitCode();

    const QString where = db.where();
    auto version = db->schemaVersion();
    if (!version)
        return console.dataError(tr("%1: %2").arg(where, version.error()));
    auto counts = db->tableCounts();
    if (!counts)
        return console.dataError(tr("%1: %2").arg(where, counts.error()));

    const auto server = db->serverVersion();
    const QString backend = (db->spec().isPostgres() ? tr("PostgreSQL %1") : tr("SQLite %1"))
                                .arg(server ? *server : QString())
                                .trimmed();

    const int latest = Migrations::latestVersion();
    QString versionText = tr("%1 (this program: %2)").arg(*version).arg(latest);
    if (*version == 0)
        versionText += tr("; empty database, run init to create the schema");
    else if (*version < latest)
        versionText += tr("; run init to migrate");

    const QList<QPair<QString, QString>> header = {
        {tr("Database:"), where},
        {tr("Backend:"), backend},
        {tr("Schema version:"), versionText},
    };
    qsizetype labelWidth = 0;
    for (const auto &row : header)
        labelWidth = std::max(labelWidth, row.first.size());
    for (const auto &[label, value] : header)
        console.print(label.leftJustified(labelWidth + 1) + value + QLatin1Char('\n'));

    if (counts->empty()) {
        console.print(tr("Tables: none") + QLatin1Char('\n'));
        return Console::Success;
    }
    console.print(tr("Tables:") + QLatin1Char('\n'));
    qsizetype nameWidth = 0;
    qsizetype countWidth = 0;
    for (const auto &[table, count] : *counts) {
        nameWidth = std::max(nameWidth, table.size());
        countWidth = std::max(countWidth, QString::number(count).size());
    }
    for (const auto &[table, count] : *counts) {
        console.print(
            QStringLiteral("  %1  %2\n").arg(table, -int(nameWidth)).arg(count, int(countWidth)));
    }
    return Console::Success;
}

} // namespace md
