#include "segmentbuildermodel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <functional>

namespace md {

struct SegmentBuilderModel::Node
{
    Kind kind = Kind::All;
    SegmentField field = SegmentField::OrdersCount;
    SegmentOperator op = SegmentOperator::GreaterOrEqual;
    QJsonValue value = QJsonValue::Undefined;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    bool isGroup() const { return kind != Kind::Condition; }
    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
    void adopt(std::unique_ptr<Node> child, int at = -1)
    {
        child->parent = this;
        if (at < 0 || at >= int(children.size()))
            children.push_back(std::move(child));
        else
            children.insert(children.begin() + at, std::move(child));
    }
};

namespace {

using Op = SegmentOperator;
using Type = SegmentValueType;

Op usualOperator(SegmentField field)
{
    switch (SegmentFields::info(field).type) {
    case Type::Count:
    case Type::Money:
        return Op::GreaterOrEqual;
    case Type::Date:
        return Op::WithinDays;
    case Type::Hours:
        return Op::LessOrEqual;
    case Type::Sku:
    case Type::Category:
    case Type::Text:
    case Type::Bool:
    case Type::Plan:
    case Type::SubStatus:
    case Type::RfmGroup:
        break;
    }
    return Op::Equal;
}

// What a value means under an operator: days back, a date, a percentage or the field's own kind
// (one value, a pair or a list of it). A value carries over only within one meaning.
enum class ValueMeaning { Days, Date, Percent, Field };

ValueMeaning meaningOf(Op op)
{
    switch (op) {
    case Op::WithinDays:
    case Op::NotWithinDays:
        return ValueMeaning::Days;
    case Op::Before:
    case Op::After:
        return ValueMeaning::Date;
    case Op::TopPercent:
        return ValueMeaning::Percent;
    default:
        break;
    }
    return ValueMeaning::Field;
}

bool isWhole(const QJsonValue &value, double min, double max)
{
    const double d = value.toDouble();
    return value.isDouble() && d == std::floor(d) && d >= min && d <= max;
}

bool isFilledText(const QJsonValue &value)
{
    return value.isString() && !value.toString().trimmed().isEmpty();
}

QString groupKey(SegmentNode::Kind kind)
{
    switch (kind) {
    case SegmentNode::Kind::All:
        return QStringLiteral("all");
    case SegmentNode::Kind::Any:
        return QStringLiteral("any");
    case SegmentNode::Kind::Not:
        return QStringLiteral("not");
    case SegmentNode::Kind::Condition:
        break;
    }
    return {};
}

QString numberText(double number)
{
    return QLocale().toString(number, 'f', QLocale::FloatingPointShortest);
}

QString moneyText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    return QLocale().toString(value.toDouble(), 'f', 2);
}

} // namespace

SegmentBuilderModel::SegmentBuilderModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_root = std::make_unique<Node>();
    m_root->adopt(conditionNode(SegmentField::OrdersCount));
}

SegmentBuilderModel::~SegmentBuilderModel() = default;

std::unique_ptr<SegmentBuilderModel::Node>
SegmentBuilderModel::conditionNode(SegmentField field) const
{
    auto node = std::make_unique<Node>();
    node->kind = Kind::Condition;
    node->field = field;
    node->op = usualOperator(field);
    node->value = defaultValue(field, node->op, QJsonValue::Undefined);
    return node;
}

void SegmentBuilderModel::reset()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->adopt(conditionNode(SegmentField::OrdersCount));
    endResetModel();
}

void SegmentBuilderModel::setRule(const SegmentRule &rule)
{
    std::function<std::unique_ptr<Node>(const SegmentNode &)> copy
        = [&copy](const SegmentNode &from) {
              auto node = std::make_unique<Node>();
              node->kind = from.kind;
              if (from.kind == Kind::Condition) {
                  node->field = from.condition.field;
                  node->op = from.condition.op;
                  node->value = from.condition.value;
              }
              for (const SegmentNode &child : from.children)
                  node->adopt(copy(child));
              return node;
          };
    beginResetModel();
    auto root = copy(rule.root());
    if (!root->isGroup()) {
        auto group = std::make_unique<Node>();
        group->adopt(std::move(root));
        root = std::move(group);
    }
    m_root = std::move(root);
    endResetModel();
}

Status SegmentBuilderModel::setDefinition(const QByteArray &json)
{
    auto parsed = SegmentRule::parse(json);
    if (!parsed)
        return fail(parsed.error());
    setRule(*parsed);
    return {};
}

QJsonValue SegmentBuilderModel::toJsonValue() const
{
    std::function<QJsonValue(const Node &)> write = [&write](const Node &node) -> QJsonValue {
        switch (node.kind) {
        case Kind::All:
        case Kind::Any: {
            QJsonArray items;
            for (const auto &child : node.children)
                items.append(write(*child));
            return QJsonObject{{groupKey(node.kind), items}};
        }
        case Kind::Not:
            return QJsonObject{{groupKey(node.kind), node.children.empty()
                                                         ? QJsonValue(QJsonObject())
                                                         : write(*node.children.front())}};
        case Kind::Condition:
            break;
        }
        QJsonObject condition{{QStringLiteral("field"), SegmentFields::key(node.field)},
                              {QStringLiteral("op"), keyOf(node.op)}};
        if (!node.value.isUndefined())
            condition.insert(QStringLiteral("value"), node.value);
        return condition;
    };
    return write(*m_root);
}

Result<SegmentRule> SegmentBuilderModel::rule() const
{
    return SegmentRule::fromJson(toJsonValue());
}

SegmentBuilderModel::Node *SegmentBuilderModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex SegmentBuilderModel::indexOf(const Node *node, int column) const
{
    if (!node)
        return {};
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

SegmentBuilderModel::Kind SegmentBuilderModel::kind(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node ? node->kind : Kind::Condition;
}

bool SegmentBuilderModel::isGroup(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node && node->isGroup();
}

SegmentField SegmentBuilderModel::field(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node ? node->field : SegmentField::OrdersCount;
}

SegmentOperator SegmentBuilderModel::op(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node ? node->op : SegmentOperator::Equal;
}

QJsonValue SegmentBuilderModel::value(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node ? node->value : QJsonValue(QJsonValue::Undefined);
}

QString SegmentBuilderModel::jsonPath(const QModelIndex &index) const
{
    QStringList parts;
    for (const Node *node = nodeAt(index); node && node->parent; node = node->parent) {
        const Node *group = node->parent;
        if (group->kind == Kind::Not)
            parts.prepend(groupKey(group->kind));
        else
            parts.prepend(QStringLiteral("%1[%2]").arg(groupKey(group->kind)).arg(node->row()));
    }
    return parts.join(QLatin1Char('.'));
}

QModelIndex SegmentBuilderModel::indexOfPath(const QString &message) const
{
    static const QRegularExpression step(QStringLiteral("^(all|any)\\[(\\d+)\\]$"));
    const QString path = message.section(QStringLiteral(": "), 0, 0);
    const Node *node = m_root.get();
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (part == QLatin1String("not") && node->kind == Kind::Not && !node->children.empty()) {
            node = node->children.front().get();
            continue;
        }
        const auto match = step.match(part);
        if (!match.hasMatch() || match.captured(1) != groupKey(node->kind))
            break;
        const int row = match.captured(2).toInt();
        if (row >= int(node->children.size()))
            break;
        node = node->children[size_t(row)].get();
    }
    return indexOf(node);
}

QModelIndex SegmentBuilderModel::addCondition(const QModelIndex &at)
{
    Node *group = nodeAt(at);
    if (group && !group->isGroup())
        group = group->parent;
    if (!group || (group->kind == Kind::Not && !group->children.empty()))
        return {};
    const int row = int(group->children.size());
    beginInsertRows(indexOf(group), row, row);
    group->adopt(conditionNode(SegmentField::OrdersCount));
    endInsertRows();
    emit ruleEdited();
    return index(row, 0, indexOf(group));
}

QModelIndex SegmentBuilderModel::addGroup(const QModelIndex &at, Kind kind)
{
    if (kind == Kind::Condition)
        return {};
    Node *group = nodeAt(at);
    if (group && !group->isGroup())
        group = group->parent;
    if (!group || (group->kind == Kind::Not && !group->children.empty()))
        return {};
    const int row = int(group->children.size());
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->adopt(conditionNode(SegmentField::OrdersCount));
    beginInsertRows(indexOf(group), row, row);
    group->adopt(std::move(node));
    endInsertRows();
    emit ruleEdited();
    return index(row, 0, indexOf(group));
}

bool SegmentBuilderModel::canRemove(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node && node->parent && node->parent->kind != Kind::Not;
}

bool SegmentBuilderModel::removeNode(const QModelIndex &index)
{
    if (!canRemove(index))
        return false;
    Node *node = nodeAt(index);
    Node *group = node->parent;
    const int row = node->row();
    beginRemoveRows(indexOf(group), row, row);
    group->children.erase(group->children.begin() + row);
    endRemoveRows();
    emit ruleEdited();
    return true;
}

bool SegmentBuilderModel::setGroupKind(const QModelIndex &index, Kind kind)
{
    Node *node = nodeAt(index);
    if (!node || !node->isGroup() || kind == Kind::Condition)
        return false;
    if (node->kind == kind)
        return true;
    if (kind == Kind::Not && node->children.size() > 1) {
        // Not takes one node: the group's nodes move, in order, into an "all" group under it.
        const QModelIndex group = indexOf(node);
        const int last = int(node->children.size()) - 1;
        auto inner = std::make_unique<Node>();
        beginRemoveRows(group, 0, last);
        for (auto &child : node->children)
            inner->adopt(std::move(child));
        node->children.clear();
        endRemoveRows();
        beginInsertRows(group, 0, 0);
        node->adopt(std::move(inner));
        endInsertRows();
    } else if (kind == Kind::Not && node->children.empty()) {
        beginInsertRows(indexOf(node), 0, 0);
        node->adopt(conditionNode(SegmentField::OrdersCount));
        endInsertRows();
    }
    node->kind = kind;
    changedRow(node);
    return true;
}

bool SegmentBuilderModel::setField(const QModelIndex &index, SegmentField field)
{
    Node *node = nodeAt(index);
    if (!node || node->isGroup())
        return false;
    if (node->field == field)
        return true;
    const bool sameType = SegmentFields::info(node->field).type == SegmentFields::info(field).type;
    const Op old = node->op;
    if (!sameType || !SegmentFields::allows(field, node->op))
        node->op = usualOperator(field);
    const bool carry = sameType && meaningOf(old) == meaningOf(node->op);
    node->value = defaultValue(field, node->op, carry ? node->value : QJsonValue::Undefined);
    node->field = field;
    changedRow(node);
    return true;
}

bool SegmentBuilderModel::setOperator(const QModelIndex &index, SegmentOperator op)
{
    Node *node = nodeAt(index);
    if (!node || node->isGroup() || !SegmentFields::allows(node->field, op))
        return false;
    if (node->op == op)
        return true;
    const bool carry = meaningOf(node->op) == meaningOf(op);
    node->value = defaultValue(node->field, op, carry ? node->value : QJsonValue::Undefined);
    node->op = op;
    changedRow(node);
    return true;
}

bool SegmentBuilderModel::setValue(const QModelIndex &index, const QJsonValue &value)
{
    Node *node = nodeAt(index);
    if (!node || node->isGroup())
        return false;
    if (node->value == value && node->value.type() == value.type())
        return true;
    node->value = value;
    changedRow(node);
    return true;
}

void SegmentBuilderModel::changedRow(const Node *node)
{
    emit dataChanged(indexOf(node, NodeColumn), indexOf(node, ColumnCount - 1));
    emit ruleEdited();
}

QJsonValue SegmentBuilderModel::defaultValue(SegmentField field, SegmentOperator op,
                                             const QJsonValue &previous) const
{
    const Type type = SegmentFields::info(field).type;
    const bool money = type == Type::Money;
    const auto isNumber = [money](const QJsonValue &v) {
        return money ? (v.isDouble() && v.toDouble() >= 0) : isWhole(v, 0, 1e12);
    };
    switch (op) {
    case Op::WithinDays:
    case Op::NotWithinDays:
        return isWhole(previous, 0, 100000) ? previous : QJsonValue(30);
    case Op::Before:
    case Op::After:
        return isFilledText(previous) ? previous : QJsonValue(m_today.toString(Qt::ISODate));
    case Op::TopPercent:
        return isWhole(previous, 1, 100) ? previous : QJsonValue(10);
    case Op::Between: {
        const QJsonArray pair = previous.toArray();
        if (pair.size() == 2 && isNumber(pair[0]) && isNumber(pair[1]))
            return previous;
        if (isNumber(previous))
            return QJsonArray{previous, previous};
        if (type == Type::Hours)
            return QJsonArray{24, 72};
        return money ? QJsonArray{10, 100} : QJsonArray{1, 5};
    }
    case Op::In: {
        if (previous.isArray() && !previous.toArray().isEmpty())
            return previous;
        if (isFilledText(previous))
            return QJsonArray{previous};
        return QJsonValue::Undefined;
    }
    default:
        break;
    }
    const QJsonValue one = previous.isArray() ? previous.toArray().first() : previous;
    switch (type) {
    case Type::Count:
        return isNumber(one) ? one : QJsonValue(1);
    case Type::Hours:
        return isNumber(one) ? one : QJsonValue(48);
    case Type::Money:
        return isNumber(one) ? one : QJsonValue(100);
    case Type::Bool:
        return one.isBool() ? one : QJsonValue(true);
    case Type::SubStatus:
        return isFilledText(one) ? one : QJsonValue(QStringLiteral("active"));
    case Type::RfmGroup:
        return isFilledText(one) ? one : QJsonValue(QStringLiteral("champions"));
    case Type::Date:
    case Type::Sku:
    case Type::Category:
    case Type::Text:
    case Type::Plan:
        break;
    }
    return isFilledText(one) ? one : QJsonValue(QJsonValue::Undefined);
}

QString SegmentBuilderModel::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::All:
        return tr("All of these");
    case Kind::Any:
        return tr("Any of these");
    case Kind::Not:
        return tr("Not this");
    case Kind::Condition:
        break;
    }
    return tr("Condition");
}

QString SegmentBuilderModel::operatorLabel(SegmentOperator op)
{
    switch (op) {
    case Op::Equal:
        return tr("is");
    case Op::NotEqual:
        return tr("is not");
    case Op::Less:
        return tr("less than");
    case Op::LessOrEqual:
        return tr("at most");
    case Op::Greater:
        return tr("more than");
    case Op::GreaterOrEqual:
        return tr("at least");
    case Op::Between:
        return tr("between");
    case Op::In:
        return tr("is one of");
    case Op::Contains:
        return tr("contains");
    case Op::Before:
        return tr("before");
    case Op::After:
        return tr("after");
    case Op::WithinDays:
        return tr("in the last");
    case Op::NotWithinDays:
        return tr("not in the last");
    case Op::TopPercent:
        return tr("in the top");
    }
    return {};
}

QString SegmentBuilderModel::valueText(SegmentField field, SegmentOperator op,
                                       const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull()
        || (value.isString() && value.toString().trimmed().isEmpty())) {
        return tr("(no value yet)");
    }
    const Type type = SegmentFields::info(field).type;
    const auto one = [type](const QJsonValue &v) -> QString {
        if (v.isBool())
            return v.toBool() ? tr("yes") : tr("no");
        if (v.isString())
            return v.toString();
        if (type == Type::Money)
            return moneyText(v);
        return numberText(v.toDouble());
    };
    switch (op) {
    case Op::WithinDays:
    case Op::NotWithinDays:
        return value.toInt() == 1 ? tr("1 day") : tr("%1 days").arg(value.toInt());
    case Op::TopPercent:
        return tr("%1 % by total spent").arg(value.toInt());
    case Op::Between: {
        const QJsonArray pair = value.toArray();
        if (pair.size() == 2) {
            const QString unit = type == Type::Hours ? tr(" hours") : QString();
            return tr("%1 and %2%3").arg(one(pair[0]), one(pair[1]), unit);
        }
        break;
    }
    case Op::In: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items << one(item);
        return items.join(QStringLiteral(", "));
    }
    default:
        break;
    }
    if (type == Type::Hours && value.isDouble())
        return value.toInt() == 1 ? tr("1 hour") : tr("%1 hours").arg(value.toInt());
    return one(value);
}

QModelIndex SegmentBuilderModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row == 0 ? createIndex(0, column, m_root.get()) : QModelIndex();
    const Node *group = nodeAt(parent);
    if (!group || parent.column() != 0 || row >= int(group->children.size()))
        return {};
    return createIndex(row, column, group->children[size_t(row)].get());
}

QModelIndex SegmentBuilderModel::parent(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    if (!node || !node->parent)
        return {};
    return indexOf(node->parent);
}

int SegmentBuilderModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeAt(parent);
    return node ? int(node->children.size()) : 0;
}

int SegmentBuilderModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SegmentBuilderModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeAt(index);
    if (!node)
        return {};
    switch (role) {
    case KindRole:
        return int(node->kind);
    case FieldRole:
        return node->isGroup() ? QVariant() : QVariant(int(node->field));
    case OperatorRole:
        return node->isGroup() ? QVariant() : QVariant(int(node->op));
    case ValueRole:
        return node->isGroup() ? QVariant() : QVariant::fromValue(node->value);
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    if (node->isGroup()) {
        if (index.column() != NodeColumn)
            return {};
        if (role == Qt::ToolTipRole) {
            switch (node->kind) {
            case Kind::All:
                return tr("A customer is in when every line below matches");
            case Kind::Any:
                return tr("A customer is in when at least one line below matches");
            default:
                return tr("A customer is in when the line below does not match");
            }
        }
        return kindLabel(node->kind);
    }
    switch (index.column()) {
    case NodeColumn:
        return SegmentFields::label(node->field);
    case OperatorColumn:
        return operatorLabel(node->op);
    case ValueColumn:
        return valueText(node->field, node->op, node->value);
    default:
        break;
    }
    return {};
}

bool SegmentBuilderModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    switch (role) {
    case KindRole:
        return setGroupKind(index, Kind(value.toInt()));
    case FieldRole:
        return value.toInt() >= 0 && value.toInt() < kSegmentFieldCount
               && setField(index, SegmentField(value.toInt()));
    case OperatorRole:
        return value.toInt() >= 0 && value.toInt() < kSegmentOperatorCount
               && setOperator(index, SegmentOperator(value.toInt()));
    case ValueRole:
        return setValue(index, value.value<QJsonValue>());
    default:
        break;
    }
    return false;
}

Qt::ItemFlags SegmentBuilderModel::flags(const QModelIndex &index) const
{
    if (!nodeAt(index))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant SegmentBuilderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn:
        return tr("Condition");
    case OperatorColumn:
        return tr("Comparison");
    case ValueColumn:
        return tr("Value");
    default:
        break;
    }
    return {};
}

} // namespace md
