#include "pricereason.h"

#include "repricingengine.h"

namespace md {

PriceReason::PriceReason(const ProductSnapshot &products, const PricingRules &rules, qint64 now,
                         const QLocale &locale)
    : m_products(products)
    , m_rules(rules)
    , m_now(now)
    , m_locale(locale)
    , m_percentSuffix(tr(" %"))
    , m_lowStock(tr("Low stock (%1), demand %2: "))
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

QString PriceReason::money(qint64 cents) const
{
    return FixedPoint::format(cents, 2, 2, m_locale);
}

QString PriceReason::percent(qint64 bp) const
{
    return FixedPoint::signedText(bp, 2, 1, m_locale);
}

QString PriceReason::limitLabel(PriceDecision::Limit limit)
{
    switch (limit) {
    case PriceDecision::CapUp:
    case PriceDecision::CapDown:
        return tr("cap");
    case PriceDecision::Floor:
        return tr("floor");
    case PriceDecision::Ceiling:
        return tr("maximum price");
    case PriceDecision::NoLimit:
        break;
    }
    return {};
}

QString PriceReason::floorOrigin(const PricingProduct &product) const
{
    const qint64 floor = RepricingEngine::floorCents(product, m_rules);
    if (product.costCents >= 0 && (product.minPriceCents < 0 || floor > product.minPriceCents)) {
        if (m_rules.minMarginBp == 0)
            return tr("cost %1").arg(money(product.costCents));
        return tr("cost %1 + %2 % margin")
            .arg(money(product.costCents), FixedPoint::trimmed(m_rules.minMarginBp, 2, m_locale));
    }
    return tr("minimum price %1").arg(money(product.minPriceCents));
}

QString PriceReason::text(const PriceDecision &decision) const
{
    const PricingProduct &product = m_products.at(decision.row);
    const auto number = [](qint64 value) {
        return QString::number(value);
    };
    QString text;
    text.reserve(96);
    switch (decision.rule) {
    case PriceRule::LockedProduct:
        return m_locked;
    case PriceRule::LockedCategory:
        return m_categoryLocked.fill({m_products.category(decision.row)});
    case PriceRule::CoolDown:
        return m_coolDown.fill(
            {number((m_now - product.lastPriceChangeAt) / 3600), number(m_rules.cooldownHours)});
    case PriceRule::NoBasePrice:
        return m_noBase;
    case PriceRule::NoFloor:
        return m_noFloor;
    case PriceRule::FloorAboveCeiling:
        return m_floorAbove.fill({money(RepricingEngine::floorCents(product, m_rules)),
                                  floorOrigin(product), money(product.maxPriceCents)});
    case PriceRule::HighStockHold:
        return m_hold.fill({number(product.stockLevel), number(m_rules.highStockThreshold)});
    case PriceRule::OverstockMarkdown:
        m_overstock.appendTo(
            text, {number(product.stockLevel),
                   FixedPoint::signedTrimmed(-m_rules.overstockMarkdownBp, 2, m_locale)});
        break;
    case PriceRule::LowStock:
    case PriceRule::NormalStock: {
        const ReasonTemplate &head
            = decision.rule == PriceRule::LowStock ? m_lowStock : m_normalStock;
        head.appendTo(text, {number(product.stockLevel),
                             FixedPoint::format(product.demandHundredths, 2, 2, m_locale)});
        if (decision.proposedBp == 0 && decision.limits == 0
            && !(decision.flags & PriceDecision::RoundsToCurrent)) {
            return text + m_noChange;
        }
        text += percent(decision.proposedBp);
        text += m_percentSuffix;
        break;
    }
    }
    if (decision.limits & PriceDecision::CapUp)
        m_capped.appendTo(text, {FixedPoint::signedTrimmed(m_rules.maxStepBp, 2, m_locale)});
    if (decision.limits & PriceDecision::CapDown)
        m_capped.appendTo(text, {FixedPoint::signedTrimmed(-m_rules.maxStepBp, 2, m_locale)});
    if (decision.limits & PriceDecision::Floor)
        m_floor.appendTo(text, {floorOrigin(product)});
    if (decision.limits & PriceDecision::Ceiling)
        m_ceiling.appendTo(text, {money(product.maxPriceCents)});
    if (decision.flags & PriceDecision::Charmed)
        m_charm.appendTo(text, {money(decision.newCents)});
    if (decision.outcome == PriceOutcome::Unchanged)
        m_unchanged.appendTo(text, {money(decision.oldCents)});
    if (decision.flags & PriceDecision::OverRunLimit)
        m_overLimit.appendTo(text, {number(m_rules.maxChangesPerRun)});
    return text;
}

} // namespace md
