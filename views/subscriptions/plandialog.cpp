#include "plandialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

#include <cmath>

namespace md {

PlanDialog::PlanDialog(const PlanMatrix &matrix, const PlanDef &plan, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
{
    setWindowTitle(plan.id ? tr("Edit plan “%1”").arg(plan.name) : tr("New plan"));
    m_name = new QLineEdit(plan.name, this);
    m_price = new QDoubleSpinBox(this);
    m_price->setRange(0, 1000000);
    m_price->setDecimals(2);
    m_price->setValue(double(plan.priceCents) / 100.0);
    m_interval = new QComboBox(this);
    m_interval->addItem(tr("Monthly"), int(BillingInterval::Monthly));
    m_interval->addItem(tr("Quarterly"), int(BillingInterval::Quarterly));
    m_interval->addItem(tr("Yearly"), int(BillingInterval::Yearly));
    m_interval->setCurrentIndex(m_interval->findData(int(plan.interval)));
    m_description = new QPlainTextEdit(plan.description, this);
    m_description->setMaximumHeight(80);
    m_active = new QCheckBox(tr("New subscribers can choose this plan"), this);
    m_active->setChecked(plan.active);
    m_order = new QSpinBox(this);
    m_order->setRange(-1000, 1000);
    m_order->setValue(plan.displayOrder);
    m_parent = new QComboBox(this);
    m_parent->addItem(tr("Nothing (its own values only)"), qint64(0));
    for (const PlanDef &other : matrix.plans) {
        // A plan cannot inherit from itself or from a plan that inherits from it.
        if (other.id == plan.id || (plan.id && matrix.wouldCycle(plan.id, other.id)))
            continue;
        m_parent->addItem(other.name, other.id);
    }
    m_parent->setCurrentIndex(std::max(0, m_parent->findData(plan.parentId)));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Price:"), m_price);
    form->addRow(tr("&Billed:"), m_interval);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Inherits from:"), m_parent);
    form->addRow(tr("&Order on the page:"), m_order);
    form->addRow(QString(), m_active);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto updateOk = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty());
    };
    connect(m_name, &QLineEdit::textChanged, this, updateOk);
    updateOk();
}

PlanDef PlanDialog::plan() const
{
    PlanDef out = m_plan;
    out.name = m_name->text().trimmed();
    out.priceCents = qint64(std::llround(m_price->value() * 100.0));
    out.interval = BillingInterval(m_interval->currentData().toInt());
    out.description = m_description->toPlainText().trimmed();
    out.active = m_active->isChecked();
    out.displayOrder = m_order->value();
    out.parentId = m_parent->currentData().toLongLong();
    return out;
}

} // namespace md
