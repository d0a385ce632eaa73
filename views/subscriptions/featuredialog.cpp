#include "featuredialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace md {

FeatureDialog::FeatureDialog(const FeatureDef &feature, QWidget *parent)
    : QDialog(parent)
    , m_feature(feature)
{
    setWindowTitle(feature.id ? tr("Edit feature “%1”").arg(feature.label) : tr("New feature"));
    m_key = new QLineEdit(feature.key, this);
    m_key->setPlaceholderText(tr("such as gift_wrap"));
    m_label = new QLineEdit(feature.label, this);
    m_type = new QComboBox(this);
    for (FeatureType type : {FeatureType::Bool, FeatureType::Int, FeatureType::Choice})
        m_type->addItem(FeatureValue::typeLabel(type), int(type));
    m_type->setCurrentIndex(m_type->findData(int(feature.type)));
    m_choices = new QLineEdit(feature.choices.join(QStringLiteral(", ")), this);
    m_choices->setPlaceholderText(tr("options, separated by commas: standard, priority"));
    m_default = new QLineEdit(feature.defaultValue, this);
    m_default->setPlaceholderText(tr("yes/no, a number, or one of the options"));
    m_order = new QSpinBox(this);
    m_order->setRange(-1000, 1000);
    m_order->setValue(feature.displayOrder);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&Options:"), m_choices);
    form->addRow(tr("&Default:"), m_default);
    form->addRow(tr("&Order on the page:"), m_order);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto update = [this, buttons] {
        m_choices->setEnabled(FeatureType(m_type->currentData().toInt()) == FeatureType::Choice);
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!m_key->text().trimmed().isEmpty()
                         && !m_label->text().trimmed().isEmpty());
    };
    connect(m_type, &QComboBox::currentIndexChanged, this, update);
    connect(m_key, &QLineEdit::textChanged, this, update);
    connect(m_label, &QLineEdit::textChanged, this, update);
    update();
}

FeatureDef FeatureDialog::feature() const
{
    FeatureDef out = m_feature;
    out.key = m_key->text().trimmed();
    out.label = m_label->text().trimmed();
    out.type = FeatureType(m_type->currentData().toInt());
    out.choices.clear();
    if (out.type == FeatureType::Choice) {
        for (const QString &part : m_choices->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                out.choices << part.trimmed();
        }
    }
    out.defaultValue = m_default->text().trimmed();
    out.displayOrder = m_order->value();
    return out;
}

} // namespace md
