#include "traycontroller.h"

#include "pricing/pricingjob.h"
#include "schedule/jobscheduler.h"
#include "schedule/standardjobs.h"

#include <QAction>
#include <QIcon>
#include <QLocale>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace md {

TrayController::TrayController(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_menu(std::make_unique<QMenu>())
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_open = m_menu->addAction(tr("&Open MerchantDesk"), this, &TrayController::showWindow);
    m_open->setObjectName(QStringLiteral("trayOpen"));
    m_menu->addSeparator();
    m_runNow = m_menu->addAction(tr("&Run Repricing Now"), this, &TrayController::runNow);
    m_runNow->setObjectName(QStringLiteral("trayRunNow"));
    m_pause = m_menu->addAction(tr("&Pause Schedule"), this, &TrayController::togglePause);
    m_pause->setObjectName(QStringLiteral("trayPause"));
    m_nextRun = m_menu->addAction(QString());
    m_nextRun->setObjectName(QStringLiteral("trayNextRun"));
    m_nextRun->setEnabled(false);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"), this, &TrayController::quitRequested);
    m_quit->setObjectName(QStringLiteral("trayQuit"));

    m_icon = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/merchantdesk.svg")), this);
    m_icon->setObjectName(QStringLiteral("trayIcon"));
    m_icon->setContextMenu(m_menu.get());
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    showWindow();
            });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayController::showWindow);
    updateMenu();
}

TrayController::~TrayController()
{
    m_scheduler.reset(); // waits for a running job
}

Status TrayController::setDatabase(const DatabaseSpec *spec)
{
    m_scheduler.reset();
    Status started;
    if (spec) {
        m_scheduler = std::make_unique<JobScheduler>(*spec, StandardJobs::runner());
        connect(m_scheduler.get(), &JobScheduler::schedulesChanged, this,
                &TrayController::updateMenu);
        connect(m_scheduler.get(), &JobScheduler::jobStarted, this, &TrayController::updateMenu);
        connect(m_scheduler.get(), &JobScheduler::jobFinished, this,
                &TrayController::onJobFinished);
        connect(m_scheduler.get(), &JobScheduler::errorOccurred, this,
                [this](const QString &message) {
                    notify(tr("Scheduled jobs"), message, true);
                    updateMenu();
                });
        // Catches up a run missed while the app was closed, once.
        started = m_scheduler->start();
    }
    if (m_scheduler && isTrayAvailable())
        m_icon->show();
    else
        m_icon->hide();
    updateMenu();
    return started;
}

bool TrayController::isTrayAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayController::keepsRunningWhenClosed() const
{
    return m_scheduler && m_scheduler->hasActiveSchedule() && isTrayAvailable()
           && m_icon->isVisible();
}

bool TrayController::needsOpenWindow() const
{
    return m_scheduler && m_scheduler->hasActiveSchedule() && !isTrayAvailable();
}

void TrayController::notify(const QString &title, const QString &message, bool warning)
{
    m_lastNotification = message;
    if (m_icon->isVisible()) {
        m_icon->showMessage(title, message,
                            warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                            15000);
    }
    emit notified(title, message);
}

void TrayController::updateMenu()
{
    const QString job = PricingJob::jobType();
    const bool have = m_scheduler != nullptr;
    const bool running = have && m_scheduler->isRunning();
    const bool paused = !have || m_scheduler->isPaused(job);
    m_runNow->setEnabled(have && !running);
    m_pause->setEnabled(have);
    m_pause->setText(paused ? tr("Resume &Schedule") : tr("&Pause Schedule"));
    QString next;
    if (!have)
        next = tr("No shop database open");
    else if (running)
        next = tr("Repricing is running…");
    else if (paused)
        next = tr("Schedule paused");
    else if (const QDateTime at = m_scheduler->nextRunAt(job); at.isValid())
        next = tr("Next run: %1").arg(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat));
    else
        next = tr("No run scheduled");
    m_nextRun->setText(next);
    m_icon->setToolTip(tr("MerchantDesk: %1").arg(next));
    emit stateChanged();
}

void TrayController::showWindow()
{
    if (!m_window)
        return;
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void TrayController::runNow()
{
    if (!m_scheduler)
        return;
    if (!m_scheduler->runNow(PricingJob::jobType()))
        notify(PricingJob::title(), tr("Repricing is running already; try again when it ended."));
    updateMenu();
}

void TrayController::togglePause()
{
    if (!m_scheduler)
        return;
    const QString job = PricingJob::jobType();
    const bool pause = !m_scheduler->isPaused(job);
    if (Status done = m_scheduler->setPaused(job, pause); !done)
        notify(PricingJob::title(), done.error(), true);
    updateMenu();
}

void TrayController::onJobFinished(const JobReport &report)
{
    const QString title = m_scheduler ? m_scheduler->title(report.jobType) : report.jobType;
    notify(title, report.outcome.message, report.outcome.status == JobOutcome::Status::Failed);
    updateMenu();
}

} // namespace md
