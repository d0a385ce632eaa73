#pragma once

// A plan feature as declared once (key, label, type, choices, default) and the rules for its
// values: a yes/no, a whole number of 0 or more, or one of a list of choices. Values are stored
// as text in a canonical form ("true"/"false", "6", "priority") so every reader agrees.

#include "core/enumkeys.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace md {

enum class FeatureType { Bool, Int, Choice };

// The values of plan_features.value_type.
constexpr auto enumKeys(FeatureType)
{
    return keyTable<FeatureType>(
        {{FeatureType::Bool, "bool"}, {FeatureType::Int, "int"}, {FeatureType::Choice, "choice"}});
}
static_assert(enumKeys(FeatureType{}).coversFirst(3));

struct FeatureDef
{
    qint64 id = 0;
    QString key;
    QString label;
    FeatureType type = FeatureType::Bool;
    QStringList choices; // Choice only, in the order shown
    QString defaultValue;
    int displayOrder = 0;
};

class FeatureValue
{
    Q_DECLARE_TR_FUNCTIONS(md::FeatureValue)

public:
    static QString typeLabel(FeatureType type); // for people: "Yes/no", ...; stored: keyOf(type)
    static QStringList splitChoices(const QString &stored); // "standard|priority"
    static QString joinChoices(const QStringList &choices);

    // The canonical form of `text` for the feature, or an error naming the plan and feature:
    // bool takes true/false, yes/no, 1/0, on/off; int a whole number 0..1000000; choice one of
    // the choices (case-insensitive, stored as declared).
    static Result<QString> normalise(const FeatureDef &feature, const QString &text,
                                     const QString &planName);
    // Checks a declaration: key shape, choices for a choice, a default that fits the type.
    static Status validateDefinition(const FeatureDef &feature);

    // For people: "Yes"/"No", the number, the choice.
    static QString display(const FeatureDef &feature, const QString &value);
    static bool isTrue(const QString &value) { return value == QLatin1String("true"); }
};

} // namespace md
