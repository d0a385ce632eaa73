#include "pricingpreview.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace md {

std::vector<qint32> PricingPreview::changeRows() const
{
    std::vector<qint32> rows;
    rows.reserve(size_t(totals.changes));
    for (const PricingDecision &decision : decisions) {
        if (decision.isChange())
            rows.push_back(decision.row);
    }
    return rows;
}

QString PricingPreview::parametersJson() const
{
    QJsonObject object;
    for (const auto field : PricingRules::fields()) {
        const QString name = PricingRules::key(field).section(QLatin1Char('.'), 1);
        if (field == PricingRules::Field::LockedCategories)
            object.insert(name, QJsonValue::fromVariant(rules.lockedCategories));
        else
            object.insert(name, rules.text(field, QLocale::c()));
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

qint64 PricingPreview::memoryBytes() const
{
    return products.memoryBytes() + qint64(decisions.capacity() * sizeof(PricingDecision));
}

} // namespace md
