#include "planmatrixmodel.h"

namespace md {

PlanMatrixModel::PlanMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PlanMatrixModel::setMatrix(const PlanMatrix &matrix)
{
    const bool wasDirty = isDirty();
    beginResetModel();
    m_saved = matrix;
    m_working = matrix;
    m_edits.clear();
    endResetModel();
    if (wasDirty)
        emit dirtyChanged(false);
}

int PlanMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_working.features.size());
}

int PlanMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_working.plans.size());
}

const PlanDef *PlanMatrixModel::planAt(int column) const
{
    if (column < 0 || column >= int(m_working.plans.size()))
        return nullptr;
    return &m_working.plans[size_t(column)];
}

const FeatureDef *PlanMatrixModel::featureAt(int row) const
{
    if (row < 0 || row >= int(m_working.features.size()))
        return nullptr;
    return &m_working.features[size_t(row)];
}

QVariant PlanMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlanDef *plan = planAt(index.column());
    const FeatureDef *feature = featureAt(index.row());
    const ResolvedValue resolved = m_working.resolve(plan->id, feature->id);
    switch (role) {
    case Qt::DisplayRole:
        if (feature->type == FeatureType::Bool)
            return {}; // the check box says it
        return FeatureValue::display(*feature, resolved.value);
    case Qt::EditRole:
        return resolved.value;
    case Qt::CheckStateRole:
        if (feature->type != FeatureType::Bool)
            return {};
        return FeatureValue::isTrue(resolved.value) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        if (!resolved.inherited)
            return tr("Set on %1").arg(plan->name);
        if (resolved.set()) {
            const PlanDef *from = m_working.plan(resolved.fromPlanId);
            return tr("Inherited from %1").arg(from ? from->name : QString());
        }
        return tr("The feature's default (no plan sets it)");
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case FeatureTypeRole:
        return int(feature->type);
    case ChoicesRole:
        return feature->choices;
    case InheritedRole:
        return resolved.inherited;
    case InheritedFromRole: {
        const PlanDef *from = resolved.set() ? m_working.plan(resolved.fromPlanId) : nullptr;
        return from && resolved.inherited ? from->name : QString();
    }
    default:
        return {};
    }
}

QVariant PlanMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        const PlanDef *plan = planAt(section);
        if (!plan)
            return {};
        if (role == Qt::DisplayRole) {
            const PlanDef *parent = plan->parentId ? m_working.plan(plan->parentId) : nullptr;
            QString text = plan->name;
            if (!plan->active)
                text += QLatin1Char('\n') + tr("(switched off)");
            else if (parent)
                text += QLatin1Char('\n') + tr("inherits %1").arg(parent->name);
            return text;
        }
        if (role == Qt::ToolTipRole)
            return plan->description;
        return {};
    }
    const FeatureDef *feature = featureAt(section);
    if (!feature)
        return {};
    if (role == Qt::DisplayRole)
        return feature->label;
    if (role == Qt::ToolTipRole) {
        return tr("%1 (%2), default: %3")
            .arg(feature->key, FeatureValue::typeLabel(feature->type),
                 FeatureValue::display(*feature, feature->defaultValue));
    }
    return {};
}

Qt::ItemFlags PlanMatrixModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (featureAt(index.row())->type == FeatureType::Bool)
        flags |= Qt::ItemIsUserCheckable;
    else
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool PlanMatrixModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const PlanDef *plan = planAt(index.column());
    const FeatureDef *feature = featureAt(index.row());
    QString text;
    if (role == Qt::CheckStateRole) {
        if (feature->type != FeatureType::Bool)
            return false;
        text = value.toInt() == Qt::Checked ? QStringLiteral("true") : QStringLiteral("false");
    } else if (role == Qt::EditRole) {
        text = value.toString();
    } else {
        return false;
    }
    auto checked = FeatureValue::normalise(*feature, text, plan->name);
    if (!checked) {
        emit valueRefused(checked.error());
        return false;
    }
    if (m_working.ownValue(plan->id, feature->id) == std::optional<QString>(*checked))
        return true;
    record(plan->id, feature->id, *checked);
    return true;
}

void PlanMatrixModel::clearOverride(const QModelIndex &index)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return;
    const PlanDef *plan = planAt(index.column());
    const FeatureDef *feature = featureAt(index.row());
    if (!m_working.ownValue(plan->id, feature->id))
        return;
    record(plan->id, feature->id, std::nullopt);
}

void PlanMatrixModel::record(qint64 planId, qint64 featureId, std::optional<QString> value)
{
    const bool wasDirty = isDirty();
    if (value)
        m_working.setOwnValue(planId, featureId, *value);
    else
        m_working.clearOwnValue(planId, featureId);
    // Back to what is saved: no longer an edit.
    if (m_saved.ownValue(planId, featureId) == value)
        m_edits.remove({planId, featureId});
    else
        m_edits.insert({planId, featureId}, value);
    // Plans inheriting from this one may show a new value too: the whole row changes.
    for (int row = 0; row < rowCount(); ++row) {
        if (featureAt(row)->id == featureId) {
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
            break;
        }
    }
    if (wasDirty != isDirty())
        emit dirtyChanged(isDirty());
}

Status PlanMatrixModel::save(const Database &db)
{
    std::vector<CellEdit> edits;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        edits.push_back({it.key().first, it.key().second, it.value()});
    if (auto saved = PlanStore::saveValues(db, m_working, edits); !saved)
        return saved;
    auto reloaded = PlanStore::load(db);
    if (!reloaded)
        return fail(reloaded.error());
    setMatrix(*reloaded);
    emit dirtyChanged(false);
    return {};
}

void PlanMatrixModel::discard()
{
    setMatrix(m_saved);
    emit dirtyChanged(false);
}

} // namespace md
