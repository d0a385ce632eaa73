#include "customerspage.h"

#include "common/pagedtablewidget.h"
#include "db/pagedquerymodel.h"
#include "io/transferbuttons.h"
#include "sales/customerquery.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace md {

CustomersPage::CustomersPage(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
{
    auto *model = new PagedQueryModel(database, CustomerQuery::spec());
    m_table = new PagedTableWidget(model, this);
    m_table->setSearchPlaceholder(tr("Search by email or name"));
    m_table->setCountText([](int rows) {
        return rows == 1 ? CustomersPage::tr("1 customer")
                         : CustomersPage::tr("%1 customers").arg(QLocale().toString(rows));
    });
    m_table->setEmptyTexts(tr("This shop has no customers yet."), tr("No customers match “%1”."));
    m_table->setStretchColumn(CustomerQuery::Email);

    auto *heading = new QLabel(tr("Customers"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    m_transfer = new TransferButtons(database, {QStringLiteral("customers")}, this);
    connect(m_transfer, &TransferButtons::imported, this, [this] {
        this->model()->reload();
    });
    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch(1);
    top->addWidget(m_transfer);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
}

PagedQueryModel *CustomersPage::model() const
{
    return m_table->model();
}

} // namespace md
