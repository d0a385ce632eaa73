#pragma once

// The RFM overview of the shop as of a day: a heat map of the customers by recency score and
// frequency score, and every RFM group with its customers and shares. The analysis
// (RfmService::analyse) runs off the GUI thread as an md::Task; meanwhile the panel says it is
// computing.

#include "core/task.h"
#include "db/databasespec.h"
#include "marketing/rfmservice.h"

#include <QWidget>

#include <array>
#include <optional>

class QDateEdit;
class QLabel;
class QTableWidget;

namespace md {

class RfmPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RfmPanel(const DatabaseSpec &database, QWidget *parent = nullptr);
    ~RfmPanel() override;

    // The totals shown (breaks, grid, groups; no per-customer rows), once a run has finished.
    const std::optional<RfmAnalysis> &analysis() const { return m_analysis; }
    // The counts the heat map paints, [r - 1][f - 1].
    std::array<std::array<qint64, 5>, 5> shownGrid() const;
    bool isComputing() const;

public slots:
    // Analyses again as of the chosen day (the end of that UTC day).
    void refresh();

signals:
    // The panel shows a new analysis or the error of the last attempt.
    void updated();

private:
    void showAnalysis(const RfmAnalysis &analysis);
    void showError(const QString &message);

    Task<RfmAnalysis> *m_task = nullptr;
    QDateEdit *m_asOf = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_heatMap = nullptr;
    QTableWidget *m_groups = nullptr;
    std::optional<RfmAnalysis> m_analysis;
    bool m_again = false;
};

} // namespace md
