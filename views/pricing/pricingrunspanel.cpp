#include "pricingrunspanel.h"

#include "core/money.h"
#include "pricing/pricingrunsmodel.h"
#include "pricing/pricingrunstore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace md {

namespace {

constexpr int kRunChangesShown = 1000;

QTableWidgetItem *item(const QString &text, bool number = false)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return cell;
}

} // namespace

PricingRunsPanel::PricingRunsPanel(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
{
    m_model = new PricingRunsModel(this);
    m_runs = new QTableView(this);
    m_runs->setObjectName(QStringLiteral("runsTable"));
    m_runs->setModel(m_model);
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runs->verticalHeader()->hide();
    m_runs->verticalHeader()->setDefaultSectionSize(m_runs->fontMetrics().height() + 8);
    m_runs->horizontalHeader()->setStretchLastSection(true);
    connect(m_runs->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PricingRunsPanel::selectionChanged);

    m_runChanges = new QTableWidget(0, 5, this);
    m_runChanges->setObjectName(QStringLiteral("runChangesTable"));
    m_runChanges->setHorizontalHeaderLabels(
        {tr("SKU"), tr("Title"), tr("Old price"), tr("New price"), tr("Reason")});
    m_runChanges->verticalHeader()->hide();
    m_runChanges->verticalHeader()->setDefaultSectionSize(m_runChanges->fontMetrics().height() + 8);
    m_runChanges->horizontalHeader()->setStretchLastSection(true);
    m_runChanges->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_undo = new QPushButton(tr("Undo Run…"), this);
    m_undo->setObjectName(QStringLiteral("undoRun"));
    m_undo->setToolTip(tr("Put back the prices of the selected run; products changed again "
                          "since are left alone and listed"));
    m_undo->setEnabled(false);
    connect(m_undo, &QPushButton::clicked, this, &PricingRunsPanel::undoRequested);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("reloadRuns"));
    connect(refresh, &QPushButton::clicked, this, &PricingRunsPanel::reload);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_undo);
    buttons->addWidget(refresh);
    buttons->addStretch(1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_runs);
    auto *changesBox = new QWidget(splitter);
    auto *changesLayout = new QVBoxLayout(changesBox);
    changesLayout->setContentsMargins(0, 0, 0, 0);
    m_runChangesLabel = new QLabel(tr("Changes of the selected run:"), changesBox);
    m_runChangesLabel->setObjectName(QStringLiteral("runChangesLabel"));
    changesLayout->addWidget(m_runChangesLabel);
    changesLayout->addWidget(m_runChanges, 1);
    splitter->addWidget(changesBox);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
}

const PricingRunInfo *PricingRunsPanel::selectedRun() const
{
    const QModelIndexList rows = m_runs->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->runAt(rows.constFirst().row());
}

void PricingRunsPanel::setBusy(bool busy)
{
    m_busy = busy;
    const PricingRunInfo *run = selectedRun();
    m_undo->setEnabled(run && run->canUndo() && !m_busy);
}

void PricingRunsPanel::reload()
{
    const PricingRunInfo *before = selectedRun();
    const qint64 selected = before ? before->id : -1;
    auto runs = PricingRunStore::runs(m_db);
    {
        // One look at the new selection below, not one per step of the reset.
        const QSignalBlocker blocker(m_runs->selectionModel());
        m_model->setRuns(runs ? std::move(*runs) : std::vector<PricingRunInfo>{});
        if (const int row = m_model->rowOf(selected); row >= 0)
            m_runs->selectRow(row);
    }
    m_runs->resizeColumnsToContents();
    selectionChanged();
    if (!runs) {
        emit message(tr("The runs could not be read: %1").arg(runs.error()), true);
        return;
    }
    emit reloaded();
}

void PricingRunsPanel::selectionChanged()
{
    const PricingRunInfo *run = selectedRun();
    m_undo->setEnabled(run && run->canUndo() && !m_busy);
    m_runChanges->setRowCount(0);
    if (run)
        showChanges(*run);
}

void PricingRunsPanel::showChanges(const PricingRunInfo &run)
{
    auto changes = PricingRunStore::changes(m_db, run.id, kRunChangesShown);
    if (!changes) {
        emit message(changes.error(), true);
        return;
    }
    const QLocale locale;
    m_runChanges->setRowCount(int(changes->size()));
    m_runChangesLabel->setText(
        qint64(changes->size()) < run.changeCount
            ? tr("Changes of the selected run (the first %1 of %2):")
                  .arg(locale.toString(qint64(changes->size())), locale.toString(run.changeCount))
            : tr("Changes of the selected run:"));
    for (int i = 0; i < int(changes->size()); ++i) {
        const PricingRunChange &change = (*changes)[size_t(i)];
        m_runChanges->setItem(i, 0, item(change.sku));
        m_runChanges->setItem(i, 1, item(change.title));
        m_runChanges->setItem(i, 2, item(money::format(change.oldCents, locale), true));
        m_runChanges->setItem(i, 3, item(money::format(change.newCents, locale), true));
        m_runChanges->setItem(i, 4, item(change.reason));
    }
    m_runChanges->resizeColumnsToContents();
}

} // namespace md
