#include "pricingreason.h"

#include "pricingengine.h"

namespace md {

PricingReason::PricingReason(const ProductSnapshot &products, const PricingRules &rules, qint64 now,
                             const QLocale &locale)
    : m_products(products)
    , m_rules(rules)
    , m_now(now)
    , m_locale(locale)
    , m_percentSuffix(tr(" %"))
    , m_lowStock(tr("Low stock (%1), demand %2: "))
    , m_outOfStock(tr("Out of stock (%1), demand %2: "))
    , m_normalStock(tr("Normal stock (%1), demand %2: "))
    , m_overstock(tr("Overstock (%1) and no demand: %2 % markdown"))
    , m_hold(tr("Stock %1 above the high threshold (%2): held"))
    , m_capped(tr(", capped at %1 %"))
    , m_floor(tr("; raised to the floor (%1)"))
    , m_ceiling(tr("; lowered to the maximum price %1"))
    , m_charm(tr("; charm-rounded to %1"))
    , m_unchanged(tr("; the price stays %1"))
    , m_overLimit(tr("; left out: over the limit of %1 changes per run"))
    , m_categoryLocked(tr("Category \"%1\" is locked: not repriced"))
    , m_coolDown(tr("Price changed %1 h ago, within the %2 h cool-down: not repriced"))
    , m_floorAbove(tr("Floor %1 (%2) is above the maximum price %3: not repriced"))
    , m_noChange(tr("no change"))
    , m_locked(tr("Price locked: not repriced"))
    , m_noBase(tr("Base price is 0: not repriced"))
    , m_noFloor(tr("No cost and no minimum price: not repriced, nothing protects the margin"))
{}

QString PricingReason::money(qint64 cents) const
{
    return FixedPoint::format(cents, 2, 2, m_locale);
}

QString PricingReason::percent(qint64 bp) const
{
    return FixedPoint::signedText(bp, 2, 1, m_locale);
}

QString PricingReason::limitLabel(PricingDecision::Limit limit)
{
    switch (limit) {
    case PricingDecision::CapUp:
    case PricingDecision::CapDown:
        return tr("cap");
    case PricingDecision::Floor:
        return tr("floor");
    case PricingDecision::Ceiling:
        return tr("maximum price");
    case PricingDecision::NoLimit:
        break;
    }
    return {};
}

QString PricingReason::floorOrigin(const PricingProduct &product) const
{
    const qint64 floor = PricingEngine::floorCents(product, m_rules);
    if (product.costCents >= 0 && (product.minPriceCents < 0 || floor > product.minPriceCents)) {
        if (m_rules.minMarginBp == 0)
            return tr("cost %1").arg(money(product.costCents));
        return tr("cost %1 + %2 % margin")
            .arg(money(product.costCents), FixedPoint::trimmed(m_rules.minMarginBp, 2, m_locale));
    }
    return tr("minimum price %1").arg(money(product.minPriceCents));
}

QString PricingReason::text(const PricingDecision &decision) const
{
    const PricingProduct &product = m_products.at(decision.row);
    const auto number = [](qint64 value) {
        return QString::number(value);
    };
    QString text;
    text.reserve(96);
    switch (decision.rule) {
    case PricingCase::LockedProduct:
        return m_locked;
    case PricingCase::LockedCategory:
        return m_categoryLocked.fill({m_products.category(decision.row)});
    case PricingCase::CoolDown:
        return m_coolDown.fill(
            {number((m_now - product.lastPriceChangeAt) / 3600), number(m_rules.cooldownHours)});
    case PricingCase::NoBasePrice:
        return m_noBase;
    case PricingCase::NoFloor:
        return m_noFloor;
    case PricingCase::FloorAboveCeiling:
        return m_floorAbove.fill({money(PricingEngine::floorCents(product, m_rules)),
                                  floorOrigin(product), money(product.maxPriceCents)});
    case PricingCase::HighStockHold:
        return m_hold.fill({number(product.stockLevel), number(m_rules.highStockThreshold)});
    case PricingCase::OverstockMarkdown:
        m_overstock.appendTo(
            text, {number(product.stockLevel),
                   FixedPoint::signedTrimmed(-m_rules.overstockMarkdownBp, 2, m_locale)});
        break;
    case PricingCase::LowStock:
    case PricingCase::NormalStock: {
        // The rule is the same at 0 (or a negative, oversold level); only the words differ.
        const ReasonTemplate &head = decision.rule != PricingCase::LowStock ? m_normalStock
                                     : product.stockLevel <= 0              ? m_outOfStock
                                                                            : m_lowStock;
        head.appendTo(text, {number(product.stockLevel),
                             FixedPoint::format(product.demandHundredths, 2, 2, m_locale)});
        if (decision.proposedBp == 0 && decision.limits == 0
            && !(decision.flags & PricingDecision::RoundsToCurrent)) {
            return text + m_noChange;
        }
        text += percent(decision.proposedBp);
        text += m_percentSuffix;
        break;
    }
    }
    if (decision.limits & PricingDecision::CapUp)
        m_capped.appendTo(text, {FixedPoint::signedTrimmed(m_rules.maxStepBp, 2, m_locale)});
    if (decision.limits & PricingDecision::CapDown)
        m_capped.appendTo(text, {FixedPoint::signedTrimmed(-m_rules.maxStepBp, 2, m_locale)});
    if (decision.limits & PricingDecision::Floor)
        m_floor.appendTo(text, {floorOrigin(product)});
    if (decision.limits & PricingDecision::Ceiling)
        m_ceiling.appendTo(text, {money(product.maxPriceCents)});
    if (decision.flags & PricingDecision::Charmed)
        m_charm.appendTo(text, {money(decision.newCents)});
    if (decision.outcome == PricingOutcome::Unchanged)
        m_unchanged.appendTo(text, {money(decision.oldCents)});
    if (decision.flags & PricingDecision::OverRunLimit)
        m_overLimit.appendTo(text, {number(m_rules.maxChangesPerRun)});
    return text;
}

} // namespace md
