#pragma once

// The Segments page's list: every segment with its member count as of the page's date, and
// the buttons that act on the selected one (new, duplicate, rename, delete). The page decides
// what a choice means (it may ask about unsaved edits first) and runs the actions.

#include "marketing/segmentservice.h"

#include <QWidget>

#include <vector>

class QPushButton;
class QTableWidget;

namespace md {

class SegmentListPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SegmentListPanel(QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    void setSegments(const std::vector<SegmentSummary> &segments, const QString &current);
    // Highlights the segment named `name` (none for ""), without emitting chosen().
    void setCurrent(const QString &name);
    // idle: no write is running; saved: the builder shows a stored segment.
    void setActionsEnabled(bool idle, bool saved, const QString &current);

signals:
    void chosen(const QString &name);
    void newRequested();
    void duplicateRequested();
    void renameRequested();
    void deleteRequested();

private:
    QTableWidget *m_table = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    QStringList m_names;
};

} // namespace md
