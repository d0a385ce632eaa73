#pragma once

// Edits a cell of the plan matrix with the editor its feature's type calls for: a spin box for a
// whole number, a combo box for a choice (yes/no cells are check boxes the view draws). Values a
// plan inherits are drawn grey, the plan's own values bold.

#include <QStyledItemDelegate>

namespace md {

class PlanValueDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace md
