#pragma once

// The Segments page: the shop's segments with their live counts, the rule builder of the
// selected (or a new) segment with a count that follows every edit, its first members with the
// values that made them match, its size over the last twelve months, and save, rename,
// duplicate, delete and CSV export. Every database call is a SegmentService call in a Task; a
// newer edit supersedes a count still running.

#include "db/databasespec.h"
#include "marketing/segmentservice.h"

#include <QDate>

#include <QWidget>
#include <functional>
#include <memory>

class QDateEdit;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace md {

class RfmPanel;
class SegmentBuilderModel;
class SegmentBuilderPanel;
class SegmentListPanel;
class SegmentResultsPanel;
class SegmentSizeChart;
class QueryInterrupter;
class TaskBase;

class SegmentsPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMemberRows = 200;

    explicit SegmentsPage(const DatabaseSpec &database, QWidget *parent = nullptr);
    ~SegmentsPage() override;

    // For tests: the parts a user works with.
    QTableWidget *segmentTable() const;
    QTableWidget *memberTable() const;
    QTabWidget *tabs() const { return m_tabs; }
    // The RFM tab's panel; null until that tab was first shown.
    RfmPanel *rfmPanel() const { return m_rfm; }
    SegmentBuilderPanel *builder() const { return m_builder; }
    SegmentBuilderModel *builderModel() const;
    SegmentSizeChart *sizeChart() const;
    QLabel *liveCountLabel() const { return m_liveCount; }
    QLabel *messageLabel() const { return m_message; }
    // The segments as last listed, and the name of the one in the builder ("" for a new one).
    const std::vector<SegmentSummary> &segments() const { return m_segments; }
    QString currentName() const { return m_currentName; }
    // The count the builder's rule had when it was last counted; -1 while counting or invalid.
    qint64 liveCount() const { return m_liveValue; }
    bool isBusy() const;

    // The as-of date of counts, members and the chart (the end of that UTC day).
    QDate asOfDate() const;
    void setAsOfDate(QDate date);
    qint64 asOf() const;

    // The actions, without their dialogs (the buttons ask for the name or a confirmation
    // first, then call these).
    bool selectSegment(const QString &name);
    void newSegment();
    void saveAs(const QString &name); // creates (new segment) or updates (name unchanged)
    void renameTo(const QString &newName);
    void duplicateAs(const QString &newName);
    void removeCurrent();
    void exportTo(const QString &path);

signals:
    // After the list was read (or failed to be), after a count, and after a write or export.
    void listed();
    void counted();
    void written(bool ok);
    void exported(bool ok);

private:
    QWidget *buildEditor();
    void reload(const QString &select = {}, bool refreshChart = false);
    // The list's choice: asks before unsaved edits are dropped.
    void choose(const QString &name);
    void showSegment(int row);
    void ruleEdited();
    void startCount();
    void startChart();
    void save();
    void askRename();
    void askDuplicate();
    void askRemove();
    void askExport();
    void showMessage(const QString &text, bool error);
    void setDirty(bool dirty);
    void updateActions();
    // Runs a write in a Task; on success the list is read again, selecting the returned name.
    // `after` runs with the returned name on success, before the list is read again.
    void write(std::function<Result<QString>(const Database &)> work, const QString &doing,
               std::function<void(const QString &)> after = {});

    DatabaseSpec m_spec;
    std::vector<SegmentSummary> m_segments;
    QString m_currentName;
    bool m_dirty = false;
    qint64 m_liveValue = -1;
    int m_countGeneration = 0;
    TaskBase *m_countTask = nullptr;                      // the live count running, if any
    std::shared_ptr<QueryInterrupter> m_countInterrupter; // stops its statement
    bool m_countPending = false;                          // an edit came while it ran
    int m_chartGeneration = 0;
    int m_listGeneration = 0;
    int m_writes = 0;
    QTimer *m_debounce = nullptr;

    QDateEdit *m_asOf = nullptr;
    QLabel *m_message = nullptr;
    SegmentListPanel *m_list = nullptr;
    QTabWidget *m_tabs = nullptr;
    RfmPanel *m_rfm = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_export = nullptr;
    SegmentBuilderPanel *m_builder = nullptr;
    QLabel *m_liveCount = nullptr;
    SegmentResultsPanel *m_results = nullptr;
};

} // namespace md
