#pragma once

// A segment's definition: a tree of groups (all, any, not) over conditions {field, op, value},
// read from its JSON form, checked against the field allow-list, and written back in one
// canonical form. Pure: no database. Every error names the node as a JSON path
// ("all[1].any[0].op") and says why.

#include "core/result.h"
#include "segmentfields.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <vector>

namespace md {

struct SegmentCondition
{
    SegmentField field = SegmentField::OrdersCount;
    SegmentOperator op = SegmentOperator::Equal;
    // The checked value, ready for binding:
    //   counts, hours, days, top_percent: the whole numbers; money: cents; bool: 0 or 1;
    //   before: t < numbers[0]; after: t >= numbers[0] (UTC epoch seconds, see segments.md).
    std::vector<qint64> numbers;
    // SKUs, categories, email domains (lower case), plan names, status keys.
    QStringList texts;
    QJsonValue value; // canonical JSON of the value
};

struct SegmentNode
{
    enum class Kind { All, Any, Not, Condition };
    Kind kind = Kind::Condition;
    std::vector<SegmentNode> children; // All/Any: one or more; Not: exactly one
    SegmentCondition condition;        // Kind::Condition only
};

class SegmentRule
{
    Q_DECLARE_TR_FUNCTIONS(md::SegmentRule)

public:
    // Reads and checks a definition; bad JSON names the offset.
    static Result<SegmentRule> parse(const QByteArray &json);
    static Result<SegmentRule> fromJson(const QJsonValue &value);
    // The same tree built in code (tests, built-ins); not checked.
    static SegmentRule fromNode(SegmentNode root);

    const SegmentNode &root() const { return m_root; }
    // Canonical compact JSON: keys in a fixed order, money as a number of currency units,
    // dates as "yyyy-MM-dd" or "yyyy-MM-ddTHH:mm:ssZ", domains in lower case.
    QByteArray toJson() const;
    QJsonValue toJsonValue() const;
    // The fields the conditions use, each once, in the order they first appear.
    QList<SegmentField> fields() const;

private:
    SegmentNode m_root;
};

} // namespace md
