#pragma once

// The Plans page's matrix as an item model: features as rows, plans as columns, each cell the
// plan's effective value. Edits stay in the model until save() writes them in one transaction
// or discard() drops them. Inherited values (from a parent plan or the feature's default) and
// the plan's own overrides are told apart by InheritedRole (the view greys the one and bolds the
// other; the model stays free of QtGui so the command line can link it).

#include "planmatrix.h"
#include "planstore.h"

#include <QAbstractTableModel>

namespace md {

class PlanMatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Roles {
        FeatureTypeRole = Qt::UserRole + 1, // int(FeatureType)
        ChoicesRole,                        // QStringList
        InheritedRole,                      // bool
        InheritedFromRole,                  // QString: plan name, empty for the default
    };

    explicit PlanMatrixModel(QObject *parent = nullptr);

    // Replaces everything (and drops unsaved edits).
    void setMatrix(const PlanMatrix &matrix);
    const PlanMatrix &matrix() const { return m_working; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // EditRole takes text in any form the feature's type accepts; CheckStateRole a bool's state.
    // A value that does not fit is refused: valueRefused() carries the message.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Drops the plan's own value: the cell inherits again.
    void clearOverride(const QModelIndex &index);

    bool isDirty() const { return !m_edits.isEmpty(); }
    int pendingEdits() const { return int(m_edits.size()); }
    Status save(const Database &db);
    void discard();

    const PlanDef *planAt(int column) const;
    const FeatureDef *featureAt(int row) const;

signals:
    void valueRefused(const QString &message);
    void dirtyChanged(bool dirty);

private:
    void record(qint64 planId, qint64 featureId, std::optional<QString> value);

    PlanMatrix m_saved;
    PlanMatrix m_working;
    QHash<QPair<qint64, qint64>, std::optional<QString>> m_edits;
};

} // namespace md
