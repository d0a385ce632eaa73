#pragma once

// The Customers page: every customer with consent, orders and spend, searchable by email or name;
// the selected customer's plan features (what their subscription entitles them to) on request.

#include "db/databasespec.h"

#include <QWidget>

class QPushButton;

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
    QPushButton *featuresButton() const { return m_features; }

private:
    void showFeatures();

    DatabaseSpec m_spec;
    TransferButtons *m_transfer = nullptr;
    PagedTableWidget *m_table = nullptr;
    QPushButton *m_features = nullptr;
};

} // namespace md
