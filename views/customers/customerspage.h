#pragma once

// The Customers page: every customer with consent, orders and spend, searchable by email or name.

#include "db/databasespec.h"

#include <QWidget>

namespace md {

class PagedQueryModel;
class PagedTableWidget;
class TransferButtons;

class CustomersPage : public QWidget
{
    Q_OBJECT

public:
    explicit CustomersPage(const DatabaseSpec &database, QWidget *parent = nullptr);

    PagedQueryModel *model() const;
    PagedTableWidget *tableWidget() const { return m_table; }
    TransferButtons *transferButtons() const { return m_transfer; }

private:
    TransferButtons *m_transfer = nullptr;
    PagedTableWidget *m_table = nullptr;
};

} // namespace md
