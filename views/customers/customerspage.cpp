#include "customerspage.h"

#include "common/pagedtablewidget.h"
#include "db/pagedquerymodel.h"
#include "io/transferbuttons.h"
#include "sales/customerquery.h"
#include "subscriptions/customerfeaturesdialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace md {

CustomersPage::CustomersPage(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
    , m_spec(database)
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
    m_features = new QPushButton(tr("Plan &features…"), this);
    m_features->setToolTip(tr("What the selected customer's subscription entitles them to, and "
                              "why"));
    m_features->setEnabled(false);
    m_table->addFilterWidget(m_features);
    connect(m_features, &QPushButton::clicked, this, &CustomersPage::showFeatures);
    connect(m_table->table(), &QTableView::doubleClicked, this, &CustomersPage::showFeatures);
    connect(m_table->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_features->setEnabled(current.isValid()); });

    auto *heading = new QLabel(tr("Customers"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    m_transfer = new TransferButtons(database, {QStringLiteral("customers")}, this);
    connect(m_transfer, &TransferButtons::imported, this, [this] { this->model()->reload(); });
    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch(1);
    top->addWidget(m_transfer);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
}

void CustomersPage::showFeatures()
{
    const QModelIndex index = m_table->table()->currentIndex();
    if (!index.isValid())
        return;
    const qint64 id = index.siblingAtColumn(0).data(PagedQueryModel::KeyRole).toLongLong();
    const QString email = index.siblingAtColumn(CustomerQuery::Email).data().toString();
    auto db = Database::open(m_spec, Database::Options{.migrate = false, .createIfMissing = false});
    if (!db) {
        QMessageBox::warning(this, tr("Plan features"),
                             tr("Cannot open the database: %1").arg(db.error()));
        return;
    }
    CustomerFeaturesDialog dialog(*db, id, email, this);
    dialog.exec();
}

PagedQueryModel *CustomersPage::model() const
{
    return m_table->model();
}

} // namespace md
