#pragma once

// The repricing rule set: every number of the playbook, editable and stored in the database.
// Percentages are integer basis points (5 % = 500) so the engine's arithmetic stays exact.

#include "core/enumkeys.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace md {

enum class CharmEnding : quint8 { None, Cents99, Cents95 };

// As stored in the settings and offered in the rules editor; "99", "95" and "" are still read.
constexpr auto enumKeys(CharmEnding)
{
    return keyTable<CharmEnding>({{CharmEnding::None, "none"},
                                  {CharmEnding::Cents99, ".99"},
                                  {CharmEnding::Cents95, ".95"},
                                  {CharmEnding::Cents99, "99"},
                                  {CharmEnding::Cents95, "95"},
                                  {CharmEnding::None, ""}});
}
static_assert(enumKeys(CharmEnding{}).coversFirst(3));

struct PricingRules
{
    Q_DECLARE_TR_FUNCTIONS(md::PricingRules)

public:
    // The fields of the rule editor, in the order it shows them.
    enum class Field {
        LowStockThreshold,
        HighStockThreshold,
        DemandStep,
        MaxStep,
        MinMargin,
        OverstockMarkdown,
        OverstockMarkdownPercent,
        CharmRounding,
        CooldownHours,
        MaxChangesPerRun,
        LockedCategories,
    };
    enum class FieldKind { WholeNumber, Percent, Switch, Choice, TextList };

    struct FieldError
    {
        Field field;
        QString message;
    };

    static constexpr int kMaxPercentBp = 100'00;
    static constexpr int kMaxMarginBp = 1000'00;
    static constexpr int kMaxCooldownHours = 24 * 366;

    int lowStockThreshold = 20;   // stock below it: scarce
    int highStockThreshold = 100; // stock above it: plenty, hold
    int demandStepBp = 500;       // price move per demand point, of the base price
    int maxStepBp = 1500;         // the most a run moves a price, up or down, of the current
    int minMarginBp = 0;          // floor = cost × (1 + margin)
    bool overstockMarkdown = false;
    int overstockMarkdownBp = 1000;
    CharmEnding charm = CharmEnding::None;
    int cooldownHours = 0;        // 0: off
    int maxChangesPerRun = 0;     // 0: no limit
    QStringList lockedCategories; // sorted, no duplicates

    static PricingRules defaults() { return {}; }
    static QList<Field> fields();
    static FieldKind kind(Field field);
    // The storage key in the settings table ("pricing.low_stock_threshold").
    static QString key(Field field);
    static QString label(Field field);
    // For a Choice field: the values as the editor offers them (text()/setText() accept them).
    static QStringList choices(Field field);

    // The field as the editor shows it: "20", "5", "12.5" (decimal point of the locale),
    // "true"/"false" for switches, "none"/".99"/".95" for charm rounding, one category a line.
    QString text(Field field, const QLocale &locale = QLocale::c()) const;
    // Parses what the owner typed into one field. Refuses negative, missing or non-numeric
    // values with a message that names the field; accepts the locale's decimal point and ".".
    Status setText(Field field, const QString &text, const QLocale &locale = QLocale::c());
    // Rules across fields (the high threshold not below the low one, ...); empty when valid.
    QList<FieldError> validate() const;

    bool operator==(const PricingRules &other) const = default;
};

} // namespace md
