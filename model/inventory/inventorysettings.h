#pragma once

// Where the inventory feed is: its URL and timeout in the settings table (shared by everyone
// using the shop database), its token in the system keyring of each computer, with the
// environment variable MERCHANTDESK_INVENTORY_TOKEN first, for cron and servers without one.

#include "core/result.h"
#include "inventoryfeed.h"

#include <QCoreApplication>

namespace md {

class Database;

class InventorySettings
{
    Q_DECLARE_TR_FUNCTIONS(md::InventorySettings)

public:
    static QString urlKey() { return QStringLiteral("inventory.url"); }
    static QString timeoutKey() { return QStringLiteral("inventory.timeout_seconds"); }
    static QString tokenSecretKey() { return QStringLiteral("inventory-feed-token"); }
    static QString tokenVariable() { return QStringLiteral("MERCHANTDESK_INVENTORY_TOKEN"); }
    static constexpr int kDefaultTimeoutSeconds = 30;

    // The URL is empty when no feed is configured. The token is read as described above; when
    // neither has one, tokenNote says why the keyring could not help.
    static Result<InventoryFeedConfig> load(const Database &db);
    // An empty URL turns the feed off.
    static Status save(const Database &db, const QUrl &url, int timeoutSeconds);
    static Status saveToken(const QString &token);
};

} // namespace md
