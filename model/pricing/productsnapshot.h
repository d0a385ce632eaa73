#pragma once

// The catalog as repricing reads it: PricingProduct rows in ascending id order plus their SKUs,
// titles and categories packed into one UTF-8 buffer, so a million products cost one allocation
// per column instead of millions of QStrings.

#include "pricingproduct.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace md {

class ProductSnapshot
{
public:
    void reserve(qsizetype products, qsizetype textBytes);
    // Appends a product (ids must ascend); returns its row.
    qint32 add(const PricingProduct &product, QByteArrayView skuUtf8, QByteArrayView titleUtf8);
    qint32 add(const PricingProduct &product, const QString &sku, const QString &title);
    // The index of a category name, added when new.
    qint32 categoryIndex(QByteArrayView utf8);
    qint32 categoryIndex(const QString &name)
    {
        return categoryIndex(QByteArrayView(name.toUtf8()));
    }

    qsizetype size() const { return qsizetype(m_products.size()); }
    bool isEmpty() const { return m_products.empty(); }
    const PricingProduct &at(qsizetype row) const { return m_products[size_t(row)]; }
    PricingProduct &operator[](qsizetype row) { return m_products[size_t(row)]; }
    const std::vector<PricingProduct> &products() const { return m_products; }

    QByteArrayView skuUtf8(qsizetype row) const;
    QByteArrayView titleUtf8(qsizetype row) const;
    QString sku(qsizetype row) const { return QString::fromUtf8(skuUtf8(row)); }
    QString title(qsizetype row) const { return QString::fromUtf8(titleUtf8(row)); }
    const QStringList &categories() const { return m_categories; }
    QString category(qsizetype row) const;

    // The row of a product id, -1 when absent (binary search).
    qsizetype rowOfId(qint64 id) const;
    // What the snapshot holds on the heap, for the memory benchmark and the status bar.
    qint64 memoryBytes() const;

private:
    std::vector<PricingProduct> m_products;
    QByteArray m_text;
    // Two per product: where its SKU ends and where its title ends; each starts where the
    // previous one ended.
    std::vector<qint64> m_textEnds;
    QStringList m_categories;
    QHash<QByteArray, qint32> m_categoryIndex;
};

} // namespace md
