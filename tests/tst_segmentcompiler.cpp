// The segment compiler on a real database (both backends): hundreds of random rule trees over a
// generated shop, each run in SQL and compared with a brute-force evaluation in C++ of the same
// rule over the same rows; injection attempts in every value type; the built-in segments on a
// hand-made shop with known answers; the service's refusals.

#include "db/sql.h"
#include "db/transaction.h"
#include "marketing/builtinsegments.h"
#include "marketing/rfmscoring.h"
#include "marketing/rfmstore.h"
#include "marketing/segmentcompiler.h"
#include "marketing/segmentservice.h"
#include "testdb.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

#include <map>
#include <optional>
#include <set>

using namespace md;

namespace {

constexpr qint64 kAsOf = 1782863999; // 2026-06-30T23:59:59Z
constexpr qint64 kDay = 86400;

struct Customer
{
    qint64 id;
    QString email;
    qint64 created;
    int accepts;
    std::optional<qint64> unsubscribed;
};
struct Product
{
    qint64 id;
    QString sku;
    QString category;
};
struct Order
{
    qint64 id;
    qint64 customer;
    qint64 at;
    QString status;
    qint64 total;
    std::vector<qint64> products;
};
struct Event
{
    qint64 customer;
    QString type;
    std::optional<qint64> product;
    qint64 at;
};
struct Subscription
{
    qint64 customer;
    qint64 plan;
    QString status;
    qint64 started;
};

struct Shop
{
    std::vector<Customer> customers;
    std::vector<Product> products;
    std::vector<Order> orders;
    std::vector<Event> events;
    std::vector<Subscription> subscriptions;
    std::vector<std::pair<qint64, QString>> plans;

    const Product &product(qint64 id) const { return products[size_t(id - 1)]; }
    QString planName(qint64 id) const { return plans[size_t(id - 1)].second; }
};

QString asciiLower(QString text)
{
    for (QChar &c : text) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            c = QChar(c.unicode() + 32);
    }
    return text;
}

// The rule's meaning written out directly (docs/segments.md), independent of the SQL.
class BruteForce
{
public:
    BruteForce(const Shop &shop, qint64 asOf)
        : m_shop(shop)
        , m_asOf(asOf)
    {}

    std::set<qint64> members(const SegmentRule &rule) const
    {
        std::set<qint64> out;
        for (const Customer &c : m_shop.customers) {
            if (c.created <= m_asOf && eval(rule.root(), c))
                out.insert(c.id);
        }
        return out;
    }

private:
    std::vector<const Order *> completed(qint64 customer) const
    {
        std::vector<const Order *> out;
        for (const Order &o : m_shop.orders) {
            if (o.customer == customer && o.status == QLatin1String("completed") && o.at <= m_asOf)
                out.push_back(&o);
        }
        return out;
    }
    qint64 spent(qint64 customer) const
    {
        qint64 sum = 0;
        for (const Order *o : completed(customer))
            sum += o->total;
        return sum;
    }

    static bool compare(qint64 x, SegmentOperator op, const std::vector<qint64> &n)
    {
        switch (op) {
        case SegmentOperator::Equal:
            return x == n[0];
        case SegmentOperator::NotEqual:
            return x != n[0];
        case SegmentOperator::Less:
            return x < n[0];
        case SegmentOperator::LessOrEqual:
            return x <= n[0];
        case SegmentOperator::Greater:
            return x > n[0];
        case SegmentOperator::GreaterOrEqual:
            return x >= n[0];
        case SegmentOperator::Between:
            return x >= n[0] && x <= n[1];
        default:
            return false;
        }
    }
    bool dateMatch(qint64 t, const SegmentCondition &c) const
    {
        switch (c.op) {
        case SegmentOperator::Before:
            return t < c.numbers[0];
        case SegmentOperator::After:
            return t >= c.numbers[0];
        case SegmentOperator::WithinDays:
            return t >= m_asOf - c.numbers[0] * kDay;
        case SegmentOperator::NotWithinDays:
            return t < m_asOf - c.numbers[0] * kDay;
        default:
            return false;
        }
    }
    static bool textMatch(const QString &value, const SegmentCondition &c)
    {
        switch (c.op) {
        case SegmentOperator::Equal:
        case SegmentOperator::NotEqual:
            return value == c.texts[0];
        case SegmentOperator::In:
            return c.texts.contains(value);
        case SegmentOperator::Contains:
            return asciiLower(value).contains(asciiLower(c.texts[0]));
        default:
            return false;
        }
    }
    // Set fields: any value matches; != means none equals.
    static bool setMatch(const QStringList &values, const SegmentCondition &c)
    {
        bool any = false;
        for (const QString &v : values)
            any = any || textMatch(v, c);
        return c.op == SegmentOperator::NotEqual ? !any : any;
    }

    bool eval(const SegmentNode &node, const Customer &c) const
    {
        switch (node.kind) {
        case SegmentNode::Kind::All:
            for (const SegmentNode &child : node.children) {
                if (!eval(child, c))
                    return false;
            }
            return true;
        case SegmentNode::Kind::Any:
            for (const SegmentNode &child : node.children) {
                if (eval(child, c))
                    return true;
            }
            return false;
        case SegmentNode::Kind::Not:
            return !eval(node.children.front(), c);
        case SegmentNode::Kind::Condition:
            break;
        }
        const SegmentCondition &k = node.condition;
        const auto orders = completed(c.id);
        switch (k.field) {
        case SegmentField::OrdersCount:
            return compare(qint64(orders.size()), k.op, k.numbers);
        case SegmentField::TotalSpent: {
            if (k.op != SegmentOperator::TopPercent)
                return compare(spent(c.id), k.op, k.numbers);
            const qint64 mine = spent(c.id);
            if (mine <= 0)
                return false;
            qint64 ranked = 0;
            qint64 above = 0;
            for (const Customer &other : m_shop.customers) {
                const qint64 s = other.created <= m_asOf ? spent(other.id) : 0;
                if (s > 0) {
                    ++ranked;
                    above += s > mine ? 1 : 0;
                }
            }
            return 100 * above < ranked * k.numbers[0];
        }
        case SegmentField::AvgOrderValue: {
            if (orders.empty())
                return false;
            // exact: compare sum with value * count
            const qint64 sum = spent(c.id);
            const qint64 n = qint64(orders.size());
            std::vector<qint64> scaled;
            for (qint64 v : k.numbers)
                scaled.push_back(v * n);
            return compare(sum, k.op, scaled);
        }
        case SegmentField::FirstOrder:
        case SegmentField::LastOrder: {
            if (orders.empty())
                return false;
            qint64 t = orders.front()->at;
            for (const Order *o : orders)
                t = k.field == SegmentField::FirstOrder ? std::min(t, o->at) : std::max(t, o->at);
            return dateMatch(t, k);
        }
        case SegmentField::BoughtProduct:
        case SegmentField::BoughtCategory: {
            QStringList values;
            for (const Order *o : orders) {
                for (qint64 p : o->products) {
                    values << (k.field == SegmentField::BoughtProduct ? m_shop.product(p).sku
                                                                      : m_shop.product(p).category);
                }
            }
            return setMatch(values, k);
        }
        case SegmentField::ViewedProduct:
        case SegmentField::ViewedCategory: {
            QStringList values;
            for (const Event &e : m_shop.events) {
                if (e.customer == c.id && e.type == QLatin1String("product_viewed")
                    && e.at <= m_asOf && e.product) {
                    values << (k.field == SegmentField::ViewedProduct
                                   ? m_shop.product(*e.product).sku
                                   : m_shop.product(*e.product).category);
                }
            }
            return setMatch(values, k);
        }
        case SegmentField::CartAbandonedHours: {
            std::optional<qint64> latest;
            for (const Event &e : m_shop.events) {
                if (e.customer == c.id && e.at <= m_asOf
                    && (e.type == QLatin1String("added_to_cart")
                        || e.type == QLatin1String("checkout_started"))) {
                    latest = std::max(latest.value_or(e.at), e.at);
                }
            }
            if (!latest)
                return false;
            for (const Order *o : orders) {
                if (o->at >= *latest)
                    return false; // ordered since
            }
            const qint64 age = m_asOf - *latest;
            std::vector<qint64> seconds;
            for (qint64 h : k.numbers)
                seconds.push_back(h * 3600);
            return compare(age, k.op, seconds);
        }
        case SegmentField::EmailDomain: {
            const QString domain = c.email.mid(c.email.indexOf(QLatin1Char('@')) + 1);
            const bool match = textMatch(domain, k);
            return k.op == SegmentOperator::NotEqual ? !match : match;
        }
        case SegmentField::Created:
            return dateMatch(c.created, k);
        case SegmentField::AcceptsMarketing:
            return (c.accepts == k.numbers[0]) == (k.op == SegmentOperator::Equal);
        case SegmentField::Unsubscribed: {
            const int unsub = c.unsubscribed && *c.unsubscribed <= m_asOf ? 1 : 0;
            return (unsub == k.numbers[0]) == (k.op == SegmentOperator::Equal);
        }
        case SegmentField::RfmGroup: {
            const auto &groups = rfmGroups();
            const auto found = groups.find(c.id);
            if (found == groups.end())
                return false; // no completed order: no group
            const QString key = keyOf(found->second);
            if (k.op == SegmentOperator::NotEqual)
                return key != k.texts[0];
            return k.texts.contains(key);
        }
        case SegmentField::SubscriptionPlan:
        case SegmentField::SubscriptionStatus: {
            QStringList values;
            for (const Subscription &s : m_shop.subscriptions) {
                if (s.customer != c.id || s.started > m_asOf)
                    continue;
                if (k.field == SegmentField::SubscriptionStatus)
                    values << s.status;
                else if (s.status != QLatin1String("cancelled"))
                    values << m_shop.planName(s.plan);
            }
            return setMatch(values, k);
        }
        }
        return false;
    }

    // docs/rfm.md directly: the measures of every customer joined by T with a completed order,
    // scored by the engine over all of them.
    const std::map<qint64, RfmGroup> &rfmGroups() const
    {
        if (m_rfm)
            return *m_rfm;
        std::vector<qint64> ids;
        std::vector<RfmMeasures> measures;
        for (const Customer &c : m_shop.customers) {
            const auto orders = completed(c.id);
            if (c.created > m_asOf || orders.empty())
                continue;
            RfmMeasures m;
            qint64 latest = orders.front()->at;
            for (const Order *o : orders) {
                latest = std::max(latest, o->at);
                m.monetaryCents += o->total;
            }
            m.frequency = qint64(orders.size());
            m.recencyDays = (m_asOf - latest) / kDay;
            ids.push_back(c.id);
            measures.push_back(m);
        }
        const std::vector<RfmScore> scores = RfmScoring::score(measures);
        m_rfm.emplace();
        for (size_t i = 0; i < ids.size(); ++i)
            (*m_rfm)[ids[i]] = RfmScoring::group(scores[i]);
        return *m_rfm;
    }

    const Shop &m_shop;
    qint64 m_asOf;
    mutable std::optional<std::map<qint64, RfmGroup>> m_rfm;
};

Status write(const Database &db, const Shop &shop)
{
    Transaction transaction(db.sql(), db.dialect());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    const auto run = [&](const QString &sql, const QVariantList &values) {
        return sql::exec(db.sql(), sql, values);
    };
    for (const auto &[id, name] : shop.plans) {
        if (auto s
            = run(QStringLiteral("INSERT INTO plans (id, name, price_cents) VALUES (?, ?, ?)"),
                  {id, name, 1000});
            !s)
            return s;
    }
    for (const Product &p : shop.products) {
        if (auto s = run(QStringLiteral("INSERT INTO products (id, sku, title, category, "
                                        "base_price_cents, current_price_cents, created_at, "
                                        "updated_at) VALUES (?, ?, ?, ?, 100, 100, 0, 0)"),
                         {p.id, p.sku, p.sku, p.category});
            !s)
            return s;
    }
    for (const Customer &c : shop.customers) {
        if (auto s = run(QStringLiteral("INSERT INTO customers (id, email, first_name, last_name, "
                                        "created_at, accepts_marketing, unsubscribed_at) VALUES "
                                        "(?, ?, ?, ?, ?, ?, ?)"),
                         {c.id, c.email, QStringLiteral("F%1").arg(c.id),
                          QStringLiteral("L%1").arg(c.id), c.created, c.accepts,
                          c.unsubscribed ? QVariant(*c.unsubscribed)
                                         : QVariant(QMetaType::fromType<qlonglong>())});
            !s)
            return s;
    }
    for (const Order &o : shop.orders) {
        if (auto s
            = run(QStringLiteral("INSERT INTO orders (id, order_number, customer_id, "
                                 "ordered_at, status, total_cents) VALUES "
                                 "(?, ?, ?, ?, ?, ?)"),
                  {o.id, QStringLiteral("N%1").arg(o.id), o.customer, o.at, o.status, o.total});
            !s)
            return s;
        for (qint64 p : o.products) {
            if (auto s = run(QStringLiteral("INSERT INTO order_lines (order_id, product_id, "
                                            "quantity, unit_price_cents) VALUES (?, ?, 1, 100)"),
                             {o.id, p});
                !s)
                return s;
        }
    }
    for (const Event &e : shop.events) {
        if (auto s
            = run(QStringLiteral("INSERT INTO events (event_type, customer_id, product_id, "
                                 "occurred_at) VALUES (?, ?, ?, ?)"),
                  {e.type, e.customer,
                   e.product ? QVariant(*e.product) : QVariant(QMetaType::fromType<qlonglong>()),
                   e.at});
            !s)
            return s;
    }
    for (const Subscription &s : shop.subscriptions) {
        const bool paused = s.status == QLatin1String("paused");
        const bool cancelled = s.status == QLatin1String("cancelled");
        if (auto st
            = run(QStringLiteral("INSERT INTO subscriptions (customer_id, plan_id, status, "
                                 "started_at, paused_until, cancelled_at) VALUES "
                                 "(?, ?, ?, ?, ?, ?)"),
                  {s.customer, s.plan, s.status, s.started,
                   paused ? QVariant(kAsOf + kDay) : QVariant(QMetaType::fromType<qlonglong>()),
                   cancelled ? QVariant(s.started + kDay)
                             : QVariant(QMetaType::fromType<qlonglong>())});
            !st)
            return st;
    }
    return transaction.commit();
}

const QStringList kCategories
    = {QStringLiteral("Tea"), QStringLiteral("Green tea"), QStringLiteral("Coffee_Beans"),
       QStringLiteral("100% Cotton"), QStringLiteral("O'Brien's")};
const QStringList kDomains = {QStringLiteral("example.com"), QStringLiteral("shop.org"),
                              QStringLiteral("mail.example.com"), QStringLiteral("x' or 1=1 --")};
const QStringList kStatuses = {QStringLiteral("active"), QStringLiteral("paused"),
                               QStringLiteral("cancelled"), QStringLiteral("past_due")};

Shop randomShop(quint32 seed)
{
    QRandomGenerator random(seed);
    Shop shop;
    shop.plans = {{1, QStringLiteral("Basic")},
                  {2, QStringLiteral("Premium")},
                  {3, QStringLiteral("Deluxe")}};
    const QStringList skus
        = {QStringLiteral("TEA-1"),       QStringLiteral("tea_2"),  QStringLiteral("A%B"),
           QStringLiteral("CO-100"),      QStringLiteral("co-200"), QStringLiteral("X'Y"),
           QStringLiteral("BACK\\SLASH"), QStringLiteral("MUG-9")};
    for (int i = 0; i < skus.size(); ++i)
        shop.products.push_back({i + 1, skus[i], kCategories[i % kCategories.size()]});
    const auto when = [&](int days) {
        return kAsOf - qint64(random.bounded(days * 86400));
    };
    qint64 orderId = 0;
    for (int i = 1; i <= 70; ++i) {
        Customer c;
        c.id = i;
        c.email = QStringLiteral("c%1@%2").arg(i).arg(kDomains[random.bounded(kDomains.size())]);
        // A few customers join after the as-of moment: they are in no segment.
        c.created = i % 23 == 0 ? kAsOf + 100 : when(400);
        c.accepts = int(random.bounded(2));
        if (random.bounded(4) == 0)
            c.unsubscribed = random.bounded(3) == 0 ? kAsOf + 50 : when(200);
        shop.customers.push_back(c);
        const int orders = int(random.bounded(9)); // 0..8
        for (int k = 0; k < orders; ++k) {
            Order o;
            o.id = ++orderId;
            o.customer = i;
            o.at = random.bounded(10) == 0 ? kAsOf + 3600 : when(500);
            const int s = int(random.bounded(10));
            o.status = s < 7 ? QStringLiteral("completed")
                             : QStringList{QStringLiteral("pending"), QStringLiteral("cancelled"),
                                           QStringLiteral("refunded")}[s - 7];
            o.total = random.bounded(4) == 0 ? 5000 : qint64(random.bounded(30000));
            const int lines = 1 + int(random.bounded(3));
            for (int l = 0; l < lines; ++l)
                o.products.push_back(1 + random.bounded(qint64(shop.products.size())));
            shop.orders.push_back(o);
        }
        const int events = int(random.bounded(7));
        for (int k = 0; k < events; ++k) {
            const int t = int(random.bounded(3));
            Event e;
            e.customer = i;
            e.type = t == 0   ? QStringLiteral("product_viewed")
                     : t == 1 ? QStringLiteral("added_to_cart")
                              : QStringLiteral("checkout_started");
            if (t != 2 || random.bounded(2) == 0)
                e.product = 1 + random.bounded(qint64(shop.products.size()));
            e.at = random.bounded(3) == 0 ? kAsOf - qint64(random.bounded(100 * 3600)) : when(30);
            shop.events.push_back(e);
        }
        if (random.bounded(3) == 0) {
            shop.subscriptions.push_back({i, 1 + random.bounded(qint64(3)),
                                          kStatuses[random.bounded(kStatuses.size())],
                                          random.bounded(8) == 0 ? kAsOf + 10 : when(300)});
        }
    }
    return shop;
}

class RuleGenerator
{
public:
    RuleGenerator(const Shop &shop, quint32 seed)
        : m_shop(shop)
        , m_random(seed)
    {}

    QJsonObject node(int depth)
    {
        const int pick = int(m_random.bounded(depth >= 3 ? 1 : 5));
        if (pick == 0 || pick == 4)
            return condition();
        if (pick == 3)
            return {{QStringLiteral("not"), node(depth + 1)}};
        QJsonArray children;
        const int count = 1 + int(m_random.bounded(3));
        for (int i = 0; i < count; ++i)
            children.append(node(depth + 1));
        return {{pick == 1 ? QStringLiteral("all") : QStringLiteral("any"), children}};
    }

    QJsonObject condition()
    {
        const auto &fields = SegmentFields::all();
        const SegmentFieldInfo &info = fields[int(m_random.bounded(fields.size()))];
        const SegmentOperator op = info.operators[int(m_random.bounded(info.operators.size()))];
        return {{QStringLiteral("field"), SegmentFields::key(info.field)},
                {QStringLiteral("op"), keyOf(op)},
                {QStringLiteral("value"), value(info, op)}};
    }

private:
    qint64 n(qint64 bound) { return qint64(m_random.bounded(bound)); }

    QJsonValue one(const SegmentFieldInfo &info)
    {
        switch (info.type) {
        case SegmentValueType::Count:
            return double(n(9));
        case SegmentValueType::Hours:
            return double(n(120));
        case SegmentValueType::Money:
            return n(3) == 0 ? QJsonValue(50.0) : QJsonValue(double(n(30000)) / 100.0);
        case SegmentValueType::Bool:
            return n(2) == 0;
        case SegmentValueType::Sku:
            return m_shop.products[size_t(n(qint64(m_shop.products.size())))].sku;
        case SegmentValueType::Category:
            return kCategories[n(kCategories.size())];
        case SegmentValueType::Text:
            return kDomains[n(kDomains.size())];
        case SegmentValueType::Plan:
            return m_shop.plans[size_t(n(3))].second;
        case SegmentValueType::SubStatus:
            return kStatuses[n(kStatuses.size())];
        case SegmentValueType::RfmGroup:
            return keyOf(RfmGroup(n(int(RfmGroup::Others) + 1)));
        case SegmentValueType::Date:
            break;
        }
        return {};
    }

    QJsonValue value(const SegmentFieldInfo &info, SegmentOperator op)
    {
        switch (op) {
        case SegmentOperator::WithinDays:
        case SegmentOperator::NotWithinDays:
            return double(n(400));
        case SegmentOperator::Before:
        case SegmentOperator::After: {
            const qint64 t = kAsOf - n(450 * kDay);
            if (n(2) == 0)
                return QDateTime::fromSecsSinceEpoch(t, QTimeZone::utc())
                    .date()
                    .toString(Qt::ISODate);
            return QDateTime::fromSecsSinceEpoch(t, QTimeZone::utc())
                .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
        }
        case SegmentOperator::TopPercent:
            return double(1 + n(100));
        case SegmentOperator::Between: {
            QJsonValue a = one(info);
            QJsonValue b = one(info);
            if (a.toDouble() > b.toDouble())
                std::swap(a, b);
            return QJsonArray{a, b};
        }
        case SegmentOperator::In: {
            QJsonArray list;
            for (int i = 0, count = 1 + int(n(3)); i < count; ++i)
                list.append(one(info));
            return list;
        }
        case SegmentOperator::Contains: {
            const QStringList pieces
                = {QStringLiteral("tea"), QStringLiteral("TEA"),     QStringLiteral("%"),
                   QStringLiteral("_"),   QStringLiteral("'"),       QStringLiteral("\\"),
                   QStringLiteral("co-"), QStringLiteral("EXAMPLE"), QStringLiteral("x' OR 1=1 --"),
                   QStringLiteral("0%")};
            return pieces[n(pieces.size())];
        }
        default:
            return one(info);
        }
    }

    const Shop &m_shop;
    QRandomGenerator m_random;
};

std::set<qint64> sqlMembers(const Database &db, const SegmentRule &rule, qint64 asOf,
                            QString *error)
{
    std::set<qint64> out;
    std::optional<RfmMeasureBreaks> rfm;
    if (SegmentCompiler::usesRfm(rule)) {
        auto breaks = RfmStore::breaks(db, asOf);
        if (!breaks) {
            *error = breaks.error();
            return out;
        }
        rfm = *breaks;
    }
    auto rows = SegmentStore::rows(db, SegmentCompiler(db.dialect(), rfm).ids(rule, asOf));
    if (!rows) {
        *error = rows.error();
        return out;
    }
    for (const QVariantList &row : *rows)
        out.insert(row.value(0).toLongLong());
    return out;
}

QString show(const std::set<qint64> &ids)
{
    QStringList out;
    for (qint64 id : ids)
        out << QString::number(id);
    return out.join(QLatin1Char(','));
}

SegmentRule parsed(const QByteArray &json)
{
    auto rule = SegmentRule::parse(json);
    if (!rule)
        qFatal("%s", qPrintable(rule.error()));
    return *rule;
}

} // namespace

class tst_SegmentCompiler : public QObject
{
    Q_OBJECT

private slots:
    void randomRulesMatchBruteForce();
    void injectionIsInert();
    void builtInsOnAKnownShop();
    void serviceLifecycle();
};

void tst_SegmentCompiler::randomRulesMatchBruteForce()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    const Shop shop = randomShop(20260630);
    MD_VERIFY(write(*db, shop));

    RuleGenerator generator(shop, 7);
    int nonEmpty = 0;
    int empty = 0;
    QSet<QString> ops;
    for (int i = 0; i < 400; ++i) {
        const QJsonObject json = generator.node(0);
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        auto rule = SegmentRule::parse(text);
        QVERIFY2(rule.ok(),
                 qPrintable(rule.error() + QStringLiteral(" in ") + QString::fromUtf8(text)));
        const qint64 asOf = i % 5 == 0 ? kAsOf - 40 * kDay : kAsOf;
        QString error;
        const std::set<qint64> got = sqlMembers(*db, *rule, asOf, &error);
        QVERIFY2(error.isEmpty(),
                 qPrintable(error + QStringLiteral(" in ") + QString::fromUtf8(text)));
        const std::set<qint64> expected = BruteForce(shop, asOf).members(*rule);
        QVERIFY2(got == expected,
                 qPrintable(QStringLiteral("%1\n sql:   %2\n brute: %3")
                                .arg(QString::fromUtf8(text), show(got), show(expected))));
        auto counted = SegmentService::count(*db, *rule, asOf);
        MD_VERIFY(counted);
        QCOMPARE(*counted, qint64(expected.size()));
        (expected.empty() ? empty : nonEmpty) += 1;
        for (const QString &op : {QStringLiteral("\"op\":\"")}) {
            for (qsizetype at = text.indexOf(op.toUtf8()); at >= 0;
                 at = text.indexOf(op.toUtf8(), at + 1)) {
                const qsizetype start = at + op.size();
                ops.insert(QString::fromUtf8(text.mid(start, text.indexOf('"', start) - start)));
            }
        }
    }
    // The trees were varied: both empty and non-empty answers, every operator used.
    QVERIFY2(empty >= 20, qPrintable(QString::number(empty)));
    QVERIFY2(nonEmpty >= 100, qPrintable(QString::number(nonEmpty)));
    QCOMPARE(ops.size(), kSegmentOperatorCount);
}

void tst_SegmentCompiler::injectionIsInert()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    const Shop shop = randomShop(11);
    MD_VERIFY(write(*db, shop));
    const QString attack = QStringLiteral("x' OR 1=1 --");
    const std::set<qint64> literalDomain = [&] {
        std::set<qint64> ids;
        for (const Customer &c : shop.customers) {
            if (c.email.endsWith(QLatin1String("@x' or 1=1 --")) && c.created <= kAsOf)
                ids.insert(c.id);
        }
        return ids;
    }();
    QVERIFY(!literalDomain.empty());

    struct Case
    {
        const char *field;
        const char *op;
        QJsonValue value;
        std::set<qint64> expected;
    };
    const std::vector<Case> cases = {
        {"bought_product", "=", attack, {}},
        {"bought_product",
         "in",
         QJsonArray{attack, QStringLiteral("'; DROP TABLE orders; --")},
         {}},
        {"bought_category", "=", QStringLiteral("Tea' OR '1'='1"), {}},
        {"viewed_product", "contains", QStringLiteral("%' OR 1=1 --"), {}},
        {"viewed_category", "=", QStringLiteral("\\' OR 1=1 --"), {}},
        {"subscription_plan", "in", QJsonArray{attack}, {}},
        {"email_domain", "=", attack, literalDomain},
        {"email_domain", "contains", QStringLiteral("' or 1=1"), literalDomain},
        {"email_domain", "contains", QStringLiteral("%%%"), {}},
        {"email_domain", "contains", QStringLiteral("_____________"), {}},
    };
    for (const Case &c : cases) {
        const QJsonObject json{{QStringLiteral("field"), QLatin1String(c.field)},
                               {QStringLiteral("op"), QLatin1String(c.op)},
                               {QStringLiteral("value"), c.value}};
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        auto rule = SegmentRule::parse(text);
        QVERIFY2(rule.ok(), qPrintable(rule.error()));
        QString error;
        const auto got = sqlMembers(*db, *rule, kAsOf, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(got == c.expected,
                 qPrintable(QString::fromUtf8(text) + QStringLiteral(": ") + show(got)));
    }
    // Number, money, date and bool values cannot carry text at all.
    for (const char *json :
         {R"({"field":"orders_count","op":">","value":"1 OR 1=1"})",
          R"({"field":"total_spent","op":">","value":"1; DROP TABLE customers"})",
          R"({"field":"avg_order_value","op":"between","value":["0","1 OR 1=1"]})",
          R"({"field":"created","op":"before","value":"2026-01-01' OR '1'='1"})",
          R"({"field":"cart_abandoned_hours","op":"<=","value":"48 --"})",
          R"({"field":"accepts_marketing","op":"=","value":"1 OR 1=1"})",
          R"({"field":"subscription_status","op":"=","value":"active' OR '1'='1"})"}) {
        QVERIFY2(!SegmentRule::parse(json).ok(), json);
    }
    // And the tables are all still there.
    auto customers = sql::scalar(db->sql(), QStringLiteral("SELECT COUNT(*) FROM customers"));
    MD_VERIFY(customers);
    QCOMPARE(customers->toLongLong(), qint64(shop.customers.size()));
}

void tst_SegmentCompiler::builtInsOnAKnownShop()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    Shop shop;
    shop.products = {{1, QStringLiteral("TEA-1"), QStringLiteral("Tea")}};
    const qint64 h = 3600;
    const auto customer = [&](qint64 id, qint64 created) {
        shop.customers.push_back(
            {id, QStringLiteral("c%1@example.com").arg(id), created, 1, std::nullopt});
    };
    qint64 orderId = 0;
    const auto order = [&](qint64 c, qint64 at, qint64 total, const char *status = "completed") {
        shop.orders.push_back({++orderId, c, at, QLatin1String(status), total, {1}});
    };
    // 1: new (10 days), one order; abandoned a cart 47 h ago.
    customer(1, kAsOf - 10 * kDay);
    order(1, kAsOf - 5 * kDay, 1000);
    shop.events.push_back({1, QStringLiteral("added_to_cart"), 1, kAsOf - 47 * h});
    // 2: cart 30 h ago but ordered after it: not abandoned. Joined 31 days ago: not new.
    customer(2, kAsOf - 31 * kDay);
    shop.events.push_back({2, QStringLiteral("checkout_started"), std::nullopt, kAsOf - 30 * h});
    order(2, kAsOf - 29 * h, 2000);
    // 3: cart 49 h ago: too old. Lapsed: two orders, latest 91 days ago.
    customer(3, kAsOf - 400 * kDay);
    shop.events.push_back({3, QStringLiteral("added_to_cart"), 1, kAsOf - 49 * h});
    order(3, kAsOf - 200 * kDay, 3000);
    order(3, kAsOf - 91 * kDay, 3000);
    // 4: two orders, the latest 89 days ago (not lapsed); a cancelled order since does not count.
    customer(4, kAsOf - 400 * kDay);
    order(4, kAsOf - 300 * kDay, 4000);
    order(4, kAsOf - 89 * kDay, 4000);
    // 5: one completed + lots of cancelled: not lapsed (one order), not frequent.
    customer(5, kAsOf - 400 * kDay);
    order(5, kAsOf - 100 * kDay, 500);
    for (int i = 0; i < 6; ++i)
        order(5, kAsOf - kDay * (i + 1), 999999, "cancelled");
    // 6: frequent: 5 completed orders, the latest 300 days ago; spends most.
    customer(6, kAsOf - 600 * kDay);
    for (int i = 0; i < 5; ++i)
        order(6, kAsOf - (300 + i) * kDay, 100000);
    // 7: 5 orders but the latest 400 days ago: not frequent, lapsed.
    customer(7, kAsOf - 800 * kDay);
    for (int i = 0; i < 5; ++i)
        order(7, kAsOf - (400 + i) * kDay, 100);
    // 8..12: customers with one small order each (paying, below the top 10%).
    for (qint64 id = 8; id <= 12; ++id) {
        customer(id, kAsOf - 100 * kDay);
        order(id, kAsOf - 50 * kDay, 100 + id);
    }
    // 13: joined exactly 30 days ago (new: within_days includes the edge); never ordered.
    customer(13, kAsOf - 30 * kDay);
    MD_VERIFY(write(*db, shop));

    // 12 paying customers: the top 10% is ceil(1.2) = 2 customers by total: 6 (500000), then
    // 7 (500) < 3 (6000) < 4 (8000): customer 4.
    const std::map<QString, std::set<qint64>> expected = {
        {QStringLiteral("Abandoned cart (48 h)"), {1}}, {QStringLiteral("High value"), {6, 4}},
        {QStringLiteral("Frequent buyers"), {6}},       {QStringLiteral("Lapsed"), {3, 6, 7}},
        {QStringLiteral("New customers"), {1, 13}},
    };
    auto created = SegmentService::createBuiltIns(*db);
    MD_VERIFY(created);
    // The five above and one per RFM group but Others, checked against the brute force.
    QCOMPARE(*created, 5 + int(RfmGroup::Others));
    auto again = SegmentService::createBuiltIns(*db);
    MD_VERIFY(again);
    QCOMPARE(*again, 0);
    auto list = SegmentService::list(*db, kAsOf);
    MD_VERIFY(list);
    QCOMPARE(list->size(), expected.size() + size_t(RfmGroup::Others));
    qint64 rfmMembers = 0;
    for (const SegmentSummary &summary : *list) {
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        if (summary.record.name.startsWith(QLatin1String("RFM: "))) {
            const std::set<qint64> brute
                = BruteForce(shop, kAsOf).members(parsed(summary.record.definition.toUtf8()));
            auto members = SegmentService::members(*db, summary.record.name, kAsOf);
            MD_VERIFY(members);
            std::set<qint64> ids;
            for (const SegmentMember &m : members->rows) {
                ids.insert(m.customerId);
                QVERIFY(summary.record.definition.contains(m.values.value(0)));
            }
            QVERIFY2(ids == brute,
                     qPrintable(summary.record.name + QStringLiteral(": ") + show(ids)));
            QCOMPARE(summary.count, qint64(brute.size()));
            rfmMembers += summary.count;
            continue;
        }
        const auto found = expected.find(summary.record.name);
        QVERIFY2(found != expected.end(), qPrintable(summary.record.name));
        auto members = SegmentService::members(*db, summary.record.name, kAsOf);
        MD_VERIFY(members);
        std::set<qint64> ids;
        for (const SegmentMember &m : members->rows)
            ids.insert(m.customerId);
        QVERIFY2(ids == found->second,
                 qPrintable(summary.record.name + QStringLiteral(": ") + show(ids)));
        QCOMPARE(summary.count, qint64(found->second.size()));
        // The brute force agrees with the documented answer too.
        QVERIFY(BruteForce(shop, kAsOf).members(parsed(summary.record.definition.toUtf8()))
                == found->second);
    }
    // The 12 paying customers are each in one RFM group (none is left in Others here).
    QVERIFY(rfmMembers > 0 && rfmMembers <= 12);
    // The fields that made a member match: Lapsed shows orders_count and last_order.
    auto lapsed = SegmentService::members(*db, QStringLiteral("Lapsed"), kAsOf, 1);
    MD_VERIFY(lapsed);
    QCOMPARE(lapsed->rows.size(), size_t(1));
    QCOMPARE(lapsed->rows[0].email, QStringLiteral("c3@example.com"));
    QCOMPARE(lapsed->rows[0].values,
             (QStringList{QStringLiteral("2"),
                          QDateTime::fromSecsSinceEpoch(kAsOf - 91 * kDay, QTimeZone::utc())
                              .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"))}));
    auto cart = SegmentService::members(*db, QStringLiteral("Abandoned cart (48 h)"), kAsOf);
    MD_VERIFY(cart);
    QCOMPARE(cart->rows.at(0).values, QStringList{QStringLiteral("47")});
}

void tst_SegmentCompiler::serviceLifecycle()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    auto db = scratch.open();
    MD_VERIFY(db);
    const QByteArray rule = R"({"all":[{"field":"orders_count","op":">=","value":1}]})";
    MD_VERIFY(SegmentService::create(*db, QStringLiteral("Buyers"), rule));
    auto twice = SegmentService::create(*db, QStringLiteral(" Buyers "), rule);
    QVERIFY(!twice.ok());
    QVERIFY2(twice.error().contains(QStringLiteral("already a segment named \"Buyers\"")),
             qPrintable(twice.error()));
    auto bad
        = SegmentService::update(*db, QStringLiteral("Buyers"),
                                 R"({"all":[{"field":"orders_count","op":"in","value":[1]}]})");
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().startsWith(QStringLiteral("all[0].op:")), qPrintable(bad.error()));
    MD_VERIFY(SegmentService::duplicate(*db, QStringLiteral("Buyers"), QStringLiteral("Copy")));
    MD_VERIFY(SegmentService::rename(*db, QStringLiteral("Copy"), QStringLiteral("Renamed")));
    auto copy = SegmentService::find(*db, QStringLiteral("Renamed"));
    MD_VERIFY(copy);
    QCOMPARE(copy->definition, QString::fromUtf8(rule).remove(QLatin1Char(' ')));
    auto unknown = SegmentService::count(*db, QStringLiteral("Nobody"), kAsOf);
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error().contains(QStringLiteral("no segment named \"Nobody\"")),
             qPrintable(unknown.error()));

    // A campaign uses "Buyers": deleting it is refused, naming the campaigns.
    auto id = SegmentService::find(*db, QStringLiteral("Buyers"));
    MD_VERIFY(id);
    for (const char *name : {"Summer sale", "Autumn"}) {
        MD_VERIFY(sql::exec(db->sql(),
                            QStringLiteral("INSERT INTO campaigns (name, segment_id, created_at) "
                                           "VALUES (?, ?, 0)"),
                            {QLatin1String(name), id->id}));
    }
    auto refused = SegmentService::remove(*db, QStringLiteral("Buyers"));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QStringLiteral("campaign(s) Autumn, Summer sale")),
             qPrintable(refused.error()));
    MD_VERIFY(SegmentService::find(*db, QStringLiteral("Buyers")));
    MD_VERIFY(SegmentService::remove(*db, QStringLiteral("Renamed")));
    QVERIFY(!SegmentService::find(*db, QStringLiteral("Renamed")).ok());
}

QTEST_GUILESS_MAIN(tst_SegmentCompiler)
#include "tst_segmentcompiler.moc"
