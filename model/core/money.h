#pragma once

// Money is a count of minor units (cents) everywhere; it becomes text only at the edge.

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
// 123450 → "1,234.50" in the locale, with its currency symbol when one is given.
QString format(qint64 cents, const QLocale &locale = QLocale(), const QString &symbol = {});

} // namespace md::money
