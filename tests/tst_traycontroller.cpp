// The tray under a real system tray (CTest runs this under Xvfb with trayer): the icon shows,
// its menu offers Open, Run repricing now, Pause/Resume, the next run and Quit; Pause/Resume
// changes the stored schedule; a run that is due when the app starts is caught up and ends in a
// notification that says what changed; closing the window keeps the app in the tray while a
// schedule is active.

#include "core/appsettings.h"
#include "db/sql.h"
#include "mainwindow.h"
#include "pricing/pricingpage.h"
#include "pricing/pricingrunsmodel.h"
#include "schedule/jobscheduler.h"
#include "schedule/schedulestore.h"
#include "seedproducts.h"
#include "testdb.h"
#include "traycontroller.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTableWidget>
#include <QTest>

using namespace md;

namespace {

const QString kJob = QStringLiteral("reprice");

Status seed(const Database &db)
{
    // A-100 is scarce with demand: +15 %; B-200 is held.
    return test::seedProducts(db, {{.sku = QStringLiteral("A-100"),
                                    .title = QStringLiteral("Tea A"),
                                    .costCents = 500,
                                    .stockLevel = 5,
                                    .demandScore = 3},
                                   {.sku = QStringLiteral("B-200"),
                                    .title = QStringLiteral("Tea B"),
                                    .costCents = 500,
                                    .currentPriceCents = 1500,
                                    .stockLevel = 150,
                                    .demandScore = 2}});
}

QStringList actionNames(const QMenu *menu)
{
    QStringList names;
    for (const QAction *action : menu->actions()) {
        if (!action->isSeparator())
            names << action->objectName();
    }
    return names;
}

QStringList names(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list << QString::fromUtf8(text);
    return list;
}

} // namespace

class tst_TrayController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void iconIsInTheTrayWithItsMenu();
    void pauseAndResumeChangeTheSchedule();
    void dueRunIsCaughtUpAndNotified();
    void closingKeepsTheAppInTheTray();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
};

void tst_TrayController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QSystemTrayIcon::isSystemTrayAvailable(),
             "no system tray: run under xvfb-run with trayer (see tests/CMakeLists.txt)");
}

void tst_TrayController::init()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    MD_VERIFY(seed(*db));
}

void tst_TrayController::cleanup()
{
    m_scratch.reset();
}

void tst_TrayController::iconIsInTheTrayWithItsMenu()
{
    MainWindow window;
    TrayController *tray = window.tray();
    QVERIFY(!tray->icon()->isVisible()); // no database, no schedule, no icon
    MD_VERIFY(window.openDatabase(m_scratch->spec()));
    QVERIFY(tray->isTrayAvailable());
    QTRY_VERIFY(tray->icon()->isVisible());
    QTRY_VERIFY(tray->icon()->geometry().isValid()); // placed in the tray by trayer
    QCOMPARE(tray->icon()->contextMenu(), tray->menu());
    QCOMPARE(actionNames(tray->menu()),
             (names({"trayOpen", "trayRunNow", "trayPause", "trayNextRun", "trayQuit"})));
    QVERIFY(!tray->nextRunAction()->isEnabled()); // an information line
    QCOMPARE(tray->nextRunAction()->text(), QStringLiteral("Schedule paused"));
    QCOMPARE(tray->pauseAction()->text(), QStringLiteral("Resume &Schedule"));
    QVERIFY(tray->runNowAction()->isEnabled());
    // Without an active schedule closing the window ends the app as usual.
    QVERIFY(!tray->keepsRunningWhenClosed());

    // Open brings a hidden window back.
    window.hide();
    tray->openAction()->trigger();
    QVERIFY(window.isVisible());
}

void tst_TrayController::pauseAndResumeChangeTheSchedule()
{
    MainWindow window;
    MD_VERIFY(window.openDatabase(m_scratch->spec()));
    TrayController *tray = window.tray();
    JobScheduler *scheduler = tray->scheduler();
    QVERIFY(scheduler);
    QVERIFY(scheduler->isPaused(kJob));

    tray->pauseAction()->trigger(); // resume: the default schedule, once a day
    QVERIFY(!scheduler->isPaused(kJob));
    QVERIFY(scheduler->nextRunAt(kJob).isValid());
    QVERIFY2(tray->nextRunAction()->text().startsWith(QLatin1String("Next run: ")),
             qPrintable(tray->nextRunAction()->text()));
    QCOMPARE(tray->pauseAction()->text(), QStringLiteral("&Pause Schedule"));
    QVERIFY(tray->keepsRunningWhenClosed());
    {
        auto db = m_scratch->open();
        MD_VERIFY(db);
        auto stored = ScheduleStore::load(*db, kJob);
        MD_VERIFY(stored);
        QVERIFY(stored->enabled);
        QVERIFY(stored->nextRunAt > 0);
    }

    tray->pauseAction()->trigger();
    QVERIFY(scheduler->isPaused(kJob));
    QCOMPARE(tray->nextRunAction()->text(), QStringLiteral("Schedule paused"));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto stored = ScheduleStore::load(*db, kJob);
    MD_VERIFY(stored);
    QVERIFY(!stored->enabled);
}

void tst_TrayController::dueRunIsCaughtUpAndNotified()
{
    {
        // An active schedule that applies directly, whose run was due an hour ago while the
        // app was closed.
        auto db = m_scratch->open();
        MD_VERIFY(db);
        JobSchedule schedule = JobSchedule::defaults(kJob);
        schedule.enabled = true;
        schedule.mode = JobSchedule::Mode::Apply;
        schedule.intervalMinutes = 6 * 60;
        MD_VERIFY(ScheduleStore::save(*db, schedule, QDateTime::currentDateTime()));
        MD_VERIFY(sql::exec(db->sql(),
                            QStringLiteral("UPDATE scheduled_jobs SET next_run_at = ? "
                                           "WHERE job_type = ?"),
                            {QDateTime::currentSecsSinceEpoch() - 3600, kJob}));
    }
    MainWindow window;
    QSignalSpy notified(window.tray(), &TrayController::notified);
    MD_VERIFY(window.openDatabase(m_scratch->spec()));
    QVERIFY(notified.wait(30000));
    QCOMPARE(notified.count(), 1);
    const QString message = notified.first().at(1).toString();
    QVERIFY2(message.contains(QLatin1String("Applied 1 price change")), qPrintable(message));
    QCOMPARE(notified.first().at(0).toString(), QStringLiteral("Repricing"));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto price = sql::scalar(
        db->sql(), QStringLiteral("SELECT current_price_cents FROM products WHERE sku = 'A-100'"));
    MD_VERIFY(price);
    QCOMPARE(price->toLongLong(), 1150);
    // Caught up once: the next run is in the future, not the next missed slot.
    JobScheduler *scheduler = window.tray()->scheduler();
    QTRY_VERIFY(!scheduler->isRunning());
    QVERIFY(scheduler->nextRunAt(kJob) > QDateTime::currentDateTime());
    // The Repricing page lists the scheduled run.
    auto *page = qobject_cast<PricingPage *>(window.page(QStringLiteral("repricing")));
    QVERIFY(page);
    QVERIFY(page->runsModel()->rowCount() >= 1);
    QCOMPARE(page->runsModel()->index(0, PricingRunsModel::Source).data().toString(),
             QStringLiteral("Schedule"));

    // Run now runs again at once, due or not, and notifies again.
    window.tray()->runNowAction()->trigger();
    QVERIFY(notified.wait(30000));
    QCOMPARE(notified.count(), 2);
}

void tst_TrayController::closingKeepsTheAppInTheTray()
{
    MainWindow window;
    MD_VERIFY(window.openDatabase(m_scratch->spec()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TrayController *tray = window.tray();
    tray->pauseAction()->trigger(); // an active schedule
    QVERIFY(tray->keepsRunningWhenClosed());
    AppSettings::setTrayNoticeShown(false);
    QSignalSpy notified(tray, &TrayController::notified);
    QVERIFY(!window.close()); // refused: hidden into the tray
    QVERIFY(!window.isVisible());
    QCOMPARE(notified.count(), 1); // told the first time
    QVERIFY(notified.first().at(1).toString().contains(QLatin1String("tray icon")));
    window.show();
    QVERIFY(!window.close());
    QCOMPARE(notified.count(), 1);  // only the first time
    tray->pauseAction()->trigger(); // paused again: closing closes
    QGuiApplication::setQuitOnLastWindowClosed(true);
    QVERIFY(window.close());
}

QTEST_MAIN(tst_TrayController)
#include "tst_traycontroller.moc"
