#pragma once

// A computed preview: the catalog snapshot it was computed on, the rules, and one decision per
// product. Shared read-only between the worker that made it, the preview table and the apply
// step; applying checks each old price again, so a stale preview never overwrites anything.

#include "pricingdecision.h"
#include "pricingpreviewtotals.h"
#include "pricingreason.h"
#include "pricingrules.h"
#include "productsnapshot.h"

#include <QString>

#include <vector>

namespace md {

class PricingPreview
{
public:
    ProductSnapshot products;
    PricingRules rules;
    qint64 computedAt = 0;
    std::vector<PricingDecision> decisions; // one per product, in the snapshot's row order
    PricingPreviewTotals totals;

    const PricingProduct &productOf(const PricingDecision &decision) const
    {
        return products.at(decision.row);
    }
    // The rows of decisions that change a price.
    std::vector<qint32> changeRows() const;
    PricingReason reasons(const QLocale &locale = QLocale()) const
    {
        return PricingReason(products, rules, computedAt, locale);
    }
    // The rule set as compact JSON, recorded with each run ("parameters").
    QString parametersJson() const;
    qint64 memoryBytes() const;
};

} // namespace md
