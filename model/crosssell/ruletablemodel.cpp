#include "ruletablemodel.h"

#include "recommender.h"

namespace md {

RuleTableModel::RuleTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RuleTableModel::setRules(const std::vector<RuleRow> &rules, const QLocale &locale)
{
    beginResetModel();
    m_locale = locale;
    m_rules.clear();
    for (const RuleRow &row : rules) {
        if (row.kind == RuleRow::Kind::Bought)
            m_rules.push_back(row);
    }
    endResetModel();
}

int RuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RuleRow &row = m_rules[size_t(index.row())];
    const auto product = [](const ProductInfo &info) -> QString {
        return info.sku + QStringLiteral(" · ") + info.title;
    };
    if (role == AntecedentIdRole)
        return row.rule.antecedent;
    if (role == ProductRole) {
        if (index.column() == Antecedent)
            return product(row.antecedent);
        if (index.column() == Consequent)
            return product(row.consequent);
        return QString();
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() >= Orders ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && index.column() == Score)
        return tr("Confidence × lift: how the cart recommendations rank products");
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    const bool raw = role == RawRole;
    switch (Column(index.column())) {
    case Antecedent:
        return product(row.antecedent);
    case Consequent:
        return product(row.consequent);
    case Orders:
        return raw ? QVariant(row.rule.count) : QVariant(m_locale.toString(row.rule.count));
    case Support:
        return raw ? QVariant(row.rule.support)
                   : QVariant(m_locale.toString(row.rule.support * 100, 'f', 2) + QLatin1Char('%'));
    case Confidence:
        return raw ? QVariant(row.rule.confidence)
                   : QVariant(m_locale.toString(row.rule.confidence * 100, 'f', 1)
                              + QLatin1Char('%'));
    case Lift:
        return raw ? QVariant(row.rule.lift) : QVariant(m_locale.toString(row.rule.lift, 'f', 2));
    case Score: {
        const double score = Recommender::score(row.rule);
        return raw ? QVariant(score) : QVariant(m_locale.toString(score, 'f', 3));
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Orders:
            return tr("Completed orders holding both products");
        case Support:
            return tr("Share of all completed orders holding both products");
        case Confidence:
            return tr("Share of the orders with the first product that also hold the second");
        case Lift:
            return tr("How much likelier the second product is with the first than in any "
                      "order; above 1 means they go together");
        case Score:
            return tr("Confidence × lift: how the cart recommendations rank products");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Antecedent:
        return tr("Customers who bought");
    case Consequent:
        return tr("also bought");
    case Orders:
        return tr("Orders");
    case Support:
        return tr("Support");
    case Confidence:
        return tr("Confidence");
    case Lift:
        return tr("Lift");
    case Score:
        return tr("Score");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace md
