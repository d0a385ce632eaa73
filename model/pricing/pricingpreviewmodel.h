#pragma once

// The repricing preview as a table for the Repricing page: one row per decision that passes
// the filter (changes, increases, decreases, capped, or every product), a check box per change
// for approval, sorting by any column, and the totals of what is shown. Rows are indexes into
// the shared preview, so a million products cost a few megabytes here; texts are made only for
// the rows the view paints.

#include "pricingpreview.h"
#include "pricingpreviewtotals.h"
#include "pricingreason.h"

#include <QAbstractTableModel>
#include <QLocale>

#include <memory>
#include <optional>
#include <vector>

namespace md {

class PricingPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Sku,
        Title,
        Stock,
        Demand,
        CurrentPrice,
        ProposedPrice,
        ChangePct,
        Reason,
        Limit,
        MarginBefore,
        MarginAfter,
        LowestRecentPrice,
        ColumnCount
    };
    enum class Filter { Changes, Increases, Decreases, Capped, Everything };
    // Raw values for sorting and charts: cents, basis points, hundredths.
    static constexpr int RawRole = Qt::UserRole + 1;
    // The row's index into PricingPreview::decisions.
    static constexpr int DecisionRowRole = Qt::UserRole + 2;

    explicit PricingPreviewModel(QObject *parent = nullptr);

    void setPreview(std::shared_ptr<const PricingPreview> preview,
                    const QLocale &locale = QLocale());
    std::shared_ptr<const PricingPreview> preview() const { return m_preview; }
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    // Shows only rows whose SKU or title contains `text` (ignoring ASCII case); empty: all.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }

    // The totals of the rows the filter shows.
    PricingPreviewTotals shownTotals() const { return m_shownTotals; }
    // The checked changes, as rows of PricingPreview::decisions: what "apply selected" applies.
    std::vector<qint32> checkedDecisionRows() const;
    qint64 checkedCount() const { return m_checkedCount; }
    // Checks or clears every change (shown or not).
    void setAllChecked(bool checked);
    const PricingDecision *decisionAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void checkedCountChanged(qint64 count);

private:
    void rebuild();
    qint64 rawValue(const PricingDecision &decision, int column) const;
    QString marginText(qint64 priceCents, qint64 costCents) const;

    std::shared_ptr<const PricingPreview> m_preview;
    std::optional<PricingReason> m_reasons;
    QLocale m_locale;
    Filter m_filter = Filter::Changes;
    QString m_search;
    QByteArray m_searchUtf8; // lower-case ASCII letters, for the byte-wise match
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<qint32> m_rows;  // decision rows in view order
    std::vector<char> m_checked; // per decision
    qint64 m_checkedCount = 0;
    PricingPreviewTotals m_shownTotals;
};

} // namespace md
