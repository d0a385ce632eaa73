#include "pricingrunsmodel.h"

#include <QDateTime>

namespace md {

PricingRunsModel::PricingRunsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PricingRunsModel::setRuns(std::vector<PricingRunInfo> runs, const QLocale &locale)
{
    beginResetModel();
    m_runs = std::move(runs);
    m_locale = locale;
    endResetModel();
}

const PricingRunInfo *PricingRunsModel::runAt(int row) const
{
    if (row < 0 || row >= int(m_runs.size()))
        return nullptr;
    return &m_runs[size_t(row)];
}

int PricingRunsModel::rowOf(qint64 runId) const
{
    for (size_t row = 0; row < m_runs.size(); ++row) {
        if (m_runs[row].id == runId)
            return int(row);
    }
    return -1;
}

int PricingRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int PricingRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PricingRunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PricingRunInfo &run = m_runs[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return text(run, index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(run, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (index.column() == Id || index.column() == Changes)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RunIdRole:
        return run.id;
    case CanUndoRole:
        return run.canUndo();
    default:
        return {};
    }
}

Qt::ItemFlags PricingRunsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant PricingRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Run");
    case When:
        return tr("When");
    case Source:
        return tr("Started from");
    case By:
        return tr("By");
    case Changes:
        return tr("Changes");
    case State:
        return tr("State");
    default:
        return {};
    }
}

QString PricingRunsModel::text(const PricingRunInfo &run, int column) const
{
    switch (column) {
    case Id:
        return m_locale.toString(run.id);
    case When:
        return timeText(run.startedAt);
    case Source:
        return PricingRunInfo::sourceLabel(run.source);
    case By:
        return run.startedBy;
    case Changes:
        return m_locale.toString(run.changeCount);
    case State:
        if (run.undoOfRunId >= 0)
            return tr("Undid run %1").arg(run.undoOfRunId);
        if (run.undoneAt >= 0)
            return tr("Undone on %1").arg(timeText(run.undoneAt));
        return tr("Applied");
    default:
        return {};
    }
}

QString PricingRunsModel::toolTip(const PricingRunInfo &run, int column) const
{
    switch (column) {
    case When:
        return run.finishedAt >= 0
                   ? tr("Started %1, finished %2")
                         .arg(timeText(run.startedAt, QLocale::LongFormat),
                              timeText(run.finishedAt, QLocale::LongFormat))
                   : tr("Started %1").arg(timeText(run.startedAt, QLocale::LongFormat));
    case State:
        if (run.canUndo())
            return tr("Can be undone on this tab");
        return run.source == PricingRunSource::Undo ? tr("An undo cannot be undone itself")
                                                    : tr("Already undone");
    default:
        return {};
    }
}

QString PricingRunsModel::timeText(qint64 secs, QLocale::FormatType format) const
{
    return m_locale.toString(QDateTime::fromSecsSinceEpoch(secs).toLocalTime(), format);
}

} // namespace md
