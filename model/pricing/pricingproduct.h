#pragma once

// One product as the repricing engine sees it: plain integers, compact enough that a
// 1,000,000-product catalog fits in well under 100 MB. Texts live in ProductSnapshot.

#include <QtGlobal>

namespace md {

struct PricingProduct
{
    enum Flag : quint32 {
        Locked = 0x1, // the owner locked this product's price
    };

    qint64 id = 0;
    qint64 basePriceCents = 0;
    qint64 currentPriceCents = 0;
    qint64 costCents = -1;         // -1: no cost known
    qint64 minPriceCents = -1;     // -1: none
    qint64 maxPriceCents = -1;     // -1: none
    qint64 lastPriceChangeAt = -1; // epoch seconds of the newest price change; -1: none known
    qint64 lowestRecentCents = -1; // lowest price in effect over the last 30 days; -1: not loaded
    qint32 stockLevel = 0;
    qint32 demandHundredths = 0; // demand score 3.25 → 325
    qint32 category = -1;        // index into ProductSnapshot::categories(); -1: none
    quint32 flags = 0;
};

} // namespace md
