#include "inventoryimporter.h"

#include "db/bulkwriter.h"
#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "inventoryfeed.h"

#include <QSqlQuery>

namespace md {

Result<InventoryReport>
InventoryImporter::apply(const Database &db, const std::vector<StockUpdate> &updates, qint64 now)
{
    InventoryReport report;
    report.received = qint64(updates.size());
    for (const StockUpdate &update : updates) {
        if (update.lastUpdated.isValid()
            && (!report.newestUpdate.isValid() || update.lastUpdated > report.newestUpdate)) {
            report.newestUpdate = update.lastUpdated;
        }
    }

    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return fail(begun.error());
    const QString stage = QStringLiteral("inventory_stage");
    const QString drop = db.dialect().dropTempTable(stage);
    for (const QString &statement :
         {drop, db.dialect().createTempTable(
                    stage, QStringLiteral("sku TEXT PRIMARY KEY, stock_level INTEGER NOT NULL"))}) {
        if (auto done = sql::exec(db.sql(), statement); !done)
            return fail(tr("Staging the inventory feed: %1").arg(done.error()));
    }
    {
        auto writer = BulkWriter::open(db, QStringLiteral("inventory_stage"),
                                       {QStringLiteral("sku"), QStringLiteral("stock_level")});
        if (!writer)
            return fail(writer.error());
        for (const StockUpdate &update : updates) {
            (*writer)->addText(update.sku);
            (*writer)->addInt(update.stockLevel);
            if (auto written = (*writer)->endRow(); !written)
                return fail(written.error());
        }
        if (auto finished = (*writer)->finish(); !finished)
            return fail(finished.error());
    }
    auto unknown
        = sql::select(db.sql(), QStringLiteral("SELECT s.sku FROM inventory_stage s WHERE NOT "
                                               "EXISTS (SELECT 1 FROM products p WHERE p.sku = "
                                               "s.sku) ORDER BY s.sku"));
    if (!unknown)
        return fail(tr("Matching the feed's SKUs: %1").arg(unknown.error()));
    while (unknown->next())
        report.unknownSkus << unknown->value(0).toString();
    unknown->finish();

    QSqlQuery update(db.sql());
    update.prepare(QStringLiteral("UPDATE products SET stock_level = s.stock_level, "
                                  "updated_at = ? FROM inventory_stage s "
                                  "WHERE products.sku = s.sku "
                                  "AND products.stock_level <> s.stock_level"));
    update.addBindValue(now);
    if (!update.exec())
        return fail(tr("Updating the stock levels: %1").arg(sql::errorText(update)));
    report.updated = update.numRowsAffected();
    update.finish();
    report.unchanged = report.received - report.updated - report.unknownSkus.size();
    if (auto dropped = sql::exec(db.sql(), drop); !dropped)
        return fail(dropped.error());
    if (auto committed = tx.commit(); !committed)
        return fail(committed.error());
    return report;
}

Result<InventoryReport> InventoryImporter::pull(const Database &db,
                                                const InventoryFeedConfig &config, qint64 now)
{
    auto updates = InventoryFeed::fetch(config);
    if (!updates)
        return fail(updates.error());
    return apply(db, *updates, now);
}

QString InventoryImporter::summary(const InventoryReport &report, int listedUnknown)
{
    QString text = tr("Updated the stock of %1 of %2 products in the feed (%3 unchanged)")
                       .arg(report.updated)
                       .arg(report.received)
                       .arg(report.unchanged);
    if (!report.unknownSkus.isEmpty()) {
        QStringList shown = report.unknownSkus.mid(0, listedUnknown);
        if (report.unknownSkus.size() > listedUnknown)
            shown << tr("and %1 more").arg(report.unknownSkus.size() - listedUnknown);
        text += QStringLiteral("; ")
                + tr("%1 SKUs are not in the shop and were ignored: %2")
                      .arg(report.unknownSkus.size())
                      .arg(shown.join(QStringLiteral(", ")));
    }
    return text;
}

} // namespace md
