#pragma once

// The numbers above a repricing preview: how many prices go up and down, how many were capped,
// and the average change of the ones that move.

#include "pricingdecision.h"

#include <vector>

namespace md {

struct PricingPreviewTotals
{
    qint64 products = 0;
    qint64 changes = 0;
    qint64 increases = 0;
    qint64 decreases = 0;
    qint64 unchanged = 0;
    qint64 skipped = 0;
    qint64 capped = 0; // changes shaped by the cap or a guard rail
    qint64 changeBpSum = 0;

    // The mean change of the changes in percent (a display value); 0 without changes.
    double averageChangePct() const
    {
        return changes == 0 ? 0.0 : double(changeBpSum) / double(changes) / 100.0;
    }

    void add(const PricingDecision &decision)
    {
        ++products;
        switch (decision.outcome) {
        case PricingOutcome::Change:
            ++changes;
            if (decision.newCents > decision.oldCents)
                ++increases;
            else
                ++decreases;
            if (decision.isCapped())
                ++capped;
            changeBpSum += decision.changeBp();
            break;
        case PricingOutcome::Unchanged:
            ++unchanged;
            break;
        case PricingOutcome::Skipped:
            ++skipped;
            break;
        }
    }

    static PricingPreviewTotals of(const std::vector<PricingDecision> &decisions)
    {
        PricingPreviewTotals totals;
        for (const PricingDecision &decision : decisions)
            totals.add(decision);
        return totals;
    }
};

} // namespace md
