#include "inventorysettings.h"

#include "core/secretstore.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "pricing/nonnulltext.h"

namespace md {

Result<InventoryFeedConfig> InventorySettings::load(const Database &db)
{
    InventoryFeedConfig config;
    config.timeoutSeconds = kDefaultTimeoutSeconds;
    auto query = sql::select(
        db.sql(), QStringLiteral("SELECT name, value FROM settings WHERE name IN (?, ?)"),
        {urlKey(), timeoutKey()});
    if (!query)
        return fail(tr("Reading the inventory feed settings: %1").arg(query.error()));
    while (query->next()) {
        const QString name = query->value(0).toString();
        const QString value = query->value(1).toString();
        if (name == urlKey()) {
            config.url = QUrl(value.trimmed());
        } else {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds <= 0) {
                return fail(tr("The stored inventory feed timeout \"%1\" is not a number of "
                               "seconds")
                                .arg(value));
            }
            config.timeoutSeconds = seconds;
        }
    }
    if (config.url.isEmpty())
        return config;

    config.token = qEnvironmentVariable(qPrintable(tokenVariable()));
    if (config.token.isEmpty()) {
        auto stored = SecretStore::read(tokenSecretKey());
        if (stored)
            config.token = *stored;
        else
            config.tokenNote = stored.error();
    }
    return config;
}

Status InventorySettings::save(const Database &db, const QUrl &url, int timeoutSeconds)
{
    if (!url.isEmpty()
        && (!url.isValid()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))) {
        return fail(tr("Inventory feed URL: \"%1\" is not an http:// or https:// address")
                        .arg(url.toDisplayString()));
    }
    if (timeoutSeconds <= 0 || timeoutSeconds > 3600) {
        return fail(tr("Inventory feed timeout: must be a whole number of seconds from 1 to "
                       "3600, not %1")
                        .arg(timeoutSeconds));
    }
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return begun;
    const QString upsert
        = QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?) "
                         "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
    if (auto written = sql::exec(db.sql(), upsert, {urlKey(), nonNullText(url.toString())});
        !written)
        return fail(tr("Saving the inventory feed settings: %1").arg(written.error()));
    if (auto written = sql::exec(db.sql(), upsert, {timeoutKey(), QString::number(timeoutSeconds)});
        !written) {
        return fail(tr("Saving the inventory feed settings: %1").arg(written.error()));
    }
    return tx.commit();
}

Status InventorySettings::saveToken(const QString &token)
{
    if (token.isEmpty())
        return SecretStore::remove(tokenSecretKey());
    return SecretStore::write(tokenSecretKey(), token);
}

} // namespace md
