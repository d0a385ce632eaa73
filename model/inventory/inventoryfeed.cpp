#include "inventoryfeed.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <cmath>
#include <limits>

namespace md {

namespace {

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return InventoryFeed::tr("null");
    case QJsonValue::Bool:
        return InventoryFeed::tr("a true/false value");
    case QJsonValue::Double:
        return InventoryFeed::tr("a number");
    case QJsonValue::String:
        return InventoryFeed::tr("a text \"%1\"").arg(value.toString());
    case QJsonValue::Array:
        return InventoryFeed::tr("a list");
    case QJsonValue::Object:
        return InventoryFeed::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return InventoryFeed::tr("nothing");
}

} // namespace

Result<QByteArray> InventoryFeed::download(const InventoryFeedConfig &config)
{
    const QString where = config.url.toDisplayString();
    if (!config.url.isValid() || config.url.isRelative()
        || (config.url.scheme() != QLatin1String("http")
            && config.url.scheme() != QLatin1String("https"))) {
        return fail(
            tr("The inventory feed address \"%1\" is not an http:// or https:// URL").arg(where));
    }
    QNetworkAccessManager network;
    QNetworkRequest request(config.url);
    request.setRawHeader("Accept", "application/json");
    if (!config.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + config.token.toUtf8());
    QNetworkReply *reply = network.get(request);

    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(std::max(1, config.timeoutSeconds) * 1000);
    if (!reply->isFinished())
        loop.exec();
    deadline.stop();

    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reasonPhrase
        = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QNetworkReply::NetworkError error = reply->error();
    const QString errorText = reply->errorString();
    reply->deleteLater();

    if (timedOut) {
        return fail(tr("The inventory feed %1 did not answer within %2 seconds")
                        .arg(where)
                        .arg(config.timeoutSeconds));
    }
    if (status >= 400 || (status == 0 && error != QNetworkReply::NoError)) {
        if (status == 0)
            return fail(tr("Cannot reach the inventory feed %1: %2").arg(where, errorText));
        QString message = tr("The inventory feed %1 answered HTTP %2 %3")
                              .arg(where)
                              .arg(status)
                              .arg(reasonPhrase)
                              .trimmed();
        if ((status == 401 || status == 403) && config.token.isEmpty()) {
            message
                += QLatin1Char(' ')
                   + tr("(no token was sent: set MERCHANTDESK_INVENTORY_TOKEN or store the "
                        "token in the keyring%1)")
                         .arg(config.tokenNote.isEmpty() ? QString()
                                                         : QStringLiteral("; ") + config.tokenNote);
        }
        return fail(message);
    }
    return body;
}

Result<std::vector<StockUpdate>> InventoryFeed::parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return fail(tr("The inventory feed is not valid JSON (at byte %1: %2)")
                        .arg(error.offset)
                        .arg(error.errorString()));
    }
    if (!document.isArray())
        return fail(tr("The inventory feed must be a JSON array of products"));
    const QJsonArray array = document.array();
    std::vector<StockUpdate> updates;
    updates.reserve(size_t(array.size()));
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        const qsizetype number = i + 1;
        if (!element.isObject()) {
            return fail(tr("Inventory feed, element %1: expected an object with product_id and "
                           "stock_level, got %2")
                            .arg(number)
                            .arg(jsonTypeName(element)));
        }
        const QJsonObject object = element.toObject();
        const QJsonValue id = object.value(QLatin1String("product_id"));
        if (!id.isString() || id.toString().trimmed().isEmpty()) {
            return fail(tr("Inventory feed, element %1: product_id must be a non-empty text, "
                           "got %2")
                            .arg(number)
                            .arg(jsonTypeName(id)));
        }
        StockUpdate update;
        update.sku = id.toString().trimmed();
        const QJsonValue stock = object.value(QLatin1String("stock_level"));
        const double level = stock.toDouble(-1);
        if (!stock.isDouble() || level < 0 || std::floor(level) != level
            || level > double(std::numeric_limits<qint32>::max())) {
            return fail(tr("Inventory feed, element %1 (%2): stock_level must be a whole number "
                           "≥ 0, got %3")
                            .arg(number)
                            .arg(update.sku,
                                 stock.isDouble() ? QString::number(level) : jsonTypeName(stock)));
        }
        update.stockLevel = qint32(level);
        const QJsonValue updated = object.value(QLatin1String("last_updated"));
        if (!updated.isUndefined() && !updated.isNull()) {
            update.lastUpdated = QDateTime::fromString(updated.toString(), Qt::ISODateWithMs);
            if (!updated.isString() || !update.lastUpdated.isValid()) {
                return fail(tr("Inventory feed, element %1 (%2): last_updated must be a time "
                               "such as 2023-10-27T10:00:00Z, got %3")
                                .arg(number)
                                .arg(update.sku, jsonTypeName(updated)));
            }
        }
        const auto previous = seen.constFind(update.sku);
        if (previous != seen.constEnd()) {
            return fail(tr("Inventory feed: product_id %1 appears twice (elements %2 and %3)")
                            .arg(update.sku)
                            .arg(previous.value())
                            .arg(number));
        }
        seen.insert(update.sku, number);
        updates.push_back(std::move(update));
    }
    return updates;
}

Result<std::vector<StockUpdate>> InventoryFeed::fetch(const InventoryFeedConfig &config)
{
    auto body = download(config);
    if (!body)
        return fail(body.error());
    auto updates = parse(*body);
    if (!updates)
        return fail(tr("%1 (from %2)").arg(updates.error(), config.url.toDisplayString()));
    return updates;
}

} // namespace md
