#include "loyaltyengine.h"

#include "core/fixedpoint.h"

#include <algorithm>
#include <deque>
#include <map>
#include <numeric>
#include <set>

namespace md {

namespace {

bool countsForOrders(LoyaltyKind kind)
{
    return kind == LoyaltyKind::Earn || kind == LoyaltyKind::Reverse;
}

// Entry indices in time order; entries of one moment in id order, new ones (id 0) as given.
std::vector<size_t> timeOrder(const std::vector<LoyaltyEntry> &ledger)
{
    std::vector<size_t> order(ledger.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (ledger[a].at != ledger[b].at)
            return ledger[a].at < ledger[b].at;
        return ledger[a].id < ledger[b].id;
    });
    return order;
}

// The qualifying points of one basis as entries come in in time order: a running sum, over a
// sliding window for the rolling basis.
class QualifyingSum
{
public:
    QualifyingSum(LoyaltyBasis basis)
        : m_basis(basis)
    {}

    void add(const LoyaltyEntry &entry)
    {
        if (m_basis != LoyaltyBasis::Balance && !countsForOrders(entry.kind))
            return;
        m_sum += entry.delta;
        if (m_basis == LoyaltyBasis::Rolling12)
            m_window.emplace_back(entry.at, entry.delta);
    }

    // The sum at `at`, no entry dated after it having been added.
    qint64 at(qint64 at)
    {
        if (m_basis == LoyaltyBasis::Rolling12) {
            while (!m_window.empty()
                   && m_window.front().first <= at - LoyaltyEngine::kRollingWindowSecs) {
                m_sum -= m_window.front().second;
                m_window.pop_front();
            }
        }
        return m_sum;
    }

private:
    LoyaltyBasis m_basis;
    qint64 m_sum = 0;
    std::deque<std::pair<qint64, qint64>> m_window;
};

} // namespace

LoyaltyEngine::LoyaltyEngine(std::vector<LoyaltyTier> tiers, LoyaltySettings settings)
    : m_tiers(std::move(tiers))
    , m_settings(settings)
{
    std::stable_sort(
        m_tiers.begin(), m_tiers.end(),
        [](const LoyaltyTier &a, const LoyaltyTier &b) { return a.threshold < b.threshold; });
}

qint64 LoyaltyEngine::orderPoints(qint64 totalCents, qint64 multiplierBp)
{
    if (totalCents <= 0 || multiplierBp <= 0)
        return 0;
    return qint64(FixedPoint::floorDiv(Int128(totalCents) * multiplierBp, Int128(100) * kOneBp));
}

int LoyaltyEngine::tierFor(qint64 qualifying) const
{
    int tier = -1;
    for (size_t i = 0; i < m_tiers.size(); ++i) {
        if (qualifying >= m_tiers[i].threshold)
            tier = int(i);
    }
    return tier;
}

qint64 LoyaltyEngine::multiplierOf(int tier) const
{
    if (tier < 0 || tier >= int(m_tiers.size()))
        return kOneBp;
    return m_tiers[size_t(tier)].multiplierBp;
}

qint64 LoyaltyEngine::qualifying(const std::vector<LoyaltyEntry> &ledger, qint64 at) const
{
    qint64 sum = 0;
    for (const LoyaltyEntry &entry : ledger) {
        if (entry.at > at)
            continue;
        switch (m_settings.basis) {
        case LoyaltyBasis::Lifetime:
            sum += countsForOrders(entry.kind) ? entry.delta : 0;
            break;
        case LoyaltyBasis::Rolling12:
            if (countsForOrders(entry.kind) && entry.at > at - kRollingWindowSecs)
                sum += entry.delta;
            break;
        case LoyaltyBasis::Balance:
            sum += entry.delta;
            break;
        }
    }
    return sum;
}

LoyaltyAwardPlan LoyaltyEngine::award(const std::vector<LoyaltyOrder> &orders,
                                      const std::vector<LoyaltyEntry> &ledger, qint64 asOf) const
{
    std::map<qint64, qint64> earned; // order id -> points of its earn entries
    std::set<qint64> reversed;
    for (const LoyaltyEntry &entry : ledger) {
        if (entry.orderId == 0)
            continue;
        if (entry.kind == LoyaltyKind::Earn)
            earned[entry.orderId] += entry.delta;
        else if (entry.kind == LoyaltyKind::Reverse)
            reversed.insert(entry.orderId);
    }

    LoyaltyAwardPlan plan;
    QualifyingSum sum(m_settings.basis);
    const std::vector<size_t> existing = timeOrder(ledger);
    size_t next = 0; // the next existing entry to count
    for (const LoyaltyOrder &order : orders) {
        if (order.orderedAt > asOf)
            break;
        // What happened up to the order's moment counts before it.
        while (next < existing.size() && ledger[existing[next]].at <= order.orderedAt)
            sum.add(ledger[existing[next++]]);
        LoyaltyOrderOutcome outcome;
        outcome.orderId = order.id;
        outcome.tierBefore = tierFor(sum.at(order.orderedAt));
        const auto credit = earned.find(order.id);
        if (credit != earned.end()) {
            outcome.points = credit->second; // counted with the existing entries
        } else if (order.completed) {
            outcome.points = orderPoints(order.totalCents, multiplierOf(outcome.tierBefore));
            if (outcome.points > 0) {
                LoyaltyEntry entry;
                entry.kind = LoyaltyKind::Earn;
                entry.delta = outcome.points;
                entry.at = order.orderedAt;
                entry.orderId = order.id;
                entry.source = orderSource(order.id);
                sum.add(entry);
                plan.entries.push_back(std::move(entry));
                outcome.credited = true;
                ++plan.creditedOrders;
                plan.creditedPoints += outcome.points;
            }
        }
        outcome.tierAfter = tierFor(sum.at(order.orderedAt));
        plan.orders.push_back(outcome);
    }

    // Reversals come last, dated at the award: when an order was voided is not recorded.
    // plan.orders[i] is the outcome of orders[i]: the loop above stopped at the first order after
    // asOf.
    for (size_t i = 0; i < plan.orders.size(); ++i) {
        LoyaltyOrderOutcome &outcome = plan.orders[i];
        const auto credit = earned.find(outcome.orderId);
        if (!orders[i].voided || credit == earned.end() || credit->second <= 0
            || reversed.count(outcome.orderId))
            continue;
        LoyaltyEntry entry;
        entry.kind = LoyaltyKind::Reverse;
        entry.delta = -credit->second;
        entry.at = asOf;
        entry.orderId = outcome.orderId;
        entry.source = reverseSource(outcome.orderId);
        plan.entries.push_back(std::move(entry));
        outcome.reversed = true;
        ++plan.reversedOrders;
        plan.reversedPoints += credit->second;
    }
    return plan;
}

LoyaltyStanding LoyaltyEngine::standing(const std::vector<LoyaltyEntry> &ledger, qint64 asOf) const
{
    LoyaltyStanding standing;
    qint64 pending = 0;
    const qint64 usableFrom = asOf - qint64(m_settings.pendingDays) * 86400;
    for (const LoyaltyEntry &entry : ledger) {
        if (entry.at > asOf)
            continue;
        standing.balance += entry.delta;
        if (entry.kind == LoyaltyKind::Earn && entry.at > usableFrom)
            pending += entry.delta;
    }
    standing.qualifying = qualifying(ledger, asOf);
    standing.available = std::max<qint64>(0, standing.balance - pending);
    standing.tier = tierFor(standing.qualifying);
    return standing;
}

std::vector<LoyaltyBatch> LoyaltyEngine::batches(const std::vector<LoyaltyEntry> &ledger,
                                                 qint64 asOf) const
{
    std::vector<LoyaltyBatch> batches;
    size_t oldest = 0; // the first batch with points remaining
    qint64 debt = 0;
    for (const size_t i : timeOrder(ledger)) {
        const LoyaltyEntry &entry = ledger[i];
        if (entry.at > asOf)
            break;
        if (entry.delta > 0) {
            LoyaltyBatch batch;
            batch.entryIndex = qint64(i);
            batch.at = entry.at;
            batch.points = entry.delta;
            const qint64 paid = std::min(debt, entry.delta);
            debt -= paid;
            batch.remaining = entry.delta - paid;
            if (m_settings.expiryDays > 0)
                batch.expiresAt = entry.at + qint64(m_settings.expiryDays) * 86400;
            batches.push_back(batch);
            continue;
        }
        qint64 take = -entry.delta;
        while (take > 0 && oldest < batches.size()) {
            LoyaltyBatch &batch = batches[oldest];
            const qint64 used = std::min(take, batch.remaining);
            batch.remaining -= used;
            take -= used;
            if (batch.remaining == 0)
                ++oldest;
        }
        debt += take;
    }
    return batches;
}

qint64 LoyaltyEngine::expiring(const std::vector<LoyaltyEntry> &ledger, qint64 asOf) const
{
    if (m_settings.expiryDays <= 0)
        return 0;
    qint64 points = 0;
    for (const LoyaltyBatch &batch : batches(ledger, asOf)) {
        if (batch.expiresAt >= 0 && batch.expiresAt <= asOf)
            points += batch.remaining;
    }
    return points;
}

qint64 LoyaltyEngine::spendable(const std::vector<LoyaltyEntry> &ledger, qint64 asOf) const
{
    qint64 total = 0;
    for (const LoyaltyEntry &entry : ledger)
        total += entry.delta;
    return std::max<qint64>(0, std::min(standing(ledger, asOf).available, total));
}

LoyaltyRedeemCheck LoyaltyEngine::checkRedeem(const LoyaltyReward &reward,
                                              const std::vector<LoyaltyEntry> &ledger,
                                              qint64 redeemedBefore, qint64 asOf) const
{
    LoyaltyRedeemCheck check;
    check.balance = standing(ledger, asOf).balance;
    check.spendable = spendable(ledger, asOf);
    if (!reward.active)
        check.refusal = LoyaltyRedeemRefusal::Inactive;
    else if (reward.perCustomerLimit > 0 && redeemedBefore >= reward.perCustomerLimit)
        check.refusal = LoyaltyRedeemRefusal::LimitReached;
    else if (check.balance < reward.minBalance)
        check.refusal = LoyaltyRedeemRefusal::BelowMinimum;
    else if (check.spendable < reward.pointsCost)
        check.refusal = LoyaltyRedeemRefusal::NotEnoughPoints;
    return check;
}

QString LoyaltyEngine::orderSource(qint64 orderId)
{
    return QStringLiteral("order:%1").arg(orderId);
}

QString LoyaltyEngine::reverseSource(qint64 orderId)
{
    return QStringLiteral("order:%1:reverse").arg(orderId);
}

QString LoyaltyEngine::expireSource(qint64 customerId, qint64 asOf)
{
    return QStringLiteral("expire:customer:%1:%2").arg(customerId).arg(asOf);
}

QString LoyaltyEngine::redeemSource(const QString &rewardCode)
{
    return QStringLiteral("redeem:") + rewardCode;
}

} // namespace md
