#pragma once

// The mined "bought together" rules as a table for the Cross-sell page: one row per rule,
// numbers as raw values under RawRole for sorting, and the products' SKU and title under
// ProductRole so a proxy can filter by product.

#include "crosssellstore.h"

#include <QAbstractTableModel>
#include <QLocale>

#include <memory>

namespace md {

class RuleTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Antecedent, Consequent, Orders, Support, Confidence, Lift, Score, ColumnCount };
    static constexpr int RawRole = Qt::UserRole + 1;
    // "SKU title" of the row's products in the product columns, empty elsewhere.
    static constexpr int ProductRole = Qt::UserRole + 2;
    // The antecedent's product id, in every column.
    static constexpr int AntecedentIdRole = Qt::UserRole + 3;

    explicit RuleTableModel(QObject *parent = nullptr);

    // Keeps the "bought" rules of `rules`, in their order.
    void setRules(const std::vector<RuleRow> &rules, const QLocale &locale = QLocale());
    const std::vector<RuleRow> &rules() const { return m_rules; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<RuleRow> m_rules;
    QLocale m_locale;
};

} // namespace md
