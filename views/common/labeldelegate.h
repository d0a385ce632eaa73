#pragma once

// Shows a stored code as words in a PagedQueryModel column: a status such as "cancelled" as
// "Cancelled", an empty customer as "Guest". Rows still loading keep the model's own text.

#include <QStyledItemDelegate>

#include <functional>

namespace md {

class LabelDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // label gets the raw value (null for SQL NULL) and returns what the cell shows; dimNull shows
    // a NULL's label greyed and in italics, as a placeholder rather than data.
    LabelDelegate(std::function<QString(const QVariant &raw)> label, bool dimNull,
                  QObject *parent = nullptr);

    // What the cell shows; empty while its row is loading.
    QString textFor(const QModelIndex &index) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    std::function<QString(const QVariant &)> m_label;
    bool m_dimNull = false;
};

} // namespace md
