#include "demoorders.h"

#include "democatalog.h"
#include "democustomers.h"
#include "demorandom.h"

#include <algorithm>
#include <cmath>

namespace md {

namespace {

constexpr double kGuestShare = 0.03;
constexpr double kSameCategory = 0.45; // a basket tends to stay on one shelf
constexpr double kPlantedPull = 0.5;
// Customers drift away: their order rate falls from 1 towards kLoyalCore with this time scale.
constexpr double kLoyalCore = 0.1;
constexpr double kChurnDays = 300.0;

// Orders per hour of the day (UTC, a European shop): quiet nights, lunch and evening peaks.
constexpr double kHours[24]
    = {0.30, 0.15, 0.10, 0.10, 0.10, 0.20, 0.50, 0.80, 1.00, 1.10, 1.10, 1.10,
       1.30, 1.20, 1.10, 1.10, 1.10, 1.20, 1.40, 1.70, 1.80, 1.50, 1.00, 0.60};

double season(const QDate &date)
{
    const int day = date.day();
    switch (date.month()) {
    case 1:
        return 0.85;
    case 2:
        return 0.80;
    case 3:
    case 4:
    case 5:
        return 0.90;
    case 6:
        return 0.80;
    case 7:
    case 8:
        return 0.75;
    case 9:
        return 0.90;
    case 10:
        return 1.00;
    case 11:
        return day >= 22 ? 1.80 : 1.20; // Black Friday week
    default:
        return day <= 22 ? 1.90 : (day <= 26 ? 0.90 : 1.10);
    }
}

double weekday(const QDate &date)
{
    static constexpr double factors[7] = {0.90, 0.90, 0.95, 0.95, 1.00, 1.30, 1.25};
    return factors[date.dayOfWeek() - 1];
}

struct Placed
{
    qint64 at;
    qint32 customer;
    qint32 sequence;
};

bool contains(const std::vector<DemoOrders::Line> &lines, int slot)
{
    return std::any_of(lines.begin(), lines.end(),
                       [slot](const DemoOrders::Line &line) { return line.slot == slot; });
}

} // namespace

DemoOrders::DemoOrders(const DemoSetup &setup, const DemoCatalog &catalog,
                       const DemoCustomers &customers)
    : m_setup(setup)
    , m_catalog(catalog)
{
    buildDayWeights();

    // How many orders each customer places: many buy once, some never, a few regulars buy
    // often. The regulars' heavy-tailed shares absorb whatever the total still needs.
    const int n = customers.count();
    const int guests = int(std::llround(setup.orderCount * kGuestShare));
    const qint64 registered = setup.orderCount - guests;
    std::vector<qint32> wanted(size_t(n), 0);
    std::vector<double> regularWeight(size_t(n), 0.0);
    qint64 fixed = 0;
    double totalWeight = 0;
    const double window = double(setup.orderDays) * DemoSetup::kDay;
    for (int c = 0; c < n; ++c) {
        DemoRandom random(setup.seed, setup.stream(DemoStream::CustomerOrders), quint64(c));
        const qint64 created = customers.createdAt(c);
        const qint64 since = std::max(created, setup.orderStart());
        const double exposure
            = activityIntegral(double(since - created) / DemoSetup::kDay,
                               double(setup.asOfEpoch - created) / DemoSetup::kDay)
              * DemoSetup::kDay / window;
        const qint64 days = (setup.asOfEpoch - since) / DemoSetup::kDay;
        switch (random.pick({18.0, 37.0, 30.0, 15.0})) {
        case 0:
            break;
        case 1:
            wanted[size_t(c)] = 1;
            break;
        case 2:
            wanted[size_t(c)] = days < 30 ? 1 : qint32(random.between(2, 4));
            break;
        default:
            if (days < 60) {
                wanted[size_t(c)] = 2;
            } else {
                regularWeight[size_t(c)] = random.pareto(1.3, 30.0) * exposure;
                totalWeight += regularWeight[size_t(c)];
                wanted[size_t(c)] = 5;
            }
        }
        fixed += wanted[size_t(c)];
    }
    const qint64 extra = std::max<qint64>(0, registered - fixed);
    double cumulative = 0;
    qint64 handedOut = 0;
    for (int c = 0; c < n && totalWeight > 0; ++c) {
        if (regularWeight[size_t(c)] <= 0)
            continue;
        cumulative += regularWeight[size_t(c)];
        const qint64 upTo = std::llround(double(extra) * cumulative / totalWeight);
        wanted[size_t(c)] += qint32(upTo - handedOut);
        handedOut = upTo;
    }

    std::vector<Placed> placed;
    placed.reserve(size_t(setup.orderCount));
    for (int c = 0; c < n; ++c) {
        DemoRandom random(setup.seed, setup.stream(DemoStream::OrderTimes), quint64(c));
        const qint64 created = customers.createdAt(c);
        for (qint32 i = 0; i < wanted[size_t(c)]; ++i) {
            qint64 at = 0;
            // Most who sign up during the history do so at their first checkout.
            if (i == 0 && created >= setup.orderStart() && random.chance(0.7))
                at = std::min(created + random.between(60, 1800), setup.asOfEpoch - 1);
            else
                at = drawTime(random, created, created);
            placed.push_back({at, c, i});
        }
    }
    for (int g = 0; g < guests; ++g) {
        DemoRandom random(setup.seed, setup.stream(DemoStream::GuestOrders), quint64(g));
        placed.push_back({drawTime(random, setup.orderStart()), -1, g});
    }
    std::sort(placed.begin(), placed.end(), [](const Placed &a, const Placed &b) {
        if (a.at != b.at)
            return a.at < b.at;
        if (a.customer != b.customer)
            return a.customer < b.customer;
        return a.sequence < b.sequence;
    });

    const size_t count = placed.size();
    m_at.resize(count);
    m_customer.resize(count);
    m_status.resize(count);
    m_total.assign(count, 0);
    m_customerBegin.assign(size_t(n) + 1, 0);
    const qint64 recent = setup.asOfEpoch - 2 * DemoSetup::kDay;
    const qint64 settled = setup.asOfEpoch - 3 * DemoSetup::kDay;
    for (size_t k = 0; k < count; ++k) {
        m_at[k] = placed[k].at;
        m_customer[k] = placed[k].customer;
        if (placed[k].customer >= 0)
            ++m_customerBegin[size_t(placed[k].customer) + 1];
        DemoRandom random(setup.seed, setup.stream(DemoStream::OrderStatus), k);
        Status status = Status::Completed;
        if (m_at[k] >= recent && random.chance(0.35)) {
            status = Status::Pending;
        } else {
            const double u = random.uniform();
            if (u < 0.02)
                status = Status::Cancelled;
            else if (u < 0.03 && m_at[k] < settled)
                status = Status::Refunded;
        }
        m_status[k] = quint8(status);
    }
    placed.clear();
    placed.shrink_to_fit();

    for (int c = 0; c < n; ++c)
        m_customerBegin[size_t(c) + 1] += m_customerBegin[size_t(c)];
    m_customerOrders.resize(size_t(m_customerBegin[size_t(n)]));
    std::vector<qint32> fill(m_customerBegin.begin(), m_customerBegin.end() - 1);
    for (size_t k = 0; k < count; ++k) {
        if (m_customer[k] >= 0)
            m_customerOrders[size_t(fill[size_t(m_customer[k])]++)] = qint32(k);
    }
}

void DemoOrders::buildDayWeights()
{
    const int days = m_setup.orderDays;
    // Most growth comes from the growing customer base; this adds a little on top.
    const double growth = std::log(1.2);
    m_dayCumulative.assign(size_t(days) + 1, 0.0);
    for (int d = 0; d < days; ++d) {
        const QDate date = m_setup.asOf.addDays(d - days);
        const double weight = std::exp(growth * d / days) * season(date) * weekday(date);
        m_dayCumulative[size_t(d) + 1] = m_dayCumulative[size_t(d)] + weight;
    }
}

qint64 DemoOrders::drawSecondOfDay(DemoRandom &random) const
{
    return qint64(random.pick(kHours)) * 3600 + random.below(3600);
}

double DemoOrders::activity(double ageDays)
{
    return kLoyalCore + (1.0 - kLoyalCore) * std::exp(-ageDays / kChurnDays);
}

double DemoOrders::activityIntegral(double fromDays, double toDays)
{
    return kLoyalCore * (toDays - fromDays)
           + (1.0 - kLoyalCore) * kChurnDays
                 * (std::exp(-fromDays / kChurnDays) - std::exp(-toDays / kChurnDays));
}

qint64 DemoOrders::drawTime(DemoRandom &random, qint64 earliest, qint64 signedUp) const
{
    const qint64 start = m_setup.orderStart();
    earliest = std::clamp(earliest, start, m_setup.asOfEpoch - 1);
    const int days = m_setup.orderDays;
    const int firstDay = int((earliest - start) / DemoSetup::kDay);
    const double low = m_dayCumulative[size_t(firstDay)];
    // The season decides the day; the customer's fading activity may send the draw back.
    for (int attempt = 0;; ++attempt) {
        const double u = low + random.uniform() * (m_dayCumulative[size_t(days)] - low);
        int day = int(std::upper_bound(m_dayCumulative.begin() + 1, m_dayCumulative.end(), u)
                      - (m_dayCumulative.begin() + 1));
        day = std::clamp(day, firstDay, days - 1);
        const qint64 dayStart = start + day * DemoSetup::kDay;
        qint64 at = dayStart + drawSecondOfDay(random);
        if (at < earliest)
            at = earliest
                 + random.below(std::max<qint64>(1, dayStart + DemoSetup::kDay - earliest));
        if (signedUp < 0 || attempt == 20
            || random.uniform() < activity(double(at - signedUp) / DemoSetup::kDay))
            return at;
    }
}

QString DemoOrders::orderNumber(int order)
{
    return QLatin1Char('#') + QString::number(100001 + order);
}

int DemoOrders::firstOrderFrom(qint64 at) const
{
    return int(std::lower_bound(m_at.begin(), m_at.end(), at) - m_at.begin());
}

const qint32 *DemoOrders::ordersOf(int customer, int *count) const
{
    const qint32 begin = m_customerBegin[size_t(customer)];
    *count = m_customerBegin[size_t(customer) + 1] - begin;
    return m_customerOrders.data() + begin;
}

void DemoOrders::basket(int order, std::vector<Line> &lines) const
{
    lines.clear();
    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::Basket), quint64(order));
    const qint64 at = m_at[size_t(order)];

    // Most baskets hold one to four products, a long tail more, and a few wholesale buyers
    // order 50 to 150 different products at once.
    int size = 0;
    bool wholesale = false;
    switch (random.pick({25.0, 22.0, 17.0, 12.0, 23.5, 0.3, 0.2})) {
    case 0:
        size = 1;
        break;
    case 1:
        size = 2;
        break;
    case 2:
        size = 3;
        break;
    case 3:
        size = 4;
        break;
    case 4: // a geometric tail from five items on
        size = 5;
        while (size < 30 && random.chance(0.8))
            ++size;
        break;
    case 5:
        size = int(random.between(31, 45));
        break;
    default:
        size = int(random.between(50, 150));
        wholesale = true;
    }

    int category = m_catalog.drawCategory(random);
    for (int i = 0; i < size; ++i) {
        if (!wholesale && i > 0 && !random.chance(kSameCategory))
            category = m_catalog.drawCategory(random);
        int slot = -1;
        for (int attempt = 0; attempt < 4; ++attempt) {
            const int drawn = wholesale ? m_catalog.drawAny(random, at)
                                        : m_catalog.drawFromCategory(random, category, at);
            if (drawn >= 0 && !contains(lines, drawn)) {
                slot = drawn;
                break;
            }
        }
        if (slot < 0)
            continue;
        const int quantity
            = wholesale ? 1 + random.pick({60.0, 30.0, 10.0}) : 1 + random.pick({80.0, 14.0, 6.0});
        lines.push_back({slot, quantity, 0});
    }
    if (lines.empty()) // every draw hit a product launched later: the shop's oldest bestseller
        lines.push_back({m_catalog.plantedPairs().front().slotA, 1, 0});

    for (const DemoCatalog::PlantedPair &pair : m_catalog.plantedPairs()) {
        if (contains(lines, pair.slotA) && !contains(lines, pair.slotB)
            && random.chance(kPlantedPull)) {
            lines.push_back({pair.slotB, 1, 0});
        }
    }
    for (Line &line : lines)
        line.unitPriceCents = m_catalog.priceAt(line.slot, at);
}

void DemoOrders::computeTotals(int begin, int end)
{
    std::vector<Line> lines;
    for (int k = begin; k < end; ++k) {
        basket(k, lines);
        qint64 total = 0;
        for (const Line &line : lines)
            total += line.quantity * line.unitPriceCents;
        m_total[size_t(k)] = total;
    }
}

} // namespace md
