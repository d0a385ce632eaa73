#include "importcommand.h"

#include "console.h"
#include "crosssell/basketimporter.h"
#include "databaseopener.h"
#include "formatoption.h"
#include "io/csvimporter.h"
#include "io/entitycatalog.h"

#include <QFileInfo>

#include <climits>

namespace md {

namespace {

const QString kFormat = QStringLiteral("format");
const QString kMode = QStringLiteral("mode");
const QString kDryRun = QStringLiteral("dry-run");
const QString kRejects = QStringLiteral("rejects");
const QString kEncoding = QStringLiteral("encoding");
const QString kDelimiter = QStringLiteral("delimiter");
const QString kDecimal = QStringLiteral("decimal");

// Progress lines only for files that take a while; a small import prints its summary alone.
constexpr qint64 kProgressFromBytes = 8 << 20;

// Not a CSV entity: a basket file (one basket per line) for cross-sell, see BasketImporter.
const QString kBaskets = QStringLiteral("baskets");

QStringList entityNames()
{
    return EntityCatalog::names() << kBaskets;
}

} // namespace

QString ImportCommand::name() const
{
    return QStringLiteral("import");
}

QString ImportCommand::summary() const
{
    return tr("Import a CSV file into one entity (%1); all or nothing unless --rejects is given")
        .arg(entityNames().join(QStringLiteral(", ")));
}

QString ImportCommand::positionalSyntax() const
{
    return QStringLiteral("ENTITY FILE");
}

QList<QCommandLineOption> ImportCommand::options() const
{
    return {
        FormatOption::option(tr("The file's format: auto (recognised from the header), native, "
                                "shopify or woocommerce (product exports of those platforms)"),
                             keysOf<ImportFormat>(), keyOf(ImportFormat::Auto)),
        QCommandLineOption(kMode,
                           tr("upsert: add new rows and update changed ones by natural key; "
                              "insert: add new rows only; replace: afterwards the table holds "
                              "exactly the file's rows"),
                           QStringLiteral("upsert|insert|replace"), QStringLiteral("upsert")),
        QCommandLineOption(kDryRun, tr("Check the file and count what would change; write "
                                       "nothing to the database")),
        QCommandLineOption(kRejects,
                           tr("Import the valid rows and write the rejected ones, with the "
                              "reason, to this CSV file"),
                           QStringLiteral("FILE")),
        QCommandLineOption(kEncoding,
                           tr("The file's encoding instead of the detected one: utf-8, "
                              "utf-16le, utf-16be or windows-1252"),
                           QStringLiteral("ENCODING")),
        QCommandLineOption(kDelimiter,
                           tr("The delimiter instead of the detected one: , ; tab or |"),
                           QStringLiteral("D")),
        QCommandLineOption(kDecimal, tr("The decimal symbol instead of the detected one: . or ,"),
                           QStringLiteral("S")),
    };
}

int ImportCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                       Console &console)
{
    const QStringList positional = arguments.positionalArguments();
    if (positional.size() != 2) {
        return console.usageError(tr("import: give an entity and a file, e.g. import products "
                                     "products.csv; the entities are %1")
                                      .arg(entityNames().join(QStringLiteral(", "))));
    }
    if (positional.at(0) == kBaskets)
        return importBaskets(arguments, positional.at(1), database, console);
    const EntityDescriptor *entity = EntityCatalog::find(positional.at(0));
    if (!entity) {
        return console.usageError(
            tr("import: unknown entity \"%1\"; the entities are %2")
                .arg(positional.at(0), entityNames().join(QStringLiteral(", "))));
    }
    const QString path = positional.at(1);

    ImportOptions options;
    const auto formatName = FormatOption::value(arguments, name(), keysOf<ImportFormat>());
    if (!formatName)
        return console.usageError(formatName.error());
    const ImportFormat format = *fromKey<ImportFormat>(*formatName);
    const auto mode = fromKey<ImportMode>(arguments.value(kMode).trimmed().toLower());
    if (!mode) {
        return console.usageError(
            tr("import: --mode \"%1\" is not a mode; use upsert, insert or replace")
                .arg(arguments.value(kMode)));
    }
    options.mode = *mode;
    options.dryRun = arguments.isSet(kDryRun);
    if (arguments.isSet(kRejects)) {
        options.rejectsPath = arguments.value(kRejects);
        if (QFileInfo(options.rejectsPath).absoluteFilePath() == QFileInfo(path).absoluteFilePath())
            return console.usageError(tr("import: --rejects must not name the file imported"));
    }
    std::optional<TextEncoding> encoding;
    if (arguments.isSet(kEncoding)) {
        encoding = CsvSettings::parseEncoding(arguments.value(kEncoding));
        if (!encoding) {
            return console.usageError(tr("import: --encoding \"%1\" is not supported; use utf-8, "
                                         "utf-16le, utf-16be or windows-1252")
                                          .arg(arguments.value(kEncoding)));
        }
    }
    std::optional<char> delimiter;
    if (arguments.isSet(kDelimiter)) {
        delimiter = CsvSettings::parseDelimiter(arguments.value(kDelimiter));
        if (!delimiter) {
            return console.usageError(tr("import: --delimiter \"%1\" is not supported; use , ; "
                                         "tab or |")
                                          .arg(arguments.value(kDelimiter)));
        }
    }
    std::optional<QChar> decimal;
    if (arguments.isSet(kDecimal)) {
        const QString symbol = arguments.value(kDecimal);
        if (symbol != QLatin1String(".") && symbol != QLatin1String(",")) {
            return console.usageError(
                tr("import: --decimal \"%1\" is not a decimal symbol; use . or ,").arg(symbol));
        }
        decimal = symbol.front();
    }
    if (entity->kind == EntityDescriptor::Kind::UpdateOnly && options.mode != ImportMode::Upsert) {
        return console.usageError(tr("import: %1 only updates stored rows; --mode %2 does not "
                                     "apply")
                                      .arg(entity->name, keyOf(options.mode)));
    }
    if (entity->appendOnly && options.mode == ImportMode::Replace) {
        return console.usageError(
            tr("import: %1 is append-only; --mode replace does not apply").arg(entity->name));
    }

    // The file is read before connecting: a missing or unreadable file is reported as such
    // and leaves an older database unmigrated.
    std::optional<CsvImporter> importer;
    const auto openFile = [&] {
        auto opened = CsvImporter::open(path, *entity);
        if (!opened)
            return console.dataError(opened.error());
        if (encoding || delimiter || decimal) {
            CsvSettings settings = opened->settings();
            settings.encoding = encoding.value_or(settings.encoding);
            settings.delimiter = delimiter.value_or(settings.delimiter);
            settings.decimalSymbol = decimal.value_or(settings.decimalSymbol);
            if (auto changed = opened->setSettings(settings); !changed)
                return console.dataError(changed.error());
        }
        opened->setFormat(format);
        importer = std::move(*opened);
        return int(Console::Success);
    };
    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false},
                            openFile);
    if (!db)
        return db.exitCode();

    int lastTenth = -1;
    const auto progress = [&](const ImportProgress &step) {
        if (step.totalBytes < kProgressFromBytes)
            return true;
        const int tenth = step.percent() / 10;
        if (tenth != lastTenth) {
            console.progress(tr("import: %1% (%2 rows read)").arg(step.percent()).arg(step.rows));
            lastTenth = tenth;
        }
        return true;
    };
    auto summary = importer->run(*db, options, progress);
    if (!summary)
        return console.dataError(summary.error());
    if (summary->refused) {
        // Every problem on its own line of stderr, then the one-line verdict.
        for (const QString &line :
             summary->problemReport().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            console.progress(line);
        }
        return console.dataError(tr("%1: %n problem(s) found; nothing was imported", nullptr,
                                    int(qMin<qint64>(summary->problemCount, INT_MAX)))
                                     .arg(path));
    }
    console.print(summary->report());
    return Console::Success;
}

int ImportCommand::importBaskets(const QCommandLineParser &arguments, const QString &path,
                                 const DatabaseOpener &database, Console &console)
{
    for (const QString &option :
         {kFormat, kMode, kDryRun, kRejects, kEncoding, kDelimiter, kDecimal}) {
        if (arguments.isSet(option)) {
            return console.usageError(
                tr("import: --%1 does not apply to baskets (one basket per line, UTF-8, names "
                   "separated by commas; always all or nothing)")
                    .arg(option));
        }
    }
    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false});
    if (!db)
        return db.exitCode();
    auto summary = BasketImporter::run(*db, path);
    if (!summary)
        return console.dataError(tr("%1; nothing was imported").arg(summary.error()));
    console.print(tr("%1: %2 baskets imported as completed orders with %3 lines; %4 new "
                     "products, %5 existing products reused.\n")
                      .arg(path)
                      .arg(summary->baskets)
                      .arg(summary->lines)
                      .arg(summary->newProducts)
                      .arg(summary->knownProducts));
    return Console::Success;
}

} // namespace md
