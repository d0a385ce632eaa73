#pragma once

// The Subscriptions page: the subscribers with their status and the actions on them (pause
// until, resume, cancel with a reason, change plan at the next cycle, their features); the
// box composition of a month (preview, confirm, picking list); and the growth chart (MRR and
// subscribers per plan over time, cancellations per month).

#include "db/database.h"
#include "db/databasespec.h"
#include "subscriptions/boxcyclestore.h"

#include <QWidget>

#include <optional>

class QAction;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTabWidget;

namespace md {

class PagedTableWidget;
struct ComposedCycle;
template<typename T> class Task;

class SubscriptionsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SubscriptionsPage(const DatabaseSpec &database, QWidget *parent = nullptr);
    ~SubscriptionsPage() override;

    PagedTableWidget *subscribersTable() const { return m_subscribers; }
    QTabWidget *tabs() const { return m_tabs; }
    QStandardItemModel *boxModel() const { return m_boxModel; }
    QStandardItemModel *growthModel() const { return m_growthModel; }
    QLabel *boxSummary() const { return m_boxSummary; }
    QPushButton *composeButton() const { return m_compose; }
    QPushButton *confirmButton() const { return m_confirm; }
    // Selects the month to compose (the cycle edit) without a user.
    void setCycle(int year, int month);
    void compose();
    // While the boxes of a cycle are composed or recorded.
    bool isComposing() const;

signals:
    void composed();

private:
    QWidget *buildSubscribersTab();
    QWidget *buildBoxesTab();
    QWidget *buildGrowthTab();
    qint64 currentSubscription() const;
    void updateSubscriberActions();
    void pause();
    void resume();
    void cancel();
    void changePlan();
    void showFeatures();
    void resumeDue();
    void afterChange(const Status &status, const QString &done);
    void confirmCycle();
    void exportPickingList();
    void showComposition();
    void refreshGrowth();
    QString cycleText() const;

    DatabaseSpec m_spec;
    std::optional<Database> m_db;
    Task<ComposedCycle> *m_composeTask = nullptr;
    Task<BoxCycleSummary> *m_confirmTask = nullptr;
    QTabWidget *m_tabs = nullptr;

    PagedTableWidget *m_subscribers = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_changePlan = nullptr;
    QAction *m_features = nullptr;

    QDateEdit *m_cycle = nullptr;
    QPushButton *m_compose = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_boxSummary = nullptr;
    QStandardItemModel *m_boxModel = nullptr;
    QTableView *m_boxTable = nullptr;
    bool m_confirmed = false;
    std::optional<BoxCycleInput> m_input;
    std::optional<BoxComposition> m_composition;

    QStandardItemModel *m_growthModel = nullptr;
    QStandardItemModel *m_churnModel = nullptr;
    QChartView *m_growthChart = nullptr;
    QChartView *m_churnChart = nullptr;
};

} // namespace md
