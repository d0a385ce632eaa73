#pragma once

// A searchable table over a PagedQueryModel: a search field (debounced while typing), room for
// extra filters, a count of the matching rows, and a plain-words empty or error state in place of
// an empty grid. The Catalog, Customers and Orders pages are built from it.

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;
class QHBoxLayout;

namespace md {

class PagedQueryModel;

class PagedTableWidget : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kSearchDelayMs = 250;

    // Takes ownership of the model.
    explicit PagedTableWidget(PagedQueryModel *model, QWidget *parent = nullptr);

    PagedQueryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }
    QLabel *countLabel() const { return m_count; }

    void setSearchPlaceholder(const QString &text);
    // The count line for a number of rows, e.g. "1,234 products".
    void setCountText(std::function<QString(int rows)> text);
    // What replaces the table when nothing is there at all, and when a search or filter hid all
    // (a %1 in noMatch becomes the search text).
    void setEmptyTexts(const QString &nothingYet, const QString &noMatch);
    // A page filter (beside the search field) counts as narrowing for the empty state.
    void addFilterWidget(QWidget *widget);
    void setFilterActive(bool active);
    // The column that takes the spare width (kept across searches and reloads).
    void setStretchColumn(int column);
    // Hides the search field (a detail table that only follows a selection).
    void setSearchVisible(bool visible);

private:
    void applySearch();
    void updateState();
    void keepSortIndicatorOnSortable(int column, Qt::SortOrder order);
    void sizeColumns();

    PagedQueryModel *m_model = nullptr;
    QWidget *m_searchRow = nullptr;
    QHBoxLayout *m_searchLayout = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QTimer *m_searchDelay = nullptr;

    std::function<QString(int)> m_countText;
    QString m_nothingYet;
    QString m_noMatch;
    bool m_filterActive = false;
    bool m_sizedColumns = false;
    int m_stretchColumn = -1;
};

} // namespace md
