#include "valueparser.h"

#include "core/money.h"
#include "loyalty/loyaltymultiplier.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace md {

namespace {

// Removes group separators that sit between groups of three digits left of the decimal point;
// false when a separator sits anywhere else.
bool stripGroups(QString &number, QChar group, QChar point)
{
    if (!number.contains(group))
        return true;
    const qsizetype pointAt = number.indexOf(point);
    QStringView whole = QStringView(number);
    if (pointAt >= 0)
        whole = whole.first(pointAt);
    qsizetype start = 0;
    if (!whole.isEmpty()
        && (whole.front() == QLatin1Char('-') || whole.front() == QLatin1Char('+')))
        start = 1;
    const auto groups = whole.sliced(start).split(group);
    if (groups.first().isEmpty() || groups.first().size() > 3)
        return false;
    for (qsizetype i = 1; i < groups.size(); ++i) {
        if (groups.at(i).size() != 3)
            return false;
    }
    if (pointAt >= 0 && number.indexOf(group, pointAt) >= 0)
        return false;
    number.remove(group);
    return true;
}

} // namespace

ValueParser::ValueParser(const CsvSettings &settings, qint64 now)
    : m_settings(settings)
    , m_now(now)
{}

Status ValueParser::checkSign(const FieldDescriptor &field, bool negative, bool zero,
                              const QString &text) const
{
    using S = FieldDescriptor::Sign;
    switch (field.sign) {
    case S::Any:
        break;
    case S::NonNegative:
        if (negative)
            return md::fail(tr("%1 is negative; it must be zero or more").arg(text));
        break;
    case S::Positive:
        if (negative || zero)
            return md::fail(tr("%1 must be greater than zero").arg(text));
        break;
    case S::NonZero:
        if (zero)
            return md::fail(tr("%1 must not be zero").arg(text));
        break;
    }
    return {};
}

Result<CellValue> ValueParser::parse(const FieldDescriptor &field, const QString &text) const
{
    using T = FieldDescriptor::Type;
    const QString trimmed = text.trimmed();
    switch (field.type) {
    case T::Text:
        if (field.maxLength > 0 && text.size() > field.maxLength)
            return fail(tr("the text is longer than %1 characters").arg(field.maxLength));
        return CellValue(text);
    case T::Key:
        if (field.maxLength > 0 && trimmed.size() > field.maxLength) {
            return fail(tr("\"%1…\" is longer than %2 characters")
                            .arg(trimmed.left(20))
                            .arg(field.maxLength));
        }
        return CellValue(trimmed);
    case T::Email: {
        static const QRegularExpression address(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
        const QString email = trimmed.toLower();
        if (email.size() > 254 || !address.match(email).hasMatch())
            return fail(tr("\"%1\" is not an e-mail address").arg(trimmed.left(80)));
        return CellValue(email);
    }
    case T::Money: {
        auto cents = money(trimmed);
        if (!cents)
            return fail(cents.error());
        if (auto sign = checkSign(field, *cents < 0, *cents == 0, trimmed); !sign)
            return fail(sign.error());
        return CellValue(*cents);
    }
    case T::Integer: {
        auto value = integer(trimmed);
        if (!value)
            return fail(value.error());
        if (auto sign = checkSign(field, *value < 0, *value == 0, trimmed); !sign)
            return fail(sign.error());
        return CellValue(*value);
    }
    case T::Decimal: {
        auto value = decimal(trimmed);
        if (!value)
            return fail(value.error());
        if (auto sign = checkSign(field, *value < 0, *value == 0, trimmed); !sign)
            return fail(sign.error());
        return CellValue(*value);
    }
    case T::Multiplier: {
        auto value = LoyaltyMultiplier::parse(trimmed);
        if (!value)
            return fail(value.error());
        return CellValue(*value);
    }
    case T::Flag: {
        auto value = flag(trimmed);
        if (!value)
            return fail(value.error());
        return CellValue(*value);
    }
    case T::Timestamp: {
        auto value = timestamp(trimmed);
        if (!value)
            return fail(value.error());
        return CellValue(*value);
    }
    case T::Choice:
        for (const QString &choice : field.choices) {
            if (choice.compare(trimmed, Qt::CaseInsensitive) == 0)
                return CellValue(choice);
        }
        return fail(tr("\"%1\" is not one of: %2")
                        .arg(trimmed.left(80), field.choices.join(QStringLiteral(", "))));
    }
    return fail(tr("unknown field type"));
}

CellValue ValueParser::defaultValue(const FieldDescriptor &field) const
{
    using E = FieldDescriptor::Empty;
    if (field.empty != E::Default && field.empty != E::Keep)
        return {};
    if (field.defaultValue == QLatin1String("now"))
        return CellValue(m_now);
    if (field.defaultValue.isEmpty() && field.type != FieldDescriptor::Type::Text)
        return {};
    auto value = parse(field, field.defaultValue);
    return value ? *value : CellValue();
}

Result<qint64> ValueParser::money(QStringView text) const
{
    const bool negative = text.startsWith(QLatin1Char('-'));
    const QStringView magnitude = negative ? text.sliced(1) : text;
    if (magnitude.startsWith(QLatin1Char('-')) || magnitude.startsWith(QLatin1Char('+')))
        return fail(tr("\"%1\" is not an amount of money").arg(text.toString()));
    auto cents = money::parse(magnitude, m_settings.decimalSymbol, m_settings.groupSeparator());
    if (!cents)
        return fail(cents.error());
    return negative ? -*cents : *cents;
}

Result<qint64> ValueParser::integer(QStringView text) const
{
    const auto invalid = [&] {
        return fail(tr("\"%1\" is not a whole number").arg(text.left(80).toString()));
    };
    QString grouped;
    QStringView number = text;
    if (text.contains(m_settings.groupSeparator())) {
        grouped = text.toString();
        if (!stripGroups(grouped, m_settings.groupSeparator(), m_settings.decimalSymbol))
            return invalid();
        number = grouped;
    }
    // Digits only (the cell is hot in every import): no regular expression, no copy.
    qsizetype i = 0;
    if (!number.isEmpty() && (number[0] == QLatin1Char('-') || number[0] == QLatin1Char('+')))
        ++i;
    if (i == number.size())
        return invalid();
    for (qsizetype j = i; j < number.size(); ++j) {
        if (number[j] < QLatin1Char('0') || number[j] > QLatin1Char('9'))
            return invalid();
    }
    bool ok = false;
    const qint64 value = number.toLongLong(&ok);
    if (!ok)
        return invalid();
    return value;
}

Result<double> ValueParser::decimal(QStringView text) const
{
    const auto invalid = [&] {
        return fail(tr("\"%1\" is not a number").arg(text.left(80).toString()));
    };
    const QChar point = m_settings.decimalSymbol;
    const QChar group = m_settings.groupSeparator();
    QString copy;
    QStringView number = text;
    if (text.contains(group) || point != QLatin1Char('.')) {
        copy = text.toString();
        if (!stripGroups(copy, group, point) || copy.contains(QLatin1Char('.')))
            return invalid();
        copy.replace(point, QLatin1Char('.'));
        number = copy;
    }
    // [-+] digits [. digits] [e [-+] digits], at least one digit before the exponent.
    qsizetype i = 0;
    const qsizetype n = number.size();
    const auto digits = [&] {
        const qsizetype start = i;
        while (i < n && number[i] >= QLatin1Char('0') && number[i] <= QLatin1Char('9'))
            ++i;
        return i - start;
    };
    if (i < n && (number[i] == QLatin1Char('-') || number[i] == QLatin1Char('+')))
        ++i;
    qsizetype mantissa = digits();
    if (i < n && number[i] == QLatin1Char('.')) {
        ++i;
        mantissa += digits();
    }
    if (mantissa == 0)
        return invalid();
    if (i < n && (number[i] == QLatin1Char('e') || number[i] == QLatin1Char('E'))) {
        ++i;
        if (i < n && (number[i] == QLatin1Char('-') || number[i] == QLatin1Char('+')))
            ++i;
        if (digits() == 0)
            return invalid();
    }
    if (i != n)
        return invalid();
    bool ok = false;
    const double value = QLocale::c().toDouble(number, &ok);
    if (!ok || !std::isfinite(value))
        return invalid();
    return value;
}

Result<qint64> ValueParser::timestamp(QStringView text)
{
    static const QRegularExpression iso(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})"
        "(?:[T "
        "](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|z|[-+]\\d{2}(?::?\\d{2})?)?)?$"));
    const QRegularExpressionMatch m = iso.match(text);
    auto invalid = [&] {
        return fail(tr("\"%1\" is not a date and time; use 2026-03-01 or "
                       "2026-03-01T10:00:00Z")
                        .arg(text.left(80).toString()));
    };
    if (!m.hasMatch())
        return invalid();
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return invalid();
    qint64 offset = 0;
    const QString zone = m.captured(7);
    if (!zone.isEmpty() && zone.compare(QLatin1String("z"), Qt::CaseInsensitive) != 0) {
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() > 2 ? digits.mid(2).toInt() : 0;
        if (hours > 23 || minutes > 59)
            return invalid();
        offset = (hours * 3600 + minutes * 60) * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    return QDateTime(date, time, Qt::UTC).toSecsSinceEpoch() - offset;
}

Result<qint64> ValueParser::flag(QStringView text)
{
    static const QStringList yes
        = {QStringLiteral("1"), QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("y"),
           QStringLiteral("t")};
    static const QStringList no = {QStringLiteral("0"), QStringLiteral("false"),
                                   QStringLiteral("no"), QStringLiteral("n"), QStringLiteral("f")};
    const QString value = text.toString().toLower();
    if (yes.contains(value))
        return 1;
    if (no.contains(value))
        return 0;
    return fail(tr("\"%1\" is not a yes/no value; use 1 or 0").arg(text.left(80).toString()));
}

} // namespace md
