#pragma once

// The repricing playbook as a pure function: products plus a rule set in, one decision per
// product out. No I/O, no clock of its own (the caller passes "now"), no doubles on the money
// path: proposals are exact rationals in 128-bit integers, rounded half away from zero once.

#include "pricingdecision.h"
#include "pricingrules.h"
#include "productsnapshot.h"

#include <functional>
#include <optional>
#include <vector>

namespace md {

class PricingEngine
{
public:
    // done and total products; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // One decision per product, in the snapshot's row order; nullopt when cancelled.
    static std::optional<std::vector<PricingDecision>> preview(const ProductSnapshot &products,
                                                               const PricingRules &rules,
                                                               qint64 now,
                                                               const Progress &progress = {});

    // The decision for one product, before the most-changes-per-run limit.
    static PricingDecision decide(const PricingProduct &product, qint32 row,
                                  const PricingRules &rules, bool categoryLocked, qint64 now);
    // Keeps the `maxChanges` largest changes (by absolute amount in cents, then by lower row) and
    // marks the others Skipped with OverRunLimit. 0 keeps all.
    static void applyRunLimit(std::vector<PricingDecision> &decisions, int maxChanges);

    // The price a product may not go below, in cents: max(min price, cost × (1 + margin))
    // rounded up to the cent; -1 when neither a cost nor a minimum price is known.
    static qint64 floorCents(const PricingProduct &product, const PricingRules &rules);
    // The maximum price, -1 when none.
    static qint64 ceilingCents(const PricingProduct &product) { return product.maxPriceCents; }
};

} // namespace md
