#pragma once

// The Catalog page: every product of the shop in a sortable table that searches SKU, title and
// category as the user types. Pages of rows are fetched on demand, so a million products open as
// quickly as a hundred.

#include "db/databasespec.h"

#include <QWidget>

namespace md {

class PagedQueryModel;
class PagedTableWidget;
class TransferButtons;

class CatalogPage : public QWidget
{
    Q_OBJECT

public:
    explicit CatalogPage(const DatabaseSpec &database, QWidget *parent = nullptr);

    PagedQueryModel *model() const;
    PagedTableWidget *tableWidget() const { return m_table; }
    TransferButtons *transferButtons() const { return m_transfer; }

private:
    TransferButtons *m_transfer = nullptr;
    PagedTableWidget *m_table = nullptr;
};

} // namespace md
