#include "pricingpreviewmodel.h"

#include "pricingengine.h"

#include <algorithm>
#include <limits>

namespace md {

namespace {

// (price - cost) / price in basis points.
qint64 marginBp(qint64 priceCents, qint64 costCents)
{
    if (priceCents <= 0 || costCents < 0)
        return std::numeric_limits<qint64>::min();
    return qint64(FixedPoint::roundDiv(Int128(priceCents - costCents) * 10000, priceCents));
}

char foldAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// Whether `needle` (folded) occurs in `haystack`, ignoring the case of ASCII letters: a search
// over a million UTF-8 titles without making a million QStrings.
bool containsFolded(QByteArrayView haystack, const QByteArray &needle)
{
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [](char a, char b) { return foldAscii(a) == b; })
           != haystack.end();
}

} // namespace

PricingPreviewModel::PricingPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PricingPreviewModel::setPreview(std::shared_ptr<const PricingPreview> preview,
                                     const QLocale &locale)
{
    beginResetModel();
    m_preview = std::move(preview);
    m_locale = locale;
    m_reasons.reset();
    m_checked.clear();
    m_checkedCount = 0;
    if (m_preview) {
        m_reasons.emplace(m_preview->products, m_preview->rules, m_preview->computedAt, locale);
        m_checked.resize(m_preview->decisions.size(), 0);
        for (size_t i = 0; i < m_preview->decisions.size(); ++i) {
            if (m_preview->decisions[i].isChange()) {
                m_checked[i] = 1;
                ++m_checkedCount;
            }
        }
    }
    rebuild();
    endResetModel();
    emit checkedCountChanged(m_checkedCount);
}

void PricingPreviewModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    rebuild();
    endResetModel();
}

void PricingPreviewModel::setSearchText(const QString &text)
{
    const QString search = text.trimmed();
    if (search == m_search)
        return;
    beginResetModel();
    m_search = search;
    m_searchUtf8.clear();
    for (char c : search.toUtf8())
        m_searchUtf8.append(foldAscii(c));
    rebuild();
    endResetModel();
}

void PricingPreviewModel::rebuild()
{
    m_rows.clear();
    m_shownTotals = PricingPreviewTotals();
    if (!m_preview)
        return;
    for (const PricingDecision &decision : m_preview->decisions) {
        bool shown = false;
        switch (m_filter) {
        case Filter::Changes:
            shown = decision.isChange();
            break;
        case Filter::Increases:
            shown = decision.isChange() && decision.newCents > decision.oldCents;
            break;
        case Filter::Decreases:
            shown = decision.isChange() && decision.newCents < decision.oldCents;
            break;
        case Filter::Capped:
            shown = decision.isChange() && decision.isCapped();
            break;
        case Filter::Everything:
            shown = true;
            break;
        }
        if (shown && !m_searchUtf8.isEmpty()) {
            shown = containsFolded(m_preview->products.skuUtf8(decision.row), m_searchUtf8)
                    || containsFolded(m_preview->products.titleUtf8(decision.row), m_searchUtf8);
        }
        if (shown) {
            m_rows.push_back(decision.row);
            m_shownTotals.add(decision);
        }
    }
    if (m_sortColumn >= 0) {
        const int column = m_sortColumn;
        const bool descending = m_sortOrder == Qt::DescendingOrder;
        const auto &decisions = m_preview->decisions;
        const ProductSnapshot &products = m_preview->products;
        const auto before = [&](qint32 a, qint32 b) {
            if (column == Sku || column == Title) {
                const QByteArrayView x
                    = column == Sku ? products.skuUtf8(a) : products.titleUtf8(a);
                const QByteArrayView y
                    = column == Sku ? products.skuUtf8(b) : products.titleUtf8(b);
                const int order = x.compare(y);
                if (order != 0)
                    return descending ? order > 0 : order < 0;
            } else {
                const qint64 x = rawValue(decisions[size_t(a)], column);
                const qint64 y = rawValue(decisions[size_t(b)], column);
                if (x != y)
                    return descending ? x > y : x < y;
            }
            return a < b;
        };
        std::stable_sort(m_rows.begin(), m_rows.end(), before);
    }
}

void PricingPreviewModel::sort(int column, Qt::SortOrder order)
{
    beginResetModel();
    m_sortColumn = column;
    m_sortOrder = order;
    rebuild();
    endResetModel();
}

qint64 PricingPreviewModel::rawValue(const PricingDecision &decision, int column) const
{
    const PricingProduct &product = m_preview->productOf(decision);
    const qint64 shownNew = decision.isChange() ? decision.newCents : decision.oldCents;
    switch (column) {
    case Stock:
        return product.stockLevel;
    case Demand:
        return product.demandHundredths;
    case CurrentPrice:
        return decision.oldCents;
    case ProposedPrice:
        return shownNew;
    case ChangePct:
        return FixedPoint::changeBp(decision.oldCents, shownNew);
    case Reason:
        return qint64(decision.rule) * 256 + qint64(decision.outcome);
    case Limit:
        return decision.effectiveLimit();
    case MarginBefore:
        return marginBp(decision.oldCents, product.costCents);
    case MarginAfter:
        return marginBp(shownNew, product.costCents);
    case LowestRecentPrice:
        return product.lowestRecentCents;
    default:
        return product.id;
    }
}

QString PricingPreviewModel::marginText(qint64 priceCents, qint64 costCents) const
{
    const qint64 margin = marginBp(priceCents, costCents);
    if (margin == std::numeric_limits<qint64>::min())
        return {};
    return FixedPoint::format(margin, 2, 1, m_locale) + QStringLiteral(" %");
}

int PricingPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PricingPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const PricingDecision *PricingPreviewModel::decisionAt(int row) const
{
    if (!m_preview || row < 0 || size_t(row) >= m_rows.size())
        return nullptr;
    return &m_preview->decisions[size_t(m_rows[size_t(row)])];
}

QVariant PricingPreviewModel::data(const QModelIndex &index, int role) const
{
    const PricingDecision *decision = decisionAt(index.row());
    if (!decision || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const PricingProduct &product = m_preview->productOf(*decision);
    const int column = index.column();
    if (role == DecisionRowRole)
        return decision->row;
    if (role == RawRole) {
        if (column == Sku)
            return m_preview->products.sku(decision->row);
        if (column == Title)
            return m_preview->products.title(decision->row);
        return rawValue(*decision, column);
    }
    if (role == Qt::CheckStateRole && column == Sku && decision->isChange())
        return m_checked[size_t(decision->row)] ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::TextAlignmentRole) {
        if (column == Sku || column == Title || column == Reason || column == Limit)
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const qint64 shownNew = decision->isChange() ? decision->newCents : decision->oldCents;
    switch (column) {
    case Sku:
        return m_preview->products.sku(decision->row);
    case Title:
        return m_preview->products.title(decision->row);
    case Stock:
        return m_locale.toString(product.stockLevel);
    case Demand:
        return FixedPoint::format(product.demandHundredths, 2, 2, m_locale);
    case CurrentPrice:
        return FixedPoint::format(decision->oldCents, 2, 2, m_locale);
    case ProposedPrice:
        return FixedPoint::format(shownNew, 2, 2, m_locale);
    case ChangePct:
        return QString(FixedPoint::signedText(FixedPoint::changeBp(decision->oldCents, shownNew), 2,
                                              1, m_locale)
                       + QStringLiteral(" %"));
    case Reason:
        return m_reasons->text(*decision);
    case Limit:
        return PricingReason::limitLabel(decision->effectiveLimit());
    case MarginBefore:
        return marginText(decision->oldCents, product.costCents);
    case MarginAfter:
        return marginText(shownNew, product.costCents);
    case LowestRecentPrice:
        return product.lowestRecentCents < 0
                   ? QString()
                   : FixedPoint::format(product.lowestRecentCents, 2, 2, m_locale);
    default:
        break;
    }
    return {};
}

bool PricingPreviewModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const PricingDecision *decision = decisionAt(index.row());
    if (!decision || role != Qt::CheckStateRole || index.column() != Sku || !decision->isChange()) {
        return false;
    }
    const char checked = value.toInt() == Qt::Checked ? 1 : 0;
    char &current = m_checked[size_t(decision->row)];
    if (current == checked)
        return true;
    current = checked;
    m_checkedCount += checked ? 1 : -1;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedCountChanged(m_checkedCount);
    return true;
}

Qt::ItemFlags PricingPreviewModel::flags(const QModelIndex &index) const
{
    const PricingDecision *decision = decisionAt(index.row());
    if (!decision)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == Sku && decision->isChange())
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant PricingPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Sku:
        return tr("SKU");
    case Title:
        return tr("Title");
    case Stock:
        return tr("Stock");
    case Demand:
        return tr("Demand");
    case CurrentPrice:
        return tr("Current");
    case ProposedPrice:
        return tr("Proposed");
    case ChangePct:
        return tr("Change");
    case Reason:
        return tr("Reason");
    case Limit:
        return tr("Limited by");
    case MarginBefore:
        return tr("Margin before");
    case MarginAfter:
        return tr("Margin after");
    case LowestRecentPrice:
        return tr("Lowest 30 days");
    default:
        break;
    }
    return {};
}

std::vector<qint32> PricingPreviewModel::checkedDecisionRows() const
{
    std::vector<qint32> rows;
    rows.reserve(size_t(m_checkedCount));
    for (size_t i = 0; i < m_checked.size(); ++i) {
        if (m_checked[i])
            rows.push_back(qint32(i));
    }
    return rows;
}

void PricingPreviewModel::setAllChecked(bool checked)
{
    if (!m_preview)
        return;
    m_checkedCount = 0;
    for (size_t i = 0; i < m_checked.size(); ++i) {
        m_checked[i] = checked && m_preview->decisions[i].isChange() ? 1 : 0;
        m_checkedCount += m_checked[i];
    }
    if (!m_rows.empty())
        emit dataChanged(index(0, Sku), index(rowCount() - 1, Sku), {Qt::CheckStateRole});
    emit checkedCountChanged(m_checkedCount);
}

} // namespace md
