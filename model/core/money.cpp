#include "money.h"

#include <QCoreApplication>
#include <QLocale>

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
        const int digit = c.unicode() - '0';
        // Exact up to the largest amount: "92233720368547758.07" is in, ".08" is out.
        if (units > (std::numeric_limits<qint64>::max() - digit) / 10)
            return invalid();
        units = units * 10 + digit;
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

namespace {

quint64 powerOfTen(int digits)
{
    quint64 result = 1;
    for (int i = 0; i < digits; ++i)
        result *= 10;
    return result;
}

// The locale's digits are one UTF-16 unit for every locale Qt ships but a few historic scripts;
// those go through QLocale's own integer formatting.
void appendDigits(QString &text, quint64 magnitude, int minimumDigits, const QLocale &locale)
{
    const QString zero = locale.zeroDigit();
    if (zero.size() != 1) {
        QString digits = locale.toString(magnitude);
        digits.remove(locale.groupSeparator());
        for (qsizetype i = QStringView(digits).size() / zero.size(); i < minimumDigits; ++i)
            text.append(zero);
        text.append(digits);
        return;
    }
    char16_t digits[24];
    int at = 24;
    do {
        digits[--at] = char16_t(zero.at(0).unicode() + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0 || 24 - at < minimumDigits);
    text.append(QStringView(digits + at, 24 - at));
}

// The number without its sign, and whether it is negative after rounding.
QString unsignedText(qint64 value, int scale, int decimals, const QLocale &locale,
                     Grouping grouping, bool *negative)
{
    Q_ASSERT(decimals >= 0 && decimals <= scale && scale <= 18);
    const quint64 step = powerOfTen(scale - decimals);
    const quint64 raw = value < 0 ? quint64(0) - quint64(value) : quint64(value);
    quint64 shown = raw / step;
    if (2 * (raw % step) >= step) // half away from zero
        ++shown;
    *negative = value < 0 && shown != 0;
    const quint64 unit = powerOfTen(decimals);
    const quint64 whole = shown / unit;
    QString text;
    const bool grouped
        = grouping == Grouping::Locale && !(locale.numberOptions() & QLocale::OmitGroupSeparator);
    if (grouped) // QLocale groups an integer as it groups a decimal's whole part
        text = locale.toString(whole);
    else
        appendDigits(text, whole, 1, locale);
    if (decimals > 0) {
        text.append(locale.decimalPoint());
        appendDigits(text, shown % unit, decimals, locale);
    }
    return text;
}

} // namespace

QString decimalText(qint64 value, int scale, int decimals, const QLocale &locale, Grouping grouping)
{
    bool negative = false;
    const QString text = unsignedText(value, scale, decimals, locale, grouping, &negative);
    return negative ? QString(locale.negativeSign() + text) : text;
}

QString toPlain(qint64 cents)
{
    return decimalText(cents, 2, 2, QLocale::c());
}

QString format(qint64 cents, const QLocale &locale, const QString &symbol)
{
    if (symbol.isEmpty())
        return decimalText(cents, 2, 2, locale, Grouping::Locale);
    // The locale's currency pattern ("%2%1", "-%1 %2", "(%2%1)") is not public; QLocale fills it
    // for an integer, so fill it for 1 (or -1) with a marker for the symbol and put the exact
    // number where the 1 is. Where the pattern has no negative form, the sign comes with the
    // number: "-1" is then replaced by the signed text, which is also right when it does.
    bool negative = false;
    const QString number = unsignedText(cents, 2, 2, locale, Grouping::Locale, &negative);
    const QString marker = QStringLiteral("\u0001");
    QString text = locale.toCurrencyString(qlonglong(negative ? -1 : 1), marker);
    const QString minusOne = locale.toString(qlonglong(-1));
    const QString one = locale.toString(qlonglong(1));
    if (const qsizetype at = negative ? text.indexOf(minusOne) : -1; at >= 0) {
        text.replace(at, minusOne.size(), locale.negativeSign() + number);
    } else if (const qsizetype at = text.indexOf(one); at >= 0) {
        text.replace(at, one.size(), number);
    }
    return text.replace(marker, symbol);
}

} // namespace md::money
