#pragma once

// A tier's points multiplier as text and back: an exact decimal with at most four decimals
// ("1.25") held as integer basis points (12500), so no multiplier is ever a rounded double.

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace md {

class LoyaltyMultiplier
{
    Q_DECLARE_TR_FUNCTIONS(md::LoyaltyMultiplier)

public:
    static constexpr qint64 kMaxBp = 1000 * 10000; // x1000

    // "1.25" -> 12500, "2" -> 20000, "0.0001" -> 1. Refuses anything that is not a positive
    // number of at most four decimals and at most 1000, with a message quoting the text.
    static Result<qint64> parse(const QString &text);
    // 12500 -> "1.25", 20000 -> "2", 10001 -> "1.0001".
    static QString text(qint64 multiplierBp);
};

} // namespace md
