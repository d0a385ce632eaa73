#pragma once

// Writes a generated demo shop into an empty database: builds the in-memory model, then streams
// every table through BulkWriter, one table at a time (PostgreSQL's COPY allows only one per
// connection), all inside one transaction so a failure or a cancel leaves nothing behind.

#include "core/result.h"
#include "demosetup.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace md {

class DemoSubscriptions;

class BulkWriter;
class Database;
class DemoCatalog;
class DemoCustomers;
class DemoLoyalty;
class DemoOrders;
class DemoProgress;

class DemoWriter
{
public:
    DemoWriter(Database &db, const DemoSetup &setup, DemoProgress &progress);
    ~DemoWriter();

    Status run();

    // The tables the demo shop fills, parents before children.
    static QStringList tables();
    static QString plantedPairsText(const DemoCatalog &catalog);

private:
    Status prepare();
    Status load();
    Status writeSettings();
    Status writeReference();
    Status writeProducts();
    Status writePriceHistory();
    Status writeCustomers();
    Status writeOrders();
    Status writeOrderLines();
    Status writeEvents();
    Status writeSubscriptions();
    Status writePlanPeriods(const DemoSubscriptions &subscriptions);
    Status writeLoyalty();

    Result<std::unique_ptr<BulkWriter>> open(const QString &table, const QStringList &columns);
    Status cancelled() const;
    bool step(qint64 done, qint64 total);

    Database &m_db;
    DemoSetup m_setup;
    DemoProgress &m_progress;
    std::unique_ptr<DemoCatalog> m_catalog;
    std::unique_ptr<DemoCustomers> m_customers;
    std::unique_ptr<DemoOrders> m_orders;
    std::unique_ptr<DemoLoyalty> m_loyalty;
};

} // namespace md
