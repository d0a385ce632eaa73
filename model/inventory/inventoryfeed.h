#pragma once

// Reads stock levels from an HTTP endpoint (Qt Network) that answers with a JSON array of
//     {"product_id": "SKU123", "stock_level": 15, "last_updated": "2023-10-27T10:00:00Z"}
// A timeout, an HTTP error, malformed JSON or a value of the wrong type fails the whole feed
// with a message that names what and where: never reprice on stock data that failed to load.

#include "core/result.h"
#include "stockupdate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QUrl>

#include <vector>

namespace md {

struct InventoryFeedConfig
{
    QUrl url;
    QString token;           // sent as "Authorization: Bearer <token>" when not empty
    int timeoutSeconds = 30; // for the whole download
    QString tokenNote;       // why no token could be read (keyring unavailable), for messages
};

class InventoryFeed
{
    Q_DECLARE_TR_FUNCTIONS(md::InventoryFeed)

public:
    // Blocks on a local event loop (fine in the command line and in worker threads).
    static Result<std::vector<StockUpdate>> fetch(const InventoryFeedConfig &config);
    static Result<QByteArray> download(const InventoryFeedConfig &config);
    // Checks every element; duplicates of a product_id are refused too.
    static Result<std::vector<StockUpdate>> parse(const QByteArray &json);
};

} // namespace md
