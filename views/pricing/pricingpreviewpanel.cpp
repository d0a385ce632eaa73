#include "pricingpreviewpanel.h"

#include "core/fixedpoint.h"
#include "pricing/pricingpreviewmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace md {

namespace {

constexpr int kSearchDelayMs = 250;

} // namespace

PricingPreviewPanel::PricingPreviewPanel(QWidget *parent)
    : QWidget(parent)
{
    m_compute = new QPushButton(tr("Compute Preview"), this);
    m_compute->setObjectName(QStringLiteral("computePreview"));
    m_compute->setToolTip(tr("Work out the new price of every product with the rules on the "
                             "\"Rules and Schedule\" tab; nothing changes until you apply"));
    m_compute->setDefault(true);
    connect(m_compute, &QPushButton::clicked, this, &PricingPreviewPanel::computeRequested);

    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("previewFilter"));
    m_filter->addItem(tr("All price changes"), int(PricingPreviewModel::Filter::Changes));
    m_filter->addItem(tr("Increases"), int(PricingPreviewModel::Filter::Increases));
    m_filter->addItem(tr("Decreases"), int(PricingPreviewModel::Filter::Decreases));
    m_filter->addItem(tr("Capped by a limit"), int(PricingPreviewModel::Filter::Capped));
    m_filter->addItem(tr("Every product (also unchanged and skipped)"),
                      int(PricingPreviewModel::Filter::Everything));
    m_search = new QLineEdit(this);
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
    tools->addWidget(new QLabel(tr("Show:"), this));
    tools->addWidget(m_filter);
    tools->addWidget(m_search, 1);

    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("previewTotals"));
    m_totals->setWordWrap(true);

    m_model = new PricingPreviewModel(this);
    m_table = new QTableView(this);
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
    m_table->horizontalHeader()->moveSection(PricingPreviewModel::Reason,
                                             PricingPreviewModel::ColumnCount - 1);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setFilter(PricingPreviewModel::Filter(m_filter->currentData().toInt()));
        updateTotals();
    });
    connect(m_model, &PricingPreviewModel::checkedCountChanged, this,
            &PricingPreviewPanel::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PricingPreviewPanel::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PricingPreviewPanel::selectionChanged);

    m_checkAll = new QPushButton(tr("Tick All"), this);
    m_checkAll->setObjectName(QStringLiteral("tickAll"));
    connect(m_checkAll, &QPushButton::clicked, this, [this] { m_model->setAllChecked(true); });
    m_checkNone = new QPushButton(tr("Tick None"), this);
    m_checkNone->setObjectName(QStringLiteral("tickNone"));
    connect(m_checkNone, &QPushButton::clicked, this, [this] { m_model->setAllChecked(false); });
    m_tickSelected = new QPushButton(tr("Tick Selected Only"), this);
    m_tickSelected->setObjectName(QStringLiteral("tickSelected"));
    m_tickSelected->setToolTip(tr("Approve only the rows selected in the table"));
    connect(m_tickSelected, &QPushButton::clicked, this, &PricingPreviewPanel::tickSelectedOnly);
    m_lock = new QPushButton(tr("Lock Selected Products"), this);
    m_lock->setObjectName(QStringLiteral("lockSelected"));
    m_lock->setToolTip(tr("Never reprice the selected products (unlock them on the \"Rules and "
                          "Schedule\" tab)"));
    m_lock->setEnabled(false);
    connect(m_lock, &QPushButton::clicked, this, [this] {
        if (const std::vector<qint64> ids = selectedProductIds(); !ids.empty())
            emit lockRequested(ids);
    });
    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    connect(m_apply, &QPushButton::clicked, this, &PricingPreviewPanel::applyRequested);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_checkAll);
    actions->addWidget(m_checkNone);
    actions->addWidget(m_tickSelected);
    actions->addWidget(m_lock);
    actions->addStretch(1);
    actions->addWidget(m_apply);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_table);
    m_splitter->setStretchFactor(0, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0); // the tab around it has the margins
    layout->addLayout(tools);
    layout->addWidget(m_totals);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(actions);
    updateTotals();
}

void PricingPreviewPanel::setDetail(QWidget *detail)
{
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(m_splitter->indexOf(detail), 1);
}

std::vector<qint64> PricingPreviewPanel::selectedProductIds() const
{
    std::vector<qint64> ids;
    if (!m_preview)
        return ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        if (const PricingDecision *decision = m_model->decisionAt(row.row()))
            ids.push_back(m_preview->productOf(*decision).id);
    }
    return ids;
}

void PricingPreviewPanel::setPreview(std::shared_ptr<const PricingPreview> preview)
{
    m_preview = std::move(preview);
    m_model->setPreview(m_preview, QLocale());
    if (m_preview) {
        m_table->resizeColumnsToContents();
        m_table->setColumnWidth(PricingPreviewModel::Title,
                                qMin(m_table->columnWidth(PricingPreviewModel::Title), 260));
        m_table->setColumnWidth(PricingPreviewModel::Reason,
                                qMin(m_table->columnWidth(PricingPreviewModel::Reason), 420));
    }
    updateTotals();
}

void PricingPreviewPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_compute->setEnabled(!busy);
    updateButtons();
}

void PricingPreviewPanel::updateTotals()
{
    if (!m_preview) {
        m_totals->setText(tr("No preview yet. \"Compute Preview\" works out the new prices; "
                             "nothing changes in the shop until you apply them."));
        updateButtons();
        return;
    }
    const PricingPreviewTotals totals = m_model->shownTotals();
    const QLocale locale;
    const QString average
        = FixedPoint::signedText(qint64(totals.averageChangePct() * 100.0), 2, 1, locale);
    QString text
        = tr("Shown: %1 rows, %2 up, %3 down, %4 capped by a limit; average change "
             "%5 %.")
              .arg(locale.toString(m_model->rowCount()), locale.toString(totals.increases),
                   locale.toString(totals.decreases), locale.toString(totals.capped), average);
    const PricingPreviewTotals &all = m_preview->totals;
    text += QLatin1Char(' ')
            + tr("All products: %1 changes (%2 up, %3 down), %4 unchanged, "
                 "%5 skipped.")
                  .arg(locale.toString(all.changes), locale.toString(all.increases),
                       locale.toString(all.decreases), locale.toString(all.unchanged),
                       locale.toString(all.skipped));
    m_totals->setText(text);
    updateButtons();
}

void PricingPreviewPanel::updateButtons()
{
    const qint64 checked = m_preview ? m_model->checkedCount() : 0;
    m_apply->setText(tr("Apply Ticked Changes (%1)…").arg(QLocale().toString(checked)));
    m_apply->setEnabled(checked > 0 && !m_busy);
    m_checkAll->setEnabled(m_preview != nullptr);
    m_checkNone->setEnabled(m_preview != nullptr);
    m_tickSelected->setEnabled(m_preview != nullptr);
}

void PricingPreviewPanel::selectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_lock->setEnabled(!rows.isEmpty() && m_preview);
    if (rows.isEmpty() || !m_preview)
        return;
    const PricingDecision *decision = m_model->decisionAt(rows.constFirst().row());
    if (!decision)
        return;
    const PricingProduct &product = m_preview->productOf(*decision);
    emit productSelected(product.id, m_preview->products.sku(decision->row) + QStringLiteral(" — ")
                                         + m_preview->products.title(decision->row));
}

void PricingPreviewPanel::tickSelectedOnly()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_model->setAllChecked(false);
    for (const QModelIndex &row : rows)
        m_model->setData(row.siblingAtColumn(PricingPreviewModel::Sku), Qt::Checked,
                         Qt::CheckStateRole);
}

} // namespace md
