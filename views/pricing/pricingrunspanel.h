#pragma once

// The "Runs and Undo" tab of the Repricing page: the runs, newest first, from a
// PricingRunsModel, the changes of the selected run below them, "Undo Run…" and "Refresh".
// Undoing runs in the page's background task; the panel says which run the user chose.

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace md {

class Database;
class PricingRunsModel;
struct PricingRunInfo;

class PricingRunsPanel : public QWidget
{
    Q_OBJECT

public:
    // `db` is the page's connection; it outlives the panel's use of it.
    explicit PricingRunsPanel(const Database &db, QWidget *parent = nullptr);

    // The run selected in the table; nullptr when none is.
    const PricingRunInfo *selectedRun() const;
    // While the page works: no undo.
    void setBusy(bool busy);

    PricingRunsModel *runsModel() const { return m_model; }
    QTableView *runsTable() const { return m_runs; }
    QTableWidget *runChangesTable() const { return m_runChanges; }

public slots:
    // Reads the runs again, keeping the selected run selected while it is listed.
    void reload();

signals:
    void undoRequested();
    void reloaded();
    void message(const QString &text, bool error);

private:
    void selectionChanged();
    void showChanges(const PricingRunInfo &run);

    const Database &m_db;
    bool m_busy = false;
    PricingRunsModel *m_model = nullptr;
    QTableView *m_runs = nullptr;
    QTableWidget *m_runChanges = nullptr;
    QLabel *m_runChangesLabel = nullptr;
    QPushButton *m_undo = nullptr;
};

} // namespace md
