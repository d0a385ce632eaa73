#include "scheduleeditor.h"

#include "pricing/pricingjob.h"
#include "schedule/jobscheduler.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace md {

ScheduleEditor::ScheduleEditor(QWidget *parent)
    : QWidget(parent)
{
    m_active = new QCheckBox(tr("Reprice automatically on a schedule"), this);
    m_active->setObjectName(QStringLiteral("scheduleActive"));

    m_interval = new QRadioButton(tr("Every"), this);
    m_interval->setObjectName(QStringLiteral("scheduleInterval"));
    m_hours = new QSpinBox(this);
    m_hours->setObjectName(QStringLiteral("scheduleHours"));
    m_hours->setRange(1, JobSchedule::kMaxIntervalMinutes / 60);
    m_hours->setSuffix(tr(" hours"));
    m_times = new QRadioButton(tr("At these times of day:"), this);
    m_times->setObjectName(QStringLiteral("scheduleTimes"));
    m_timesField = new QLineEdit(this);
    m_timesField->setObjectName(QStringLiteral("scheduleTimesField"));
    m_timesField->setPlaceholderText(tr("e.g. 02:00, 14:30"));
    m_timesField->setToolTip(tr("Times in this computer's time zone, separated by commas"));
    auto *when = new QButtonGroup(this);
    when->addButton(m_interval);
    when->addButton(m_times);

    m_preview = new QRadioButton(tr("Only prepare the changes for my approval"), this);
    m_preview->setObjectName(QStringLiteral("schedulePreview"));
    m_apply = new QRadioButton(tr("Apply the changes directly"), this);
    m_apply->setObjectName(QStringLiteral("scheduleApply"));
    auto *mode = new QButtonGroup(this);
    mode->addButton(m_preview);
    mode->addButton(m_apply);

    m_save = new QPushButton(tr("Save Schedule"), this);
    m_save->setObjectName(QStringLiteral("scheduleSave"));
    connect(m_save, &QPushButton::clicked, this, &ScheduleEditor::save);
    m_next = new QLabel(this);
    m_next->setObjectName(QStringLiteral("scheduleNext"));
    m_next->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("scheduleMessage"));
    m_message->setWordWrap(true);

    auto *grid = new QGridLayout;
    grid->setColumnMinimumWidth(0, 20);
    grid->addWidget(m_interval, 0, 1);
    grid->addWidget(m_hours, 0, 2, Qt::AlignLeft);
    grid->addWidget(m_times, 1, 1);
    grid->addWidget(m_timesField, 1, 2);
    grid->addWidget(new QLabel(tr("Each scheduled run:"), this), 2, 1, 1, 2);
    grid->addWidget(m_preview, 3, 1, 1, 2);
    grid->addWidget(m_apply, 4, 1, 1, 2);
    grid->setColumnStretch(2, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_next, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_active);
    layout->addLayout(grid);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    for (QAbstractButton *button :
         {static_cast<QAbstractButton *>(m_active), static_cast<QAbstractButton *>(m_interval),
          static_cast<QAbstractButton *>(m_times), static_cast<QAbstractButton *>(m_apply),
          static_cast<QAbstractButton *>(m_preview)}) {
        connect(button, &QAbstractButton::toggled, this, [this] {
            m_dirty = true;
            updateEnabled();
        });
    }
    connect(m_hours, &QSpinBox::valueChanged, this, [this] { m_dirty = true; });
    connect(m_timesField, &QLineEdit::textEdited, this, [this] {
        m_dirty = true;
        m_times->setChecked(true);
    });
    setScheduler(nullptr);
}

void ScheduleEditor::setScheduler(JobScheduler *scheduler)
{
    if (m_scheduler)
        disconnect(m_scheduler, nullptr, this, nullptr);
    m_scheduler = scheduler;
    if (m_scheduler) {
        connect(m_scheduler, &JobScheduler::schedulesChanged, this, [this] {
            if (!m_dirty)
                load();
        });
    }
    m_dirty = false;
    load();
}

void ScheduleEditor::load()
{
    const bool have = m_scheduler != nullptr;
    const JobSchedule schedule = have ? m_scheduler->schedule(PricingJob::jobType())
                                      : JobSchedule::defaults(PricingJob::jobType());
    const QSignalBlocker b1(m_active), b2(m_interval), b3(m_times), b4(m_apply), b5(m_preview),
        b6(m_hours);
    m_active->setChecked(schedule.enabled);
    m_interval->setChecked(schedule.kind == JobSchedule::Kind::Interval);
    m_times->setChecked(schedule.kind == JobSchedule::Kind::TimesOfDay);
    m_hours->setValue(qMax(1, (schedule.intervalMinutes + 30) / 60));
    m_timesField->setText(schedule.timesText());
    m_apply->setChecked(schedule.mode == JobSchedule::Mode::Apply);
    m_preview->setChecked(schedule.mode == JobSchedule::Mode::Preview);
    m_dirty = false;

    if (!have) {
        m_next->setText(tr("The schedule can be set once the shop database is open in the main "
                           "window."));
    } else if (!schedule.enabled) {
        m_next->setText(tr("Paused: no scheduled runs."));
    } else {
        const QDateTime next = m_scheduler->nextRunAt(PricingJob::jobType());
        m_next->setText(next.isValid()
                            ? tr("Next run: %1")
                                  .arg(QLocale().toString(next.toLocalTime(), QLocale::LongFormat))
                            : tr("No next run."));
    }
    updateEnabled();
}

void ScheduleEditor::updateEnabled()
{
    const bool have = m_scheduler != nullptr;
    m_active->setEnabled(have);
    m_save->setEnabled(have);
    const bool on = have && m_active->isChecked();
    for (QWidget *widget : {static_cast<QWidget *>(m_interval), static_cast<QWidget *>(m_times),
                            static_cast<QWidget *>(m_apply), static_cast<QWidget *>(m_preview)})
        widget->setEnabled(on);
    m_hours->setEnabled(on && m_interval->isChecked());
    m_timesField->setEnabled(on && m_times->isChecked());
}

bool ScheduleEditor::save()
{
    if (!m_scheduler)
        return false;
    JobSchedule schedule = m_scheduler->schedule(PricingJob::jobType());
    schedule.enabled = m_active->isChecked();
    schedule.mode = m_apply->isChecked() ? JobSchedule::Mode::Apply : JobSchedule::Mode::Preview;
    if (m_times->isChecked()) {
        auto times = JobSchedule::parseTimes(m_timesField->text());
        if (!times) {
            m_message->setText(tr("Times of day: %1").arg(times.error()));
            m_timesField->setFocus(Qt::OtherFocusReason);
            return false;
        }
        schedule.kind = JobSchedule::Kind::TimesOfDay;
        schedule.timesOfDay = *times;
    } else {
        schedule.kind = JobSchedule::Kind::Interval;
        schedule.intervalMinutes = m_hours->value() * 60;
    }
    auto stored = m_scheduler->saveSchedule(schedule);
    if (!stored) {
        m_message->setText(tr("The schedule was not saved: %1").arg(stored.error()));
        return false;
    }
    m_message->setText(tr("Schedule saved."));
    m_dirty = false;
    load();
    emit saved();
    return true;
}

} // namespace md
