#include "orderspage.h"

#include "common/labeldelegate.h"
#include "common/pagedtablewidget.h"
#include "db/pagedquerymodel.h"
#include "io/transferbuttons.h"
#include "sales/orderquery.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace md {

namespace {

// No order has this id: the lines table starts empty instead of listing every line of the shop.
constexpr qint64 kNoOrder = -1;
// Not an id either: forces the first clearLines() to set the filter.
constexpr qint64 kNothingShown = -2;

} // namespace

OrdersPage::OrdersPage(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
    , m_shownOrder(kNothingShown)
{
    auto *orders = new PagedQueryModel(database, OrderQuery::orders());
    m_orders = new PagedTableWidget(orders, this);
    m_orders->setObjectName(QStringLiteral("ordersTable"));
    m_orders->setSearchPlaceholder(tr("Search by order number or email"));
    m_orders->setCountText([](int rows) {
        return rows == 1 ? OrdersPage::tr("1 order")
                         : OrdersPage::tr("%1 orders").arg(QLocale().toString(rows));
    });
    m_orders->setEmptyTexts(tr("This shop has no orders yet."), tr("No orders match."));
    m_orders->setStretchColumn(OrderQuery::Customer);

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setToolTip(tr("Show only orders with this status"));
    m_status->addItem(tr("All statuses"));
    for (const QString &status : OrderQuery::statuses())
        m_status->addItem(OrderQuery::statusLabel(status), status);
    m_orders->addFilterWidget(m_status);
    connect(m_status, &QComboBox::currentIndexChanged, this, &OrdersPage::applyStatusFilter);

    QTableView *table = m_orders->table();
    table->setItemDelegateForColumn(OrderQuery::Customer,
                                    new LabelDelegate(
                                        [](const QVariant &raw) {
                                            return raw.isNull() ? OrdersPage::tr("Guest")
                                                                : raw.toString();
                                        },
                                        true, table));
    table->setItemDelegateForColumn(
        OrderQuery::Status,
        new LabelDelegate(
            [](const QVariant &raw) { return OrderQuery::statusLabel(raw.toString()); }, false,
            table));
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showLinesOfRow(current.row());
                else
                    clearLines();
            });
    connect(orders, &QAbstractItemModel::modelReset, this, &OrdersPage::clearLines);
    // A row selected while its page was still loading gets its lines once the page is there.
    connect(orders, &QAbstractItemModel::dataChanged, this, [this, table] {
        const QModelIndex current = table->selectionModel()->currentIndex();
        if (current.isValid() && m_shownOrder < 0)
            showLinesOfRow(current.row());
    });

    auto *lines = new PagedQueryModel(database, OrderQuery::lines());
    m_lines = new PagedTableWidget(lines, this);
    m_lines->setObjectName(QStringLiteral("linesTable"));
    m_lines->setSearchVisible(false);
    m_lines->setCountText([](int rows) {
        return rows == 1 ? OrdersPage::tr("1 line")
                         : OrdersPage::tr("%1 lines").arg(QLocale().toString(rows));
    });
    m_lines->setStretchColumn(OrderQuery::LineTitle);
    m_linesHeading = new QLabel(this);
    m_linesHeading->setObjectName(QStringLiteral("linesHeading"));
    QFont bold = m_linesHeading->font();
    bold.setBold(true);
    m_linesHeading->setFont(bold);
    m_lines->addFilterWidget(m_linesHeading); // in the row of the hidden search field

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_orders);
    splitter->addWidget(m_lines);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *heading = new QLabel(tr("Orders"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    m_transfer = new TransferButtons(
        database, {QStringLiteral("orders"), QStringLiteral("order_lines")}, this);
    connect(m_transfer, &TransferButtons::imported, this, [this] {
        this->model()->reload();
        this->linesModel()->reload();
    });
    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch(1);
    top->addWidget(m_transfer);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    clearLines();
}

PagedQueryModel *OrdersPage::model() const
{
    return m_orders->model();
}

PagedQueryModel *OrdersPage::linesModel() const
{
    return m_lines->model();
}

void OrdersPage::showLinesOfRow(int row)
{
    const qint64 id = model()->keyForRow(row);
    if (id < 0) {
        clearLines();
        return;
    }
    if (id == m_shownOrder)
        return;
    m_shownOrder = id;
    const QString number = model()->rawValue(row, OrderQuery::Number).toString();
    m_linesHeading->setText(tr("Lines of order %1").arg(number));
    m_lines->setEmptyTexts(tr("Order %1 has no lines.").arg(number), QString());
    linesModel()->setFixedFilter(OrderQuery::linesFilter(), {id});
}

void OrdersPage::applyStatusFilter()
{
    const QString status = m_status->currentData().toString();
    if (status.isEmpty())
        model()->setFixedFilter(QString(), {});
    else
        model()->setFixedFilter(OrderQuery::statusFilter(), {status});
    m_orders->setFilterActive(!status.isEmpty());
}

void OrdersPage::clearLines()
{
    m_linesHeading->setText(tr("Select an order above to see its lines."));
    m_lines->setEmptyTexts(tr("No order selected."), QString());
    if (m_shownOrder == kNoOrder)
        return;
    m_shownOrder = kNoOrder;
    linesModel()->setFixedFilter(OrderQuery::linesFilter(), {kNoOrder});
}

} // namespace md
