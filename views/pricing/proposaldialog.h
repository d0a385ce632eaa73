#pragma once

// Shows the pending proposal of a preview-only scheduled run for approval: each change with
// its old and new price and reason, a tick per change, stale items (the price changed since)
// unticked and marked. The page applies what was approved.

#include "pricing/pricingproposalstore.h"

#include <QAbstractTableModel>
#include <QDialog>

#include <vector>

class QLabel;

namespace md {

class ProposalTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Sku, Title, Stock, OldPrice, NewPrice, Now, Reason, ColumnCount };

    explicit ProposalTableModel(std::vector<PricingProposalItem> items, QObject *parent = nullptr);

    std::vector<qint64> checkedProductIds() const;
    qint64 checkedCount() const { return m_checkedCount; }
    void setAllChecked(bool checked);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void checkedCountChanged(qint64 count);

private:
    std::vector<PricingProposalItem> m_items;
    std::vector<char> m_checked;
    qint64 m_checkedCount = 0;
};

class ProposalDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProposalDialog(std::vector<PricingProposalItem> items, QWidget *parent = nullptr);

    std::vector<qint64> approvedProductIds() const { return m_model->checkedProductIds(); }
    ProposalTableModel *model() const { return m_model; }

private:
    ProposalTableModel *m_model = nullptr;
};

} // namespace md
