#include "pricingpage.h"
#include "common/tone.h"

#include "core/task.h"
#include "pricing/demandderiver.h"
#include "pricing/pricingjob.h"
#include "pricing/pricingpreviewmodel.h"
#include "pricing/pricingproposalstore.h"
#include "pricing/pricingrunsmodel.h"
#include "pricing/pricingrunstore.h"
#include "pricing/pricingservice.h"
#include "pricing/pricingtask.h"
#include "pricingreporttext.h"
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

} // namespace

PricingPage::PricingPage(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
    , m_spec(database)
{
    qRegisterMetaType<md::PricingRunReport>();
    m_task = new PricingTask(database, this);
    // Undo and a proposal's apply: one transaction each, which cannot stop halfway.
    m_call = new Task<PricingRunReport>(database, this);

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
    connect(m_cancel, &QPushButton::clicked, this, &PricingPage::cancel);
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
    connect(m_banner, &PricingProposalBanner::reviewRequested, this, &PricingPage::reviewProposal);
    connect(m_banner, &PricingProposalBanner::discardRequested, this,
            &PricingPage::discardProposal);
    connect(m_banner, &PricingProposalBanner::failed, this,
            [this](const QString &text) { showMessage(text, true); });
    connect(m_previewPanel, &PricingPreviewPanel::computeRequested, this,
            &PricingPage::computePreview);
    connect(m_previewPanel, &PricingPreviewPanel::applyRequested, this, &PricingPage::applyChecked);
    connect(m_previewPanel, &PricingPreviewPanel::lockRequested, m_rules,
            [this](const std::vector<qint64> &ids) { m_rules->setLocked(ids, true); });
    connect(m_previewPanel, &PricingPreviewPanel::productSelected, m_history,
            &PricingHistoryPanel::showHistory);
    connect(m_rules, &PricingRulesPanel::deriveRequested, this, &PricingPage::deriveDemand);
    connect(m_rules, &PricingRulesPanel::message, this, message);
    connect(m_runs, &PricingRunsPanel::undoRequested, this, &PricingPage::undoSelectedRun);
    connect(m_runs, &PricingRunsPanel::message, this, message);
    connect(m_runs, &PricingRunsPanel::reloaded, this, &PricingPage::runsReloaded);
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

PricingPage::~PricingPage()
{
    // The tasks are children: deleted with the page, they wait for their workers (a preview
    // stops at its next progress report) and deliver nothing.
    m_task->cancel();
}

void PricingPage::connectTask()
{
    connect(m_task, &PricingTask::progress, this, [this](int percent, const QString &stage) {
        m_progress->setValue(percent);
        m_status->setText(stage);
    });
    connect(m_task, &PricingTask::previewReady, this,
            [this](std::shared_ptr<const PricingPreview> preview) {
                setBusy(false);
                m_previewPanel->setPreview(preview);
                showMessage(PricingReportText::preview(*preview, m_previewWithUnsavedRules));
                emit previewShown();
            });
    connect(m_task, &PricingTask::applied, this, [this](const PricingRunReport &report) {
        setBusy(false);
        showMessage(PricingReportText::applied(report, PricingReportText::Source::Preview));
        pricesChanged();
        emit applied(report);
    });
    connect(m_task, &PricingTask::demandDerived, this, [this](const DemandDeriver::Report &report) {
        setBusy(false);
        showMessage(tr("Demand derived from sales: %1 products sold in the last 28 days; "
                       "%2 scores changed. Compute the preview again to see the effect.")
                        .arg(report.productsWithSales)
                        .arg(report.changed));
        emit demandDerived();
    });
    connect(m_task, &PricingTask::cancelled, this, [this] {
        setBusy(false);
        showMessage(tr("Cancelled; nothing was changed."));
    });
    connect(m_task, &PricingTask::failed, this, [this](const QString &message) {
        setBusy(false);
        showMessage(message, true);
        emit failed(message);
    });
}

void PricingPage::setScheduler(JobScheduler *scheduler)
{
    if (m_scheduler)
        disconnect(m_scheduler, nullptr, this, nullptr);
    m_scheduler = scheduler;
    m_rules->setScheduler(scheduler);
    if (m_scheduler)
        connect(m_scheduler, &JobScheduler::jobFinished, this, &PricingPage::onJobFinished);
}

void PricingPage::onJobFinished(const JobReport &report)
{
    if (report.jobType != PricingJob::jobType())
        return;
    reloadRuns();
    reloadProposal();
}

bool PricingPage::isBusy() const
{
    return m_task->isBusy() || m_call->isRunning();
}

void PricingPage::setBusy(bool busy, const QString &stage)
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

void PricingPage::showMessage(const QString &message, bool error)
{
    m_lastMessage = message;
    m_status->setText(message);
    tone::apply(m_status, error ? tone::Tone::Error : tone::Tone::Normal);
}

void PricingPage::pricesChanged()
{
    m_previewPanel->setPreview(nullptr);
    reloadRuns();
}

bool PricingPage::confirm(const QString &title, const QString &question)
{
    if (m_confirm)
        return m_confirm(title, question);
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel)
           == QMessageBox::Yes;
}

bool PricingPage::computePreview()
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

void PricingPage::cancel()
{
    m_task->cancel();
}

bool PricingPage::saveRules()
{
    return m_rules->saveRules();
}

bool PricingPage::applyChecked()
{
    const std::shared_ptr<const PricingPreview> shown = preview();
    if (!shown || isBusy())
        return false;
    std::vector<qint32> rows = previewModel()->checkedDecisionRows();
    if (rows.empty())
        return false;
    qint64 up = 0;
    for (qint32 row : rows) {
        const PricingDecision &decision = shown->decisions[size_t(row)];
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
    if (!m_task->startApply(shown, std::move(rows), PricingRunSource::Manual,
                            PricingService::currentUser(), nowSecs()))
        return false;
    setBusy(true, tr("Applying the price changes…"));
    return true;
}

bool PricingPage::deriveDemand()
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

void PricingPage::showHistory(qint64 productId, const QString &label)
{
    m_history->showHistory(productId, label);
}

void PricingPage::reloadRuns()
{
    m_runs->reload();
}

bool PricingPage::undoSelectedRun()
{
    const PricingRunInfo *run = m_runs->selectedRun();
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
    const QString user = PricingService::currentUser();
    const qint64 now = nowSecs();
    m_call->start(
        [runId, user, now](const Database &db, TaskProgress &) {
            return PricingRunStore::undo(db, runId, user, now);
        },
        [this, runId](const Result<PricingRunReport> &report) {
            setBusy(false);
            if (!report) {
                showMessage(tr("Run %1 was not undone: %2").arg(runId).arg(report.error()), true);
                emit failed(report.error());
                return;
            }
            showMessage(PricingReportText::undone(runId, *report));
            pricesChanged();
            emit undone(*report);
        });
    return true;
}

void PricingPage::reloadProposal()
{
    m_banner->reload();
}

void PricingPage::reviewProposal(qint64 proposalId)
{
    if (isBusy())
        return;
    auto items = PricingProposalStore::items(m_db, proposalId);
    if (!items) {
        showMessage(items.error(), true);
        return;
    }
    ProposalDialog dialog(std::move(*items), this);
    if (dialog.exec() == QDialog::Accepted)
        applyProposal(dialog.approvedProductIds());
}

bool PricingPage::applyProposal(const std::vector<qint64> &ids)
{
    const qint64 proposalId = m_banner->proposalId();
    if (proposalId < 0 || ids.empty() || isBusy())
        return false;
    const QString user = PricingService::currentUser();
    const qint64 now = nowSecs();
    setBusy(true, tr("Applying the approved changes…"));
    m_call->start(
        [proposalId, ids, user, now](const Database &db, TaskProgress &) {
            return PricingProposalStore::apply(db, proposalId, ids, user, now);
        },
        [this](const Result<PricingRunReport> &report) {
            setBusy(false);
            if (!report) {
                showMessage(tr("The proposal was not applied: %1").arg(report.error()), true);
                emit failed(report.error());
                return;
            }
            showMessage(PricingReportText::applied(*report, PricingReportText::Source::Proposal));
            reloadProposal();
            reloadRuns();
            emit applied(*report);
        });
    return true;
}

void PricingPage::discardProposal(qint64 proposalId)
{
    if (!confirm(
            tr("Discard Proposal"),
            tr("Discard the price changes the scheduled run prepared? Prices stay as they are.")))
        return;
    if (Status done
        = PricingProposalStore::discard(m_db, proposalId, PricingService::currentUser(), nowSecs());
        !done) {
        showMessage(done.error(), true);
        return;
    }
    showMessage(tr("The proposal was discarded; no price changed."));
    reloadProposal();
}

} // namespace md
