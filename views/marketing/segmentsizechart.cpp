#include "segmentsizechart.h"

#include "segmentbuilderpanel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLocale>
#include <QStandardItemModel>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace md {

namespace {

QString monthLabel(QDate day)
{
    return QLocale().toString(day, QStringLiteral("MMM yyyy"));
}

// A whole step of 1, 2 or 5 × 10^k giving at most five intervals up to `highest`.
qint64 niceStep(qint64 highest)
{
    qint64 step = 1;
    while (true) {
        for (qint64 factor : {1, 2, 5}) {
            if (highest <= step * factor * 5)
                return step * factor;
        }
        step *= 10;
    }
}

} // namespace

SegmentSizeChart::SegmentSizeChart(QWidget *parent)
    : QWidget(parent)
{
    m_model = new QStandardItemModel(0, 1, this);
    m_model->setHorizontalHeaderLabels({tr("Members")});
    m_series = new QBarSeries(this);
    m_series->setObjectName(QStringLiteral("segmentSizeSeries"));
    auto *mapper = new QVBarModelMapper(this);
    mapper->setFirstBarSetColumn(0);
    mapper->setLastBarSetColumn(0);
    mapper->setSeries(m_series);
    mapper->setModel(m_model);

    auto *chart = new QChart;
    chart->addSeries(m_series);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    m_months = new QBarCategoryAxis(chart);
    m_months->setLabelsAngle(-90); // twelve "Sep 2026" labels fit a narrow window upright
    QStringList labels;
    for (QDate day : monthEnds(QDate::currentDate()))
        labels << monthLabel(day);
    m_months->setCategories(labels); // sized from real labels before the first layout
    chart->addAxis(m_months, Qt::AlignBottom);
    m_series->attachAxis(m_months);
    m_counts = new QValueAxis(chart);
    m_counts->setLabelFormat(QStringLiteral("%.0f"));
    m_counts->setRange(0, 5);
    m_counts->setTickCount(6);
    chart->addAxis(m_counts, Qt::AlignLeft);
    m_series->attachAxis(m_counts);

    m_view = new QChartView(chart, this);
    m_view->setObjectName(QStringLiteral("segmentSizeChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(180);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("segmentSizeNote"));
    m_note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);
}

QList<QDate> SegmentSizeChart::monthEnds(QDate asOf)
{
    QList<QDate> out;
    for (int back = kMonths - 1; back >= 0; --back) {
        const QDate month = asOf.addMonths(-back);
        const QDate end(month.year(), month.month(), month.daysInMonth());
        out << (end > asOf ? asOf : end);
    }
    return out;
}

void SegmentSizeChart::setSizes(const QString &segment, const QList<QDate> &days,
                                const QList<qint64> &counts)
{
    QStringList labels;
    qint64 highest = 0;
    m_model->setRowCount(0);
    for (qsizetype i = 0; i < days.size() && i < counts.size(); ++i) {
        labels << monthLabel(days.at(i));
        highest = qMax(highest, counts.at(i));
        auto *item = new QStandardItem;
        item->setData(double(counts.at(i)), Qt::DisplayRole);
        m_model->appendRow(item);
    }
    m_months->setCategories(labels);
    const qint64 step = niceStep(qMax<qint64>(highest, 1));
    const qint64 top = qMax<qint64>(step, (highest + step - 1) / step * step);
    m_counts->setRange(0, double(top));
    m_counts->setTickCount(int(top / step) + 1);
    m_view->chart()->setTitle(tr("Members of \"%1\" at the end of each month").arg(segment));
    m_note->setText(days.isEmpty() ? QString()
                                   : tr("The last bar counts as of %1.")
                                         .arg(QLocale().toString(
                                             days.last(), SegmentBuilderPanel::dateFormat())));
}

void SegmentSizeChart::clear(const QString &why)
{
    m_model->setRowCount(0);
    m_view->chart()->setTitle(QString());
    m_note->setText(why);
}

QStringList SegmentSizeChart::monthLabels() const
{
    return m_months->categories();
}

QString SegmentSizeChart::note() const
{
    return m_note->text();
}

} // namespace md
