#include "loyaltymultiplier.h"

#include "core/fixedpoint.h"

#include <QRegularExpression>

namespace md {

Result<qint64> LoyaltyMultiplier::parse(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\+?([0-9]{1,4})(?:\\.([0-9]{0,4}))?$"));
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch match = shape.match(trimmed);
    if (!match.hasMatch()) {
        return fail(tr("\"%1\" is not a multiplier: give a positive number with at most four "
                       "decimals, such as 1.25")
                        .arg(text));
    }
    const qint64 whole = match.captured(1).toLongLong();
    const QString fraction = match.captured(2).leftJustified(4, QLatin1Char('0'));
    const qint64 bp = whole * 10000 + fraction.toLongLong();
    if (bp <= 0)
        return fail(tr("\"%1\" is not a multiplier: it must be greater than 0").arg(text));
    if (bp > kMaxBp)
        return fail(tr("\"%1\" is not a multiplier: it must be at most 1000").arg(text));
    return bp;
}

QString LoyaltyMultiplier::text(qint64 multiplierBp)
{
    return FixedPoint::trimmed(multiplierBp, 4);
}

} // namespace md
