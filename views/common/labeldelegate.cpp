#include "labeldelegate.h"

#include "db/pagedquerymodel.h"

#include <QPalette>

namespace md {

LabelDelegate::LabelDelegate(std::function<QString(const QVariant &)> label, bool dimNull,
                             QObject *parent)
    : QStyledItemDelegate(parent)
    , m_label(std::move(label))
    , m_dimNull(dimNull)
{}

QString LabelDelegate::textFor(const QModelIndex &index) const
{
    if (!index.data(PagedQueryModel::KeyRole).isValid())
        return {};
    return m_label(index.data(PagedQueryModel::RawValueRole));
}

void LabelDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(PagedQueryModel::KeyRole).isValid())
        return; // still loading
    const QVariant raw = index.data(PagedQueryModel::RawValueRole);
    option->text = textFor(index);
    if (m_dimNull && raw.isNull()) {
        option->font.setItalic(true);
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
}

} // namespace md
