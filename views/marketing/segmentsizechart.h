#pragma once

// The Segments page's chart of a segment's size over time: one bar per month, the members as of
// the month's last day (the as-of date for its own month), read from a small item model through
// a bar model mapper. Month labels such as "Jan 2026", whole-number ticks.

#include <QDate>
#include <QList>
#include <QWidget>

class QBarCategoryAxis;
class QBarSeries;
class QChartView;
class QLabel;
class QStandardItemModel;
class QValueAxis;

namespace md {

class SegmentSizeChart : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMonths = 12;

    explicit SegmentSizeChart(QWidget *parent = nullptr);

    // The moments a chart ending at `asOf` counts: the last day of each of the 12 months up to
    // asOf's month, that month counted as of asOf itself.
    static QList<QDate> monthEnds(QDate asOf);

    // One count per date of `days`; the title names the segment.
    void setSizes(const QString &segment, const QList<QDate> &days, const QList<qint64> &counts);
    // No bars, and why (the segment is not saved yet, it is being counted, an error).
    void clear(const QString &why);

    QStandardItemModel *model() const { return m_model; }
    QStringList monthLabels() const;
    QString note() const;

private:
    QStandardItemModel *m_model = nullptr;
    QBarSeries *m_series = nullptr;
    QBarCategoryAxis *m_months = nullptr;
    QValueAxis *m_counts = nullptr;
    QChartView *m_view = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace md
