#include "catalogpage.h"

#include "catalog/catalogquery.h"
#include "common/pagedtablewidget.h"
#include "db/pagedquerymodel.h"
#include "io/transferbuttons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace md {

CatalogPage::CatalogPage(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
{
    auto *model = new PagedQueryModel(database, CatalogQuery::spec());
    m_table = new PagedTableWidget(model, this);
    m_table->setSearchPlaceholder(tr("Search by SKU, title or category"));
    m_table->setCountText([](int rows) {
        return rows == 1 ? CatalogPage::tr("1 product")
                         : CatalogPage::tr("%1 products").arg(QLocale().toString(rows));
    });
    m_table->setEmptyTexts(tr("This shop has no products yet."), tr("No products match “%1”."));
    m_table->setStretchColumn(CatalogQuery::Title);

    auto *heading = new QLabel(tr("Catalog"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    m_transfer = new TransferButtons(
        database, {QStringLiteral("products"), QStringLiteral("inventory")}, this);
    connect(m_transfer, &TransferButtons::imported, this, [this] { this->model()->reload(); });
    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch(1);
    top->addWidget(m_transfer);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
}

PagedQueryModel *CatalogPage::model() const
{
    return m_table->model();
}

} // namespace md
