#pragma once

// Money is a count of minor units (cents) everywhere; it becomes text only at the edge, and
// exactly: every formatter and parser here works on the integer, never through a double.

#include "result.h"

#include <QLocale>
#include <QString>

namespace md::money {

// "1234.5" / "1234,50" (with the given decimal symbol) → 123450. Refuses more than two decimals,
// signs and garbage, so a typo never becomes a price.
Result<qint64> parse(QStringView text, QChar decimalPoint = QLatin1Char('.'));
// As parse(), and also "1,234.50" / "1.234,50": the group separator only between groups of
// three digits left of the decimal point, so "12,50" is never read as 1250.
Result<qint64> parse(QStringView text, QChar decimalPoint, QChar groupSeparator);
// 123450 → "1234.50": the machine format of CSV files and the command line.
QString toPlain(qint64 cents);
// 123450 → "1,234.50" in the locale (its digits, decimal point, minus sign and thousands
// grouping, unless the locale's number options omit it), with its currency symbol placed as the
// locale places it when one is given.
QString format(qint64 cents, const QLocale &locale = QLocale(), const QString &symbol = {});

enum class Grouping { None, Locale };
// The one exact formatter behind the others and behind FixedPoint: `value` has `scale` implied
// decimals (cents: 2) and is shown with `decimals` digits (0 ≤ decimals ≤ scale ≤ 18), rounded
// half away from zero: (1234, 2, 1) → "12.3", (-5, 2, 2) → "-0.05", (-4, 2, 1) → "0.0".
QString decimalText(qint64 value, int scale, int decimals, const QLocale &locale,
                    Grouping grouping = Grouping::None);

} // namespace md::money
