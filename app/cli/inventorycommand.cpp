#include "inventorycommand.h"

#include "console.h"
#include "databaseopener.h"
#include "inventory/inventoryimporter.h"
#include "inventory/inventorysettings.h"

#include <QDateTime>
#include <QRegularExpression>

namespace md {

namespace {

const QString kUrl = QStringLiteral("url");
const QString kTimeout = QStringLiteral("timeout");

} // namespace

QString InventoryCommand::name() const
{
    return QStringLiteral("inventory");
}

QString InventoryCommand::summary() const
{
    return tr("inventory pull: update stock levels from the inventory feed (a JSON array of "
              "product_id, stock_level, last_updated)");
}

QList<QCommandLineOption> InventoryCommand::options() const
{
    return {
        QCommandLineOption(kUrl,
                           tr("The feed's address, instead of the one stored in the database; "
                              "the token comes from %1 or the keyring")
                               .arg(InventorySettings::tokenVariable()),
                           QStringLiteral("URL")),
        QCommandLineOption(kTimeout,
                           tr("Give up after this many seconds (default: the stored "
                              "setting, else %1)")
                               .arg(InventorySettings::kDefaultTimeoutSeconds),
                           QStringLiteral("SECONDS")),
    };
}

QString InventoryCommand::positionalSyntax() const
{
    return QStringLiteral("pull");
}

int InventoryCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                          Console &console)
{
    const QStringList positional = arguments.positionalArguments();
    if (positional != QStringList{QStringLiteral("pull")})
        return console.usageError(tr("inventory: the only action is \"pull\", as in inventory "
                                     "pull [--url URL]"));
    QUrl url;
    if (arguments.isSet(kUrl)) {
        url = QUrl(arguments.value(kUrl), QUrl::StrictMode);
        if (!url.isValid()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            return console.usageError(tr("inventory: --url \"%1\" is not an http:// or https:// "
                                         "address")
                                          .arg(arguments.value(kUrl)));
        }
    }
    int timeout = -1;
    if (arguments.isSet(kTimeout)) {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,4}$"));
        const QString value = arguments.value(kTimeout);
        timeout = value.toInt();
        if (!digits.match(value).hasMatch() || timeout < 1 || timeout > 3600) {
            return console.usageError(
                tr("inventory: --timeout \"%1\" is not a number of seconds from 1 to 3600")
                    .arg(value));
        }
    }

    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false});
    if (!db)
        return db.exitCode();
    const QString where = db.where();
    auto config = InventorySettings::load(*db);
    if (!config)
        return console.dataError(tr("%1: %2").arg(where, config.error()));
    if (!url.isEmpty()) {
        config->url = url;
        if (config->token.isEmpty()) {
            // load() asks the keyring only for a stored feed.
            config->token = qEnvironmentVariable(qPrintable(InventorySettings::tokenVariable()));
        }
    }
    if (config->url.isEmpty()) {
        return console.usageError(
            tr("inventory: no feed is configured for %1; give one with --url URL").arg(where));
    }
    if (timeout > 0)
        config->timeoutSeconds = timeout;

    console.progress(tr("inventory: reading %1").arg(config->url.toDisplayString()));
    auto report = InventoryImporter::pull(*db, *config, QDateTime::currentSecsSinceEpoch());
    if (!report)
        return console.dataError(tr("%1; no stock level was changed").arg(report.error()));
    console.print(InventoryImporter::summary(*report, 50) + QStringLiteral(".\n"));
    return Console::Success;
}

} // namespace md
