#pragma once

// The cross-sell files: the rules as CSV (the command line's --format csv), a per-product list of
// recommendations (sku,recommended_sku,rank,confidence,lift) and a WooCommerce product CSV whose
// Cross-sells column WooCommerce's own product importer reads (products matched by SKU).

#include "crosssellstore.h"

#include <QCoreApplication>
#include <QIODevice>

namespace md {

class CrossSellExport
{
    Q_DECLARE_TR_FUNCTIONS(md::CrossSellExport)

public:
    static constexpr int kDefaultPerProduct = 5;

    // antecedent_sku,antecedent_title,consequent_sku,consequent_title,count,support,confidence,
    // lift in the order given.
    static Status writeRules(const std::vector<RuleRow> &rules, QIODevice *device);
    // For every product that is the antecedent of a "bought" rule, its top `perProduct`
    // recommendations (in stock, by score), ranked from 1; products sorted by SKU.
    static Status writeRecommendations(const std::vector<RuleRow> &rules, QIODevice *device,
                                       int perProduct = kDefaultPerProduct);
    // SKU,Cross-sells: the recommended SKUs of each product, comma-separated, best first.
    static Status writeWooCommerce(const std::vector<RuleRow> &rules, QIODevice *device,
                                   int perProduct = kDefaultPerProduct);
    // The number format of the files: six decimals, a dot.
    static QByteArray number(double value);
};

} // namespace md
