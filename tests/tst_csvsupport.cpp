#include "tst_csvsupport.h"

#include "db/sql.h"
#include "seedproducts.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>

namespace md::test {

QString databaseDigest(const Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto counts = db.tableCounts();
    if (!counts)
        return QStringLiteral("error: ") + counts.error();
    for (const auto &[table, count] : *counts) {
        auto columns = sql::select(
            db.sql(),
            QStringLiteral("SELECT * FROM %1 WHERE 1 = 0").arg(Dialect::quoteIdentifier(table)));
        if (!columns)
            return QStringLiteral("error: ") + columns.error();
        const int width = columns->record().count();
        QStringList order;
        for (int i = 1; i <= width; ++i)
            order << QString::number(i);
        auto rows = sql::select(
            db.sql(), QStringLiteral("SELECT * FROM %1 ORDER BY %2")
                          .arg(Dialect::quoteIdentifier(table), order.join(QLatin1Char(','))));
        if (!rows)
            return QStringLiteral("error: ") + rows.error();
        hash.addData(table.toUtf8());
        while (rows->next()) {
            for (int i = 0; i < width; ++i) {
                const QVariant value = rows->value(i);
                hash.addData(value.isNull() ? QByteArray("\\N") : value.toString().toUtf8());
                hash.addData(QByteArray("\x1f", 1));
            }
            hash.addData(QByteArray("\x1e", 1));
        }
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString tableCounts(const Database &db)
{
    auto counts = db.tableCounts();
    if (!counts)
        return counts.error();
    QStringList lines;
    for (const auto &[table, count] : *counts)
        lines << QStringLiteral("%1=%2").arg(table).arg(count);
    return lines.join(QLatin1Char(' '));
}

Status fillAwkwardShop(const Database &db)
{
    const QSqlDatabase c = db.sql();
    const auto run = [&](const char *statement, const QVariantList &values) {
        return sql::exec(c, QString::fromUtf8(statement), values);
    };
    const QStringList titles = {
        QStringLiteral("=HYPERLINK(\"http://example.invalid\",\"click\")"),
        QStringLiteral("+49 30 1234567"),
        QStringLiteral("-minus first"),
        QStringLiteral("@mention"),
        QStringLiteral("\tstarts with a tab"),
        QStringLiteral("\rstarts with a carriage return"),
        QStringLiteral("\nstarts with a line feed"),
        QStringLiteral("'=already quoted"),
        QStringLiteral("''=two quotes"),
        QStringLiteral("'plain quote"),
        QStringLiteral("He said \"hi\", then left"),
        QStringLiteral("two\nlines, and a comma"),
        QStringLiteral("crlf\r\ninside"),
        QStringLiteral("Ünïcødé ☕ 日本語 💡"),
        QStringLiteral(" leading and trailing spaces "),
        QStringLiteral("semi;colon|pipe\ttab"),
    };
    std::vector<test::SeedProduct> products;
    for (int i = 0; i < titles.size(); ++i) {
        const auto everyThird = [i](qint64 cents) {
            return i % 3 == 0 ? std::optional(cents) : std::nullopt;
        };
        products.push_back(
            {.sku = QStringLiteral("SKU-%1").arg(i, 3, 10, QLatin1Char('0')),
             .title = titles.at(i),
             .category = i % 2 ? QStringLiteral("Kitchen > Mugs") : QStringLiteral("=Category"),
             .costCents = i % 2 == 0 ? std::optional(qint64(50 * i)) : std::nullopt,
             .basePriceCents = 1999 + i,
             .currentPriceCents = 1899 + i,
             .minPriceCents = everyThird(100 + i),
             .maxPriceCents = everyThird(9000 + i),
             .stockLevel = i * 7,
             .demandScore = 0.1 * i + 1.0 / 3.0,
             .exclusive = i % 5 == 0,
             .createdAt = 1700000000 + i,
             .updatedAt = 1700000100 + i});
    }
    // A SKU that starts with a formula character, and a price of zero.
    products.push_back({.sku = QStringLiteral("-DASH-1"),
                        .title = QStringLiteral("@free sample"),
                        .basePriceCents = 0,
                        .currentPriceCents = 0,
                        .createdAt = 1700000000});
    if (auto done = test::seedProducts(db, products); !done)
        return done;
    const char *const emails[] = {"ana@example.com", "=bob@example.com", "chloe+news@example.org",
                                  "dan.o'neil@example.net", "eve@exämple.de"};
    for (int i = 0; i < 5; ++i) {
        if (auto done = run("INSERT INTO customers (email, first_name, last_name, created_at, "
                            "accepts_marketing, unsubscribed_at) VALUES (?,?,?,?,?,?)",
                            {QString::fromUtf8(emails[i]),
                             i == 1 ? QStringLiteral("-Bob") : QStringLiteral("Zoë %1").arg(i),
                             i == 2 ? QStringLiteral("O\"Brien, Jr.") : QStringLiteral("Last"),
                             qint64(1600000000 + 86400 * i), i % 2,
                             i == 3 ? QVariant(qint64(1650000000)) : QVariant()});
            !done) {
            return done;
        }
    }
    for (int i = 0; i < 6; ++i) {
        const QVariant customer = i == 5 ? QVariant() : QVariant(qint64(i % 5 + 1));
        if (auto done = run("INSERT INTO orders (order_number, customer_id, ordered_at, status, "
                            "total_cents) VALUES (?,?,?,?,?)",
                            {i == 4 ? QStringLiteral("+1004") : QStringLiteral("#%1").arg(1000 + i),
                             customer, qint64(1690000000 + 3600 * i),
                             i == 3 ? QStringLiteral("cancelled") : QStringLiteral("completed"),
                             qint64(5000 + i)});
            !done) {
            return done;
        }
    }
    for (int order = 1; order <= 6; ++order) {
        for (int line = 0; line < 3; ++line) {
            if (auto done
                = run("INSERT INTO order_lines (order_id, product_id, quantity, "
                      "unit_price_cents) VALUES (?,?,?,?)",
                      {order, (order * 3 + line) % 16 + 1, line + 1, qint64(1999 + line)});
                !done) {
                return done;
            }
        }
    }
    struct Event
    {
        const char *type;
        QVariant customer, product, order;
        qint64 at;
        int quantity;
    };
    const Event events[] = {
        {"product_viewed", 1, 2, {}, 1690000001, 1},
        {"product_viewed", 1, 2, {}, 1690000001, 1}, // the same view twice: both kept
        {"added_to_cart", 2, 3, {}, 1690000002, 2},
        {"checkout_started", 2, {}, {}, 1690000003, 1},
        {"order_completed", 2, {}, 2, 1690000004, 1},
        {"product_viewed", {}, 5, {}, 1690000005, 1},
    };
    for (const Event &event : events) {
        if (auto done = run("INSERT INTO events (event_type, customer_id, product_id, order_id, "
                            "occurred_at, quantity) VALUES (?,?,?,?,?,?)",
                            {QString::fromLatin1(event.type), event.customer, event.product,
                             event.order, event.at, event.quantity});
            !done) {
            return done;
        }
    }
    for (const char *statement :
         {"INSERT INTO plans (name, price_cents, billing_interval, description, active, "
          "display_order) VALUES ('Basic Box', 2999, 'monthly', 'Four items, \"hand-picked\"', 1, "
          "1)",
          "INSERT INTO plans (name, price_cents, billing_interval, description, active, "
          "display_order, parent_plan_id) VALUES ('Premium Box', 5999, 'monthly', '-6 items', 1, "
          "2, 1)",
          "INSERT INTO plans (name, price_cents, billing_interval, description, active, "
          "display_order, parent_plan_id) VALUES ('Deluxe Box', 9999, 'quarterly', "
          "'line one\nline two', 0, 3, 2)",
          "INSERT INTO features (feature_key, label, value_type, choices, default_value, "
          "display_order) VALUES ('target_item_count', 'Items', 'int', '', '4', 1)",
          "INSERT INTO features (feature_key, label, value_type, choices, default_value, "
          "display_order) VALUES ('shipping_speed', 'Shipping', 'choice', 'standard|priority', "
          "'standard', 2)",
          "INSERT INTO plan_features (plan_id, feature_id, value) VALUES (1, 1, '4'), (1, 2, "
          "'standard'), (3, 1, '8'), (3, 2, 'priority')",
          "INSERT INTO subscriptions (customer_id, plan_id, status, started_at, "
          "current_period_end, paused_until, cancelled_at, cancel_reason, next_plan_id) VALUES "
          "(1, 1, 'active', 1680000000, 1690000000, NULL, NULL, '', 2), "
          "(2, 3, 'paused', 1680000500, NULL, 1700000000, NULL, '', NULL), "
          "(3, 2, 'cancelled', 1680001000, NULL, NULL, 1685000000, '=too expensive', NULL)",
          // Their plan history, as the program records it with each subscription.
          "INSERT INTO subscription_plan_periods (subscription_id, plan_id, started_at, ended_at) "
          "VALUES (1, 1, 1680000000, NULL), (2, 3, 1680000500, NULL), (3, 2, 1680001000, NULL)",
          "INSERT INTO loyalty_tiers (name, min_points, multiplier_bp) VALUES ('bronze', 0, "
          "10000), "
          "('silver', 500, 12500), ('gold', 2000, 15000)",
          "INSERT INTO points_ledger (customer_id, delta, kind, order_id, created_at, expires_at, "
          "note) VALUES (1, 120, 'earn', 1, 1690000000, 1720000000, ''), "
          "(1, -50, 'redeem', NULL, 1690001000, NULL, '-50 for a mug'), "
          "(2, -5, 'adjust', NULL, 1690002000, NULL, '=fix'), "
          "(2, -5, 'adjust', NULL, 1690002000, NULL, '=fix')",
          "INSERT INTO suppressions (email, reason, created_at, note) VALUES "
          "('bounce@example.com', 'bounced', 1690000000, 'mailbox full'), "
          "('+spam@example.com', 'complained', 1690000100, '')",
          "INSERT INTO pricing_locked_products (product_id, locked_at) VALUES (1, 1690000000), "
          "(2, 1690000500)",
          "INSERT INTO pricing_locked_categories (category, locked_at) VALUES "
          "('=Tea, \"green\"', 1690000000)",
          "INSERT INTO price_changes (product_id, run_id, old_price_cents, new_price_cents, "
          "changed_at, reason) VALUES (1, NULL, 1000, 1100, 1690000000, 'stock low: +10%'), "
          "(1, NULL, 1100, 990, 1690086400, '-10% demand fell'), "
          "(2, NULL, 500, 500, 1690086400, '')"}) {
        if (auto done = run(statement, {}); !done)
            return done;
    }
    return {};
}

QString csvDataFile(const QString &name)
{
    return QStringLiteral(MD_CSV_TEST_DATA "/") + name;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace md::test
