#pragma once

// Exact decimal arithmetic for prices and percentages held as integers (cents, basis points,
// hundredths): rounding half away from zero and locale-aware text without a double in between.

#include <QLocale>
#include <QString>

namespace md {

// 128 bits hold a price times basis points times demand hundredths with room to spare.
__extension__ typedef __int128 Int128;

class FixedPoint
{
public:
    // numerator / denominator rounded half away from zero; denominator > 0.
    static Int128 roundDiv(Int128 numerator, Int128 denominator);
    // The smallest integer ≥ numerator / denominator; denominator > 0.
    static Int128 ceilDiv(Int128 numerator, Int128 denominator);
    // The largest integer ≤ numerator / denominator; denominator > 0.
    static Int128 floorDiv(Int128 numerator, Int128 denominator);

    // value has `scale` implied decimals (cents: 2, basis points of a percent: 2); shown with
    // exactly `decimals` digits (decimals ≤ scale), rounded half away from zero: (1234, 2, 1)
    // → "12.3". No thousands grouping: money::decimalText(), the one exact formatter.
    static QString format(qint64 value, int scale, int decimals,
                          const QLocale &locale = QLocale::c());
    // As format() with all decimals, then without trailing zeros: (1500, 2) → "15",
    // (1250, 2) → "12.5".
    static QString trimmed(qint64 value, int scale, const QLocale &locale = QLocale::c());
    // format() with a sign in front, "+" for positive and zero: "+9.4", "-15".
    static QString signedText(qint64 value, int scale, int decimals,
                              const QLocale &locale = QLocale::c());
    static QString signedTrimmed(qint64 value, int scale, const QLocale &locale = QLocale::c());

    // (new - old) / old in basis points, rounded half away from zero; 0 when old is 0.
    static qint64 changeBp(qint64 oldValue, qint64 newValue);
};

} // namespace md
