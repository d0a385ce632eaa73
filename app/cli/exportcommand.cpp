#include "exportcommand.h"

#include "console.h"
#include "databaseopener.h"
#include "io/csvexporter.h"
#include "io/entitycatalog.h"

#include <climits>

namespace md {

namespace {

constexpr qint64 kProgressEveryRows = 1000000;

} // namespace

QString ExportCommand::name() const
{
    return QStringLiteral("export");
}

QString ExportCommand::summary() const
{
    return tr("Export one entity (%1) to a CSV file in MerchantDesk's own format")
        .arg(EntityCatalog::names().join(QStringLiteral(", ")));
}

QString ExportCommand::positionalSyntax() const
{
    return QStringLiteral("ENTITY FILE");
}

QList<QCommandLineOption> ExportCommand::options() const
{
    return {};
}

int ExportCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                       Console &console)
{
    const QStringList positional = arguments.positionalArguments();
    if (positional.size() != 2) {
        return console.usageError(tr("export: give an entity and a file, e.g. export products "
                                     "products.csv; the entities are %1")
                                      .arg(EntityCatalog::names().join(QStringLiteral(", "))));
    }
    const EntityDescriptor *entity = EntityCatalog::find(positional.at(0));
    if (!entity) {
        return console.usageError(
            tr("export: unknown entity \"%1\"; the entities are %2")
                .arg(positional.at(0), EntityCatalog::names().join(QStringLiteral(", "))));
    }
    // Reading only: nothing is created or migrated.
    auto db = database.open(console, Database::Options{.migrate = false, .createIfMissing = false});
    if (!db)
        return db.exitCode();

    qint64 lastReport = 0;
    const auto progress = [&](qint64 rows) {
        if (rows - lastReport >= kProgressEveryRows) {
            console.progress(tr("export: %1 rows written").arg(rows));
            lastReport = rows;
        }
        return true;
    };
    auto rows = CsvExporter::exportToFile(*db, *entity, positional.at(1), progress);
    if (!rows)
        return console.dataError(rows.error());
    console.print(tr("Exported %n row(s) of %1 to %2\n", nullptr, int(qMin<qint64>(*rows, INT_MAX)))
                      .arg(entity->name, positional.at(1)));
    return Console::Success;
}

} // namespace md
