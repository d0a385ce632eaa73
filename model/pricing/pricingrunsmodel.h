#pragma once

// The repricing runs as a table for the Repricing page's "Runs and Undo" tab: one row per run,
// newest first as PricingRunStore::runs returns them, with its time, where it was started from,
// by whom, how many prices it changed and whether it was undone. The run itself stays reachable
// through RunIdRole and runAt(), so the page never reads an id back from a cell's text.

#include "pricingrun.h"

#include <QAbstractTableModel>
#include <QLocale>

#include <vector>

namespace md {

class PricingRunsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, When, Source, By, Changes, State, ColumnCount };
    // The run's id (qint64), in every column.
    static constexpr int RunIdRole = Qt::UserRole + 1;
    // Whether the run can still be undone (bool), in every column.
    static constexpr int CanUndoRole = Qt::UserRole + 2;

    explicit PricingRunsModel(QObject *parent = nullptr);

    // Replaces every row (a model reset, so no row of the runs before stays behind).
    void setRuns(std::vector<PricingRunInfo> runs, const QLocale &locale = QLocale());
    void clear() { setRuns({}); }
    const std::vector<PricingRunInfo> &runs() const { return m_runs; }
    // The run of a row; nullptr outside the rows.
    const PricingRunInfo *runAt(int row) const;
    // The row of a run; -1 when it is not listed.
    int rowOf(qint64 runId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString text(const PricingRunInfo &run, int column) const;
    QString toolTip(const PricingRunInfo &run, int column) const;
    QString timeText(qint64 secs, QLocale::FormatType format = QLocale::ShortFormat) const;

    std::vector<PricingRunInfo> m_runs;
    QLocale m_locale;
};

} // namespace md
