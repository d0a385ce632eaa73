#include "pagedtablewidget.h"

#include "db/pagedquerymodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace md {

namespace {

constexpr int kMaxInitialColumnWidth = 360;

} // namespace

PagedTableWidget::PagedTableWidget(PagedQueryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_countText(
          [](int rows) { return PagedTableWidget::tr("%1 rows").arg(QLocale().toString(rows)); })
    , m_nothingYet(tr("Nothing here yet."))
    , m_noMatch(tr("Nothing matches the search."))
{
    m_model->setParent(this);

    m_searchRow = new QWidget(this);
    m_searchLayout = new QHBoxLayout(m_searchRow);
    m_searchLayout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(m_searchRow);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search"));
    m_search->setMinimumWidth(260);
    m_searchLayout->addWidget(m_search);
    m_searchLayout->addStretch(1);
    m_count = new QLabel(m_searchRow);
    m_count->setObjectName(QStringLiteral("countLabel"));
    m_searchLayout->addWidget(m_count);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("table"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Uniform rows let the view place row 900,000 without asking the model about the others.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_table->setSortingEnabled(true);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("emptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_searchRow);
    layout->addWidget(m_stack, 1);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &PagedTableWidget::applySearch);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &PagedTableWidget::applySearch);

    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            &PagedTableWidget::keepSortIndicatorOnSortable);
    connect(m_model, &PagedQueryModel::loadingChanged, this, &PagedTableWidget::updateState);
    connect(m_model, &PagedQueryModel::rowCountKnown, this, &PagedTableWidget::updateState);
    connect(m_model, &PagedQueryModel::errorOccurred, this, &PagedTableWidget::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_sizedColumns = false;
        updateState();
    });
    // The first page arrives as inserted rows, later pages as changed data.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &PagedTableWidget::sizeColumns);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PagedTableWidget::sizeColumns);
    updateState();
}

void PagedTableWidget::sizeColumns()
{
    // Once per search, from the first rows that arrive: sizing on every page would make the
    // columns jump while scrolling.
    if (m_sizedColumns)
        return;
    m_sizedColumns = true;
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (column != m_stretchColumn)
            header->setSectionResizeMode(column, QHeaderView::Interactive);
    }
    m_table->resizeColumnsToContents();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (m_table->columnWidth(column) > kMaxInitialColumnWidth)
            m_table->setColumnWidth(column, kMaxInitialColumnWidth);
    }
    if (m_stretchColumn >= 0)
        header->setSectionResizeMode(m_stretchColumn, QHeaderView::Stretch);
}

void PagedTableWidget::setStretchColumn(int column)
{
    m_stretchColumn = column;
    m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
}

void PagedTableWidget::setSearchPlaceholder(const QString &text)
{
    m_search->setPlaceholderText(text);
}

void PagedTableWidget::setCountText(std::function<QString(int)> text)
{
    m_countText = std::move(text);
    updateState();
}

void PagedTableWidget::setEmptyTexts(const QString &nothingYet, const QString &noMatch)
{
    m_nothingYet = nothingYet;
    m_noMatch = noMatch;
    updateState();
}

void PagedTableWidget::addFilterWidget(QWidget *widget)
{
    m_searchLayout->insertWidget(1, widget);
}

void PagedTableWidget::setFilterActive(bool active)
{
    m_filterActive = active;
    updateState();
}

void PagedTableWidget::setSearchVisible(bool visible)
{
    m_search->setVisible(visible);
}

void PagedTableWidget::applySearch()
{
    m_searchDelay->stop();
    m_model->setSearchText(m_search->text());
}

void PagedTableWidget::updateState()
{
    const QString error = m_model->lastError();
    if (!error.isEmpty()) {
        m_count->clear();
        m_empty->setText(tr("The data could not be read:\n%1").arg(error));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    const int rows = m_model->rowCount();
    if (rows == 0 && m_model->isLoading()) {
        m_count->setText(tr("Loading…"));
        m_stack->setCurrentWidget(m_table);
        return;
    }
    m_count->setText(m_countText(rows));
    if (rows == 0) {
        const QString search = m_model->searchText();
        if (search.isEmpty() && !m_filterActive)
            m_empty->setText(m_nothingYet);
        else if (m_noMatch.contains(QLatin1String("%1")))
            m_empty->setText(m_noMatch.arg(search));
        else
            m_empty->setText(m_noMatch);
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
}

void PagedTableWidget::keepSortIndicatorOnSortable(int column, Qt::SortOrder order)
{
    const auto &columns = m_model->querySpec().columns;
    if (column >= 0 && column < columns.size() && columns.at(column).sortable)
        return;
    // Counts and sums per row are computed, not sortable: put the arrow back where the order is.
    QHeaderView *header = m_table->horizontalHeader();
    const QSignalBlocker blocker(header);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    Q_UNUSED(order)
}

} // namespace md
