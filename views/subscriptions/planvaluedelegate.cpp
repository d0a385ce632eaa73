#include "planvaluedelegate.h"

#include "subscriptions/featurevalue.h"
#include "subscriptions/planmatrixmodel.h"

#include <QComboBox>
#include <QSpinBox>

namespace md {

QWidget *PlanValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    const auto type = FeatureType(index.data(PlanMatrixModel::FeatureTypeRole).toInt());
    if (type == FeatureType::Int) {
        auto *spin = new QSpinBox(parent);
        spin->setRange(0, 1000000);
        spin->setFrame(false);
        spin->setAlignment(Qt::AlignCenter);
        return spin;
    }
    if (type == FeatureType::Choice) {
        auto *combo = new QComboBox(parent);
        combo->addItems(index.data(PlanMatrixModel::ChoicesRole).toStringList());
        return combo;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void PlanValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString value = index.data(Qt::EditRole).toString();
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.toInt());
        return;
    }
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findText(value)));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void PlanValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                     const QModelIndex &index) const
{
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        model->setData(index, QString::number(spin->value()), Qt::EditRole);
        return;
    }
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

void PlanValueDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(PlanMatrixModel::InheritedRole).toBool()) {
        option->palette.setColor(QPalette::Text,
                                 option->palette.color(QPalette::Disabled, QPalette::Text));
        option->font.setItalic(true);
    } else {
        option->font.setBold(true);
    }
}

} // namespace md
