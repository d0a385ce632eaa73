#include "proposaldialog.h"

#include "core/money.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <climits>

namespace md {

ProposalTableModel::ProposalTableModel(std::vector<PricingProposalItem> items, QObject *parent)
    : QAbstractTableModel(parent)
    , m_items(std::move(items))
    , m_checked(m_items.size(), 0)
{
    // A stale item would be refused at apply anyway; it starts unticked so the count is honest.
    for (size_t i = 0; i < m_items.size(); ++i) {
        m_checked[i] = m_items[i].isStale() ? 0 : 1;
        m_checkedCount += m_checked[i];
    }
}

std::vector<qint64> ProposalTableModel::checkedProductIds() const
{
    std::vector<qint64> ids;
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (m_checked[i])
            ids.push_back(m_items[i].productId);
    }
    return ids;
}

void ProposalTableModel::setAllChecked(bool checked)
{
    m_checkedCount = 0;
    for (size_t i = 0; i < m_items.size(); ++i) {
        m_checked[i] = checked && !m_items[i].isStale() ? 1 : 0;
        m_checkedCount += m_checked[i];
    }
    if (!m_items.empty())
        emit dataChanged(index(0, Sku), index(rowCount() - 1, Sku), {Qt::CheckStateRole});
    emit checkedCountChanged(m_checkedCount);
}

int ProposalTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ProposalTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProposalTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const PricingProposalItem &item = m_items[size_t(index.row())];
    if (role == Qt::CheckStateRole && index.column() == Sku)
        return m_checked[size_t(index.row())] ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Sku || index.column() == Title || index.column() == Reason)
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && item.isStale())
        return tr("The price changed since the proposal was made; applying leaves it alone.");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Sku:
        return item.sku;
    case Title:
        return item.title;
    case Stock:
        return QLocale().toString(item.stockLevel);
    case OldPrice:
        return money::format(item.oldCents, QLocale());
    case NewPrice:
        return money::format(item.newCents, QLocale());
    case Now:
        return item.isStale() ? tr("%1 (changed)").arg(money::format(item.currentCents, QLocale()))
                              : money::format(item.currentCents, QLocale());
    case Reason:
        return item.reason;
    default:
        return {};
    }
}

bool ProposalTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole || index.column() != Sku)
        return false;
    const char checked = value.toInt() == Qt::Checked ? 1 : 0;
    char &current = m_checked[size_t(index.row())];
    if (current != checked) {
        current = checked;
        m_checkedCount += checked ? 1 : -1;
        emit dataChanged(index, index, {Qt::CheckStateRole});
        emit checkedCountChanged(m_checkedCount);
    }
    return true;
}

Qt::ItemFlags ProposalTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == Sku)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant ProposalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Sku:
        return tr("SKU");
    case Title:
        return tr("Title");
    case Stock:
        return tr("Stock");
    case OldPrice:
        return tr("Price then");
    case NewPrice:
        return tr("Proposed");
    case Now:
        return tr("Price now");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

ProposalDialog::ProposalDialog(std::vector<PricingProposalItem> items, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Approve Proposed Prices"));
    resize(900, 520);
    m_model = new ProposalTableModel(std::move(items), this);

    auto *intro = new QLabel(tr("A scheduled run prepared these price changes. Tick the ones to "
                                "apply; they are applied in one step and can be undone as a run."),
                             this);
    intro->setWordWrap(true);
    auto *table = new QTableView(this);
    table->setObjectName(QStringLiteral("proposalTable"));
    table->setModel(m_model);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->resizeColumnsToContents();

    auto *all = new QPushButton(tr("Tick All"), this);
    connect(all, &QPushButton::clicked, this, [this] { m_model->setAllChecked(true); });
    auto *none = new QPushButton(tr("Tick None"), this);
    connect(none, &QPushButton::clicked, this, [this] { m_model->setAllChecked(false); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *apply = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    apply->setObjectName(QStringLiteral("applyProposal"));
    const auto update = [apply](qint64 count) {
        apply->setText(tr("Apply Ticked Changes (%1)").arg(QLocale().toString(count)));
        apply->setEnabled(count > 0);
    };
    update(m_model->checkedCount());
    connect(m_model, &ProposalTableModel::checkedCountChanged, this, update);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *ticks = new QHBoxLayout;
    ticks->addWidget(all);
    ticks->addWidget(none);
    ticks->addStretch(1);
    ticks->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(table, 1);
    layout->addLayout(ticks);
}

} // namespace md
