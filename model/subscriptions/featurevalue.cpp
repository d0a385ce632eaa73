#include "featurevalue.h"

#include <QRegularExpression>

namespace md {

namespace {

constexpr qint64 kMaxInt = 1000000;

Result<QString> canonical(const FeatureDef &feature, const QString &text)
{
    const QString value = text.trimmed();
    switch (feature.type) {
    case FeatureType::Bool: {
        const QString lower = value.toLower();
        if (lower == QLatin1String("true") || lower == QLatin1String("yes")
            || lower == QLatin1String("1") || lower == QLatin1String("on"))
            return QStringLiteral("true");
        if (lower == QLatin1String("false") || lower == QLatin1String("no")
            || lower == QLatin1String("0") || lower == QLatin1String("off"))
            return QStringLiteral("false");
        return fail(FeatureValue::tr("“%1” is not yes or no").arg(text));
    }
    case FeatureType::Int: {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (!ok)
            return fail(FeatureValue::tr("“%1” is not a whole number").arg(text));
        if (number < 0 || number > kMaxInt) {
            return fail(FeatureValue::tr("%1 is outside 0 to %2").arg(number).arg(kMaxInt));
        }
        return QString::number(number);
    }
    case FeatureType::Choice:
        for (const QString &choice : feature.choices) {
            if (choice.compare(value, Qt::CaseInsensitive) == 0)
                return choice;
        }
        return fail(FeatureValue::tr("“%1” is not one of %2")
                        .arg(text, feature.choices.join(QStringLiteral(", "))));
    }
    return fail(FeatureValue::tr("unknown feature type"));
}

} // namespace

QString FeatureValue::typeLabel(FeatureType type)
{
    switch (type) {
    case FeatureType::Bool:
        return tr("Yes/no");
    case FeatureType::Int:
        return tr("Whole number");
    case FeatureType::Choice:
        return tr("Choice");
    }
    return {};
}

QStringList FeatureValue::splitChoices(const QString &stored)
{
    QStringList out;
    for (const QString &part : stored.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out << trimmed;
    }
    return out;
}

QString FeatureValue::joinChoices(const QStringList &choices)
{
    return choices.join(QLatin1Char('|'));
}

Result<QString> FeatureValue::normalise(const FeatureDef &feature, const QString &text,
                                        const QString &planName)
{
    auto value = canonical(feature, text);
    if (!value) {
        return fail(tr("Plan “%1”, feature “%2”: %3")
                        .arg(planName, feature.label.isEmpty() ? feature.key : feature.label,
                             value.error()));
    }
    return value;
}

Status FeatureValue::validateDefinition(const FeatureDef &feature)
{
    static const QRegularExpression keyShape(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    if (!keyShape.match(feature.key).hasMatch()) {
        return fail(tr("Feature key “%1”: use lower-case letters, digits and _, starting with "
                       "a letter")
                        .arg(feature.key));
    }
    if (feature.label.trimmed().isEmpty())
        return fail(tr("Feature “%1”: the label is empty").arg(feature.key));
    if (feature.type == FeatureType::Choice) {
        if (feature.choices.isEmpty())
            return fail(tr("Feature “%1”: a choice needs at least one option").arg(feature.label));
        for (const QString &choice : feature.choices) {
            if (choice.contains(QLatin1Char('|')))
                return fail(tr("Feature “%1”: an option may not contain |").arg(feature.label));
            if (feature.choices.count(choice) > 1)
                return fail(
                    tr("Feature “%1”: option “%2” is listed twice").arg(feature.label, choice));
        }
    }
    auto value = canonical(feature, feature.defaultValue);
    if (!value)
        return fail(tr("Feature “%1”, default value: %2").arg(feature.label, value.error()));
    return {};
}

QString FeatureValue::display(const FeatureDef &feature, const QString &value)
{
    if (feature.type == FeatureType::Bool)
        return isTrue(value) ? tr("Yes") : tr("No");
    return value;
}

} // namespace md
