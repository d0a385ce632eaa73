#include "fixedpoint.h"

#include "core/money.h"

namespace md {

Int128 FixedPoint::floorDiv(Int128 numerator, Int128 denominator)
{
    Int128 quotient = numerator / denominator;
    if (numerator % denominator != 0 && numerator < 0)
        --quotient;
    return quotient;
}

Int128 FixedPoint::ceilDiv(Int128 numerator, Int128 denominator)
{
    Int128 quotient = numerator / denominator;
    if (numerator % denominator != 0 && numerator > 0)
        ++quotient;
    return quotient;
}

Int128 FixedPoint::roundDiv(Int128 numerator, Int128 denominator)
{
    // Twice the remainder against the denominator decides; a tie goes away from zero.
    const bool negative = numerator < 0;
    const Int128 magnitude = negative ? -numerator : numerator;
    Int128 quotient = magnitude / denominator;
    if (2 * (magnitude % denominator) >= denominator)
        ++quotient;
    return negative ? -quotient : quotient;
}

QString FixedPoint::format(qint64 value, int scale, int decimals, const QLocale &locale)
{
    return money::decimalText(value, scale, decimals, locale);
}

QString FixedPoint::trimmed(qint64 value, int scale, const QLocale &locale)
{
    int decimals = scale;
    qint64 step = 10;
    while (decimals > 0 && value % step == 0) {
        --decimals;
        step *= 10;
    }
    return format(value, scale, decimals, locale);
}

QString FixedPoint::signedText(qint64 value, int scale, int decimals, const QLocale &locale)
{
    const QString text = format(value, scale, decimals, locale);
    return text.startsWith(locale.negativeSign()) ? text : locale.positiveSign() + text;
}

QString FixedPoint::signedTrimmed(qint64 value, int scale, const QLocale &locale)
{
    const QString text = trimmed(value, scale, locale);
    return text.startsWith(locale.negativeSign()) ? text : locale.positiveSign() + text;
}

qint64 FixedPoint::changeBp(qint64 oldValue, qint64 newValue)
{
    if (oldValue == 0)
        return 0;
    return qint64(roundDiv(Int128(newValue - oldValue) * 10000, oldValue));
}

} // namespace md
