#pragma once

// A computed preview: the catalog snapshot it was computed on, the rules, and one decision per
// product. Shared read-only between the worker that made it, the preview table and the apply
// step; applying checks each old price again, so a stale preview never overwrites anything.

#include "previewtotals.h"
#include "pricedecision.h"
#include "pricereason.h"
#include "pricingrules.h"
#include "productsnapshot.h"

#include <QString>

#include <vector>

namespace md {

class RepricingPreview
{
public:
    ProductSnapshot products;
    PricingRules rules;
    qint64 computedAt = 0;
    std::vector<PriceDecision> decisions; // one per product, in the snapshot's row order
    PreviewTotals totals;

    const PricingProduct &productOf(const PriceDecision &decision) const
    {
        return products.at(decision.row);
    }
    // The rows of decisions that change a price.
    std::vector<qint32> changeRows() const;
    PriceReason reasons(const QLocale &locale = QLocale()) const
    {
        return PriceReason(products, rules, computedAt, locale);
    }
    // The rule set as compact JSON, recorded with each run ("parameters").
    QString parametersJson() const;
    qint64 memoryBytes() const;
};

} // namespace md
