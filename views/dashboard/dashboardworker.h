#pragma once

// Computes the Dashboard's figures on its own thread with its own connection, so a large shop's
// sums never freeze the window.
// Not a Task<T> (core/task.h): a long-lived worker whose one connection serves every refresh.

#include "db/database.h"
#include "db/databasespec.h"
#include "sales/dashboardmetrics.h"

#include <QObject>

namespace md {

class DashboardWorker : public QObject
{
    Q_OBJECT

public:
    explicit DashboardWorker(const DatabaseSpec &spec);

    // Both run on the worker's thread.
    void compute(quint64 request, qint64 now);
    void close();

signals:
    void computed(quint64 request, const md::DashboardFigures &figures);
    void failed(quint64 request, const QString &message);

private:
    DatabaseSpec m_spec;
    Database m_db;
};

} // namespace md
