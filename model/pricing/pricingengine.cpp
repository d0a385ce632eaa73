#include "pricingengine.h"

#include <QSet>

#include <algorithm>
#include <limits>

namespace md {

namespace {

// Proposals are held as cents × kScale: basis points (10,000) times demand hundredths (100)
// make every intermediate value an integer.
constexpr Int128 kScale = 1'000'000;
constexpr Int128 kBp = 10'000;
constexpr qint64 kProgressEvery = 1 << 16;

qint32 saturate(Int128 value)
{
    if (value > std::numeric_limits<qint32>::max())
        return std::numeric_limits<qint32>::max();
    if (value < std::numeric_limits<qint32>::min())
        return std::numeric_limits<qint32>::min();
    return qint32(value);
}

// Charm rounding: the nearest price with the chosen cents (ties upwards) that stays inside
// [low, high] and keeps the direction of the move; else the other neighbour; else unchanged.
qint64 charmPrice(qint64 price, qint64 current, qint64 ending, qint64 low, qint64 high)
{
    const qint64 below = qint64(FixedPoint::floorDiv(price - ending, 100)) * 100 + ending;
    if (below == price)
        return price;
    const qint64 above = below + 100;
    const bool upFirst = above - price <= price - below;
    const auto acceptable = [&](qint64 candidate) {
        if (candidate < 0 || candidate < low || candidate > high)
            return false;
        return price > current ? candidate > current : candidate < current;
    };
    for (const qint64 candidate : {upFirst ? above : below, upFirst ? below : above}) {
        if (acceptable(candidate))
            return candidate;
    }
    return price;
}

} // namespace

qint64 PricingEngine::floorCents(const PricingProduct &product, const PricingRules &rules)
{
    if (product.costCents < 0 && product.minPriceCents < 0)
        return -1;
    qint64 floor = std::max<qint64>(product.minPriceCents, 0);
    if (product.costCents >= 0) {
        const Int128 withMargin
            = FixedPoint::ceilDiv(Int128(product.costCents) * (kBp + rules.minMarginBp), kBp);
        floor = std::max<qint64>(floor, qint64(withMargin));
    }
    return floor;
}

PricingDecision PricingEngine::decide(const PricingProduct &product, qint32 row,
                                      const PricingRules &rules, bool categoryLocked, qint64 now)
{
    PricingDecision decision;
    decision.row = row;
    decision.oldCents = product.currentPriceCents;
    decision.newCents = product.currentPriceCents;
    if (product.costCents < 0)
        decision.flags |= PricingDecision::NoCost;

    const auto skip = [&](PricingCase rule) {
        decision.outcome = PricingOutcome::Skipped;
        decision.rule = rule;
        return decision;
    };
    if (product.flags & PricingProduct::Locked)
        return skip(PricingCase::LockedProduct);
    if (categoryLocked)
        return skip(PricingCase::LockedCategory);
    if (rules.cooldownHours > 0 && product.lastPriceChangeAt >= 0
        && now - product.lastPriceChangeAt < qint64(rules.cooldownHours) * 3600) {
        return skip(PricingCase::CoolDown);
    }
    if (product.basePriceCents <= 0)
        return skip(PricingCase::NoBasePrice);
    const qint64 floor = floorCents(product, rules);
    if (floor < 0)
        return skip(PricingCase::NoFloor);
    const qint64 ceiling = ceilingCents(product);
    if (ceiling >= 0 && floor > ceiling)
        return skip(PricingCase::FloorAboveCeiling);

    const Int128 current = product.currentPriceCents;
    const Int128 base = product.basePriceCents;
    const Int128 demandMove = base * rules.demandStepBp * product.demandHundredths;
    Int128 exact = 0;
    if (product.stockLevel < rules.lowStockThreshold) {
        decision.rule = PricingCase::LowStock;
        exact = current * kScale + demandMove;
    } else if (product.stockLevel > rules.highStockThreshold) {
        if (!rules.overstockMarkdown || product.demandHundredths != 0) {
            decision.outcome = PricingOutcome::Unchanged;
            decision.rule = PricingCase::HighStockHold;
            return decision;
        }
        decision.rule = PricingCase::OverstockMarkdown;
        exact = current * (kBp - rules.overstockMarkdownBp) * 100;
    } else {
        decision.rule = PricingCase::NormalStock;
        exact = base * kScale + demandMove;
    }
    if (current > 0)
        decision.proposedBp
            = saturate(FixedPoint::roundDiv((exact - current * kScale) * kBp, current * kScale));

    // The cap first, then the guard rails, which win over it.
    const Int128 capHigh = current * (kBp + rules.maxStepBp) * 100;
    const Int128 capLow = current * std::max<Int128>(kBp - rules.maxStepBp, 0) * 100;
    if (exact > capHigh) {
        exact = capHigh;
        decision.limits |= PricingDecision::CapUp;
    } else if (exact < capLow) {
        exact = capLow;
        decision.limits |= PricingDecision::CapDown;
    }
    if (exact < Int128(floor) * kScale) {
        exact = Int128(floor) * kScale;
        decision.limits |= PricingDecision::Floor;
    }
    if (ceiling >= 0 && exact > Int128(ceiling) * kScale) {
        exact = Int128(ceiling) * kScale;
        decision.limits |= PricingDecision::Ceiling;
    }
    qint64 price = qint64(FixedPoint::roundDiv(exact, kScale));

    if (rules.charm != CharmEnding::None && price != product.currentPriceCents) {
        const qint64 ending = rules.charm == CharmEnding::Cents99 ? 99 : 95;
        // The charm price may not leave the cap unless a guard rail already did, nor cross
        // a guard rail.
        const qint64 capLowCents = qint64(FixedPoint::ceilDiv(capLow, kScale));
        const qint64 capHighCents = qint64(FixedPoint::floorDiv(capHigh, kScale));
        const qint64 low = std::max(floor, std::min(capLowCents, price));
        qint64 high = std::max(capHighCents, price);
        if (ceiling >= 0)
            high = std::min(high, ceiling);
        const qint64 charmed = charmPrice(price, product.currentPriceCents, ending, low, high);
        if (charmed != price) {
            price = charmed;
            decision.flags |= PricingDecision::Charmed;
        }
    }

    decision.newCents = price;
    if (price == product.currentPriceCents) {
        decision.outcome = PricingOutcome::Unchanged;
        if (exact != current * kScale)
            decision.flags |= PricingDecision::RoundsToCurrent;
    } else {
        decision.outcome = PricingOutcome::Change;
    }
    return decision;
}

void PricingEngine::applyRunLimit(std::vector<PricingDecision> &decisions, int maxChanges)
{
    if (maxChanges <= 0)
        return;
    std::vector<qsizetype> changes;
    for (qsizetype i = 0; i < qsizetype(decisions.size()); ++i) {
        if (decisions[size_t(i)].isChange())
            changes.push_back(i);
    }
    if (qsizetype(changes.size()) <= maxChanges)
        return;
    const auto larger = [&](qsizetype a, qsizetype b) {
        const PricingDecision &x = decisions[size_t(a)];
        const PricingDecision &y = decisions[size_t(b)];
        const qint64 dx = qAbs(x.newCents - x.oldCents);
        const qint64 dy = qAbs(y.newCents - y.oldCents);
        if (dx != dy)
            return dx > dy;
        return x.row < y.row;
    };
    std::nth_element(changes.begin(), changes.begin() + maxChanges, changes.end(), larger);
    for (auto it = changes.begin() + maxChanges; it != changes.end(); ++it) {
        PricingDecision &left = decisions[size_t(*it)];
        left.outcome = PricingOutcome::Skipped;
        left.flags |= PricingDecision::OverRunLimit;
    }
}

std::optional<std::vector<PricingDecision>> PricingEngine::preview(const ProductSnapshot &products,
                                                                   const PricingRules &rules,
                                                                   qint64 now,
                                                                   const Progress &progress)
{
    std::vector<bool> lockedCategory(size_t(products.categories().size()), false);
    const QSet<QString> locked(rules.lockedCategories.cbegin(), rules.lockedCategories.cend());
    for (qsizetype i = 0; i < products.categories().size(); ++i)
        lockedCategory[size_t(i)] = locked.contains(products.categories().at(i));

    const qint64 total = products.size();
    std::vector<PricingDecision> decisions;
    decisions.reserve(size_t(total));
    for (qint64 row = 0; row < total; ++row) {
        if (progress && row % kProgressEvery == 0 && !progress(row, total))
            return std::nullopt;
        const PricingProduct &product = products.at(row);
        const bool categoryLocked
            = product.category >= 0 && lockedCategory[size_t(product.category)];
        decisions.push_back(decide(product, qint32(row), rules, categoryLocked, now));
    }
    applyRunLimit(decisions, rules.maxChangesPerRun);
    if (progress && !progress(total, total))
        return std::nullopt;
    return decisions;
}

} // namespace md
