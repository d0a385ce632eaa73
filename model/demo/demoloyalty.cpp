#include "demoloyalty.h"

#include "democustomers.h"
#include "demoorders.h"
#include "demorandom.h"
#include "demoreference.h"

#include <algorithm>
#include <set>

namespace md {

namespace {

enum class Kind { Earn, Badge, Challenge, Referral };

struct Item
{
    qint64 at;
    Kind kind;
    int value; // order, badge or challenge index; referral reward
};

QString base36(qint64 value, int width)
{
    return QString::number(value, 36).toUpper().rightJustified(width, QLatin1Char('0'));
}

QString codeName(const QString &firstName)
{
    QString letters;
    for (const QChar c : firstName.toUpper()) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            letters += c;
    }
    return letters.left(6);
}

} // namespace

DemoLoyalty::DemoLoyalty(const DemoSetup &setup, const DemoCustomers &customers,
                         const DemoOrders &orders)
    : m_setup(setup)
    , m_customers(customers)
    , m_orders(orders)
{
    const int n = customers.count();
    for (int j = 1; j < n; ++j) {
        DemoRandom random(setup.seed, setup.stream(DemoStream::Referral), quint64(j));
        if (!random.chance(0.04))
            continue;
        const int referrer = int(random.below(j));
        const qint64 joined = customers.createdAt(j);
        if (customers.createdAt(referrer) >= joined - 3600)
            continue;
        Referral referral;
        referral.referrer = referrer;
        referral.referred = j;
        referral.email = customers.customer(j).email;
        referral.createdAt = std::max(customers.createdAt(referrer) + 60,
                                      joined - random.between(3600, 14 * DemoSetup::kDay));
        referral.convertedAt = firstCompletedOrder(j);
        if (referral.convertedAt >= 0) {
            referral.convertedAt = std::min(referral.convertedAt + 3, setup.asOfEpoch - 1);
            referral.rewardPoints = DemoReference::kReferralReward;
            m_conversions.emplace_back(referrer, referral.convertedAt);
        }
        m_referrals.push_back(referral);
    }
    for (int i = 0; i < n; ++i) {
        DemoRandom random(setup.seed, setup.stream(DemoStream::Invitation), quint64(i));
        if (!random.chance(0.01))
            continue;
        const qint64 from = customers.createdAt(i) + 60;
        if (from >= setup.asOfEpoch)
            continue;
        Referral invitation;
        invitation.referrer = i;
        invitation.email = QStringLiteral("friend.of.%1@example.net").arg(i + 1);
        invitation.createdAt = random.between(from, setup.asOfEpoch - 1);
        m_referrals.push_back(invitation);
    }
    std::sort(m_referrals.begin(), m_referrals.end(), [](const Referral &a, const Referral &b) {
        if (a.createdAt != b.createdAt)
            return a.createdAt < b.createdAt;
        if (a.referrer != b.referrer)
            return a.referrer < b.referrer;
        return a.referred < b.referred;
    });
    for (size_t r = 0; r < m_referrals.size(); ++r) {
        Referral &referral = m_referrals[r];
        // The id part after the dash is unique, whatever the name in front of it.
        referral.code = codeName(customers.customer(referral.referrer).firstName) + QLatin1Char('-')
                        + base36(qint64(r) + 1, 5);
    }
    std::sort(m_conversions.begin(), m_conversions.end());
}

qint64 DemoLoyalty::firstCompletedOrder(int customer) const
{
    int count = 0;
    const qint32 *orders = m_orders.ordersOf(customer, &count);
    for (int i = 0; i < count; ++i) {
        if (m_orders.status(orders[i]) == DemoOrders::Status::Completed)
            return m_orders.orderedAt(orders[i]);
    }
    return -1;
}

void DemoLoyalty::replay(int customer, std::vector<Entry> &ledger, std::vector<Award> &awards,
                         std::vector<Progress> &progress) const
{
    ledger.clear();
    const auto &badges = DemoReference::badges();
    const auto &challenges = DemoReference::challenges();
    const qint64 now = m_setup.asOfEpoch;
    std::vector<Item> items;
    auto award = [&](DemoReference::BadgeRule rule, qint64 at) {
        for (int b = 0; b < int(badges.size()); ++b) {
            if (badges[size_t(b)].kind == rule) {
                items.push_back({at, Kind::Badge, b});
                awards.push_back({customer, b, at});
            }
        }
    };

    int count = 0;
    const qint32 *orders = m_orders.ordersOf(customer, &count);
    int completed = 0;
    bool bigBasket = false;
    for (int i = 0; i < count; ++i) {
        const int k = orders[i];
        if (m_orders.status(k) != DemoOrders::Status::Completed)
            continue;
        const qint64 at = m_orders.orderedAt(k);
        items.push_back({at, Kind::Earn, k});
        ++completed;
        if (completed == 1)
            award(DemoReference::BadgeRule::FirstOrder, at + 1);
        if (completed == 5)
            award(DemoReference::BadgeRule::FiveOrders, at + 1);
        if (!bigBasket && m_orders.totalCents(k) >= DemoReference::kBigBasketCents) {
            bigBasket = true;
            award(DemoReference::BadgeRule::BigBasket, at + 1);
        }
    }

    std::vector<DemoOrders::Line> lines;
    for (int ch = 0; ch < int(challenges.size()); ++ch) {
        const DemoReference::Challenge &challenge = challenges[size_t(ch)];
        const qint64 starts = now - challenge.startsDaysBefore * DemoSetup::kDay;
        const qint64 ends = now - challenge.endsDaysBefore * DemoSetup::kDay;
        const QLatin1String goal(challenge.goalKind);
        Progress row{ch, customer, 0, -1};
        std::set<int> distinct;
        for (int i = 0; i < count; ++i) {
            const int k = orders[i];
            const qint64 at = m_orders.orderedAt(k);
            if (m_orders.status(k) != DemoOrders::Status::Completed || at < starts || at >= ends)
                continue;
            if (goal == QLatin1String("orders")) {
                ++row.progress;
            } else if (goal == QLatin1String("spend")) {
                row.progress += m_orders.totalCents(k);
            } else {
                m_orders.basket(k, lines);
                for (const DemoOrders::Line &line : lines)
                    distinct.insert(line.slot);
                row.progress = qint64(distinct.size());
            }
            if (row.completedAt < 0 && row.progress >= challenge.goalValue) {
                row.completedAt = at + 2;
                items.push_back({at + 2, Kind::Challenge, ch});
            }
        }
        if (row.progress > 0)
            progress.push_back(row);
    }

    auto conversions = std::equal_range(
        m_conversions.begin(), m_conversions.end(), std::pair<int, qint64>(customer, 0),
        [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto it = conversions.first; it != conversions.second; ++it) {
        items.push_back({it->second, Kind::Referral, DemoReference::kReferralReward});
        if (it == conversions.first)
            award(DemoReference::BadgeRule::Ambassador, std::min(it->second + 1, now - 1));
    }

    std::stable_sort(items.begin(), items.end(),
                     [](const Item &a, const Item &b) { return a.at < b.at; });

    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::Loyalty), quint64(customer));
    qint64 orderPoints = 0; // the tier basis: points earned from orders
    qint64 balance = 0;
    qint64 last = -1;
    for (size_t i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        Entry entry;
        entry.at = item.at;
        switch (item.kind) {
        case Kind::Earn:
            entry.kind = "earn";
            entry.order = item.value;
            entry.delta = DemoReference::earnedPoints(m_orders.totalCents(item.value),
                                                      DemoReference::tierFor(orderPoints));
            orderPoints += entry.delta;
            entry.note = QStringLiteral("Order ") + DemoOrders::orderNumber(item.value);
            break;
        case Kind::Badge:
            entry.kind = "badge";
            entry.delta = badges[size_t(item.value)].bonusPoints;
            entry.note = QStringLiteral("Badge: ") + QLatin1String(badges[size_t(item.value)].name);
            break;
        case Kind::Challenge:
            entry.kind = "challenge";
            entry.delta = challenges[size_t(item.value)].rewardPoints;
            entry.note = QStringLiteral("Challenge: ")
                         + QLatin1String(challenges[size_t(item.value)].name);
            break;
        case Kind::Referral:
            entry.kind = "referral";
            entry.delta = item.value;
            entry.note = QStringLiteral("A referred friend placed an order");
            break;
        }
        if (entry.delta <= 0)
            continue;
        balance += entry.delta;
        last = entry.at;
        ledger.push_back(entry);

        // Now and then a customer turns points into a voucher before the next purchase.
        const qint64 next = i + 1 < items.size() ? items[i + 1].at : now;
        if (item.kind == Kind::Earn && balance >= 500 && next - item.at > 2 * 3600
            && random.chance(0.2)) {
            Entry redeem;
            redeem.kind = "redeem";
            redeem.delta = -std::min(balance / 100, random.between(5, 20)) * 100;
            redeem.at = item.at + 3600 + random.below(next - item.at - 2 * 3600);
            redeem.note = QStringLiteral("Voucher of %1 points").arg(-redeem.delta);
            balance += redeem.delta;
            last = redeem.at;
            ledger.push_back(redeem);
        }
    }
    const qint64 year = 365 * DemoSetup::kDay;
    if (balance > 0 && last >= 0 && last + year < now && random.chance(0.3)) {
        Entry expire;
        expire.kind = "expire";
        expire.delta = -balance;
        expire.at = last + year;
        expire.note = QStringLiteral("Expired after twelve months without activity");
        ledger.push_back(expire);
    }
}

} // namespace md
