#pragma once

// The Segments page's rule builder as an editable tree: groups (all, any, not) over conditions
// (field, operator, value). One top-level row, the rule's root group. It reads from and writes
// to SegmentRule, so checking a rule and its JSON-path messages are SegmentRule's own; the model
// only keeps the tree editable while it is not yet a valid rule (an empty group, a missing
// value). A not group always holds exactly one node.

#include "segmentrule.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace md {

class SegmentBuilderModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    using Kind = SegmentNode::Kind;
    enum Column { NodeColumn, OperatorColumn, ValueColumn, ColumnCount };
    // Kind (int) of the node, in every column.
    static constexpr int KindRole = Qt::UserRole + 1;
    // SegmentField (int) of a condition, in every column; settable on NodeColumn.
    static constexpr int FieldRole = Qt::UserRole + 2;
    // SegmentOperator (int) of a condition; settable on OperatorColumn.
    static constexpr int OperatorRole = Qt::UserRole + 3;
    // The condition's value as QJsonValue (undefined when missing); settable on ValueColumn.
    static constexpr int ValueRole = Qt::UserRole + 4;

    explicit SegmentBuilderModel(QObject *parent = nullptr);
    ~SegmentBuilderModel() override;

    // A new rule: all of one condition, "Number of completed orders at least 1".
    void reset();
    // Loads a checked rule; a condition at the root is put into an "all" group so that the
    // builder always has a group to add to.
    void setRule(const SegmentRule &rule);
    // Parses `json` with SegmentRule::parse; on an error the model is left as it was.
    Status setDefinition(const QByteArray &json);
    // The tree checked by SegmentRule: the rule, or the first problem with its JSON path.
    Result<SegmentRule> rule() const;
    // The tree as JSON even while it does not check (a missing value is left out).
    QJsonValue toJsonValue() const;

    QModelIndex rootIndex() const { return index(0, 0); }
    Kind kind(const QModelIndex &index) const;
    bool isGroup(const QModelIndex &index) const;
    SegmentField field(const QModelIndex &index) const;
    SegmentOperator op(const QModelIndex &index) const;
    QJsonValue value(const QModelIndex &index) const;
    // The node's path as SegmentRule's messages name it ("all[1].any[0]"; "" for the root).
    QString jsonPath(const QModelIndex &index) const;
    // The node a message's path names, or the deepest node on the way; the root if none.
    QModelIndex indexOfPath(const QString &message) const;

    // Adds under `group` (a group's index, or a condition's: its group is used) and returns the
    // new node's index; invalid when refused (a not group already holds its one node).
    QModelIndex addCondition(const QModelIndex &group);
    // A new group starts with one condition, so it is never empty by accident.
    QModelIndex addGroup(const QModelIndex &group, Kind kind = Kind::Any);
    // Removes a node and everything under it; not the root and not the one node of a not group.
    bool canRemove(const QModelIndex &index) const;
    bool removeNode(const QModelIndex &index);
    // Changes a group's kind. To not: several nodes are put into an "all" group under it, an
    // empty group gets one condition. From not: its one node stays.
    bool setGroupKind(const QModelIndex &index, Kind kind);
    // A new field keeps the operator when the field allows it, else takes the field's usual
    // one; the value is kept when it still fits, else becomes the type's usual value.
    bool setField(const QModelIndex &index, SegmentField field);
    // The value follows the operator's shape (one value, [low, high], a list, days, a date).
    bool setOperator(const QModelIndex &index, SegmentOperator op);
    bool setValue(const QModelIndex &index, const QJsonValue &value);

    // The date new before/after conditions start from (today by default).
    void setToday(QDate today) { m_today = today; }

    // Display texts the page's editors share with the tree.
    static QString kindLabel(Kind kind);
    static QString operatorLabel(SegmentOperator op);
    static QString valueText(SegmentField field, SegmentOperator op, const QJsonValue &value);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // After every change of the tree (not after setRule/reset, which reset the model).
    void ruleEdited();

private:
    struct Node;
    Node *nodeAt(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    std::unique_ptr<Node> conditionNode(SegmentField field) const;
    QJsonValue defaultValue(SegmentField field, SegmentOperator op,
                            const QJsonValue &previous) const;
    void changedRow(const Node *node);

    std::unique_ptr<Node> m_root;
    QDate m_today = QDate::currentDate();
};

} // namespace md
