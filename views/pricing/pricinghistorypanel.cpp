#include "pricinghistorypanel.h"

#include "pricing/pricingrunstore.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <algorithm>
#include <limits>
#include <vector>

namespace md {

PricingHistoryPanel::PricingHistoryPanel(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
{
    // Two columns: time in milliseconds, price in currency units; the series reads them
    // through a mapper, so the chart follows the model.
    m_model = new QStandardItemModel(0, 2, this);
    m_series = new QLineSeries(this);
    m_series->setObjectName(QStringLiteral("historySeries"));
    auto *mapper = new QVXYModelMapper(this);
    mapper->setXColumn(0);
    mapper->setYColumn(1);
    mapper->setSeries(m_series);
    mapper->setModel(m_model);

    auto *chart = new QChart;
    chart->setTitle(tr("Price history: select a product in the table"));
    chart->addSeries(m_series);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    m_time = new QDateTimeAxis(chart);
    m_time->setFormat(QStringLiteral("dd MMM yy"));
    chart->addAxis(m_time, Qt::AlignBottom);
    m_series->attachAxis(m_time);
    m_price = new QValueAxis(chart);
    m_price->setLabelFormat(QStringLiteral("%.2f"));
    chart->addAxis(m_price, Qt::AlignLeft);
    m_series->attachAxis(m_price);
    // The last 30 days until a product is chosen (an empty time axis would read "01 Jan 70").
    const QDateTime now = QDateTime::currentDateTime();
    m_time->setRange(now.addDays(-30), now);
    m_price->setRange(0, 10);

    m_view = new QChartView(chart, this);
    m_view->setObjectName(QStringLiteral("historyChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220); // room for the price labels of a small range
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void PricingHistoryPanel::showHistory(qint64 productId, const QString &label)
{
    auto history = PricingRunStore::history(m_db, productId);
    m_model->setRowCount(0);
    QChart *chart = m_view->chart();
    if (!history) {
        chart->setTitle(
            tr("Price history of %1 could not be read: %2").arg(label, history.error()));
        return;
    }
    qint64 currentCents = -1;
    if (auto price = PricingRunStore::currentPrice(m_db, productId); price)
        currentCents = *price;
    // A step line: each change is a vertical step at its time; the line ends now.
    struct Point
    {
        qint64 secs;
        qint64 cents;
    };
    std::vector<Point> points;
    for (const PricingHistoryPoint &change : *history) {
        points.push_back({change.changedAt, change.oldCents});
        points.push_back({change.changedAt, change.newCents});
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (currentCents >= 0) {
        if (points.empty())
            points.push_back({now - 30 * 86400, currentCents});
        points.push_back({now, currentCents});
    }
    m_model->setRowCount(int(points.size()));
    qint64 low = std::numeric_limits<qint64>::max();
    qint64 high = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        m_model->setData(m_model->index(int(i), 0), double(points[i].secs) * 1000.0);
        m_model->setData(m_model->index(int(i), 1),
                         double(points[i].cents) / 100.0); // display only
        low = std::min(low, points[i].cents);
        high = std::max(high, points[i].cents);
    }
    if (!points.empty()) {
        m_time->setRange(QDateTime::fromSecsSinceEpoch(points.front().secs),
                         QDateTime::fromSecsSinceEpoch(points.back().secs));
        const double pad = std::max(0.5, double(high - low) / 100.0 * 0.1);
        m_price->setRange(std::max(0.0, double(low) / 100.0 - pad), double(high) / 100.0 + pad);
        m_price->applyNiceNumbers();
    }
    chart->setTitle(history->empty()
                        ? tr("%1: no price changes recorded yet").arg(label)
                        : tr("%1: price changes recorded: %2")
                              .arg(label, QLocale().toString(qint64(history->size()))));
}

} // namespace md
