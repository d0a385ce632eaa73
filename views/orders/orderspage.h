#pragma once

// The Orders page: every order with its customer, status and total, searchable by order number or
// email and filtered by status; the lines of the selected order are listed below.

#include "db/databasespec.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace md {

class PagedQueryModel;
class PagedTableWidget;
class TransferButtons;

class OrdersPage : public QWidget
{
    Q_OBJECT

public:
    explicit OrdersPage(const DatabaseSpec &database, QWidget *parent = nullptr);

    PagedQueryModel *model() const;
    PagedQueryModel *linesModel() const;
    PagedTableWidget *tableWidget() const { return m_orders; }
    TransferButtons *transferButtons() const { return m_transfer; }
    PagedTableWidget *linesWidget() const { return m_lines; }
    QComboBox *statusFilter() const { return m_status; }
    // Shows the lines of the order in this row of the orders table.
    void showLinesOfRow(int row);

private:
    void applyStatusFilter();
    void clearLines();

    TransferButtons *m_transfer = nullptr;

    PagedTableWidget *m_orders = nullptr;
    PagedTableWidget *m_lines = nullptr;
    QComboBox *m_status = nullptr;
    QLabel *m_linesHeading = nullptr;
    qint64 m_shownOrder = 0; // the order whose lines are listed
};

} // namespace md
