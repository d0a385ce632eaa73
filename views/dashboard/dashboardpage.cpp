#include "dashboardpage.h"

#include "core/money.h"
#include "dashboardworker.h"
#include "kpicard.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace md {

namespace {

constexpr int kRevenueColumn = 0;

QString moneyText(qint64 cents)
{
    return money::format(cents, QLocale());
}

QString weekLabel(QDate monday)
{
    // The pattern is the translator's: German writes the day as "1. Juni".
    return QLocale().toString(monday,
                              DashboardPage::tr("d MMM", "week label under a chart bar: a "
                                                         "QLocale date pattern, day and month"));
}

QString countText(qint64 count)
{
    return QLocale().toString(count);
}

} // namespace

DashboardPage::DashboardPage(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
{
    m_worker = new DashboardWorker(database);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &DashboardWorker::computed, this, &DashboardPage::onComputed);
    connect(m_worker, &DashboardWorker::failed, this, &DashboardPage::onFailed);
    m_thread.setObjectName(QStringLiteral("DashboardWorker"));
    m_thread.start();

    auto *heading = new QLabel(tr("Dashboard"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    m_status->setWordWrap(true);

    m_refresh = new QAction(tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshAction"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refresh->setToolTip(tr("Compute the figures again from the database"));
    addAction(m_refresh);
    connect(m_refresh, &QAction::triggered, this, &DashboardPage::refresh);
    auto *refreshButton = new QToolButton(this);
    refreshButton->setDefaultAction(m_refresh);
    refreshButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch(1);
    top->addWidget(refreshButton);

    m_revenue = new KpiCard(tr("Revenue"), this);
    m_revenue->setObjectName(QStringLiteral("revenueCard"));
    m_revenue->setToolTip(tr("Sum of completed orders; cancelled, refunded and pending orders "
                             "do not count"));
    m_orders = new KpiCard(tr("Orders"), this);
    m_orders->setObjectName(QStringLiteral("ordersCard"));
    m_orders->setToolTip(tr("Number of completed orders"));
    m_average = new KpiCard(tr("Average order value"), this);
    m_average->setObjectName(QStringLiteral("averageCard"));
    m_average->setToolTip(tr("Revenue divided by the number of completed orders"));
    m_customers = new KpiCard(tr("New customers"), this);
    m_customers->setObjectName(QStringLiteral("customersCard"));
    m_customers->setToolTip(tr("Customers who joined in the period"));
    auto *cards = new QGridLayout;
    int column = 0;
    for (KpiCard *card : {m_revenue, m_orders, m_average, m_customers})
        cards->addWidget(card, 0, column++);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addLayout(cards);
    layout->addWidget(buildChart(), 1);

    refresh();
}

DashboardPage::~DashboardPage()
{
    // The connection belongs to the worker's thread and must be closed there.
    QMetaObject::invokeMethod(m_worker, &DashboardWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

QWidget *DashboardPage::buildChart()
{
    m_weekModel = new QStandardItemModel(DashboardMetrics::kWeeks, 1, this);
    m_weekModel->setHorizontalHeaderLabels({tr("Revenue")});
    for (int row = 0; row < DashboardMetrics::kWeeks; ++row)
        m_weekModel->setData(m_weekModel->index(row, kRevenueColumn), 0.0);

    m_series = new QBarSeries(this);
    m_series->setObjectName(QStringLiteral("revenueSeries"));
    auto *mapper = new QVBarModelMapper(this);
    mapper->setFirstBarSetColumn(kRevenueColumn);
    mapper->setLastBarSetColumn(kRevenueColumn);
    mapper->setSeries(m_series);
    mapper->setModel(m_weekModel);

    auto *chart = new QChart;
    chart->setTitle(tr("Revenue per week from completed orders, last %1 weeks (Monday to Sunday; "
                       "the last bar is this week so far)")
                        .arg(DashboardMetrics::kWeeks));
    chart->addSeries(m_series);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    m_weekAxis = new QBarCategoryAxis(chart);
    m_weekAxis->setLabelsAngle(-90); // upright labels fit a narrow week
    // The axis sizes itself from the labels it has when the chart is first laid out; start with
    // this week's 26 Mondays (the figures will name the same ones) so the labels are not cut.
    QDate monday = QDateTime::currentDateTimeUtc().date();
    monday = monday.addDays(1 - monday.dayOfWeek());
    QStringList labels;
    for (int week = DashboardMetrics::kWeeks - 1; week >= 0; --week)
        labels << weekLabel(monday.addDays(-7 * week));
    m_weekAxis->setCategories(labels);
    chart->addAxis(m_weekAxis, Qt::AlignBottom);
    m_series->attachAxis(m_weekAxis);
    m_revenueAxis = new QValueAxis(chart);
    m_revenueAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_revenueAxis->setMin(0);
    chart->addAxis(m_revenueAxis, Qt::AlignLeft);
    m_series->attachAxis(m_revenueAxis);

    m_chartView = new QChartView(chart, this);
    m_chartView->setObjectName(QStringLiteral("revenueChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(260);
    return m_chartView;
}

void DashboardPage::refresh()
{
    setBusy(true);
    const quint64 request = ++m_request;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, request, now] { worker->compute(request, now); });
}

void DashboardPage::setBusy(bool busy)
{
    m_refresh->setEnabled(!busy);
    if (busy)
        m_status->setText(tr("Calculating the figures…"));
}

void DashboardPage::onComputed(quint64 request, const DashboardFigures &figures)
{
    if (request != m_request)
        return;
    m_figures = figures;
    m_hasFigures = true;
    m_error.clear();
    setBusy(false);

    const QLocale locale;
    const QString asOf = locale.toString(QDateTime::fromSecsSinceEpoch(figures.now).toLocalTime(),
                                         QLocale::ShortFormat);
    m_status->setText(tr("The last %1 days compared with the %1 days before, as of %2.")
                          .arg(DashboardMetrics::kWindowDays)
                          .arg(asOf));

    const PeriodFigures &now = figures.current;
    const PeriodFigures &before = figures.previous;
    const auto before30 = [](const QString &value) {
        return DashboardPage::tr("%1 in the 30 days before").arg(value);
    };
    m_revenue->setFigures(moneyText(now.revenueCents),
                          DashboardFigures::changePercent(before.revenueCents, now.revenueCents),
                          before30(moneyText(before.revenueCents)));
    m_orders->setFigures(countText(now.orders),
                         DashboardFigures::changePercent(before.orders, now.orders),
                         before30(countText(before.orders)));
    m_average->setFigures(
        moneyText(now.averageOrderCents()),
        DashboardFigures::changePercent(before.averageOrderCents(), now.averageOrderCents()),
        before30(moneyText(before.averageOrderCents())));
    m_customers->setFigures(countText(now.newCustomers),
                            DashboardFigures::changePercent(before.newCustomers, now.newCustomers),
                            before30(countText(before.newCustomers)));

    // The mapper turns these cells into bars; the labels name each week by its Monday.
    QStringList labels;
    double highest = 0;
    const int weeks = int(figures.weeks.size());
    m_weekModel->setRowCount(weeks);
    for (int row = 0; row < weeks; ++row) {
        const WeekRevenue &week = figures.weeks[size_t(row)];
        const QDate monday = QDateTime::fromSecsSinceEpoch(week.weekStart, Qt::UTC).date();
        const QString label = weekLabel(monday);
        labels << label;
        const double amount = double(week.revenueCents) / 100.0; // display only
        highest = std::max(highest, amount);
        m_weekModel->setVerticalHeaderItem(row, new QStandardItem(label));
        m_weekModel->setData(m_weekModel->index(row, kRevenueColumn), amount);
        m_weekModel->setData(m_weekModel->index(row, kRevenueColumn),
                             tr("Week of %1: %2").arg(label, moneyText(week.revenueCents)),
                             Qt::ToolTipRole);
    }
    m_weekAxis->setCategories(labels);
    m_revenueAxis->setRange(0, highest > 0 ? highest * 1.1 : 1.0);
    m_revenueAxis->applyNiceNumbers();
    emit updated();
}

void DashboardPage::onFailed(quint64 request, const QString &message)
{
    if (request != m_request)
        return;
    m_error = message;
    setBusy(false);
    m_status->setText(tr("The figures could not be calculated: %1").arg(message));
    if (!m_hasFigures) {
        for (KpiCard *card : {m_revenue, m_orders, m_average, m_customers})
            card->setFigures(tr("—"), std::nullopt, QString());
    }
    emit updated();
}

} // namespace md
