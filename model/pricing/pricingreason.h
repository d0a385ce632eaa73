#pragma once

// Turns a PricingDecision into the sentence the owner reads in the preview, the CSV and the price
// history: "Low stock (12), demand 3.00: +9.4 %, capped at +15 %". Translated, with the numbers
// in the given locale; the templates are looked up once, so a million reasons stay cheap.

#include "pricingdecision.h"
#include "pricingrules.h"
#include "productsnapshot.h"
#include "reasontemplate.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace md {

class PricingReason
{
    Q_DECLARE_TR_FUNCTIONS(md::PricingReason)

public:
    PricingReason(const ProductSnapshot &products, const PricingRules &rules, qint64 now,
                  const QLocale &locale = QLocale());

    QString text(const PricingDecision &decision) const;

    // The preview's "limit" column: "cap", "floor", "maximum price" or "".
    static QString limitLabel(PricingDecision::Limit limit);
    // Where the floor comes from: "cost 12.50", "cost 12.50 + 10 % margin", "minimum price 9.99".
    QString floorOrigin(const PricingProduct &product) const;

private:
    QString money(qint64 cents) const;
    QString percent(qint64 bp) const;

    const ProductSnapshot &m_products;
    const PricingRules &m_rules;
    qint64 m_now;
    QLocale m_locale;

    QString m_percentSuffix;
    ReasonTemplate m_lowStock, m_outOfStock, m_normalStock, m_overstock, m_hold;
    ReasonTemplate m_capped, m_floor, m_ceiling, m_charm, m_unchanged, m_overLimit;
    ReasonTemplate m_categoryLocked, m_coolDown, m_floorAbove;
    QString m_noChange, m_locked, m_noBase, m_noFloor;
};

} // namespace md
