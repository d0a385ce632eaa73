#pragma once

// The Repricing page: the rules (with the help text and "derive demand from sales"), a preview
// of every decision computed off the GUI thread with progress and cancel, approval by check box
// and one-transaction apply, the pending proposal of a preview-only scheduled run, the runs
// with undo, a product's price history as a chart, and the schedule the tray runs.
//
// The page is a coordinator: each tab's widgets and their state live in a panel
// (PricingPreviewPanel, PricingHistoryPanel, PricingProposalBanner, PricingRulesPanel,
// PricingRunsPanel); the page owns the connection and the background tasks, asks the owner to
// confirm, and keeps the status line, the progress and the busy state of all of them.

#include "db/database.h"
#include "db/databasespec.h"
#include "pricing/pricingpreview.h"
#include "pricing/pricingrules.h"
#include "pricing/pricingrun.h"
#include "pricinghistorypanel.h"
#include "pricingpreviewpanel.h"
#include "pricingproposalbanner.h"
#include "pricingrulespanel.h"
#include "pricingrunspanel.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace md {

class JobScheduler;
class PricingPreviewModel;
class PricingRunsModel;
class PricingTask;
class RuleEditor;
class ScheduleEditor;
template<typename T> class Task;
struct JobReport;

class PricingPage : public QWidget
{
    Q_OBJECT

public:
    // Asks the owner a yes/no question (a message box by default; tests answer it themselves).
    using Confirm = std::function<bool(const QString &title, const QString &question)>;

    explicit PricingPage(const DatabaseSpec &database, QWidget *parent = nullptr);
    ~PricingPage() override;

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
    std::shared_ptr<const PricingPreview> preview() const { return m_previewPanel->preview(); }
    QString lastMessage() const { return m_lastMessage; }
    qint64 pendingProposalId() const { return m_banner->proposalId(); }

    // The widgets of the panels, for tests.
    QTabWidget *tabs() const { return m_tabs; }
    RuleEditor *ruleEditor() const { return m_rules->ruleEditor(); }
    ScheduleEditor *scheduleEditor() const { return m_rules->scheduleEditor(); }
    PricingPreviewModel *previewModel() const { return m_previewPanel->model(); }
    QTableView *previewTable() const { return m_previewPanel->table(); }
    QComboBox *filterBox() const { return m_previewPanel->filterBox(); }
    QLineEdit *searchField() const { return m_previewPanel->searchField(); }
    QLabel *totalsLabel() const { return m_previewPanel->totalsLabel(); }
    QPushButton *applyButton() const { return m_previewPanel->applyButton(); }
    PricingRunsModel *runsModel() const { return m_runs->runsModel(); }
    QTableView *runsTable() const { return m_runs->runsTable(); }
    QTableWidget *runChangesTable() const { return m_runs->runChangesTable(); }
    QLineSeries *historySeries() const { return m_history->series(); }
    QStandardItemModel *historyModel() const { return m_history->model(); }

signals:
    // The work of the page's background jobs is done and shown: for tests and the status bar.
    void previewShown();
    void applied(const md::PricingRunReport &report);
    void undone(const md::PricingRunReport &report);
    void demandDerived();
    void failed(const QString &message);
    void runsReloaded();

private:
    void connectTask();
    void setBusy(bool busy, const QString &stage = {});
    void showMessage(const QString &message, bool error = false);
    // After an apply or an undo: the prices moved, so a preview computed before is spent.
    void pricesChanged();
    void reviewProposal(qint64 proposalId);
    void discardProposal(qint64 proposalId);
    void onJobFinished(const md::JobReport &report);
    bool confirm(const QString &title, const QString &question);

    DatabaseSpec m_spec;
    Database m_db; // this thread's connection, for the small reads and writes
    PricingTask *m_task = nullptr;
    Task<PricingRunReport> *m_call = nullptr;
    QPointer<JobScheduler> m_scheduler;
    Confirm m_confirm;
    bool m_previewWithUnsavedRules = false;
    QString m_lastMessage;

    QTabWidget *m_tabs = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    PricingProposalBanner *m_banner = nullptr;
    PricingPreviewPanel *m_previewPanel = nullptr;
    PricingHistoryPanel *m_history = nullptr;
    PricingRulesPanel *m_rules = nullptr;
    PricingRunsPanel *m_runs = nullptr;
};

} // namespace md
