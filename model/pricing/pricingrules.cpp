#include "pricingrules.h"

#include "core/fixedpoint.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <optional>

namespace md {

namespace {

constexpr int kMaxStock = std::numeric_limits<int>::max();
constexpr int kMaxChanges = 100'000'000;

// "12", "12.5", "12,25" (locale point or '.') → basis points; at most two decimals, no sign.
std::optional<qint64> parsePercentBp(const QString &text, const QLocale &locale)
{
    const QString trimmed = text.trimmed();
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,7})(?:[.,]([0-9]{1,2}))?$"));
    QString normalized = trimmed;
    if (locale.decimalPoint() != QLatin1String(".") && locale.decimalPoint() != QLatin1String(","))
        normalized.replace(locale.decimalPoint(), QLatin1String("."));
    const auto match = pattern.match(normalized);
    if (!match.hasMatch())
        return std::nullopt;
    qint64 bp = match.captured(1).toLongLong() * 100;
    QString decimals = match.captured(2);
    if (!decimals.isEmpty())
        bp += decimals.leftJustified(2, QLatin1Char('0')).toLongLong();
    return bp;
}

std::optional<qint64> parseWhole(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{1,10}$"));
    const QString trimmed = text.trimmed();
    if (!pattern.match(trimmed).hasMatch())
        return std::nullopt;
    return trimmed.toLongLong();
}

QString percentText(int bp, const QLocale &locale)
{
    return FixedPoint::trimmed(bp, 2, locale);
}

} // namespace

QList<PricingRules::Field> PricingRules::fields()
{
    return {Field::LowStockThreshold,
            Field::HighStockThreshold,
            Field::DemandStep,
            Field::MaxStep,
            Field::MinMargin,
            Field::OverstockMarkdown,
            Field::OverstockMarkdownPercent,
            Field::CharmRounding,
            Field::CooldownHours,
            Field::MaxChangesPerRun,
            Field::LockedCategories};
}

PricingRules::FieldKind PricingRules::kind(Field field)
{
    switch (field) {
    case Field::LowStockThreshold:
    case Field::HighStockThreshold:
    case Field::CooldownHours:
    case Field::MaxChangesPerRun:
        return FieldKind::WholeNumber;
    case Field::DemandStep:
    case Field::MaxStep:
    case Field::MinMargin:
    case Field::OverstockMarkdownPercent:
        return FieldKind::Percent;
    case Field::OverstockMarkdown:
        return FieldKind::Switch;
    case Field::CharmRounding:
        return FieldKind::Choice;
    case Field::LockedCategories:
        return FieldKind::TextList;
    }
    return FieldKind::WholeNumber;
}

QString PricingRules::key(Field field)
{
    switch (field) {
    case Field::LowStockThreshold:
        return QStringLiteral("pricing.low_stock_threshold");
    case Field::HighStockThreshold:
        return QStringLiteral("pricing.high_stock_threshold");
    case Field::DemandStep:
        return QStringLiteral("pricing.demand_step_pct");
    case Field::MaxStep:
        return QStringLiteral("pricing.max_step_pct");
    case Field::MinMargin:
        return QStringLiteral("pricing.min_margin_pct");
    case Field::OverstockMarkdown:
        return QStringLiteral("pricing.overstock_markdown");
    case Field::OverstockMarkdownPercent:
        return QStringLiteral("pricing.overstock_markdown_pct");
    case Field::CharmRounding:
        return QStringLiteral("pricing.charm_rounding");
    case Field::CooldownHours:
        return QStringLiteral("pricing.cooldown_hours");
    case Field::MaxChangesPerRun:
        return QStringLiteral("pricing.max_changes_per_run");
    case Field::LockedCategories:
        return QStringLiteral("pricing.locked_categories");
    }
    return {};
}

QString PricingRules::label(Field field)
{
    switch (field) {
    case Field::LowStockThreshold:
        return tr("Low stock threshold");
    case Field::HighStockThreshold:
        return tr("High stock threshold");
    case Field::DemandStep:
        return tr("Price step per demand point (%)");
    case Field::MaxStep:
        return tr("Largest move per run (%)");
    case Field::MinMargin:
        return tr("Minimum margin over cost (%)");
    case Field::OverstockMarkdown:
        return tr("Overstock markdown");
    case Field::OverstockMarkdownPercent:
        return tr("Overstock markdown (%)");
    case Field::CharmRounding:
        return tr("Charm rounding");
    case Field::CooldownHours:
        return tr("Cool-down (hours)");
    case Field::MaxChangesPerRun:
        return tr("Most changes per run");
    case Field::LockedCategories:
        return tr("Locked categories");
    }
    return {};
}

QStringList PricingRules::choices(Field field)
{
    if (field == Field::CharmRounding) {
        return keysOf<CharmEnding>();
    }
    if (field == Field::OverstockMarkdown)
        return {QStringLiteral("false"), QStringLiteral("true")};
    return {};
}

QString PricingRules::text(Field field, const QLocale &locale) const
{
    switch (field) {
    case Field::LowStockThreshold:
        return QString::number(lowStockThreshold);
    case Field::HighStockThreshold:
        return QString::number(highStockThreshold);
    case Field::DemandStep:
        return percentText(demandStepBp, locale);
    case Field::MaxStep:
        return percentText(maxStepBp, locale);
    case Field::MinMargin:
        return percentText(minMarginBp, locale);
    case Field::OverstockMarkdown:
        return overstockMarkdown ? QStringLiteral("true") : QStringLiteral("false");
    case Field::OverstockMarkdownPercent:
        return percentText(overstockMarkdownBp, locale);
    case Field::CharmRounding:
        return keyOf(charm);
    case Field::CooldownHours:
        return QString::number(cooldownHours);
    case Field::MaxChangesPerRun:
        return QString::number(maxChangesPerRun);
    case Field::LockedCategories:
        return lockedCategories.join(QLatin1Char('\n'));
    }
    return {};
}

Status PricingRules::setText(Field field, const QString &text, const QLocale &locale)
{
    const QString name = label(field);
    const QString shown = text.trimmed();
    switch (kind(field)) {
    case FieldKind::WholeNumber: {
        qint64 most = kMaxStock;
        if (field == Field::CooldownHours)
            most = kMaxCooldownHours;
        else if (field == Field::MaxChangesPerRun)
            most = kMaxChanges;
        const auto value = parseWhole(text);
        if (!value || *value > most) {
            if (most == kMaxStock) {
                return fail(tr("%1 must be a whole number ≥ 0, not \"%2\"").arg(name, shown));
            }
            return fail(tr("%1 must be a whole number from 0 to %2, not \"%3\"")
                            .arg(name)
                            .arg(most)
                            .arg(shown));
        }
        if (field == Field::LowStockThreshold)
            lowStockThreshold = int(*value);
        else if (field == Field::HighStockThreshold)
            highStockThreshold = int(*value);
        else if (field == Field::CooldownHours)
            cooldownHours = int(*value);
        else
            maxChangesPerRun = int(*value);
        return {};
    }
    case FieldKind::Percent: {
        const qint64 most = field == Field::MinMargin ? kMaxMarginBp : kMaxPercentBp;
        const auto value = parsePercentBp(text, locale);
        if (!value || *value > most) {
            return fail(tr("%1 must be a number from 0 to %2 with at most two decimals, not "
                           "\"%3\"")
                            .arg(name, percentText(int(most), locale), shown));
        }
        if (field == Field::DemandStep)
            demandStepBp = int(*value);
        else if (field == Field::MaxStep)
            maxStepBp = int(*value);
        else if (field == Field::MinMargin)
            minMarginBp = int(*value);
        else
            overstockMarkdownBp = int(*value);
        return {};
    }
    case FieldKind::Switch:
        if (shown == QLatin1String("true") || shown == QLatin1String("1")) {
            overstockMarkdown = true;
            return {};
        }
        if (shown == QLatin1String("false") || shown == QLatin1String("0")) {
            overstockMarkdown = false;
            return {};
        }
        return fail(tr("%1 must be true or false, not \"%2\"").arg(name, shown));
    case FieldKind::Choice:
        if (const auto ending = fromKey<CharmEnding>(shown))
            charm = *ending;
        else
            return fail(tr("%1 must be none, .99 or .95, not \"%2\"").arg(name, shown));
        return {};
    case FieldKind::TextList: {
        QStringList categories;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            const QString category = line.trimmed();
            if (!category.isEmpty() && !categories.contains(category))
                categories << category;
        }
        categories.sort();
        lockedCategories = categories;
        return {};
    }
    }
    return {};
}

QList<PricingRules::FieldError> PricingRules::validate() const
{
    QList<FieldError> errors;
    if (highStockThreshold < lowStockThreshold) {
        errors.append(
            {Field::HighStockThreshold, tr("%1 (%2) must not be below the %3 (%4)")
                                            .arg(label(Field::HighStockThreshold))
                                            .arg(highStockThreshold)
                                            .arg(label(Field::LowStockThreshold).toLower())
                                            .arg(lowStockThreshold)});
    }
    const auto percentInRange = [&](Field field, int bp, int most) {
        if (bp < 0 || bp > most) {
            errors.append({field, tr("%1 must be a number from 0 to %2")
                                      .arg(label(field), percentText(most, QLocale::c()))});
        }
    };
    percentInRange(Field::DemandStep, demandStepBp, kMaxPercentBp);
    percentInRange(Field::MaxStep, maxStepBp, kMaxPercentBp);
    percentInRange(Field::MinMargin, minMarginBp, kMaxMarginBp);
    percentInRange(Field::OverstockMarkdownPercent, overstockMarkdownBp, kMaxPercentBp);
    if (overstockMarkdown && overstockMarkdownBp == 0) {
        errors.append(
            {Field::OverstockMarkdownPercent, tr("%1 must be above 0 when the markdown is on")
                                                  .arg(label(Field::OverstockMarkdownPercent))});
    }
    const auto wholeInRange = [&](Field field, int value, int most) {
        if (value < 0 || value > most) {
            errors.append(
                {field, tr("%1 must be a whole number from 0 to %2").arg(label(field)).arg(most)});
        }
    };
    wholeInRange(Field::LowStockThreshold, lowStockThreshold, kMaxStock);
    wholeInRange(Field::HighStockThreshold, highStockThreshold, kMaxStock);
    wholeInRange(Field::CooldownHours, cooldownHours, kMaxCooldownHours);
    wholeInRange(Field::MaxChangesPerRun, maxChangesPerRun, kMaxChanges);
    return errors;
}

} // namespace md
