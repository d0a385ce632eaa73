#include "crosssellexport.h"

#include "io/csvwriter.h"
#include "recommender.h"

#include <QMap>

namespace md {

namespace {

// The recommendations of each antecedent, products in SKU order.
template<typename F> void forEachProduct(const std::vector<RuleRow> &rules, int perProduct, F &&f)
{
    QMap<QString, std::vector<RuleRow>> byProduct;
    for (const RuleRow &row : rules) {
        if (row.kind == RuleRow::Kind::Bought)
            byProduct[row.antecedent.sku].push_back(row);
    }
    for (auto it = byProduct.cbegin(); it != byProduct.cend(); ++it) {
        const QSet<qint64> cart{it->front().rule.antecedent};
        const auto picks = Recommender::recommend(*it, cart, perProduct);
        if (!picks.empty())
            f(it.key(), picks);
    }
}

} // namespace

QByteArray CrossSellExport::number(double value)
{
    return QByteArray::number(value, 'f', 6);
}

Status CrossSellExport::writeRules(const std::vector<RuleRow> &rules, QIODevice *device)
{
    CsvWriter csv(device);
    for (const char *name : {"antecedent_sku", "antecedent_title", "consequent_sku",
                             "consequent_title", "count", "support", "confidence", "lift"}) {
        csv.addPlain(name);
    }
    if (auto ended = csv.endRow(); !ended)
        return ended;
    for (const RuleRow &row : rules) {
        csv.addText(row.antecedent.sku);
        csv.addText(row.antecedent.title);
        csv.addText(row.consequent.sku);
        csv.addText(row.consequent.title);
        csv.addPlain(QByteArray::number(row.rule.count));
        csv.addPlain(number(row.rule.support));
        csv.addPlain(number(row.rule.confidence));
        csv.addPlain(number(row.rule.lift));
        if (auto ended = csv.endRow(); !ended)
            return ended;
    }
    return csv.flush();
}

Status CrossSellExport::writeRecommendations(const std::vector<RuleRow> &rules, QIODevice *device,
                                             int perProduct)
{
    CsvWriter csv(device);
    for (const char *name : {"sku", "recommended_sku", "rank", "confidence", "lift"})
        csv.addPlain(name);
    Status status = csv.endRow();
    forEachProduct(rules, perProduct, [&](const QString &sku, const auto &picks) {
        int rank = 0;
        for (const Recommendation &pick : picks) {
            if (!status)
                return;
            csv.addText(sku);
            csv.addText(pick.rule.consequent.sku);
            csv.addPlain(QByteArray::number(++rank));
            csv.addPlain(number(pick.rule.rule.confidence));
            csv.addPlain(number(pick.rule.rule.lift));
            status = csv.endRow();
        }
    });
    if (!status)
        return status;
    return csv.flush();
}

Status CrossSellExport::writeWooCommerce(const std::vector<RuleRow> &rules, QIODevice *device,
                                         int perProduct)
{
    CsvWriter csv(device);
    csv.addPlain("SKU");
    csv.addPlain("Cross-sells");
    Status status = csv.endRow();
    forEachProduct(rules, perProduct, [&](const QString &sku, const auto &picks) {
        if (!status)
            return;
        QStringList skus;
        for (const Recommendation &pick : picks)
            skus << pick.rule.consequent.sku;
        csv.addText(sku);
        csv.addText(skus.join(QLatin1Char(',')));
        status = csv.endRow();
    });
    if (!status)
        return status;
    return csv.flush();
}

} // namespace md
