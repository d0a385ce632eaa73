#pragma once

// The tray icon of the desktop app and the schedule behind it: Open, Run repricing now,
// Pause/Resume schedule, the next run time, Quit. It owns the JobScheduler of the open database
// (which catches up a missed run once at start and runs each job under its lock), tells the
// owner after each run what changed, and decides whether closing the window keeps the app
// running in the tray (while a schedule is active and there is a tray to come back from).

#include "core/result.h"
#include "db/databasespec.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace md {

class JobScheduler;
struct JobReport;

class TrayController : public QObject
{
    Q_OBJECT

public:
    // `window` is what Open shows again.
    explicit TrayController(QWidget *window, QObject *parent = nullptr);
    ~TrayController() override;

    // Runs the schedule of this database (nullptr: none). The previous scheduler ends first.
    Status setDatabase(const DatabaseSpec *spec);
    JobScheduler *scheduler() const { return m_scheduler.get(); }

    bool isTrayAvailable() const;
    // While a schedule is active and the icon is in a tray: closing the window hides it.
    bool keepsRunningWhenClosed() const;
    // True while a schedule is active but there is no tray: the window must stay open.
    bool needsOpenWindow() const;

    QSystemTrayIcon *icon() const { return m_icon; }
    QMenu *menu() const { return m_menu.get(); }
    QAction *openAction() const { return m_open; }
    QAction *runNowAction() const { return m_runNow; }
    QAction *pauseAction() const { return m_pause; }
    QAction *nextRunAction() const { return m_nextRun; }
    QAction *quitAction() const { return m_quit; }

    // A balloon from the tray icon (or nothing without a tray); also emitted as notified().
    void notify(const QString &title, const QString &message, bool warning = false);
    QString lastNotification() const { return m_lastNotification; }

signals:
    void quitRequested();
    void notified(const QString &title, const QString &message);
    // The schedule, its next run or whether a job runs changed.
    void stateChanged();

private:
    void updateMenu();
    void showWindow();
    void runNow();
    void togglePause();
    void onJobFinished(const JobReport &report);

    QPointer<QWidget> m_window;
    std::unique_ptr<QMenu> m_menu;
    QSystemTrayIcon *m_icon = nullptr;
    QAction *m_open = nullptr;
    QAction *m_runNow = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_nextRun = nullptr;
    QAction *m_quit = nullptr;
    std::unique_ptr<JobScheduler> m_scheduler;
    QString m_lastNotification;
};

} // namespace md
