#pragma once

// What the repricing engine decided for one product: compact (32 bytes) so a preview of a
// million products stays small; PricingReason turns it into a sentence for the owner.

#include "core/fixedpoint.h"

#include <QtGlobal>

namespace md {

enum class PricingOutcome : quint8 {
    Change,    // the price moves
    Unchanged, // the rule ran and leaves the price where it is
    Skipped,   // the product was not repriced (locked, cool-down, bad data, over the run limit)
};

enum class PricingCase : quint8 {
    LowStock,          // stock below the low threshold
    NormalStock,       // stock between the thresholds
    HighStockHold,     // stock above the high threshold: hold
    OverstockMarkdown, // stock above the high threshold and no demand: markdown
    LockedProduct,
    LockedCategory,
    CoolDown,
    NoBasePrice,
    NoFloor, // neither a cost nor a minimum price: nothing protects the margin
    FloorAboveCeiling,
};

struct PricingDecision
{
    // What shaped the price after the rule proposed it.
    enum Limit : quint8 {
        NoLimit = 0,
        CapUp = 0x1,   // clamped to +max step
        CapDown = 0x2, // clamped to -max step
        Floor = 0x4,   // raised to the floor (wins over the cap)
        Ceiling = 0x8, // lowered to the maximum price (wins over the cap)
    };
    enum Flag : quint8 {
        Charmed = 0x1,         // charm rounding moved the price
        RoundsToCurrent = 0x2, // the rule moved the price by less than half a cent
        NoCost = 0x4,          // no cost known: the floor is the minimum price alone
        OverRunLimit = 0x8,    // a change left out by the most-changes-per-run limit
    };

    qint32 row = 0; // the product's row in the ProductSnapshot
    PricingOutcome outcome = PricingOutcome::Unchanged;
    PricingCase rule = PricingCase::HighStockHold;
    quint8 limits = 0;
    quint8 flags = 0;
    // The rule's own move before any limit, in basis points of the current price.
    qint32 proposedBp = 0;
    qint64 oldCents = 0;
    // The price the rules arrived at. Equals oldCents unless the outcome is Change, or a change
    // was left out by the run limit (OverRunLimit): then it is the price it would have had.
    qint64 newCents = 0;

    bool isChange() const { return outcome == PricingOutcome::Change; }
    bool isCapped() const { return limits != 0; }
    // The limit that had the last word: a guard rail over the cap.
    Limit effectiveLimit() const
    {
        if (limits & Floor)
            return Floor;
        if (limits & Ceiling)
            return Ceiling;
        return Limit(limits & (CapUp | CapDown));
    }
    qint64 changeBp() const { return FixedPoint::changeBp(oldCents, newCents); }
};

} // namespace md
