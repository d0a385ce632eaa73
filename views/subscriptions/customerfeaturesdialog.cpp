#include "customerfeaturesdialog.h"

#include "subscriptions/entitlementservice.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace md {

CustomerFeaturesDialog::CustomerFeaturesDialog(const Database &db, qint64 customerId,
                                               const QString &email, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Features of %1").arg(email));
    resize(640, 320);
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(this);
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Feature"), tr("Value"), tr("Why")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto features
        = EntitlementService::allFeatures(db, customerId, QDateTime::currentSecsSinceEpoch());
    if (!features) {
        layout->addWidget(
            new QLabel(tr("Cannot read the features: %1").arg(features.error()), this));
    } else {
        m_table->setRowCount(int(features->size()));
        int row = 0;
        for (const auto &[feature, entitlement] : *features) {
            m_table->setItem(row, 0, new QTableWidgetItem(feature.label));
            auto *value = new QTableWidgetItem(FeatureValue::display(feature, entitlement.value));
            if (!entitlement.entitled())
                value->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_table->setItem(row, 1, value);
            m_table->setItem(row, 2, new QTableWidgetItem(entitlement.explanation));
            ++row;
        }
        m_table->resizeColumnsToContents();
    }
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace md
