#pragma once

// The repricing schedule as the owner edits it: on or paused, every N hours or at set times of
// day, and whether a scheduled run applies its changes or only prepares them for approval.
// Saved through the running JobScheduler, so the tray and the next run follow at once.

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace md {

class JobScheduler;

class ScheduleEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ScheduleEditor(QWidget *parent = nullptr);

    // Without a scheduler the editor is disabled and says why.
    void setScheduler(JobScheduler *scheduler);
    // Stores what is shown; false (with the message shown) when it does not validate.
    bool save();

    QCheckBox *activeBox() const { return m_active; }
    QRadioButton *intervalButton() const { return m_interval; }
    QRadioButton *timesButton() const { return m_times; }
    QSpinBox *hoursBox() const { return m_hours; }
    QLineEdit *timesField() const { return m_timesField; }
    QRadioButton *applyButton() const { return m_apply; }
    QRadioButton *previewButton() const { return m_preview; }
    QLabel *messageLabel() const { return m_message; }

signals:
    void saved();

private:
    void load();
    void updateEnabled();

    QPointer<JobScheduler> m_scheduler;
    QCheckBox *m_active = nullptr;
    QRadioButton *m_interval = nullptr;
    QSpinBox *m_hours = nullptr;
    QRadioButton *m_times = nullptr;
    QLineEdit *m_timesField = nullptr;
    QRadioButton *m_apply = nullptr;
    QRadioButton *m_preview = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_next = nullptr;
    QLabel *m_message = nullptr;
    bool m_dirty = false;
};

} // namespace md
