#pragma once

// The Repricing page: the rules (with the help text and "derive demand from sales"), a preview
// of every decision computed off the GUI thread with progress and cancel, approval by check box
// and one-transaction apply, the pending proposal of a preview-only scheduled run, the runs
// with undo, a product's price history as a chart, and the schedule the tray runs.

#include "db/database.h"
#include "db/databasespec.h"
#include "pricing/pricerun.h"
#include "pricing/pricingrules.h"
#include "pricing/repricingpreview.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QLineSeries;
class QDateTimeAxis;
class QValueAxis;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTextBrowser;
class QTimer;
class QListWidget;

namespace md {

class JobScheduler;
class PreviewTableModel;
class RepricingTask;
class RuleEditor;
class ScheduleEditor;
template<typename T> class Task;
struct JobReport;

class RepricingPage : public QWidget
{
    Q_OBJECT

public:
    // Asks the owner a yes/no question (a message box by default; tests answer it themselves).
    using Confirm = std::function<bool(const QString &title, const QString &question)>;

    explicit RepricingPage(const DatabaseSpec &database, QWidget *parent = nullptr);
    ~RepricingPage() override;

    // The scheduler of the tray: the schedule editor saves through it and the page shows the
    // proposals and runs its jobs leave. May be nullptr.
    void setScheduler(JobScheduler *scheduler);
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    // Computes a preview with the rules in the editor; false when they do not parse (the
    // editor names the field) or something runs already.
    bool computePreview();
    void cancel();
    // Saves the rules in the editor; false (with the field named) when they do not parse.
    bool saveRules();
    // Applies the ticked changes of the preview after the owner confirmed.
    bool applyChecked();
    // Undoes the run selected in the runs list after the owner confirmed.
    bool undoSelectedRun();
    bool deriveDemand();
    void reloadRuns();
    void reloadProposal();
    // Applies the items of these products of the pending proposal (in the background).
    bool applyProposal(const std::vector<qint64> &productIds);
    // The price history of one product in the chart.
    void showHistory(qint64 productId, const QString &label);

    bool isBusy() const;
    std::shared_ptr<const RepricingPreview> preview() const { return m_preview; }
    QString lastMessage() const { return m_lastMessage; }
    qint64 pendingProposalId() const { return m_proposalId; }

    QTabWidget *tabs() const { return m_tabs; }
    RuleEditor *ruleEditor() const { return m_rules; }
    ScheduleEditor *scheduleEditor() const { return m_schedule; }
    PreviewTableModel *previewModel() const { return m_model; }
    QTableView *previewTable() const { return m_table; }
    QComboBox *filterBox() const { return m_filter; }
    QLineEdit *searchField() const { return m_search; }
    QLabel *totalsLabel() const { return m_totals; }
    QPushButton *applyButton() const { return m_apply; }
    QTableWidget *runsTable() const { return m_runs; }
    QTableWidget *runChangesTable() const { return m_runChanges; }
    QLineSeries *historySeries() const { return m_historySeries; }
    QStandardItemModel *historyModel() const { return m_historyModel; }

signals:
    // The work of the page's background jobs is done and shown: for tests and the status bar.
    void previewShown();
    void applied(const md::PriceRunReport &report);
    void undone(const md::PriceRunReport &report);
    void demandDerived();
    void failed(const QString &message);
    void runsReloaded();

private:
    QWidget *buildPreviewTab();
    QWidget *buildRulesTab();
    QWidget *buildRunsTab();
    QWidget *buildHistoryChart();
    void setBusy(bool busy, const QString &stage = {});
    void showMessage(const QString &message, bool error = false);
    void updateTotals();
    void updateApplyButton();
    void previewSelectionChanged();
    void runSelectionChanged();
    int selectedRunRow() const;
    void lockSelected(bool locked);
    void reloadLocked();
    void reviewProposal();
    void discardProposal();
    void onJobFinished(const md::JobReport &report);
    bool confirm(const QString &title, const QString &question);

    DatabaseSpec m_spec;
    Database m_db; // this thread's connection, for the small reads and writes
    RepricingTask *m_task = nullptr;
    Task<PriceRunReport> *m_call = nullptr;
    QPointer<JobScheduler> m_scheduler;
    Confirm m_confirm;
    std::shared_ptr<const RepricingPreview> m_preview;
    bool m_previewWithUnsavedRules = false;
    QString m_lastMessage;
    qint64 m_proposalId = -1;

    QTabWidget *m_tabs = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;

    // preview
    QPushButton *m_compute = nullptr;
    QComboBox *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    QLabel *m_totals = nullptr;
    QPushButton *m_checkAll = nullptr;
    QPushButton *m_checkNone = nullptr;
    QPushButton *m_tickSelected = nullptr;
    QPushButton *m_lock = nullptr;
    QPushButton *m_apply = nullptr;
    QWidget *m_proposalBanner = nullptr;
    QLabel *m_proposalText = nullptr;
    PreviewTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QStandardItemModel *m_historyModel = nullptr;
    QLineSeries *m_historySeries = nullptr;
    QDateTimeAxis *m_historyTime = nullptr;
    QValueAxis *m_historyPrice = nullptr;
    QChartView *m_historyView = nullptr;

    // rules
    RuleEditor *m_rules = nullptr;
    QLabel *m_rulesState = nullptr;
    QPushButton *m_saveRules = nullptr;
    QPushButton *m_derive = nullptr;
    QListWidget *m_locked = nullptr;
    QPushButton *m_unlock = nullptr;
    ScheduleEditor *m_schedule = nullptr;

    // runs
    QTableWidget *m_runs = nullptr;
    QTableWidget *m_runChanges = nullptr;
    QLabel *m_runChangesLabel = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_reloadRuns = nullptr;
};

} // namespace md
