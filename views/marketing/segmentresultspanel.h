#pragma once

// The lower half of the Segments page: the first members of the rule in the builder, with the
// value of each field the rule uses (the values that made them match), and the chart of the
// selected segment's size over the last twelve months.

#include "marketing/segmentservice.h"

#include <QWidget>

class QLabel;
class QTableWidget;
class QTabWidget;

namespace md {

class SegmentSizeChart;

class SegmentResultsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SegmentResultsPanel(QWidget *parent = nullptr);

    QTableWidget *memberTable() const { return m_members; }
    SegmentSizeChart *chart() const { return m_chart; }
    // `total` is the rule's full count; members holds at most the first rows of it.
    void showMembers(const SegmentMembers &members, qint64 total);
    // No rows, and why (the rule is not complete, it could not be counted).
    void clearMembers(const QString &why);

private:
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_members = nullptr;
    QLabel *m_note = nullptr;
    SegmentSizeChart *m_chart = nullptr;
};

} // namespace md
