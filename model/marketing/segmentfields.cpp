#include "segmentfields.h"

#include <QCoreApplication>
#include <QStringList>

namespace md {

namespace {

using Op = SegmentOperator;
using Type = SegmentValueType;

const QList<Op> kNumber = {Op::Equal,   Op::NotEqual,       Op::Less,   Op::LessOrEqual,
                           Op::Greater, Op::GreaterOrEqual, Op::Between};
const QList<Op> kDate = {Op::Before, Op::After, Op::WithinDays, Op::NotWithinDays};
const QList<Op> kSet = {Op::Equal, Op::NotEqual, Op::In, Op::Contains};
const QList<Op> kBool = {Op::Equal, Op::NotEqual};

QList<SegmentFieldInfo> makeTable()
{
    QList<Op> money = kNumber;
    money << Op::TopPercent;
    return {
        {SegmentField::OrdersCount, Type::Count,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Number of completed orders"), kNumber},
        {SegmentField::TotalSpent, Type::Money,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Total spent"), money},
        {SegmentField::AvgOrderValue, Type::Money,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Average order value"), kNumber},
        {SegmentField::FirstOrder, Type::Date,
         QT_TRANSLATE_NOOP("md::SegmentFields", "First completed order"), kDate},
        {SegmentField::LastOrder, Type::Date,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Last completed order"), kDate},
        {SegmentField::BoughtProduct, Type::Sku,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Bought product (SKU)"), kSet},
        {SegmentField::BoughtCategory, Type::Category,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Bought from category"), kSet},
        {SegmentField::ViewedProduct, Type::Sku,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Viewed product (SKU)"), kSet},
        {SegmentField::ViewedCategory, Type::Category,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Viewed category"), kSet},
        {SegmentField::CartAbandonedHours,
         Type::Hours,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Cart abandoned (hours ago)"),
         {Op::Less, Op::LessOrEqual, Op::Greater, Op::GreaterOrEqual, Op::Between}},
        {SegmentField::EmailDomain, Type::Text,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Email domain"), kSet},
        {SegmentField::Created, Type::Date,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Customer since"), kDate},
        {SegmentField::AcceptsMarketing, Type::Bool,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Accepts marketing"), kBool},
        {SegmentField::Unsubscribed, Type::Bool,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Unsubscribed"), kBool},
        {SegmentField::SubscriptionPlan,
         Type::Plan,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Subscription plan"),
         {Op::Equal, Op::NotEqual, Op::In}},
        {SegmentField::SubscriptionStatus,
         Type::SubStatus,
         QT_TRANSLATE_NOOP("md::SegmentFields", "Subscription status"),
         {Op::Equal, Op::NotEqual, Op::In}},
        {SegmentField::RfmGroup,
         Type::RfmGroup,
         QT_TRANSLATE_NOOP("md::SegmentFields", "RFM group"),
         {Op::Equal, Op::NotEqual, Op::In}},
    };
}

} // namespace

const QList<SegmentFieldInfo> &SegmentFields::all()
{
    static const QList<SegmentFieldInfo> table = makeTable();
    return table;
}

const SegmentFieldInfo &SegmentFields::info(SegmentField field)
{
    return all()[int(field)];
}

std::optional<SegmentField> SegmentFields::fromKey(QStringView key)
{
    return md::fromKey<SegmentField>(key);
}

QString SegmentFields::label(SegmentField field)
{
    return QCoreApplication::translate("md::SegmentFields", info(field).label);
}

bool SegmentFields::allows(SegmentField field, SegmentOperator op)
{
    return info(field).operators.contains(op);
}

QString SegmentFields::operatorList(SegmentField field)
{
    QStringList keys;
    for (SegmentOperator op : info(field).operators)
        keys << keyOf(op);
    return keys.join(QStringLiteral(", "));
}

} // namespace md
