#include "money.h"

#include <QCoreApplication>

#include <limits>

namespace md::money {

Result<qint64> parse(QStringView text, QChar decimalPoint)
{
    const QStringView trimmed = text.trimmed();
    auto invalid = [&] {
        return fail(QCoreApplication::translate("md::money", "\"%1\" is not an amount of money")
                        .arg(trimmed.toString()));
    };
    if (trimmed.isEmpty())
        return invalid();
    qint64 units = 0;
    int decimals = -1; // -1: no decimal point seen yet
    for (const QChar c : trimmed) {
        if (c == decimalPoint && decimals < 0) {
            decimals = 0;
            continue;
        }
        if (!c.isDigit() || c.unicode() > '9')
            return invalid();
        if (decimals >= 2)
            return fail(
                QCoreApplication::translate("md::money", "\"%1\" has more than two decimals")
                    .arg(trimmed.toString()));
        if (units > (std::numeric_limits<qint64>::max() - 9) / 10)
            return invalid();
        units = units * 10 + (c.unicode() - '0');
        if (decimals >= 0)
            ++decimals;
    }
    if (decimals == 0 && trimmed.size() == 1)
        return invalid(); // just the decimal point
    for (int i = qMax(decimals, 0); i < 2; ++i) {
        // "1803050123456789000" has room for its digits but not for its cents.
        if (units > std::numeric_limits<qint64>::max() / 10)
            return invalid();
        units *= 10;
    }
    return units;
}

Result<qint64> parse(QStringView text, QChar decimalPoint, QChar groupSeparator)
{
    const QStringView trimmed = text.trimmed();
    if (!trimmed.contains(groupSeparator))
        return parse(trimmed, decimalPoint);
    const qsizetype point = trimmed.indexOf(decimalPoint);
    const QStringView whole = point < 0 ? trimmed : trimmed.first(point);
    // 1 to 3 digits, then groups of exactly three.
    const auto groups = whole.split(groupSeparator);
    bool grouped = !groups.isEmpty() && !groups.first().isEmpty() && groups.first().size() <= 3;
    for (qsizetype i = 1; grouped && i < groups.size(); ++i)
        grouped = groups.at(i).size() == 3;
    if (!grouped) {
        return fail(QCoreApplication::translate("md::money",
                                                "\"%1\" is not an amount of money (misplaced "
                                                "thousands separator)")
                        .arg(trimmed.toString()));
    }
    QString plain = trimmed.toString();
    plain.remove(groupSeparator);
    return parse(plain, decimalPoint);
}

QString toPlain(qint64 cents)
{
    const bool negative = cents < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(cents) : quint64(cents);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(magnitude / 100)
           + QLatin1Char('.') + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString format(qint64 cents, const QLocale &locale, const QString &symbol)
{
    // Converting to double here only affects display; values up to 2^53 cents are exact.
    const double amount = double(cents) / 100.0;
    if (symbol.isEmpty())
        return locale.toString(amount, 'f', 2);
    return locale.toCurrencyString(amount, symbol, 2);
}

} // namespace md::money
