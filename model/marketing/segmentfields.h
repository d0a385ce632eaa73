#pragma once

// The allow-list of a segment rule: every field a condition may name, with its value type, the
// operators it allows and the label the builder shows. Nothing outside this table reaches SQL as
// an identifier; the compiler pairs each entry with one SQL fragment builder.

#include "core/enumkeys.h"

#include <QList>
#include <QString>

#include <optional>

namespace md {

enum class SegmentField {
    OrdersCount,
    TotalSpent,
    AvgOrderValue,
    FirstOrder,
    LastOrder,
    BoughtProduct,
    BoughtCategory,
    ViewedProduct,
    ViewedCategory,
    CartAbandonedHours,
    EmailDomain,
    Created,
    AcceptsMarketing,
    Unsubscribed,
    SubscriptionPlan,
    SubscriptionStatus,
    RfmGroup,
};
constexpr int kSegmentFieldCount = 17;

constexpr auto enumKeys(SegmentField)
{
    return keyTable<SegmentField>({
        {SegmentField::OrdersCount, "orders_count"},
        {SegmentField::TotalSpent, "total_spent"},
        {SegmentField::AvgOrderValue, "avg_order_value"},
        {SegmentField::FirstOrder, "first_order"},
        {SegmentField::LastOrder, "last_order"},
        {SegmentField::BoughtProduct, "bought_product"},
        {SegmentField::BoughtCategory, "bought_category"},
        {SegmentField::ViewedProduct, "viewed_product"},
        {SegmentField::ViewedCategory, "viewed_category"},
        {SegmentField::CartAbandonedHours, "cart_abandoned_hours"},
        {SegmentField::EmailDomain, "email_domain"},
        {SegmentField::Created, "created"},
        {SegmentField::AcceptsMarketing, "accepts_marketing"},
        {SegmentField::Unsubscribed, "unsubscribed"},
        {SegmentField::SubscriptionPlan, "subscription_plan"},
        {SegmentField::SubscriptionStatus, "subscription_status"},
        {SegmentField::RfmGroup, "rfm_group"},
    });
}
static_assert(enumKeys(SegmentField{}).coversFirst(kSegmentFieldCount));

enum class SegmentOperator {
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Between,
    In,
    Contains,
    Before,
    After,
    WithinDays,
    NotWithinDays,
    TopPercent,
};
constexpr int kSegmentOperatorCount = 14;

constexpr auto enumKeys(SegmentOperator)
{
    return keyTable<SegmentOperator>({
        {SegmentOperator::Equal, "="},
        {SegmentOperator::NotEqual, "!="},
        {SegmentOperator::Less, "<"},
        {SegmentOperator::LessOrEqual, "<="},
        {SegmentOperator::Greater, ">"},
        {SegmentOperator::GreaterOrEqual, ">="},
        {SegmentOperator::Between, "between"},
        {SegmentOperator::In, "in"},
        {SegmentOperator::Contains, "contains"},
        {SegmentOperator::Before, "before"},
        {SegmentOperator::After, "after"},
        {SegmentOperator::WithinDays, "within_days"},
        {SegmentOperator::NotWithinDays, "not_within_days"},
        {SegmentOperator::TopPercent, "top_percent"},
    });
}
static_assert(enumKeys(SegmentOperator{}).coversFirst(kSegmentOperatorCount));

// What a field's value is, which decides how a condition's value is read and checked.
enum class SegmentValueType {
    Count,     // a whole number >= 0
    Money,     // currency units, exact to the cent (a JSON number or a "12.50" string)
    Date,      // a UTC date "2026-06-30" or an ISO time; within_days takes whole days
    Hours,     // a whole number of hours >= 0
    Sku,       // a product's SKU: the customer's set of products
    Category,  // a product category: the customer's set of categories
    Text,      // one text per customer
    Bool,      // true or false
    Plan,      // a plan name: the customer's set of current plans
    SubStatus, // a subscription status key: the customer's set of statuses
    RfmGroup,  // an RFM group key ("champions"): the customer's one group as of T
};

struct SegmentFieldInfo
{
    SegmentField field;
    SegmentValueType type;
    const char *label; // QT_TRANSLATE_NOOP("md::SegmentFields", ...)
    QList<SegmentOperator> operators;
};

class SegmentFields
{
public:
    static const QList<SegmentFieldInfo> &all();
    static const SegmentFieldInfo &info(SegmentField field);
    static std::optional<SegmentField> fromKey(QStringView key);
    static QString key(SegmentField field) { return keyOf(field); }
    // The builder's label, translated.
    static QString label(SegmentField field);
    static bool allows(SegmentField field, SegmentOperator op);
    // "=, !=, <" for a message.
    static QString operatorList(SegmentField field);
};

} // namespace md
