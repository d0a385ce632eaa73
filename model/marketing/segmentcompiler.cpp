#include "segmentcompiler.h"

#include "core/money.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <functional>
#include <limits>

namespace md {

namespace {

using Op = SegmentOperator;
using F = SegmentField;

constexpr qint64 kDay = 86400;
constexpr qint64 kHour = 3600;
// Below every stored time: "no completed order" compares as older than any cart event.
constexpr qint64 kNever = std::numeric_limits<qint64>::min() / 2;

struct Sql
{
    QString text;
    QVariantList values;
};

// The RFM groups as SQL: measures as RfmStore reads them, scores as RfmScoring gives them
// (recency reversed), then the first of RfmScoring::groupRanges() that holds all three, else
// others. For all customers (customer_id, grp), one grouped pass over the orders, scanned
// (Dialect::unindexed) as in RfmStore; or for the customer `c` of the enclosing query (grp
// alone, no row without a completed order), through that customer's orders.
CompiledQuery rfmGroupQuery(const Dialect &dialect, const RfmMeasureBreaks &breaks, qint64 asOf,
                            bool oneCustomer);

// The SQL building blocks of the fields, all over the customer row `c`.
class Builder
{
public:
    // `grouped`: the query joins the customer's completed orders as of T as `o` and groups by
    // c.id (ids() on a dialect that prefersGroupedJoin()), so the order aggregates are plain
    // aggregate calls instead of a correlated subquery each.
    Builder(const Dialect &dialect, qint64 asOf, const std::optional<RfmMeasureBreaks> &rfm,
            bool grouped = false)
        : m_dialect(dialect)
        , m_asOf(asOf)
        , m_rfm(rfm)
        , m_grouped(grouped)
    {}

    Sql node(const SegmentNode &node) const
    {
        switch (node.kind) {
        case SegmentNode::Kind::All:
        case SegmentNode::Kind::Any: {
            Sql out;
            QStringList parts;
            for (const SegmentNode &child : node.children) {
                Sql part = this->node(child);
                parts << part.text;
                out.values += part.values;
            }
            const QString glue = node.kind == SegmentNode::Kind::All ? QStringLiteral(" AND ")
                                                                     : QStringLiteral(" OR ");
            out.text = QLatin1Char('(') + parts.join(glue) + QLatin1Char(')');
            return out;
        }
        case SegmentNode::Kind::Not: {
            Sql inner = this->node(node.children.front());
            return {QStringLiteral("(NOT %1)").arg(inner.text), inner.values};
        }
        case SegmentNode::Kind::Condition:
            break;
        }
        return condition(node.condition);
    }

    // Every field's condition: one case per allow-list entry.
    Sql condition(const SegmentCondition &c) const
    {
        if (m_grouped && readsOrderTotals(c))
            return groupedCondition(c);
        switch (c.field) {
        case F::OrdersCount:
            return compare(
                {QStringLiteral("(SELECT COUNT(*) FROM orders o WHERE %1)").arg(completed()),
                 {m_asOf}},
                c.op, c.numbers);
        case F::TotalSpent:
            if (c.op == Op::TopPercent)
                return topPercent(c.numbers.front());
            return compare({QStringLiteral("(SELECT COALESCE(SUM(o.total_cents), 0) FROM orders o "
                                           "WHERE %1)")
                                .arg(completed()),
                            {m_asOf}},
                           c.op, c.numbers);
        case F::AvgOrderValue:
            return averageOrder(c);
        case F::FirstOrder:
        case F::LastOrder: {
            Sql having = dateCompare(orderTimeAggregate(c.field), c);
            return {QStringLiteral("EXISTS (SELECT 1 FROM orders o WHERE %1 GROUP BY o.customer_id "
                                   "HAVING %2)")
                        .arg(completed(), having.text),
                    QVariantList{m_asOf} + having.values};
        }
        case F::BoughtProduct:
        case F::BoughtCategory:
            return productMatch(QStringLiteral("orders o JOIN order_lines l ON l.order_id = o.id "
                                               "JOIN products p ON p.id = l.product_id"),
                                QStringLiteral("o.customer_id"),
                                QStringLiteral("o.status = 'completed' AND o.ordered_at <= ?"),
                                c.field == F::BoughtProduct ? QStringLiteral("p.sku")
                                                            : QStringLiteral("p.category"),
                                c);
        case F::ViewedProduct:
        case F::ViewedCategory:
            return productMatch(
                QStringLiteral("events e JOIN products p ON p.id = e.product_id"),
                QStringLiteral("e.customer_id"),
                QStringLiteral("e.event_type = 'product_viewed' AND e.occurred_at <= ?"),
                c.field == F::ViewedProduct ? QStringLiteral("p.sku")
                                            : QStringLiteral("p.category"),
                c);
        case F::CartAbandonedHours:
            return cartAbandoned(c);
        case F::EmailDomain:
            return textMatch(emailDomain(), c);
        case F::Created: {
            Sql cmp = dateCompare(QStringLiteral("c.created_at"), c);
            return cmp;
        }
        case F::AcceptsMarketing:
            return {c.op == Op::Equal ? QStringLiteral("c.accepts_marketing = ?")
                                      : QStringLiteral("c.accepts_marketing <> ?"),
                    {c.numbers.front()}};
        case F::Unsubscribed:
            return {QStringLiteral("(CASE WHEN %1 THEN 1 ELSE 0 END) %2 ?")
                        .arg(unsubscribed(),
                             c.op == Op::Equal ? QStringLiteral("=") : QStringLiteral("<>")),
                    {m_asOf, c.numbers.front()}};
        case F::SubscriptionPlan:
            return setMatch(QStringLiteral("subscriptions s JOIN plans pl ON pl.id = s.plan_id"),
                            currentSubscription(), QStringLiteral("pl.name"), c);
        case F::SubscriptionStatus:
            return setMatch(QStringLiteral("subscriptions s"), startedSubscription(),
                            QStringLiteral("s.status"), c);
        case F::RfmGroup:
            return rfmGroup(c);
        }
        return {QStringLiteral("1 = 0"), {}};
    }

    // A field's value columns for the members query.
    Sql value(SegmentField field) const
    {
        switch (field) {
        case F::OrdersCount:
            return {QStringLiteral("(SELECT COUNT(*) FROM orders o WHERE %1)").arg(completed()),
                    {m_asOf}};
        case F::TotalSpent:
            return {QStringLiteral("(SELECT COALESCE(SUM(o.total_cents), 0) FROM orders o WHERE "
                                   "%1)")
                        .arg(completed()),
                    {m_asOf}};
        case F::AvgOrderValue:
            return {QStringLiteral("(SELECT SUM(o.total_cents) FROM orders o WHERE %1), "
                                   "(SELECT COUNT(*) FROM orders o WHERE %1)")
                        .arg(completed()),
                    {m_asOf, m_asOf}};
        case F::FirstOrder:
            return {QStringLiteral("(SELECT MIN(o.ordered_at) FROM orders o WHERE %1)")
                        .arg(completed()),
                    {m_asOf}};
        case F::LastOrder:
            return {QStringLiteral("(SELECT MAX(o.ordered_at) FROM orders o WHERE %1)")
                        .arg(completed()),
                    {m_asOf}};
        case F::BoughtProduct:
        case F::BoughtCategory:
            return {QStringLiteral("(SELECT %1 FROM orders o JOIN order_lines l ON l.order_id = "
                                   "o.id JOIN products p ON p.id = l.product_id WHERE %2)")
                        .arg(m_dialect.textAggregate(field == F::BoughtProduct
                                                         ? QStringLiteral("p.sku")
                                                         : QStringLiteral("p.category")),
                             completed()),
                    {m_asOf}};
        case F::ViewedProduct:
        case F::ViewedCategory:
            return {QStringLiteral("(SELECT %1 FROM events e JOIN products p ON p.id = "
                                   "e.product_id WHERE %2)")
                        .arg(m_dialect.textAggregate(field == F::ViewedProduct
                                                         ? QStringLiteral("p.sku")
                                                         : QStringLiteral("p.category")),
                             viewed()),
                    {m_asOf}};
        case F::CartAbandonedHours:
            return {QStringLiteral("(SELECT MAX(e.occurred_at) FROM events e WHERE %1), "
                                   "(SELECT MAX(o.ordered_at) FROM orders o WHERE %2)")
                        .arg(cartEvents(), completed()),
                    {m_asOf, m_asOf}};
        case F::EmailDomain:
            return {emailDomain(), {}};
        case F::Created:
            return {QStringLiteral("c.created_at"), {}};
        case F::AcceptsMarketing:
            return {QStringLiteral("c.accepts_marketing"), {}};
        case F::Unsubscribed:
            return {QStringLiteral("(CASE WHEN %1 THEN 1 ELSE 0 END)").arg(unsubscribed()),
                    {m_asOf}};
        case F::SubscriptionPlan:
            return {
                QStringLiteral("(SELECT %1 FROM subscriptions s JOIN plans pl ON pl.id = "
                               "s.plan_id WHERE %2)")
                    .arg(m_dialect.textAggregate(QStringLiteral("pl.name")), currentSubscription()),
                {m_asOf}};
        case F::SubscriptionStatus:
            return {QStringLiteral("(SELECT %1 FROM subscriptions s WHERE %2)")
                        .arg(m_dialect.textAggregate(QStringLiteral("s.status")),
                             startedSubscription()),
                    {m_asOf}};
        case F::RfmGroup: {
            // The member's own orders only (through the orders_customer index), not the grouped
            // pass over all orders that the condition uses.
            const CompiledQuery group = rfmGroupQuery(m_dialect, breaks(), m_asOf, true);
            return {QStringLiteral("(%1)").arg(group.sql), group.values};
        }
        }
        return {QStringLiteral("NULL"), {}};
    }

    // The conditions on the customer's completed orders as of T that grouped mode reads from
    // the joined `o` (top_percent ranks all customers and keeps its own query).
    static bool readsOrderTotals(const SegmentCondition &c)
    {
        switch (c.field) {
        case F::OrdersCount:
        case F::AvgOrderValue:
        case F::FirstOrder:
        case F::LastOrder:
            return true;
        case F::TotalSpent:
            return c.op != Op::TopPercent;
        default:
            return false;
        }
    }

    static bool readsOrderTotals(const SegmentNode &node)
    {
        if (node.kind == SegmentNode::Kind::Condition)
            return readsOrderTotals(node.condition);
        return std::any_of(node.children.begin(), node.children.end(),
                           [](const SegmentNode &child) { return readsOrderTotals(child); });
    }

private:
    static QString orderTimeAggregate(SegmentField field)
    {
        return field == F::FirstOrder ? QStringLiteral("MIN(o.ordered_at)")
                                      : QStringLiteral("MAX(o.ordered_at)");
    }

    // readsOrderTotals() conditions over the joined, grouped orders `o` (a LEFT JOIN: a
    // customer without orders has one row of NULLs, so COUNT(o.customer_id) is 0 and SUM is
    // NULL). Each is true or false, never NULL, so NOT around it stays exact.
    Sql groupedCondition(const SegmentCondition &c) const
    {
        const QString count = QStringLiteral("COUNT(o.customer_id)");
        switch (c.field) {
        case F::OrdersCount:
            return compare({count, {}}, c.op, c.numbers);
        case F::TotalSpent:
            return compare({QStringLiteral("COALESCE(SUM(o.total_cents), 0)"), {}}, c.op,
                           c.numbers);
        case F::AvgOrderValue: {
            Sql having = averageHaving(c, count);
            having.text = QStringLiteral("(%1 > 0 AND %2)").arg(count, having.text);
            return having;
        }
        case F::FirstOrder:
        case F::LastOrder: {
            Sql cmp = dateCompare(orderTimeAggregate(c.field), c);
            cmp.text = QStringLiteral("(%1 > 0 AND %2)").arg(count, cmp.text);
            return cmp;
        }
        default:
            break;
        }
        return {QStringLiteral("1 = 0"), {}};
    }

    // Each takes one bound value: the as-of time.
    static QString completed()
    {
        return QStringLiteral("o.customer_id = c.id AND o.status = 'completed' AND "
                              "o.ordered_at <= ?");
    }
    static QString viewed()
    {
        return QStringLiteral("e.customer_id = c.id AND e.event_type = 'product_viewed' AND "
                              "e.occurred_at <= ?");
    }
    static QString cartEvents()
    {
        return QStringLiteral("e.customer_id = c.id AND e.event_type IN ('added_to_cart', "
                              "'checkout_started') AND e.occurred_at <= ?");
    }
    static QString currentSubscription()
    {
        return QStringLiteral("s.customer_id = c.id AND s.status <> 'cancelled' AND "
                              "s.started_at <= ?");
    }
    static QString startedSubscription()
    {
        return QStringLiteral("s.customer_id = c.id AND s.started_at <= ?");
    }
    static QString unsubscribed()
    {
        return QStringLiteral("c.unsubscribed_at IS NOT NULL AND c.unsubscribed_at <= ?");
    }
    QString emailDomain() const
    {
        return QStringLiteral("substr(c.email, %1 + 1)")
            .arg(m_dialect.textPosition(QStringLiteral("c.email"), QStringLiteral("'@'")));
    }

    static Sql compare(Sql expr, Op op, const std::vector<qint64> &numbers)
    {
        QString cmp;
        switch (op) {
        case Op::Equal:
            cmp = QStringLiteral("= ?");
            break;
        case Op::NotEqual:
            cmp = QStringLiteral("<> ?");
            break;
        case Op::Less:
            cmp = QStringLiteral("< ?");
            break;
        case Op::LessOrEqual:
            cmp = QStringLiteral("<= ?");
            break;
        case Op::Greater:
            cmp = QStringLiteral("> ?");
            break;
        case Op::GreaterOrEqual:
            cmp = QStringLiteral(">= ?");
            break;
        case Op::Between:
            cmp = QStringLiteral("BETWEEN ? AND ?");
            break;
        default:
            return {QStringLiteral("1 = 0"), {}};
        }
        expr.text = expr.text + QLatin1Char(' ') + cmp;
        for (qint64 n : numbers)
            expr.values << n;
        return expr;
    }

    // The date operators on an epoch expression; the upper end (t <= as-of) is the caller's.
    Sql dateCompare(const QString &expr, const SegmentCondition &c) const
    {
        switch (c.op) {
        case Op::Before:
            return {expr + QStringLiteral(" < ?"), {c.numbers.front()}};
        case Op::After:
            return {expr + QStringLiteral(" >= ?"), {c.numbers.front()}};
        case Op::WithinDays:
            return {expr + QStringLiteral(" >= ?"), {m_asOf - c.numbers.front() * kDay}};
        case Op::NotWithinDays:
            return {expr + QStringLiteral(" < ?"), {m_asOf - c.numbers.front() * kDay}};
        default:
            break;
        }
        return {QStringLiteral("1 = 0"), {}};
    }

    // avg op v  <=>  SUM op v * COUNT over at least one order: exact, no division.
    Sql averageOrder(const SegmentCondition &c) const
    {
        Sql having = averageHaving(c, QStringLiteral("COUNT(*)"));
        if (having.values.isEmpty())
            return having;
        return {QStringLiteral("EXISTS (SELECT 1 FROM orders o WHERE %1 GROUP BY o.customer_id "
                               "HAVING %2)")
                    .arg(completed(), having.text),
                QVariantList{m_asOf} + having.values};
    }

    // SUM(o.total_cents) op v * count, both ends for between; no values for an operator the
    // field does not take.
    static Sql averageHaving(const SegmentCondition &c, const QString &count)
    {
        QString having;
        QVariantList values;
        const QString sum = QStringLiteral("SUM(o.total_cents)");
        const auto side = [&](const char *op, qint64 cents) {
            values << cents;
            return QStringLiteral("%1 %2 ? * %3").arg(sum, QLatin1String(op), count);
        };
        switch (c.op) {
        case Op::Equal:
            having = side("=", c.numbers[0]);
            break;
        case Op::NotEqual:
            having = side("<>", c.numbers[0]);
            break;
        case Op::Less:
            having = side("<", c.numbers[0]);
            break;
        case Op::LessOrEqual:
            having = side("<=", c.numbers[0]);
            break;
        case Op::Greater:
            having = side(">", c.numbers[0]);
            break;
        case Op::GreaterOrEqual:
            having = side(">=", c.numbers[0]);
            break;
        case Op::Between:
            having = side(">=", c.numbers[0]);
            having += QStringLiteral(" AND ") + side("<=", c.numbers[1]);
            break;
        default:
            return {QStringLiteral("1 = 0"), {}};
        }
        return {having, values};
    }

    // The top `percent` % of the customers with a positive total spent: a customer is in when
    // fewer than percent % of them spent strictly more (ties at the edge are all in).
    Sql topPercent(qint64 percent) const
    {
        return {QStringLiteral(
                    "c.id IN (SELECT r.customer_id FROM (SELECT o.customer_id AS customer_id, "
                    "RANK() OVER (ORDER BY SUM(o.total_cents) DESC) AS rank_position, "
                    "COUNT(*) OVER () AS ranked FROM orders o JOIN customers rc ON rc.id = "
                    "o.customer_id WHERE o.status = 'completed' AND o.ordered_at <= ? AND "
                    "rc.created_at <= ? GROUP BY o.customer_id HAVING SUM(o.total_cents) > 0) r "
                    "WHERE 100 * (r.rank_position - 1) < r.ranked * ?)"),
                {m_asOf, m_asOf, percent}};
    }

    // Latest cart activity L (as of T) after the latest completed order, with T - L compared
    // to the hours: age < h  <=>  L > T - h * 3600, and so on.
    Sql cartAbandoned(const SegmentCondition &c) const
    {
        const QString latest = QStringLiteral("MAX(e.occurred_at)");
        QString age;
        QVariantList ageValues;
        const auto bound = [&](qint64 hours) {
            return m_asOf - hours * kHour;
        };
        switch (c.op) {
        case Op::Less:
            age = latest + QStringLiteral(" > ?");
            ageValues << bound(c.numbers[0]);
            break;
        case Op::LessOrEqual:
            age = latest + QStringLiteral(" >= ?");
            ageValues << bound(c.numbers[0]);
            break;
        case Op::Greater:
            age = latest + QStringLiteral(" < ?");
            ageValues << bound(c.numbers[0]);
            break;
        case Op::GreaterOrEqual:
            age = latest + QStringLiteral(" <= ?");
            ageValues << bound(c.numbers[0]);
            break;
        case Op::Between:
            age = latest + QStringLiteral(" >= ? AND ") + latest + QStringLiteral(" <= ?");
            ageValues << bound(c.numbers[1]) << bound(c.numbers[0]);
            break;
        default:
            return {QStringLiteral("1 = 0"), {}};
        }
        // One uncorrelated list of the customers whose latest cart activity qualifies, led by
        // the cart events rather than a grouped lookup per customer (PostgreSQL ran that once
        // per customer). It holds no NULL, so NOT around it stays exact.
        return {QStringLiteral("c.id IN (SELECT e.customer_id FROM events e WHERE e.customer_id "
                               "IS NOT NULL AND e.event_type IN ('added_to_cart', "
                               "'checkout_started') AND e.occurred_at <= ? GROUP BY e.customer_id "
                               "HAVING %1 > COALESCE((SELECT MAX(o.ordered_at) FROM orders o "
                               "WHERE o.customer_id = e.customer_id AND o.status = 'completed' "
                               "AND o.ordered_at <= ?), ?) AND %2)")
                    .arg(latest, age),
                QVariantList{m_asOf, m_asOf, kNever} + ageValues};
    }

    // = / in / contains on one text, != its negation.
    Sql textPredicate(const QString &expr, const SegmentCondition &c) const
    {
        switch (c.op) {
        case Op::Equal:
        case Op::NotEqual:
            return {expr + QStringLiteral(" = ?"), {c.texts.front()}};
        case Op::In: {
            QStringList marks;
            QVariantList values;
            for (const QString &text : c.texts) {
                marks << QStringLiteral("?");
                values << text;
            }
            return {QStringLiteral("%1 IN (%2)").arg(expr, marks.join(QStringLiteral(", "))),
                    values};
        }
        case Op::Contains:
            return {m_dialect.containsAsciiInsensitive(expr),
                    {Dialect::containsPattern(c.texts.front())}};
        default:
            break;
        }
        return {QStringLiteral("1 = 0"), {}};
    }

    Sql textMatch(const QString &expr, const SegmentCondition &c) const
    {
        Sql match = textPredicate(expr, c);
        if (c.op == Op::NotEqual)
            match.text = QStringLiteral("NOT (%1)").arg(match.text);
        return match;
    }

    // setMatch() for the product fields, as one uncorrelated list of the customers who have
    // such a row: the products matching the value (an index on SKU or category) lead to their
    // lines or events, instead of walking every customer's orders and lines (on 100,000
    // customers 2.2 s against 0.2 s on SQLite, docs/BENCHMARKS.md, "Segments"). The list holds
    // no NULL, so IN is true or false and NOT IN stays exact.
    Sql productMatch(const QString &from, const QString &customer, const QString &where,
                     const QString &expr, const SegmentCondition &c) const
    {
        Sql match = textPredicate(expr, c);
        return {QStringLiteral("%1c.id IN (SELECT %2 FROM %3 WHERE %2 IS NOT NULL AND %4 AND %5)")
                    .arg(c.op == Op::NotEqual ? QStringLiteral("NOT ") : QString(), customer, from,
                         where, match.text),
                QVariantList{m_asOf} + match.values};
    }

    // The customer has a row in `from` (filtered by `where`, which takes the as-of time)
    // matching the value; != means no such row at all ("never bought it").
    Sql setMatch(const QString &from, const QString &where, const QString &expr,
                 const SegmentCondition &c) const
    {
        Sql match = textPredicate(expr, c);
        return {QStringLiteral("%1EXISTS (SELECT 1 FROM %2 WHERE %3 AND %4)")
                    .arg(c.op == Op::NotEqual ? QStringLiteral("NOT ") : QString(), from, where,
                         match.text),
                QVariantList{m_asOf} + match.values};
    }

    RfmMeasureBreaks breaks() const
    {
        Q_ASSERT_X(m_rfm, "SegmentCompiler", "rfm_group compiled without the RFM breaks");
        return m_rfm.value_or(RfmMeasureBreaks{});
    }

    // The customer's group (only customers with a completed order have one) is the value, or
    // one of them; != means scored and in another group.
    Sql rfmGroup(const SegmentCondition &c) const
    {
        const CompiledQuery groups = rfmGroupQuery(m_dialect, breaks(), m_asOf, false);
        Sql out{QString(), groups.values};
        QString test;
        switch (c.op) {
        case Op::Equal:
            test = QStringLiteral("g.grp = ?");
            break;
        case Op::NotEqual:
            test = QStringLiteral("g.grp <> ?");
            break;
        case Op::In: {
            QStringList marks;
            for (qsizetype i = 0; i < c.texts.size(); ++i)
                marks << QStringLiteral("?");
            test = QStringLiteral("g.grp IN (%1)").arg(marks.join(QStringLiteral(", ")));
            break;
        }
        default:
            return {QStringLiteral("1 = 0"), {}};
        }
        for (const QString &text : c.texts)
            out.values << text;
        out.text = QStringLiteral("c.id IN (SELECT g.customer_id FROM (%1) g WHERE %2)")
                       .arg(groups.sql, test);
        return out;
    }

    const Dialect &m_dialect;
    qint64 m_asOf;
    const std::optional<RfmMeasureBreaks> &m_rfm;
    bool m_grouped = false;
};

// "(CASE WHEN 5 * expr >= ? THEN 1 ELSE 0 END + ...)": how many of the breaks expr reaches.
QString reachedSql(const QString &expr, const RfmBreaks &breaks, QVariantList &values)
{
    QStringList terms;
    for (qint64 fifth : breaks.fifths) {
        terms << QStringLiteral("CASE WHEN 5 * %1 >= ? THEN 1 ELSE 0 END").arg(expr);
        values << fifth;
    }
    return QLatin1Char('(') + terms.join(QStringLiteral(" + ")) + QLatin1Char(')');
}

CompiledQuery rfmGroupQuery(const Dialect &dialect, const RfmMeasureBreaks &breaks, qint64 asOf,
                            bool oneCustomer)
{
    QVariantList values;
    const QString r
        = QStringLiteral("5 - %1").arg(reachedSql(QStringLiteral("rm.d"), breaks.recency, values));
    const QString f = QStringLiteral("1 + %1").arg(
        reachedSql(QStringLiteral("rm.n"), breaks.frequency, values));
    const QString m
        = QStringLiteral("1 + %1").arg(reachedSql(QStringLiteral("rm.s"), breaks.monetary, values));
    QString cases;
    for (const RfmGroupRange &g : RfmScoring::groupRanges()) {
        cases += QStringLiteral("WHEN rs.r BETWEEN %1 AND %2 AND rs.f BETWEEN %3 AND %4 AND rs.m "
                                "BETWEEN %5 AND %6 THEN '%7' ")
                     .arg(g.rLow)
                     .arg(g.rHigh)
                     .arg(g.fLow)
                     .arg(g.fHigh)
                     .arg(g.mLow)
                     .arg(g.mHigh)
                     .arg(keyOf(g.group));
    }
    values << asOf << asOf;
    const QString measures
        = oneCustomer
              ? QStringLiteral("SELECT MAX(o.customer_id) AS customer_id, (? - MAX(o.ordered_at)) "
                               "/ %1 AS d, COUNT(*) AS n, SUM(o.total_cents) AS s FROM orders o "
                               "WHERE o.customer_id = c.id AND o.status = 'completed' AND "
                               "o.ordered_at <= ?")
                    .arg(kDay)
              : QStringLiteral("SELECT %1 AS customer_id, (? - MAX(o.ordered_at)) / %2 AS d, "
                               "COUNT(*) AS n, SUM(o.total_cents) AS s FROM orders o WHERE "
                               "o.customer_id IS NOT NULL AND o.status = 'completed' AND %3 <= ? "
                               "GROUP BY %1")
                    .arg(dialect.unindexed(QStringLiteral("o.customer_id")), QString::number(kDay),
                         dialect.unindexed(QStringLiteral("o.ordered_at")));
    return {QStringLiteral("SELECT %1CASE %2ELSE '%3' END AS grp FROM (SELECT rm.customer_id AS "
                           "customer_id, %4 AS r, %5 AS f, %6 AS m FROM (%7) rm WHERE rm.n > 0) "
                           "rs")
                .arg(oneCustomer ? QString() : QStringLiteral("rs.customer_id AS customer_id, "),
                     cases, keyOf(RfmGroup::Others), r, f, m, measures),
            values};
}

QString isoTime(const QVariant &epoch)
{
    if (epoch.isNull())
        return {};
    return QDateTime::fromSecsSinceEpoch(epoch.toLongLong(), QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

QString textSet(const QVariant &joined)
{
    if (joined.isNull())
        return {};
    QStringList items = joined.toString().split(QChar(31));
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    return items.join(QStringLiteral(", "));
}

} // namespace

bool SegmentCompiler::usesRfm(const SegmentRule &rule)
{
    return rule.fields().contains(F::RfmGroup);
}

CompiledQuery SegmentCompiler::rfmGroups(const Dialect &dialect, const RfmMeasureBreaks &breaks,
                                         qint64 asOf)
{
    return rfmGroupQuery(dialect, breaks, asOf, false);
}

CompiledQuery SegmentCompiler::ids(const SegmentRule &rule, qint64 asOf) const
{
    if (m_dialect.prefersGroupedJoin() && Builder::readsOrderTotals(rule.root())) {
        // One pass joining every customer's completed orders, grouped, instead of a
        // correlated subquery per customer and condition; the customer's own conditions in
        // HAVING are moved to WHERE by the planner.
        const Builder builder(m_dialect, asOf, m_rfm, true);
        Sql predicate = builder.node(rule.root());
        return {QStringLiteral("SELECT c.id FROM customers c LEFT JOIN orders o ON "
                               "o.customer_id = c.id AND o.status = 'completed' AND "
                               "o.ordered_at <= ? WHERE c.created_at <= ? GROUP BY c.id "
                               "HAVING %1")
                    .arg(predicate.text),
                QVariantList{asOf, asOf} + predicate.values};
    }
    const Builder builder(m_dialect, asOf, m_rfm);
    Sql predicate = builder.node(rule.root());
    return {QStringLiteral("SELECT c.id FROM customers c WHERE c.created_at <= ? AND %1")
                .arg(predicate.text),
            QVariantList{asOf} + predicate.values};
}

CompiledQuery SegmentCompiler::count(const SegmentRule &rule, qint64 asOf) const
{
    CompiledQuery inner = ids(rule, asOf);
    return {QStringLiteral("SELECT COUNT(*) FROM (%1) segment_ids").arg(inner.sql), inner.values};
}

CompiledQuery SegmentCompiler::members(const SegmentRule &rule, qint64 asOf, qint64 limit) const
{
    const Builder builder(m_dialect, asOf, m_rfm);
    QString columns = QStringLiteral("c.id, c.email, c.first_name, c.last_name");
    QVariantList values;
    for (SegmentField field : rule.fields()) {
        Sql value = builder.value(field);
        columns += QStringLiteral(", ") + value.text;
        values += value.values;
    }
    CompiledQuery inner = ids(rule, asOf);
    QString sql = QStringLiteral("SELECT %1 FROM customers c WHERE c.id IN (%2) ORDER BY c.id")
                      .arg(columns, inner.sql);
    values += inner.values;
    if (limit >= 0) {
        sql += QStringLiteral(" LIMIT ?");
        values << limit;
    }
    return {sql, values};
}

int SegmentCompiler::memberValueColumns(SegmentField field)
{
    return field == F::AvgOrderValue || field == F::CartAbandonedHours ? 2 : 1;
}

QString SegmentCompiler::formatValue(SegmentField field, const QVariantList &columns, qint64 asOf)
{
    const QVariant first = columns.value(0);
    switch (field) {
    case F::OrdersCount:
        return QString::number(first.toLongLong());
    case F::TotalSpent:
        return money::toPlain(first.toLongLong());
    case F::AvgOrderValue: {
        const qint64 count = columns.value(1).toLongLong();
        if (count <= 0)
            return {};
        const qint64 sum = first.toLongLong();
        return money::toPlain((2 * sum + count) / (2 * count)); // half up
    }
    case F::FirstOrder:
    case F::LastOrder:
    case F::Created:
        return isoTime(first);
    case F::BoughtProduct:
    case F::BoughtCategory:
    case F::ViewedProduct:
    case F::ViewedCategory:
    case F::SubscriptionPlan:
    case F::SubscriptionStatus:
        return textSet(first);
    case F::CartAbandonedHours: {
        if (first.isNull())
            return {};
        const qint64 latest = first.toLongLong();
        const QVariant order = columns.value(1);
        if (!order.isNull() && order.toLongLong() >= latest)
            return {};
        return QString::number((asOf - latest) / kHour);
    }
    case F::EmailDomain:
    case F::RfmGroup:
        return first.isNull() ? QString() : first.toString();
    case F::AcceptsMarketing:
    case F::Unsubscribed:
        return first.toLongLong() != 0 ? QStringLiteral("true") : QStringLiteral("false");
    }
    return {};
}

} // namespace md
