#include "segmentrule.h"

#include "core/money.h"
#include "rfmscoring.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace md {

namespace {

using Op = SegmentOperator;
using Type = SegmentValueType;

constexpr qint64 kMaxWhole = 1000000000000LL; // far above any count, day or hour a shop has
const QStringList kStatuses = {QStringLiteral("active"), QStringLiteral("paused"),
                               QStringLiteral("cancelled"), QStringLiteral("past_due")};

QString shown(const QString &path)
{
    return path.isEmpty() ? SegmentRule::tr("the rule") : path;
}

Error at(const QString &path, const QString &why)
{
    return fail(SegmentRule::tr("%1: %2").arg(shown(path), why));
}

QString join(const QString &path, const QString &member)
{
    return path.isEmpty() ? member : path + QLatin1Char('.') + member;
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    case QJsonValue::Array:
        return SegmentRule::tr("an array");
    case QJsonValue::Object:
        return SegmentRule::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return SegmentRule::tr("nothing");
}

Result<qint64> wholeNumber(const QJsonValue &value, const QString &path, qint64 min, qint64 max)
{
    const double d = value.toDouble();
    if (!value.isDouble() || d != std::floor(d) || d < double(min) || d > double(max)) {
        return at(path, SegmentRule::tr("%1 is not a whole number from %2 to %3")
                            .arg(describe(value))
                            .arg(min)
                            .arg(max));
    }
    return qint64(d);
}

Result<qint64> cents(const QJsonValue &value, const QString &path)
{
    QString text;
    if (value.isDouble())
        text = QString::number(value.toDouble(), 'f', QLocale::FloatingPointShortest);
    else if (value.isString())
        text = value.toString();
    else
        return at(path, SegmentRule::tr("%1 is not an amount of money, such as 100 or 99.95")
                            .arg(describe(value)));
    auto parsed = money::parse(text);
    if (!parsed || *parsed > kMaxWhole)
        return at(path,
                  SegmentRule::tr("%1 is not an amount of money exact to the cent, such as 99.95")
                      .arg(describe(value)));
    return *parsed;
}

QJsonValue moneyJson(qint64 value)
{
    return QJsonValue(double(value) / 100.0);
}

Result<QString> text(const QJsonValue &value, const QString &path)
{
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return at(path, SegmentRule::tr("%1 is not a non-empty text").arg(describe(value)));
    return value.toString();
}

// A date (the whole UTC day) or an ISO time; `bound` as SegmentCondition::numbers documents.
Result<std::pair<qint64, QString>> dateBound(const QJsonValue &value, const QString &path, Op op)
{
    static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString raw = value.toString();
    if (value.isString() && isoDate.match(raw).hasMatch()) {
        const QDate date = QDate::fromString(raw, Qt::ISODate);
        if (date.isValid()) {
            const QDate day = op == Op::After ? date.addDays(1) : date;
            return std::pair{QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch(),
                             date.toString(Qt::ISODate)};
        }
    }
    if (value.isString() && raw.contains(QLatin1Char('T'))) {
        QDateTime time = QDateTime::fromString(raw, Qt::ISODate);
        if (time.isValid()) {
            if (time.timeSpec() == Qt::LocalTime)
                time = QDateTime(time.date(), time.time(), QTimeZone::utc());
            const qint64 epoch = time.toSecsSinceEpoch();
            return std::pair{op == Op::After ? epoch + 1 : epoch,
                             time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"))};
        }
    }
    return at(path,
              SegmentRule::tr("%1 is not a date (2026-06-30) or an ISO time (2026-06-30T12:00:00Z)")
                  .arg(describe(value)));
}

Status readValue(SegmentCondition &condition, const QJsonValue &value, const QString &path)
{
    const SegmentFieldInfo &info = SegmentFields::info(condition.field);
    const Op op = condition.op;

    if (op == Op::WithinDays || op == Op::NotWithinDays) {
        auto days = wholeNumber(value, path, 0, 100000);
        if (!days)
            return fail(days.error());
        condition.numbers = {*days};
        condition.value = QJsonValue(double(*days));
        return {};
    }
    if (op == Op::Before || op == Op::After) {
        auto bound = dateBound(value, path, op);
        if (!bound)
            return fail(bound.error());
        condition.numbers = {bound->first};
        condition.value = bound->second;
        return {};
    }
    if (op == Op::TopPercent) {
        auto percent = wholeNumber(value, path, 1, 100);
        if (!percent)
            return fail(percent.error());
        condition.numbers = {*percent};
        condition.value = QJsonValue(double(*percent));
        return {};
    }

    switch (info.type) {
    case Type::Count:
    case Type::Hours:
    case Type::Money: {
        const auto one = [&](const QJsonValue &v, const QString &p) -> Result<qint64> {
            if (info.type == Type::Money)
                return cents(v, p);
            return wholeNumber(v, p, 0, kMaxWhole);
        };
        const auto json = [&](qint64 n) {
            return info.type == Type::Money ? moneyJson(n) : QJsonValue(double(n));
        };
        if (op == Op::Between) {
            const QJsonArray pair = value.toArray();
            if (!value.isArray() || pair.size() != 2)
                return at(path, SegmentRule::tr(
                                    "between needs an array of two values, such as [10, 20]"));
            auto low = one(pair[0], path + QStringLiteral("[0]"));
            if (!low)
                return fail(low.error());
            auto high = one(pair[1], path + QStringLiteral("[1]"));
            if (!high)
                return fail(high.error());
            if (*low > *high)
                return at(path,
                          SegmentRule::tr("the first value of between is greater than the second"));
            condition.numbers = {*low, *high};
            condition.value = QJsonArray{json(*low), json(*high)};
            return {};
        }
        auto number = one(value, path);
        if (!number)
            return fail(number.error());
        condition.numbers = {*number};
        condition.value = json(*number);
        return {};
    }
    case Type::Bool:
        if (!value.isBool())
            return at(path, SegmentRule::tr("%1 is not true or false").arg(describe(value)));
        condition.numbers = {value.toBool() ? 1 : 0};
        condition.value = value.toBool();
        return {};
    case Type::Date:
        break; // only the date operators, handled above
    case Type::Sku:
    case Type::Category:
    case Type::Text:
    case Type::Plan:
    case Type::SubStatus:
    case Type::RfmGroup: {
        const auto one = [&](const QJsonValue &v, const QString &p) -> Result<QString> {
            auto read = text(v, p);
            if (!read)
                return read;
            QString out = *read;
            if (info.type == Type::Text)
                out = out.trimmed().toLower();
            if (info.type == Type::SubStatus && !kStatuses.contains(out)) {
                return at(p, SegmentRule::tr("%1 is not a subscription status; use %2")
                                 .arg(describe(v), kStatuses.join(QStringLiteral(", "))));
            }
            if (info.type == Type::RfmGroup && !fromKey<RfmGroup>(out)) {
                return at(p, SegmentRule::tr("%1 is not an RFM group; use one of %2")
                                 .arg(describe(v), keyList<RfmGroup>()));
            }
            return out;
        };
        if (op == Op::In) {
            const QJsonArray list = value.toArray();
            if (!value.isArray() || list.isEmpty())
                return at(path,
                          SegmentRule::tr("in needs a non-empty array, such as [\"a\", \"b\"]"));
            QJsonArray canonical;
            for (qsizetype i = 0; i < list.size(); ++i) {
                auto item = one(list[i], path + QStringLiteral("[%1]").arg(i));
                if (!item)
                    return fail(item.error());
                condition.texts << *item;
                canonical.append(*item);
            }
            condition.value = canonical;
            return {};
        }
        auto item = one(value, path);
        if (!item)
            return fail(item.error());
        condition.texts = {*item};
        condition.value = *item;
        return {};
    }
    }
    return at(path, SegmentRule::tr("the operator does not take a value here"));
}

Result<SegmentNode> readNode(const QJsonValue &json, const QString &path)
{
    if (!json.isObject())
        return at(path,
                  SegmentRule::tr("%1 is not a group or a condition object").arg(describe(json)));
    const QJsonObject object = json.toObject();
    SegmentNode node;
    for (const auto &[key, kind] : {std::pair{QStringLiteral("all"), SegmentNode::Kind::All},
                                    std::pair{QStringLiteral("any"), SegmentNode::Kind::Any},
                                    std::pair{QStringLiteral("not"), SegmentNode::Kind::Not}}) {
        if (!object.contains(key))
            continue;
        const QString inner = join(path, key);
        if (object.size() != 1) {
            return at(path, SegmentRule::tr(
                                "a group has the one member \"%1\" and nothing beside it; found %2")
                                .arg(key, object.keys().join(QStringLiteral(", "))));
        }
        node.kind = kind;
        if (kind == SegmentNode::Kind::Not) {
            auto child = readNode(object.value(key), inner);
            if (!child)
                return child;
            node.children.push_back(std::move(*child));
            return node;
        }
        if (!object.value(key).isArray())
            return at(inner, SegmentRule::tr("a group holds an array of conditions and groups"));
        const QJsonArray items = object.value(key).toArray();
        if (items.isEmpty())
            return at(inner, SegmentRule::tr("the group is empty; give it at least one condition"));
        for (qsizetype i = 0; i < items.size(); ++i) {
            auto child = readNode(items[i], inner + QStringLiteral("[%1]").arg(i));
            if (!child)
                return child;
            node.children.push_back(std::move(*child));
        }
        return node;
    }

    for (const QString &key : object.keys()) {
        if (key != QLatin1String("field") && key != QLatin1String("op")
            && key != QLatin1String("value")) {
            return at(join(path, key),
                      SegmentRule::tr("unknown member \"%1\"; a condition has field, op and "
                                      "value, a group is all, any or not")
                          .arg(key));
        }
    }
    const QString fieldPath = join(path, QStringLiteral("field"));
    const QString opPath = join(path, QStringLiteral("op"));
    const QString valuePath = join(path, QStringLiteral("value"));
    if (!object.contains(QStringLiteral("field")))
        return at(fieldPath, SegmentRule::tr("missing; a condition needs field, op and value"));
    const QJsonValue fieldValue = object.value(QStringLiteral("field"));
    const auto field = SegmentFields::fromKey(fieldValue.toString());
    if (!fieldValue.isString() || !field) {
        return at(fieldPath, SegmentRule::tr("unknown field %1; use one of %2")
                                 .arg(describe(fieldValue), keyList<SegmentField>()));
    }
    node.condition.field = *field;
    if (!object.contains(QStringLiteral("op")))
        return at(opPath, SegmentRule::tr("missing; a condition needs field, op and value"));
    const QJsonValue opValue = object.value(QStringLiteral("op"));
    const auto op = fromKey<SegmentOperator>(opValue.toString());
    if (!opValue.isString() || !op) {
        return at(opPath, SegmentRule::tr("unknown operator %1; use one of %2")
                              .arg(describe(opValue), keyList<SegmentOperator>()));
    }
    if (!SegmentFields::allows(*field, *op)) {
        return at(opPath, SegmentRule::tr("%1 does not allow the operator %2; use one of %3")
                              .arg(SegmentFields::key(*field), describe(opValue),
                                   SegmentFields::operatorList(*field)));
    }
    node.condition.op = *op;
    if (!object.contains(QStringLiteral("value")))
        return at(valuePath, SegmentRule::tr("missing; a condition needs field, op and value"));
    if (auto read = readValue(node.condition, object.value(QStringLiteral("value")), valuePath);
        !read) {
        return fail(read.error());
    }
    return node;
}

QJsonValue writeNode(const SegmentNode &node)
{
    switch (node.kind) {
    case SegmentNode::Kind::All:
    case SegmentNode::Kind::Any: {
        QJsonArray items;
        for (const SegmentNode &child : node.children)
            items.append(writeNode(child));
        return QJsonObject{
            {node.kind == SegmentNode::Kind::All ? QStringLiteral("all") : QStringLiteral("any"),
             items}};
    }
    case SegmentNode::Kind::Not:
        return QJsonObject{{QStringLiteral("not"), writeNode(node.children.front())}};
    case SegmentNode::Kind::Condition:
        break;
    }
    return QJsonObject{{QStringLiteral("field"), SegmentFields::key(node.condition.field)},
                       {QStringLiteral("op"), keyOf(node.condition.op)},
                       {QStringLiteral("value"), node.condition.value}};
}

void collectFields(const SegmentNode &node, QList<SegmentField> &out)
{
    if (node.kind == SegmentNode::Kind::Condition) {
        if (!out.contains(node.condition.field))
            out << node.condition.field;
        return;
    }
    for (const SegmentNode &child : node.children)
        collectFields(child, out);
}

} // namespace

Result<SegmentRule> SegmentRule::parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return fail(tr("the rule is not valid JSON: %1 at offset %2")
                        .arg(error.errorString())
                        .arg(error.offset));
    }
    if (!document.isObject())
        return fail(tr("the rule: a JSON object such as {\"all\": [...]} is needed"));
    return fromJson(document.object());
}

Result<SegmentRule> SegmentRule::fromJson(const QJsonValue &value)
{
    auto root = readNode(value, QString());
    if (!root)
        return fail(root.error());
    return fromNode(std::move(*root));
}

SegmentRule SegmentRule::fromNode(SegmentNode root)
{
    SegmentRule rule;
    rule.m_root = std::move(root);
    return rule;
}

QJsonValue SegmentRule::toJsonValue() const
{
    return writeNode(m_root);
}

QByteArray SegmentRule::toJson() const
{
    return QJsonDocument(toJsonValue().toObject()).toJson(QJsonDocument::Compact);
}

QList<SegmentField> SegmentRule::fields() const
{
    QList<SegmentField> out;
    collectFields(m_root, out);
    return out;
}

} // namespace md
