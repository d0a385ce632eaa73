#include "productsnapshot.h"

#include <algorithm>

namespace md {

void ProductSnapshot::reserve(qsizetype products, qsizetype textBytes)
{
    m_products.reserve(size_t(products));
    m_textEnds.reserve(size_t(products) * 2);
    m_text.reserve(textBytes);
}

qint32 ProductSnapshot::add(const PricingProduct &product, QByteArrayView skuUtf8,
                            QByteArrayView titleUtf8)
{
    m_products.push_back(product);
    m_text.append(skuUtf8);
    m_textEnds.push_back(m_text.size());
    m_text.append(titleUtf8);
    m_textEnds.push_back(m_text.size());
    return qint32(m_products.size() - 1);
}

qint32 ProductSnapshot::add(const PricingProduct &product, const QString &sku, const QString &title)
{
    return add(product, QByteArrayView(sku.toUtf8()), QByteArrayView(title.toUtf8()));
}

qint32 ProductSnapshot::categoryIndex(QByteArrayView utf8)
{
    // fromRawData: the lookup itself allocates nothing; only a new category is copied.
    const QByteArray probe = QByteArray::fromRawData(utf8.data(), utf8.size());
    const auto found = m_categoryIndex.constFind(probe);
    if (found != m_categoryIndex.constEnd())
        return found.value();
    const qint32 index = qint32(m_categories.size());
    m_categories << QString::fromUtf8(utf8);
    m_categoryIndex.insert(QByteArray(utf8.data(), utf8.size()), index);
    return index;
}

QByteArrayView ProductSnapshot::skuUtf8(qsizetype row) const
{
    const qint64 start = row == 0 ? 0 : m_textEnds[size_t(row) * 2 - 1];
    const qint64 end = m_textEnds[size_t(row) * 2];
    return QByteArrayView(m_text.constData() + start, end - start);
}

QByteArrayView ProductSnapshot::titleUtf8(qsizetype row) const
{
    const qint64 start = m_textEnds[size_t(row) * 2];
    const qint64 end = m_textEnds[size_t(row) * 2 + 1];
    return QByteArrayView(m_text.constData() + start, end - start);
}

QString ProductSnapshot::category(qsizetype row) const
{
    const qint32 index = at(row).category;
    return index < 0 ? QString() : m_categories.at(index);
}

qsizetype ProductSnapshot::rowOfId(qint64 id) const
{
    const auto found = std::lower_bound(
        m_products.begin(), m_products.end(), id,
        [](const PricingProduct &product, qint64 value) { return product.id < value; });
    if (found == m_products.end() || found->id != id)
        return -1;
    return qsizetype(found - m_products.begin());
}

qint64 ProductSnapshot::memoryBytes() const
{
    return qint64(m_products.capacity() * sizeof(PricingProduct))
           + qint64(m_textEnds.capacity() * sizeof(qint64)) + m_text.capacity();
}

} // namespace md
