#pragma once

// The Segments page's rule builder: the rule as a tree (SegmentBuilderModel) and, beside it, an
// editor for the selected line. A group chooses all / any / not; a condition chooses its field,
// its comparison and a value whose editor follows the field's type (a date with a calendar, a
// whole number, an amount of money, a product or category with completion from the shop, a plan,
// a subscription status, yes or no).

#include "marketing/segmentchoices.h"

#include <QModelIndex>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace md {

class SegmentBuilderModel;

class SegmentBuilderPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SegmentBuilderPanel(QWidget *parent = nullptr);

    SegmentBuilderModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    // The shop's SKUs, categories and plans for the value editors.
    void setChoices(const SegmentChoices &choices);
    // The display format of the page's date fields: the locale's short date, whole year.
    static QString dateFormat();
    // Selects a line of the tree and shows its editor.
    void select(const QModelIndex &index);
    QModelIndex current() const;

    void addCondition();
    void addGroup();
    void removeCurrent();

private:
    void showEditor();
    void updateButtons();
    void buildValueEditor();
    QWidget *wholeEditor(int min, int max, const QJsonValue &value, const QString &suffix,
                         const QString &name);
    QWidget *moneyEditor(const QJsonValue &value, const QString &name);
    void setValue(const QJsonValue &value);

    SegmentBuilderModel *m_model = nullptr;
    SegmentChoices m_choices;
    QTreeView *m_tree = nullptr;
    QPushButton *m_addCondition = nullptr;
    QPushButton *m_addGroup = nullptr;
    QPushButton *m_remove = nullptr;
    QStackedWidget *m_editors = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_kindHint = nullptr;
    QComboBox *m_field = nullptr;
    QComboBox *m_operator = nullptr;
    QWidget *m_valueHost = nullptr;
    QWidget *m_value = nullptr;
    QLabel *m_valueHint = nullptr;
    bool m_filling = false;
};

} // namespace md
