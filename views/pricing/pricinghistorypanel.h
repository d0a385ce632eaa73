#pragma once

// The price history of one product as a step chart, below the preview table of the Repricing
// page: every recorded change is a vertical step at its time, and the line ends at the price
// now. The series reads a two-column model through a mapper, so the chart follows the model.

#include <QWidget>

class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QStandardItemModel;
class QValueAxis;

namespace md {

class Database;

class PricingHistoryPanel : public QWidget
{
    Q_OBJECT

public:
    // `db` is the page's connection; it outlives the panel's use of it.
    explicit PricingHistoryPanel(const Database &db, QWidget *parent = nullptr);

    QLineSeries *series() const { return m_series; }
    // Time in milliseconds since the epoch, price in currency units.
    QStandardItemModel *model() const { return m_model; }

public slots:
    // Reads and shows the price history of one product; a read error is the chart's title.
    void showHistory(qint64 productId, const QString &label);

private:
    const Database &m_db;
    QStandardItemModel *m_model = nullptr;
    QLineSeries *m_series = nullptr;
    QDateTimeAxis *m_time = nullptr;
    QValueAxis *m_price = nullptr;
    QChartView *m_view = nullptr;
};

} // namespace md
