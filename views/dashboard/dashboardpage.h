#pragma once

// The Dashboard: revenue, orders, average order value and new customers for the last 30 days
// against the 30 days before, and revenue per week for half a year. Computed off the GUI thread;
// the chart reads its bars from a live model through a bar model mapper.

#include "db/databasespec.h"
#include "sales/dashboardmetrics.h"

#include <QThread>
#include <QWidget>

class QAction;
class QBarSeries;
class QBarCategoryAxis;
class QChartView;
class QLabel;
class QStandardItemModel;
class QValueAxis;

namespace md {

class DashboardWorker;
class KpiCard;

class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(const DatabaseSpec &database, QWidget *parent = nullptr);
    ~DashboardPage() override;

    QAction *refreshAction() const { return m_refresh; }
    bool hasFigures() const { return m_hasFigures; }
    const DashboardFigures &figures() const { return m_figures; }
    // Weeks as rows; the chart's bar set maps column 0 (revenue in currency units).
    QStandardItemModel *weekModel() const { return m_weekModel; }
    QBarSeries *revenueSeries() const { return m_series; }
    QString lastError() const { return m_error; }

    // Starts a new computation as of now; the figures shown stay until it finished.
    void refresh();

signals:
    void updated();

private:
    void onComputed(quint64 request, const DashboardFigures &figures);
    void onFailed(quint64 request, const QString &message);
    void setBusy(bool busy);
    QWidget *buildChart();

    QThread m_thread;
    DashboardWorker *m_worker = nullptr;
    quint64 m_request = 0;

    QAction *m_refresh = nullptr;
    QLabel *m_status = nullptr;
    KpiCard *m_revenue = nullptr;
    KpiCard *m_orders = nullptr;
    KpiCard *m_average = nullptr;
    KpiCard *m_customers = nullptr;
    QStandardItemModel *m_weekModel = nullptr;
    QBarSeries *m_series = nullptr;
    QBarCategoryAxis *m_weekAxis = nullptr;
    QValueAxis *m_revenueAxis = nullptr;
    QChartView *m_chartView = nullptr;

    DashboardFigures m_figures;
    bool m_hasFigures = false;
    QString m_error;
};

} // namespace md
