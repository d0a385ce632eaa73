#include "repricingpage.h"
#include "common/tone.h"

#include "core/money.h"
#include "core/task.h"
#include "pricing/demandderiver.h"
#include "pricing/previewtablemodel.h"
#include "pricing/priceproposalstore.h"
#include "pricing/pricerunstore.h"
#include "pricing/pricingrunsmodel.h"
#include "pricing/repricejob.h"
#include "pricing/repricingservice.h"
#include "pricing/repricingtask.h"
#include "pricinghistorypanel.h"
#include "pricingpreviewpanel.h"
#include "pricingproposalbanner.h"
#include "pricingrulespanel.h"
#include "pricingrunspanel.h"
#include "proposaldialog.h"
#include "schedule/jobscheduler.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace md {

namespace {

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

// "Price changes applied: 3 (run 7)." and the products the run left alone, one line each.
QString reportText(QString message, const PriceRunReport &report, const QString &leftAlone)
{
    if (report.conflicts.empty())
        return message;
    const QLocale locale;
    message += QLatin1Char(' ') + leftAlone.arg(locale.toString(qint64(report.conflicts.size())));
    constexpr int most = 10;
    for (int i = 0; i < int(report.conflicts.size()); ++i) {
        if (i == most) {
            message += QLatin1Char('\n')
                       + RepricingPage::tr("… and %1 more")
                             .arg(locale.toString(qint64(report.conflicts.size()) - most));
            break;
        }
        const PriceConflict &conflict = report.conflicts[size_t(i)];
        message += QLatin1Char('\n')
                   + (conflict.actualCents < 0
                          ? RepricingPage::tr("%1: deleted since").arg(conflict.sku)
                          : RepricingPage::tr("%1: now %2 (expected %3)")
                                .arg(conflict.sku, money::format(conflict.actualCents, locale),
                                     money::format(conflict.expectedCents, locale)));
    }
    return message;
}

QString appliedText(const PriceRunReport &report)
{
    return RepricingPage::tr("Price changes applied: %1 (run %2).")
        .arg(QLocale().toString(report.changed))
        .arg(report.runId);
}

} // namespace

RepricingPage::RepricingPage(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
    , m_spec(database)
{
    qRegisterMetaType<md::PriceRunReport>();
    m_task = new RepricingTask(database, this);
    // Undo and a proposal's apply: one transaction each, which cannot stop halfway.
    m_call = new Task<PriceRunReport>(database, this);

    auto *heading = new QLabel(tr("Repricing"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("repricingStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &RepricingPage::cancel);
    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch(1);
    top->addWidget(m_progress);
    top->addWidget(m_cancel);

    // The panels read and write through m_db, which is opened below.
    auto *previewTab = new QWidget(this);
    m_banner = new PricingProposalBanner(m_db, previewTab);
    m_previewPanel = new PricingPreviewPanel(previewTab);
    m_history = new PricingHistoryPanel(m_db, m_previewPanel);
    m_previewPanel->setDetail(m_history);
    auto *previewLayout = new QVBoxLayout(previewTab);
    previewLayout->addWidget(m_banner);
    previewLayout->addWidget(m_previewPanel, 1);
    m_rules = new PricingRulesPanel(m_db, this);
    m_runs = new PricingRunsPanel(m_db, this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("repricingTabs"));
    m_tabs->addTab(previewTab, tr("Preview and Apply"));
    m_tabs->addTab(m_rules, tr("Rules and Schedule"));
    m_tabs->addTab(m_runs, tr("Runs and Undo"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    const auto message = [this](const QString &text, bool error) {
        showMessage(text, error);
    };
    connect(m_banner, &PricingProposalBanner::reviewRequested, this,
            &RepricingPage::reviewProposal);
    connect(m_banner, &PricingProposalBanner::discardRequested, this,
            &RepricingPage::discardProposal);
    connect(m_banner, &PricingProposalBanner::failed, this,
            [this](const QString &text) { showMessage(text, true); });
    connect(m_previewPanel, &PricingPreviewPanel::computeRequested, this,
            &RepricingPage::computePreview);
    connect(m_previewPanel, &PricingPreviewPanel::applyRequested, this,
            &RepricingPage::applyChecked);
    connect(m_previewPanel, &PricingPreviewPanel::lockRequested, m_rules,
            [this](const std::vector<qint64> &ids) { m_rules->setLocked(ids, true); });
    connect(m_previewPanel, &PricingPreviewPanel::productSelected, m_history,
            &PricingHistoryPanel::showHistory);
    connect(m_rules, &PricingRulesPanel::deriveRequested, this, &RepricingPage::deriveDemand);
    connect(m_rules, &PricingRulesPanel::message, this, message);
    connect(m_runs, &PricingRunsPanel::undoRequested, this, &RepricingPage::undoSelectedRun);
    connect(m_runs, &PricingRunsPanel::message, this, message);
    connect(m_runs, &PricingRunsPanel::reloaded, this, &RepricingPage::runsReloaded);
    connectTask();

    if (auto db
        = Database::open(database, Database::Options{.migrate = false, .createIfMissing = false});
        db) {
        m_db = std::move(*db);
        if (Status loaded = m_rules->loadSavedRules(); !loaded)
            showMessage(tr("The stored rules could not be read: %1").arg(loaded.error()), true);
        m_rules->reloadLocked();
        reloadRuns();
        reloadProposal();
    } else {
        showMessage(tr("The shop database could not be opened: %1").arg(db.error()), true);
        setEnabled(false);
    }
}

RepricingPage::~RepricingPage()
{
    // The tasks are children: deleted with the page, they wait for their workers (a preview
    // stops at its next progress report) and deliver nothing.
    m_task->cancel();
}

void RepricingPage::connectTask()
{
    connect(m_task, &RepricingTask::progress, this, [this](int percent, const QString &stage) {
        m_progress->setValue(percent);
        m_status->setText(stage);
    });
    connect(m_task, &RepricingTask::previewReady, this,
            [this](std::shared_ptr<const RepricingPreview> preview) {
                setBusy(false);
                m_previewPanel->setPreview(preview);
                const PreviewTotals &totals = preview->totals;
                showMessage(
                    tr("Preview as of %1: %2 products looked at, %3 prices would "
                       "change. Nothing has changed in the shop yet.")
                        .arg(QLocale().toString(
                                 QDateTime::fromSecsSinceEpoch(preview->computedAt).toLocalTime(),
                                 QLocale::ShortFormat),
                             QLocale().toString(totals.products),
                             QLocale().toString(totals.changes))
                    + (m_previewWithUnsavedRules
                           ? QLatin1Char(' ')
                                 + tr("It uses the rules in the editor, which are not saved "
                                      "yet.")
                           : QString()));
                emit previewShown();
            });
    connect(m_task, &RepricingTask::applied, this, [this](const PriceRunReport &report) {
        setBusy(false);
        showMessage(
            reportText(appliedText(report), report,
                       tr("Left alone because their price changed since the preview: %1.")));
        pricesChanged();
        emit applied(report);
    });
    connect(m_task, &RepricingTask::demandDerived, this,
            [this](const DemandDeriver::Report &report) {
                setBusy(false);
                showMessage(tr("Demand derived from sales: %1 products sold in the last 28 days; "
                               "%2 scores changed. Compute the preview again to see the effect.")
                                .arg(report.productsWithSales)
                                .arg(report.changed));
                emit demandDerived();
            });
    connect(m_task, &RepricingTask::cancelled, this, [this] {
        setBusy(false);
        showMessage(tr("Cancelled; nothing was changed."));
    });
    connect(m_task, &RepricingTask::failed, this, [this](const QString &message) {
        setBusy(false);
        showMessage(message, true);
        emit failed(message);
    });
}

void RepricingPage::setScheduler(JobScheduler *scheduler)
{
    if (m_scheduler)
        disconnect(m_scheduler, nullptr, this, nullptr);
    m_scheduler = scheduler;
    m_rules->setScheduler(scheduler);
    if (m_scheduler)
        connect(m_scheduler, &JobScheduler::jobFinished, this, &RepricingPage::onJobFinished);
}

void RepricingPage::onJobFinished(const JobReport &report)
{
    if (report.jobType != RepriceJob::jobType())
        return;
    reloadRuns();
    reloadProposal();
}

bool RepricingPage::isBusy() const
{
    return m_task->isBusy() || m_call->isRunning();
}

void RepricingPage::setBusy(bool busy, const QString &stage)
{
    m_progress->setVisible(busy);
    m_progress->setValue(0);
    m_cancel->setVisible(busy && m_task->isCancellable());
    m_banner->setEnabled(!busy);
    m_previewPanel->setBusy(busy);
    m_rules->setBusy(busy);
    m_runs->setBusy(busy);
    if (busy)
        m_status->setText(stage);
}

void RepricingPage::showMessage(const QString &message, bool error)
{
    m_lastMessage = message;
    m_status->setText(message);
    tone::apply(m_status, error ? tone::Tone::Error : tone::Tone::Normal);
}

void RepricingPage::pricesChanged()
{
    m_previewPanel->setPreview(nullptr);
    reloadRuns();
}

bool RepricingPage::confirm(const QString &title, const QString &question)
{
    if (m_confirm)
        return m_confirm(title, question);
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel)
           == QMessageBox::Yes;
}

bool RepricingPage::computePreview()
{
    if (isBusy())
        return false;
    auto rules = m_rules->editedRules();
    if (!rules) {
        m_tabs->setCurrentWidget(m_rules);
        showMessage(tr("The preview was not computed: %1").arg(rules.error()), true);
        return false;
    }
    m_previewWithUnsavedRules = !m_rules->areSaved(*rules);
    if (!m_task->startPreview(nowSecs(), *rules))
        return false;
    showMessage(QString());
    setBusy(true, tr("Computing the preview…"));
    return true;
}

void RepricingPage::cancel()
{
    m_task->cancel();
}

bool RepricingPage::saveRules()
{
    return m_rules->saveRules();
}

bool RepricingPage::applyChecked()
{
    const std::shared_ptr<const RepricingPreview> shown = preview();
    if (!shown || isBusy())
        return false;
    std::vector<qint32> rows = previewModel()->checkedDecisionRows();
    if (rows.empty())
        return false;
    qint64 up = 0;
    for (qint32 row : rows) {
        const PriceDecision &decision = shown->decisions[size_t(row)];
        up += decision.newCents > decision.oldCents ? 1 : 0;
    }
    const qint64 count = qint64(rows.size());
    const QString question
        = tr("Change these prices in the shop now?\n\nPrices that change: %1 (%2 up, %3 down).\n"
             "They change in one step, and the run can be undone as a whole on the \"Runs and "
             "Undo\" tab.")
              .arg(QLocale().toString(count), QLocale().toString(up),
                   QLocale().toString(count - up));
    if (!confirm(tr("Apply Price Changes"), question))
        return false;
    if (!m_task->startApply(shown, std::move(rows), PriceRunSource::Manual,
                            RepricingService::currentUser(), nowSecs()))
        return false;
    setBusy(true, tr("Applying the price changes…"));
    return true;
}

bool RepricingPage::deriveDemand()
{
    if (isBusy())
        return false;
    if (!confirm(tr("Derive Demand from Sales"),
                 tr("Replace the demand score of every product by the score its sales of the "
                    "last 28 days give?")))
        return false;
    if (!m_task->startDeriveDemand(nowSecs()))
        return false;
    setBusy(true, tr("Deriving demand from sales…"));
    return true;
}

void RepricingPage::showHistory(qint64 productId, const QString &label)
{
    m_history->showHistory(productId, label);
}

void RepricingPage::reloadRuns()
{
    m_runs->reload();
}

bool RepricingPage::undoSelectedRun()
{
    const PriceRunInfo *run = m_runs->selectedRun();
    if (!run || isBusy())
        return false;
    const qint64 runId = run->id;
    if (!confirm(tr("Undo Run"),
                 tr("Put back the prices run %1 changed (%2 changes)?\n\nProducts whose price "
                    "changed again since are left alone and listed.")
                     .arg(runId)
                     .arg(QLocale().toString(run->changeCount))))
        return false;
    setBusy(true, tr("Undoing run %1…").arg(runId));
    const QString user = RepricingService::currentUser();
    const qint64 now = nowSecs();
    m_call->start(
        [runId, user, now](const Database &db, TaskProgress &) {
            return PriceRunStore::undo(db, runId, user, now);
        },
        [this, runId](const Result<PriceRunReport> &report) {
            setBusy(false);
            if (!report) {
                showMessage(tr("Run %1 was not undone: %2").arg(runId).arg(report.error()), true);
                emit failed(report.error());
                return;
            }
            showMessage(reportText(tr("Undid run %1 as run %2; prices restored: %3.")
                                       .arg(runId)
                                       .arg(report->runId)
                                       .arg(QLocale().toString(report->changed)),
                                   *report,
                                   tr("Left alone because their price changed since: %1.")));
            pricesChanged();
            emit undone(*report);
        });
    return true;
}

void RepricingPage::reloadProposal()
{
    m_banner->reload();
}

qint64 RepricingPage::pendingProposalId() const
{
    return m_banner->proposalId();
}

void RepricingPage::reviewProposal(qint64 proposalId)
{
    if (isBusy())
        return;
    auto items = PriceProposalStore::items(m_db, proposalId);
    if (!items) {
        showMessage(items.error(), true);
        return;
    }
    ProposalDialog dialog(std::move(*items), this);
    if (dialog.exec() == QDialog::Accepted)
        applyProposal(dialog.approvedProductIds());
}

bool RepricingPage::applyProposal(const std::vector<qint64> &ids)
{
    const qint64 proposalId = m_banner->proposalId();
    if (proposalId < 0 || ids.empty() || isBusy())
        return false;
    const QString user = RepricingService::currentUser();
    const qint64 now = nowSecs();
    setBusy(true, tr("Applying the approved changes…"));
    m_call->start(
        [proposalId, ids, user, now](const Database &db, TaskProgress &) {
            return PriceProposalStore::apply(db, proposalId, ids, user, now);
        },
        [this](const Result<PriceRunReport> &report) {
            setBusy(false);
            if (!report) {
                showMessage(tr("The proposal was not applied: %1").arg(report.error()), true);
                emit failed(report.error());
                return;
            }
            showMessage(
                reportText(appliedText(*report), *report,
                           tr("Left alone because their price changed since the proposal: %1.")));
            reloadProposal();
            reloadRuns();
            emit applied(*report);
        });
    return true;
}

void RepricingPage::discardProposal(qint64 proposalId)
{
    if (!confirm(
            tr("Discard Proposal"),
            tr("Discard the price changes the scheduled run prepared? Prices stay as they are.")))
        return;
    if (Status done
        = PriceProposalStore::discard(m_db, proposalId, RepricingService::currentUser(), nowSecs());
        !done) {
        showMessage(done.error(), true);
        return;
    }
    showMessage(tr("The proposal was discarded; no price changed."));
    reloadProposal();
}

// The widgets of the panels, for tests and the main window.
std::shared_ptr<const RepricingPreview> RepricingPage::preview() const
{
    return m_previewPanel->preview();
}
RuleEditor *RepricingPage::ruleEditor() const
{
    return m_rules->ruleEditor();
}
ScheduleEditor *RepricingPage::scheduleEditor() const
{
    return m_rules->scheduleEditor();
}
PreviewTableModel *RepricingPage::previewModel() const
{
    return m_previewPanel->model();
}
QTableView *RepricingPage::previewTable() const
{
    return m_previewPanel->table();
}
QComboBox *RepricingPage::filterBox() const
{
    return m_previewPanel->filterBox();
}
QLineEdit *RepricingPage::searchField() const
{
    return m_previewPanel->searchField();
}
QLabel *RepricingPage::totalsLabel() const
{
    return m_previewPanel->totalsLabel();
}
QPushButton *RepricingPage::applyButton() const
{
    return m_previewPanel->applyButton();
}
PricingRunsModel *RepricingPage::runsModel() const
{
    return m_runs->runsModel();
}
QTableView *RepricingPage::runsTable() const
{
    return m_runs->runsTable();
}
QTableWidget *RepricingPage::runChangesTable() const
{
    return m_runs->runChangesTable();
}
QLineSeries *RepricingPage::historySeries() const
{
    return m_history->series();
}
QStandardItemModel *RepricingPage::historyModel() const
{
    return m_history->model();
}

} // namespace md
