#pragma once

// The "Rules and Schedule" tab of the Repricing page: the rule editor with save, undo of edits
// and the playbook defaults, the locked products, the help text with "Derive Demand from
// Sales", and the schedule editor. The rules and the locks are small writes on the page's
// connection, done here; deriving demand runs in the page's background task.

#include "core/result.h"
#include "pricing/pricingrules.h"

#include <QWidget>

#include <vector>

class QLabel;
class QListWidget;
class QPushButton;

namespace md {

class Database;
class JobScheduler;
class RuleEditor;
class ScheduleEditor;

class PricingRulesPanel : public QWidget
{
    Q_OBJECT

public:
    // `db` is the page's connection; it outlives the panel's use of it.
    explicit PricingRulesPanel(const Database &db, QWidget *parent = nullptr);

    // Puts the stored rules into the editor.
    Status loadSavedRules();
    // The rules as typed (the editor marks the field that does not parse).
    Result<PricingRules> editedRules();
    // Whether `rules` are the stored ones (false when the stored ones cannot be read).
    bool areSaved(const PricingRules &rules) const;
    // Stores the rules in the editor; false (with the field named) when they do not parse.
    bool saveRules();
    // Locks or unlocks products and lists the locked ones again.
    void setLocked(const std::vector<qint64> &productIds, bool locked);
    void reloadLocked();
    void setScheduler(JobScheduler *scheduler);
    // While the page works: no saving and no deriving.
    void setBusy(bool busy);

    RuleEditor *ruleEditor() const { return m_rules; }
    ScheduleEditor *scheduleEditor() const { return m_schedule; }

signals:
    void deriveRequested();
    // What the last action did, for the page's status line.
    void message(const QString &text, bool error);

private:
    QWidget *buildRulesBox();
    QWidget *buildLockedBox();
    QWidget *buildHelpBox();

    const Database &m_db;
    RuleEditor *m_rules = nullptr;
    QLabel *m_rulesState = nullptr;
    QPushButton *m_saveRules = nullptr;
    QPushButton *m_derive = nullptr;
    QListWidget *m_locked = nullptr;
    QPushButton *m_unlock = nullptr;
    ScheduleEditor *m_schedule = nullptr;
};

} // namespace md
