#include "repricingpage.h"
#include "common/tone.h"

#include "core/money.h"
#include "core/task.h"
#include "db/sql.h"
#include "pricing/demandderiver.h"
#include "pricing/fixedpoint.h"
#include "pricing/previewtablemodel.h"
#include "pricing/priceproposalstore.h"
#include "pricing/pricerunstore.h"
#include "pricing/pricingrulestore.h"
#include "pricing/repricejob.h"
#include "pricing/repricingservice.h"
#include "pricing/repricingtask.h"
#include "proposaldialog.h"
#include "ruleeditor.h"
#include "schedule/jobscheduler.h"
#include "scheduleeditor.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <algorithm>
#include <climits>
#include <limits>

namespace md {

namespace {

constexpr int kSearchDelayMs = 250;
constexpr int kRunChangesShown = 1000;

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

QString timeText(qint64 secs)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs).toLocalTime(),
                              QLocale::ShortFormat);
}

QString moneyText(qint64 cents)
{
    return money::format(cents, QLocale());
}

QTableWidgetItem *item(const QString &text, bool number = false)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return cell;
}

// The products a run or an undo left alone, one line each, for the message after it.
QString conflictLines(const std::vector<PriceConflict> &conflicts, int most = 10)
{
    QStringList lines;
    for (const PriceConflict &conflict : conflicts) {
        if (lines.size() == most) {
            lines << RepricingPage::tr("… and %1 more")
                         .arg(QLocale().toString(qint64(conflicts.size()) - most));
            break;
        }
        lines << (conflict.actualCents < 0
                      ? RepricingPage::tr("%1: deleted since").arg(conflict.sku)
                      : RepricingPage::tr("%1: now %2 (expected %3)")
                            .arg(conflict.sku, moneyText(conflict.actualCents),
                                 moneyText(conflict.expectedCents)));
    }
    return lines.join(QLatin1Char('\n'));
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

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("repricingTabs"));
    m_tabs->addTab(buildPreviewTab(), tr("Preview and Apply"));
    m_tabs->addTab(buildRulesTab(), tr("Rules and Schedule"));
    m_tabs->addTab(buildRunsTab(), tr("Runs and Undo"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    connect(m_task, &RepricingTask::progress, this, [this](int percent, const QString &stage) {
        m_progress->setValue(percent);
        m_status->setText(stage);
    });
    connect(m_task, &RepricingTask::previewReady, this,
            [this](std::shared_ptr<const RepricingPreview> preview) {
                setBusy(false);
                m_preview = std::move(preview);
                m_model->setPreview(m_preview, QLocale());
                m_table->resizeColumnsToContents();
                m_table->setColumnWidth(PreviewTableModel::Title,
                                        qMin(m_table->columnWidth(PreviewTableModel::Title), 260));
                m_table->setColumnWidth(PreviewTableModel::Reason,
                                        qMin(m_table->columnWidth(PreviewTableModel::Reason), 420));
                updateTotals();
                const PreviewTotals &totals = m_preview->totals;
                showMessage(
                    tr("Preview as of %1: %2 products looked at, %3 prices would "
                       "change. Nothing has changed in the shop yet.")
                        .arg(timeText(m_preview->computedAt), QLocale().toString(totals.products),
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
        QString message = tr("Price changes applied: %1 (run %2).")
                              .arg(QLocale().toString(report.changed))
                              .arg(report.runId);
        if (!report.conflicts.empty()) {
            message += QLatin1Char(' ')
                       + tr("Left alone because their price changed since the preview: %1.")
                             .arg(QLocale().toString(qint64(report.conflicts.size())))
                       + QLatin1Char('\n') + conflictLines(report.conflicts);
        }
        showMessage(message);
        // The preview is spent: its old prices are no longer the prices in the shop.
        m_preview.reset();
        m_model->setPreview(nullptr);
        updateTotals();
        reloadRuns();
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

    if (auto db
        = Database::open(database, Database::Options{.migrate = false, .createIfMissing = false});
        db) {
        m_db = std::move(*db);
        if (auto rules = PricingRuleStore::load(m_db); rules) {
            m_rules->setRules(*rules);
            m_rulesState->setText(tr("These are the saved rules."));
        } else {
            showMessage(tr("The stored rules could not be read: %1").arg(rules.error()), true);
        }
        reloadLocked();
        reloadRuns();
        reloadProposal();
    } else {
        showMessage(tr("The shop database could not be opened: %1").arg(db.error()), true);
        setEnabled(false);
    }
    updateTotals();
}

RepricingPage::~RepricingPage()
{
    // The tasks are children: deleted with the page, they wait for their workers (a preview
    // stops at its next progress report) and deliver nothing.
    m_task->cancel();
}

QWidget *RepricingPage::buildPreviewTab()
{
    auto *tab = new QWidget(this);

    m_proposalBanner = new QFrame(tab);
    m_proposalBanner->setObjectName(QStringLiteral("proposalBanner"));
    tone::applyNote(m_proposalBanner);
    m_proposalText = new QLabel(m_proposalBanner);
    m_proposalText->setWordWrap(true);
    auto *review = new QPushButton(tr("Review and Approve…"), m_proposalBanner);
    review->setObjectName(QStringLiteral("reviewProposal"));
    connect(review, &QPushButton::clicked, this, &RepricingPage::reviewProposal);
    auto *discard = new QPushButton(tr("Discard"), m_proposalBanner);
    discard->setObjectName(QStringLiteral("discardProposal"));
    connect(discard, &QPushButton::clicked, this, &RepricingPage::discardProposal);
    auto *bannerLayout = new QHBoxLayout(m_proposalBanner);
    bannerLayout->addWidget(m_proposalText, 1);
    bannerLayout->addWidget(review);
    bannerLayout->addWidget(discard);
    m_proposalBanner->hide();

    m_compute = new QPushButton(tr("Compute Preview"), tab);
    m_compute->setObjectName(QStringLiteral("computePreview"));
    m_compute->setToolTip(tr("Work out the new price of every product with the rules on the "
                             "\"Rules and Schedule\" tab; nothing changes until you apply"));
    m_compute->setDefault(true);
    connect(m_compute, &QPushButton::clicked, this, &RepricingPage::computePreview);

    m_filter = new QComboBox(tab);
    m_filter->setObjectName(QStringLiteral("previewFilter"));
    m_filter->addItem(tr("All price changes"), int(PreviewTableModel::Filter::Changes));
    m_filter->addItem(tr("Increases"), int(PreviewTableModel::Filter::Increases));
    m_filter->addItem(tr("Decreases"), int(PreviewTableModel::Filter::Decreases));
    m_filter->addItem(tr("Capped by a limit"), int(PreviewTableModel::Filter::Capped));
    m_filter->addItem(tr("Every product (also unchanged and skipped)"),
                      int(PreviewTableModel::Filter::Everything));
    m_search = new QLineEdit(tab);
    m_search->setObjectName(QStringLiteral("previewSearch"));
    m_search->setPlaceholderText(tr("Search SKU or title"));
    m_search->setClearButtonEnabled(true);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        m_model->setSearchText(m_search->text());
        updateTotals();
    });

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_compute);
    tools->addSpacing(12);
    tools->addWidget(new QLabel(tr("Show:"), tab));
    tools->addWidget(m_filter);
    tools->addWidget(m_search, 1);

    m_totals = new QLabel(tab);
    m_totals->setObjectName(QStringLiteral("previewTotals"));
    m_totals->setWordWrap(true);

    m_model = new PreviewTableModel(this);
    m_table = new QTableView(tab);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // The long reason goes last, so the numbers (limit, margins, lowest price) stay in view.
    m_table->horizontalHeader()->moveSection(PreviewTableModel::Reason,
                                             PreviewTableModel::ColumnCount - 1);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setFilter(PreviewTableModel::Filter(m_filter->currentData().toInt()));
        updateTotals();
    });
    connect(m_model, &PreviewTableModel::checkedCountChanged, this,
            &RepricingPage::updateApplyButton);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RepricingPage::previewSelectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this,
            &RepricingPage::previewSelectionChanged);

    m_checkAll = new QPushButton(tr("Tick All"), tab);
    m_checkAll->setObjectName(QStringLiteral("tickAll"));
    connect(m_checkAll, &QPushButton::clicked, this, [this] { m_model->setAllChecked(true); });
    m_checkNone = new QPushButton(tr("Tick None"), tab);
    m_checkNone->setObjectName(QStringLiteral("tickNone"));
    connect(m_checkNone, &QPushButton::clicked, this, [this] { m_model->setAllChecked(false); });
    auto *tickSelected = new QPushButton(tr("Tick Selected Only"), tab);
    m_tickSelected = tickSelected;
    tickSelected->setObjectName(QStringLiteral("tickSelected"));
    tickSelected->setToolTip(tr("Approve only the rows selected in the table"));
    connect(tickSelected, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        m_model->setAllChecked(false);
        for (const QModelIndex &row : rows)
            m_model->setData(row.siblingAtColumn(PreviewTableModel::Sku), Qt::Checked,
                             Qt::CheckStateRole);
    });
    m_lock = new QPushButton(tr("Lock Selected Products"), tab);
    m_lock->setObjectName(QStringLiteral("lockSelected"));
    m_lock->setToolTip(tr("Never reprice the selected products (unlock them on the \"Rules and "
                          "Schedule\" tab)"));
    connect(m_lock, &QPushButton::clicked, this, [this] { lockSelected(true); });
    m_apply = new QPushButton(tab);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    connect(m_apply, &QPushButton::clicked, this, &RepricingPage::applyChecked);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_checkAll);
    actions->addWidget(m_checkNone);
    actions->addWidget(tickSelected);
    actions->addWidget(m_lock);
    actions->addStretch(1);
    actions->addWidget(m_apply);

    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_table);
    splitter->addWidget(buildHistoryChart());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_proposalBanner);
    layout->addLayout(tools);
    layout->addWidget(m_totals);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);
    m_lock->setEnabled(false);
    return tab;
}

QWidget *RepricingPage::buildHistoryChart()
{
    // Two columns: time in milliseconds, price in currency units; the series reads them
    // through a mapper, so the chart follows the model.
    m_historyModel = new QStandardItemModel(0, 2, this);
    m_historySeries = new QLineSeries(this);
    m_historySeries->setObjectName(QStringLiteral("historySeries"));
    auto *mapper = new QVXYModelMapper(this);
    mapper->setXColumn(0);
    mapper->setYColumn(1);
    mapper->setSeries(m_historySeries);
    mapper->setModel(m_historyModel);

    auto *chart = new QChart;
    chart->setTitle(tr("Price history: select a product in the table"));
    chart->addSeries(m_historySeries);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    m_historyTime = new QDateTimeAxis(chart);
    m_historyTime->setFormat(QStringLiteral("dd MMM yy"));
    chart->addAxis(m_historyTime, Qt::AlignBottom);
    m_historySeries->attachAxis(m_historyTime);
    m_historyPrice = new QValueAxis(chart);
    m_historyPrice->setLabelFormat(QStringLiteral("%.2f"));
    chart->addAxis(m_historyPrice, Qt::AlignLeft);
    m_historySeries->attachAxis(m_historyPrice);
    // The last 30 days until a product is chosen (an empty time axis would read "01 Jan 70").
    const QDateTime now = QDateTime::currentDateTime();
    m_historyTime->setRange(now.addDays(-30), now);
    m_historyPrice->setRange(0, 10);

    m_historyView = new QChartView(chart, this);
    m_historyView->setObjectName(QStringLiteral("historyChart"));
    m_historyView->setRenderHint(QPainter::Antialiasing);
    m_historyView->setMinimumHeight(220); // room for the price labels of a small range
    return m_historyView;
}

QWidget *RepricingPage::buildRulesTab()
{
    auto *content = new QWidget(this);

    auto *rulesBox = new QGroupBox(tr("Rules"), content);
    m_rules = new RuleEditor(rulesBox);
    m_rules->setObjectName(QStringLiteral("ruleEditor"));
    m_rulesState = new QLabel(rulesBox);
    m_rulesState->setObjectName(QStringLiteral("rulesState"));
    connect(m_rules, &RuleEditor::edited, this, [this] {
        m_rulesState->setText(tr("Changed, not saved yet. \"Compute Preview\" already uses the "
                                 "rules as shown here."));
    });
    m_saveRules = new QPushButton(tr("Save Rules"), rulesBox);
    m_saveRules->setObjectName(QStringLiteral("saveRules"));
    m_saveRules->setToolTip(tr("Store the rules in the shop database: scheduled runs and the "
                               "command line use them too"));
    connect(m_saveRules, &QPushButton::clicked, this, &RepricingPage::saveRules);
    auto *revert = new QPushButton(tr("Undo Edits"), rulesBox);
    revert->setObjectName(QStringLiteral("revertRules"));
    connect(revert, &QPushButton::clicked, this, [this] {
        if (auto rules = PricingRuleStore::load(m_db); rules) {
            m_rules->setRules(*rules);
            m_rulesState->setText(tr("These are the saved rules."));
        } else {
            showMessage(rules.error(), true);
        }
    });
    auto *defaults = new QPushButton(tr("Playbook Defaults"), rulesBox);
    defaults->setObjectName(QStringLiteral("defaultRules"));
    connect(defaults, &QPushButton::clicked, this, [this] {
        m_rules->setRules(PricingRules::defaults());
        emit m_rules->edited();
    });
    auto *ruleButtons = new QHBoxLayout;
    ruleButtons->addWidget(m_saveRules);
    ruleButtons->addWidget(revert);
    ruleButtons->addWidget(defaults);
    ruleButtons->addStretch(1);
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->addWidget(m_rules);
    rulesLayout->addWidget(m_rulesState);
    rulesLayout->addLayout(ruleButtons);

    auto *lockedBox = new QGroupBox(tr("Locked products"), content);
    m_locked = new QListWidget(lockedBox);
    m_locked->setObjectName(QStringLiteral("lockedProducts"));
    m_locked->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_locked->setMaximumHeight(110);
    m_unlock = new QPushButton(tr("Unlock Selected"), lockedBox);
    m_unlock->setObjectName(QStringLiteral("unlockSelected"));
    connect(m_unlock, &QPushButton::clicked, this, [this] { lockSelected(false); });
    auto *lockedLayout = new QVBoxLayout(lockedBox);
    lockedLayout->addWidget(new QLabel(tr("Lock products from the preview table (\"Lock Selected "
                                          "Products\"); they are never repriced."),
                                       lockedBox));
    lockedLayout->addWidget(m_locked);
    lockedLayout->addWidget(m_unlock, 0, Qt::AlignLeft);

    auto *scheduleBox = new QGroupBox(tr("Schedule"), content);
    m_schedule = new ScheduleEditor(scheduleBox);
    m_schedule->setObjectName(QStringLiteral("scheduleEditor"));
    auto *scheduleLayout = new QVBoxLayout(scheduleBox);
    scheduleLayout->addWidget(m_schedule);

    auto *helpBox = new QGroupBox(tr("How the rules work"), content);
    auto *help = new QTextBrowser(helpBox);
    help->setObjectName(QStringLiteral("rulesHelp"));
    help->setOpenExternalLinks(false);
    help->setHtml(
        tr("<p>For each product, with its <b>current</b> price, its <b>base</b> price, its "
           "<b>stock</b> and its <b>demand</b> score (0 to 10):</p>"
           "<ul><li>stock <b>below the low threshold</b>: new price = current + base × step × "
           "demand;</li>"
           "<li>stock <b>between the thresholds</b>: new price = base + base × step × "
           "demand;</li>"
           "<li>stock <b>above the high threshold</b>: the price is held (or marked down by the "
           "overstock markdown when the demand is 0).</li></ul>"
           "<p>Then the move is <b>capped</b> at the largest move per run (up or down), and two "
           "guard rails win over the cap: never below the <b>floor</b> (the higher of the "
           "product's minimum price and cost plus the minimum margin) and never above the "
           "product's <b>maximum price</b>. The result is rounded to the cent. A product whose "
           "price would not change gets no decision.</p>"
           "<p>Products without cost and without minimum price, with base price 0, or whose "
           "floor is above their maximum price are skipped, with the reason in the "
           "preview.</p>"
           "<p><b>Derive demand from sales</b> sets every product's demand score from its "
           "completed orders: with <i>r</i> the units sold in the last 14 days and <i>p</i> the "
           "units sold in the 14 days before,<br><b>demand = 10 × r / (r + p + 2)</b>, rounded "
           "to two decimals. Steady sales score about 5, sales that only happen now approach "
           "10, a product that stopped selling scores 0; the \"+ 2\" keeps a single sale from "
           "looking like a trend.</p>"));
    m_derive = new QPushButton(tr("Derive Demand from Sales"), helpBox);
    m_derive->setObjectName(QStringLiteral("deriveDemand"));
    m_derive->setToolTip(tr("Replace every product's demand score by the score its sales of the "
                            "last 28 days give"));
    connect(m_derive, &QPushButton::clicked, this, &RepricingPage::deriveDemand);
    auto *helpLayout = new QVBoxLayout(helpBox);
    helpLayout->addWidget(help, 1);
    helpLayout->addWidget(m_derive, 0, Qt::AlignLeft);

    auto *left = new QVBoxLayout;
    left->addWidget(rulesBox);
    left->addWidget(lockedBox);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(helpBox, 1);
    right->addWidget(scheduleBox);
    auto *columns = new QHBoxLayout(content);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

QWidget *RepricingPage::buildRunsTab()
{
    auto *tab = new QWidget(this);
    m_runs = new QTableWidget(0, 6, tab);
    m_runs->setObjectName(QStringLiteral("runsTable"));
    m_runs->setHorizontalHeaderLabels(
        {tr("Run"), tr("When"), tr("Started from"), tr("By"), tr("Changes"), tr("State")});
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runs->verticalHeader()->hide();
    m_runs->verticalHeader()->setDefaultSectionSize(m_runs->fontMetrics().height() + 8);
    m_runs->horizontalHeader()->setStretchLastSection(true);
    connect(m_runs, &QTableWidget::itemSelectionChanged, this, &RepricingPage::runSelectionChanged);

    m_runChanges = new QTableWidget(0, 5, tab);
    m_runChanges->setObjectName(QStringLiteral("runChangesTable"));
    m_runChanges->setHorizontalHeaderLabels(
        {tr("SKU"), tr("Title"), tr("Old price"), tr("New price"), tr("Reason")});
    m_runChanges->verticalHeader()->hide();
    m_runChanges->verticalHeader()->setDefaultSectionSize(m_runChanges->fontMetrics().height() + 8);
    m_runChanges->horizontalHeader()->setStretchLastSection(true);
    m_runChanges->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_undo = new QPushButton(tr("Undo Run…"), tab);
    m_undo->setObjectName(QStringLiteral("undoRun"));
    m_undo->setToolTip(tr("Put back the prices of the selected run; products changed again "
                          "since are left alone and listed"));
    m_undo->setEnabled(false);
    connect(m_undo, &QPushButton::clicked, this, &RepricingPage::undoSelectedRun);
    m_reloadRuns = new QPushButton(tr("Refresh"), tab);
    connect(m_reloadRuns, &QPushButton::clicked, this, &RepricingPage::reloadRuns);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_undo);
    buttons->addWidget(m_reloadRuns);
    buttons->addStretch(1);

    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_runs);
    auto *changesBox = new QWidget(splitter);
    auto *changesLayout = new QVBoxLayout(changesBox);
    changesLayout->setContentsMargins(0, 0, 0, 0);
    m_runChangesLabel = new QLabel(tr("Changes of the selected run:"), changesBox);
    m_runChangesLabel->setObjectName(QStringLiteral("runChangesLabel"));
    changesLayout->addWidget(m_runChangesLabel);
    changesLayout->addWidget(m_runChanges, 1);
    splitter->addWidget(changesBox);

    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    return tab;
}

void RepricingPage::setScheduler(JobScheduler *scheduler)
{
    if (m_scheduler)
        disconnect(m_scheduler, nullptr, this, nullptr);
    m_scheduler = scheduler;
    m_schedule->setScheduler(scheduler);
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
    for (QWidget *widget :
         {static_cast<QWidget *>(m_compute), static_cast<QWidget *>(m_derive),
          static_cast<QWidget *>(m_undo), static_cast<QWidget *>(m_proposalBanner),
          static_cast<QWidget *>(m_saveRules)})
        widget->setEnabled(!busy);
    if (busy) {
        m_apply->setEnabled(false);
        m_status->setText(stage);
    } else {
        updateApplyButton();
        runSelectionChanged();
    }
}

void RepricingPage::showMessage(const QString &message, bool error)
{
    m_lastMessage = message;
    m_status->setText(message);
    tone::apply(m_status, error ? tone::Tone::Error : tone::Tone::Normal);
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
    auto rules = m_rules->rules();
    if (!rules) {
        m_tabs->setCurrentIndex(1);
        showMessage(tr("The preview was not computed: %1").arg(rules.error()), true);
        return false;
    }
    auto stored = PricingRuleStore::load(m_db);
    m_previewWithUnsavedRules = !stored || !(*stored == *rules);
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
    auto rules = m_rules->rules();
    if (!rules) {
        showMessage(tr("The rules were not saved: %1").arg(rules.error()), true);
        return false;
    }
    if (Status saved = PricingRuleStore::save(m_db, *rules, nowSecs()); !saved) {
        showMessage(tr("The rules were not saved: %1").arg(saved.error()), true);
        return false;
    }
    m_rulesState->setText(tr("These are the saved rules."));
    showMessage(tr("Rules saved. Scheduled runs and the command line use them from now on."));
    return true;
}

void RepricingPage::updateTotals()
{
    if (!m_preview) {
        m_totals->setText(tr("No preview yet. \"Compute Preview\" works out the new prices; "
                             "nothing changes in the shop until you apply them."));
        updateApplyButton();
        return;
    }
    const PreviewTotals totals = m_model->shownTotals();
    const QLocale locale;
    const QString average
        = FixedPoint::signedText(qint64(totals.averageChangePct() * 100.0), 2, 1, locale);
    QString text
        = tr("Shown: %1 rows, %2 up, %3 down, %4 capped by a limit; average change "
             "%5 %.")
              .arg(locale.toString(m_model->rowCount()), locale.toString(totals.increases),
                   locale.toString(totals.decreases), locale.toString(totals.capped), average);
    const PreviewTotals &all = m_preview->totals;
    text += QLatin1Char(' ')
            + tr("All products: %1 changes (%2 up, %3 down), %4 unchanged, "
                 "%5 skipped.")
                  .arg(locale.toString(all.changes), locale.toString(all.increases),
                       locale.toString(all.decreases), locale.toString(all.unchanged),
                       locale.toString(all.skipped));
    m_totals->setText(text);
    updateApplyButton();
}

void RepricingPage::updateApplyButton()
{
    const qint64 checked = m_preview ? m_model->checkedCount() : 0;
    m_apply->setText(tr("Apply Ticked Changes (%1)…").arg(QLocale().toString(checked)));
    m_apply->setEnabled(checked > 0 && !isBusy());
    m_checkAll->setEnabled(m_preview != nullptr);
    m_checkNone->setEnabled(m_preview != nullptr);
    m_tickSelected->setEnabled(m_preview != nullptr);
}

bool RepricingPage::applyChecked()
{
    if (!m_preview || isBusy())
        return false;
    std::vector<qint32> rows = m_model->checkedDecisionRows();
    if (rows.empty())
        return false;
    qint64 up = 0;
    for (qint32 row : rows) {
        const PriceDecision &decision = m_preview->decisions[size_t(row)];
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
    if (!m_task->startApply(m_preview, std::move(rows), PriceRunSource::Manual,
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

void RepricingPage::previewSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_lock->setEnabled(!rows.isEmpty() && m_preview);
    if (rows.isEmpty() || !m_preview)
        return;
    const PriceDecision *decision = m_model->decisionAt(rows.constFirst().row());
    if (!decision)
        return;
    const PricingProduct &product = m_preview->productOf(*decision);
    showHistory(product.id, m_preview->products.sku(decision->row) + QStringLiteral(" — ")
                                + m_preview->products.title(decision->row));
}

void RepricingPage::showHistory(qint64 productId, const QString &label)
{
    auto history = PriceRunStore::history(m_db, productId);
    m_historyModel->setRowCount(0);
    QChart *chart = m_historyView->chart();
    if (!history) {
        chart->setTitle(
            tr("Price history of %1 could not be read: %2").arg(label, history.error()));
        return;
    }
    qint64 currentCents = -1;
    if (auto price = PriceRunStore::currentPrice(m_db, productId); price)
        currentCents = *price;
    // A step line: each change is a vertical step at its time; the line ends now.
    struct Point
    {
        qint64 secs;
        qint64 cents;
    };
    std::vector<Point> points;
    for (const PriceHistoryPoint &change : *history) {
        points.push_back({change.changedAt, change.oldCents});
        points.push_back({change.changedAt, change.newCents});
    }
    const qint64 now = nowSecs();
    if (currentCents >= 0) {
        if (points.empty())
            points.push_back({now - 30 * 86400, currentCents});
        points.push_back({now, currentCents});
    }
    m_historyModel->setRowCount(int(points.size()));
    qint64 low = std::numeric_limits<qint64>::max();
    qint64 high = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        m_historyModel->setData(m_historyModel->index(int(i), 0), double(points[i].secs) * 1000.0);
        m_historyModel->setData(m_historyModel->index(int(i), 1),
                                double(points[i].cents) / 100.0); // display only
        low = std::min(low, points[i].cents);
        high = std::max(high, points[i].cents);
    }
    if (!points.empty()) {
        m_historyTime->setRange(QDateTime::fromSecsSinceEpoch(points.front().secs),
                                QDateTime::fromSecsSinceEpoch(points.back().secs));
        const double pad = std::max(0.5, double(high - low) / 100.0 * 0.1);
        m_historyPrice->setRange(std::max(0.0, double(low) / 100.0 - pad),
                                 double(high) / 100.0 + pad);
        m_historyPrice->applyNiceNumbers();
    }
    chart->setTitle(history->empty()
                        ? tr("%1: no price changes recorded yet").arg(label)
                        : tr("%1: price changes recorded: %2")
                              .arg(label, QLocale().toString(qint64(history->size()))));
}

void RepricingPage::lockSelected(bool locked)
{
    std::vector<qint64> ids;
    if (locked) {
        if (!m_preview)
            return;
        for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
            if (const PriceDecision *decision = m_model->decisionAt(row.row()))
                ids.push_back(m_preview->productOf(*decision).id);
        }
    } else {
        for (QListWidgetItem *entry : m_locked->selectedItems())
            ids.push_back(entry->data(Qt::UserRole).toLongLong());
    }
    if (ids.empty())
        return;
    if (Status done = PricingRuleStore::setLocked(m_db, ids, locked, nowSecs()); !done) {
        showMessage(done.error(), true);
        return;
    }
    reloadLocked();
    const QString count = QLocale().toString(qint64(ids.size()));
    showMessage(locked ? tr("Products locked: %1. The next preview leaves them alone.").arg(count)
                       : tr("Products unlocked: %1.").arg(count));
}

void RepricingPage::reloadLocked()
{
    m_locked->clear();
    auto locked = PricingRuleStore::lockedProducts(m_db);
    if (!locked) {
        showMessage(locked.error(), true);
        return;
    }
    for (const LockedProduct &product : *locked) {
        auto *entry
            = new QListWidgetItem(product.sku + QStringLiteral(" — ") + product.title, m_locked);
        entry->setData(Qt::UserRole, product.productId);
    }
    m_unlock->setEnabled(!locked->empty());
}

void RepricingPage::reloadRuns()
{
    const int selectedRow = selectedRunRow();
    const qint64 selected
        = selectedRow >= 0 ? m_runs->item(selectedRow, 0)->data(Qt::UserRole).toLongLong() : -1;
    auto runs = PriceRunStore::runs(m_db);
    const QSignalBlocker blocker(m_runs);
    m_runs->setRowCount(0);
    if (!runs) {
        showMessage(tr("The runs could not be read: %1").arg(runs.error()), true);
        return;
    }
    m_runs->setRowCount(int(runs->size()));
    int selectRow = -1;
    for (int row = 0; row < int(runs->size()); ++row) {
        const PriceRunInfo &run = (*runs)[size_t(row)];
        auto *id = item(QLocale().toString(run.id), true);
        id->setData(Qt::UserRole, run.id);
        id->setData(Qt::UserRole + 1, run.canUndo());
        m_runs->setItem(row, 0, id);
        m_runs->setItem(row, 1, item(timeText(run.startedAt)));
        m_runs->setItem(row, 2, item(PriceRunInfo::sourceLabel(run.source)));
        m_runs->setItem(row, 3, item(run.startedBy));
        auto *count = item(QLocale().toString(run.changeCount), true);
        count->setData(Qt::UserRole, run.changeCount);
        m_runs->setItem(row, 4, count);
        QString state;
        if (run.undoOfRunId >= 0)
            state = tr("Undid run %1").arg(run.undoOfRunId);
        else if (run.undoneAt >= 0)
            state = tr("Undone on %1").arg(timeText(run.undoneAt));
        else
            state = tr("Applied");
        m_runs->setItem(row, 5, item(state));
        if (run.id == selected)
            selectRow = row;
    }
    m_runs->resizeColumnsToContents();
    if (selectRow >= 0)
        m_runs->selectRow(selectRow);
    runSelectionChanged();
    emit runsReloaded();
}

int RepricingPage::selectedRunRow() const
{
    const QModelIndexList rows = m_runs->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_runs->item(rows.constFirst().row(), 0))
        return -1;
    return rows.constFirst().row();
}

void RepricingPage::runSelectionChanged()
{
    const int row = selectedRunRow();
    const bool selected = row >= 0;
    m_undo->setEnabled(selected && !isBusy()
                       && m_runs->item(row, 0)->data(Qt::UserRole + 1).toBool());
    m_runChanges->setRowCount(0);
    if (!selected)
        return;
    const qint64 runId = m_runs->item(row, 0)->data(Qt::UserRole).toLongLong();
    auto changes = PriceRunStore::changes(m_db, runId, kRunChangesShown);
    if (!changes) {
        showMessage(changes.error(), true);
        return;
    }
    m_runChanges->setRowCount(int(changes->size()));
    const qint64 total = m_runs->item(row, 4)->data(Qt::UserRole).toLongLong();
    m_runChangesLabel->setText(
        qint64(changes->size()) < total
            ? tr("Changes of the selected run (the first %1 of %2):")
                  .arg(QLocale().toString(qint64(changes->size())), QLocale().toString(total))
            : tr("Changes of the selected run:"));
    for (int i = 0; i < int(changes->size()); ++i) {
        const PriceRunChange &change = (*changes)[size_t(i)];
        m_runChanges->setItem(i, 0, item(change.sku));
        m_runChanges->setItem(i, 1, item(change.title));
        m_runChanges->setItem(i, 2, item(moneyText(change.oldCents), true));
        m_runChanges->setItem(i, 3, item(moneyText(change.newCents), true));
        m_runChanges->setItem(i, 4, item(change.reason));
    }
    m_runChanges->resizeColumnsToContents();
}

bool RepricingPage::undoSelectedRun()
{
    const int row = selectedRunRow();
    if (row < 0 || isBusy())
        return false;
    const qint64 runId = m_runs->item(row, 0)->data(Qt::UserRole).toLongLong();
    const QString changes = m_runs->item(row, 4)->text();
    if (!confirm(tr("Undo Run"),
                 tr("Put back the prices run %1 changed (%2 changes)?\n\nProducts whose price "
                    "changed again since are left alone and listed.")
                     .arg(runId)
                     .arg(changes)))
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
            QString message = tr("Undid run %1 as run %2; prices restored: %3.")
                                  .arg(runId)
                                  .arg(report->runId)
                                  .arg(QLocale().toString(report->changed));
            if (!report->conflicts.empty()) {
                message += QLatin1Char(' ')
                           + tr("Left alone because their price changed since: %1.")
                                 .arg(QLocale().toString(qint64(report->conflicts.size())))
                           + QLatin1Char('\n') + conflictLines(report->conflicts);
            }
            showMessage(message);
            // Prices moved: a preview computed before would not match the shop any more.
            m_preview.reset();
            m_model->setPreview(nullptr);
            updateTotals();
            reloadRuns();
            emit undone(*report);
        });
    return true;
}

void RepricingPage::reloadProposal()
{
    m_proposalId = -1;
    auto pending = PriceProposalStore::newestPending(m_db);
    if (!pending) {
        showMessage(pending.error(), true);
        m_proposalBanner->hide();
        return;
    }
    if (!pending->has_value() || (*pending)->changeCount == 0) {
        m_proposalBanner->hide();
        return;
    }
    const PriceProposalInfo &proposal = **pending;
    m_proposalId = proposal.id;
    m_proposalText->setText(
        tr("A scheduled run on %1 prepared price changes for your approval: %2.")
            .arg(timeText(proposal.createdAt), QLocale().toString(proposal.changeCount)));
    m_proposalBanner->show();
}

void RepricingPage::reviewProposal()
{
    if (m_proposalId < 0 || isBusy())
        return;
    auto items = PriceProposalStore::items(m_db, m_proposalId);
    if (!items) {
        showMessage(items.error(), true);
        return;
    }
    ProposalDialog dialog(std::move(*items), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    applyProposal(dialog.approvedProductIds());
}

bool RepricingPage::applyProposal(const std::vector<qint64> &ids)
{
    if (m_proposalId < 0 || ids.empty() || isBusy())
        return false;
    const qint64 proposalId = m_proposalId;
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
            QString message = tr("Price changes applied: %1 (run %2).")
                                  .arg(QLocale().toString(report->changed))
                                  .arg(report->runId);
            if (!report->conflicts.empty()) {
                message += QLatin1Char(' ')
                           + tr("Left alone because their price changed since the proposal: %1.")
                                 .arg(QLocale().toString(qint64(report->conflicts.size())))
                           + QLatin1Char('\n') + conflictLines(report->conflicts);
            }
            showMessage(message);
            reloadProposal();
            reloadRuns();
            emit applied(*report);
        });
    return true;
}

void RepricingPage::discardProposal()
{
    if (m_proposalId < 0)
        return;
    if (!confirm(
            tr("Discard Proposal"),
            tr("Discard the price changes the scheduled run prepared? Prices stay as they are.")))
        return;
    if (Status done = PriceProposalStore::discard(m_db, m_proposalId,
                                                  RepricingService::currentUser(), nowSecs());
        !done) {
        showMessage(done.error(), true);
        return;
    }
    showMessage(tr("The proposal was discarded; no price changed."));
    reloadProposal();
}

} // namespace md
