#include "catalog/catalogpage.h"
#include "common/labeldelegate.h"
#include "common/pagedtablewidget.h"
#include "core/money.h"
#include "customers/customerspage.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/kpicard.h"
#include "db/pagedquerymodel.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "demo/demoshop.h"
#include "io/entitycatalog.h"
#include "io/importwizard.h"
#include "mainwindow.h"
#include "orders/orderspage.h"
#include "seedproducts.h"
#include "subscriptions/planmatrixmodel.h"
#include "subscriptions/planspage.h"
#include "subscriptions/subscriptionspage.h"
#include "testdb.h"
#include "traycontroller.h"

#include <QAction>
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace md;

namespace {

constexpr int kProducts = 30;
constexpr int kCustomers = 20;
constexpr int kOrders = 60;

int linesOf(int order)
{
    return order % 3 + 1;
}

// A small shop with recent history, written with plain INSERTs.
Status populate(const Database &db)
{
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return begun;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 day = 86400;
    std::vector<test::SeedProduct> products;
    for (int p = 1; p <= kProducts; ++p) {
        products.push_back(
            {.id = p,
             .sku = QStringLiteral("TEA-%1").arg(p, 3, 10, QLatin1Char('0')),
             .title = QStringLiteral("Loose leaf tea no. %1").arg(p),
             .category = p % 2 ? QStringLiteral("Green tea") : QStringLiteral("Black tea"),
             .costCents = 300 + p,
             .basePriceCents = 900 + p * 10,
             .currentPriceCents = 950 + p * 10,
             .stockLevel = p * 3,
             .demandScore = p / 10.0,
             .exclusive = p % 5 == 0,
             .createdAt = now - 200 * day});
    }
    if (auto done = test::seedProducts(db, products); !done)
        return done;
    for (int c = 1; c <= kCustomers; ++c) {
        auto done
            = sql::exec(db.sql(),
                        QStringLiteral("INSERT INTO customers (id, email, first_name, "
                                       "last_name, created_at, accepts_marketing) "
                                       "VALUES (?, ?, ?, ?, ?, ?)"),
                        {c, QStringLiteral("buyer%1@example.com").arg(c), QStringLiteral("Ann"),
                         QStringLiteral("Buyer %1").arg(c), now - c * 4 * day, c % 2});
        if (!done)
            return done;
    }
    int line = 0;
    for (int o = 1; o <= kOrders; ++o) {
        const QString status = o % 10 == 0   ? QStringLiteral("cancelled")
                               : o % 15 == 0 ? QStringLiteral("pending")
                                             : QStringLiteral("completed");
        qint64 total = 0;
        for (int l = 1; l <= linesOf(o); ++l)
            total += l * (950 + ((o + l) % kProducts + 1) * 10);
        auto done = sql::exec(db.sql(),
                              QStringLiteral("INSERT INTO orders (id, order_number, customer_id, "
                                             "ordered_at, status, total_cents) "
                                             "VALUES (?, ?, ?, ?, ?, ?)"),
                              {o, QStringLiteral("#%1").arg(1000 + o),
                               o % 7 == 0 ? QVariant() : QVariant(o % kCustomers + 1),
                               now - (o * 80 / kOrders) * day - 3600, status, total});
        if (!done)
            return done;
        for (int l = 1; l <= linesOf(o); ++l) {
            const int product = (o + l) % kProducts + 1;
            auto added = sql::exec(db.sql(),
                                   QStringLiteral("INSERT INTO order_lines (id, order_id, "
                                                  "product_id, quantity, unit_price_cents) "
                                                  "VALUES (?, ?, ?, ?, ?)"),
                                   {++line, o, product, l, 950 + product * 10});
            if (!added)
                return added;
        }
    }
    return tx.commit();
}

template<typename Page> Page *pageOf(MainWindow &window, const char *id)
{
    window.showPage(QString::fromLatin1(id));
    return qobject_cast<Page *>(window.page(QString::fromLatin1(id)));
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensWithPagesInOrder();
    void statusBarNamesDatabase();
    void dashboardShowsFigures();
    void catalogShowsProducts();
    void customersShowCustomers();
    void ordersShowLinesOfSelection();
    void withoutTrayTheStatusBarSaysSo();
    void fileMenuActions();
    void fileImportOpensForThePage_data();
    void fileImportOpensForThePage();
    void switchingDatabaseRebuildsPages();
    void demoShopFillsEveryPage();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    {
        auto db = m_scratch->open();
        MD_VERIFY(db);
        MD_VERIFY(populate(*db));
    }
    m_window = std::make_unique<MainWindow>();
    MD_VERIFY(m_window->openDatabase(m_scratch->spec()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_MainWindow::opensWithPagesInOrder()
{
    QCOMPARE(
        m_window->pageIds(),
        (QStringList{QStringLiteral("dashboard"), QStringLiteral("catalog"),
                     QStringLiteral("customers"), QStringLiteral("segments"),
                     QStringLiteral("orders"), QStringLiteral("repricing"), QStringLiteral("plans"),
                     QStringLiteral("subscriptions"), QStringLiteral("crosssell")}));
    QCOMPARE(m_window->currentPageId(), QStringLiteral("dashboard"));
    QVERIFY(m_window->hasDatabase());
}

void tst_MainWindow::statusBarNamesDatabase()
{
    auto *database = m_window->findChild<QLabel *>(QStringLiteral("databaseLabel"));
    auto *backend = m_window->findChild<QLabel *>(QStringLiteral("backendLabel"));
    QVERIFY(database && backend);
    const DatabaseSpec &spec = m_scratch->spec();
    QVERIFY(database->isVisible());
    if (spec.isPostgres()) {
        QCOMPARE(backend->text(), QStringLiteral("PostgreSQL"));
        QCOMPARE(database->text(), spec.displayName());
        QVERIFY(database->text().contains(spec.database));
        // The URL form with a password would read user:password@host.
        QVERIFY(!database->text().contains(QLatin1Char(':') + spec.password + QLatin1Char('@')));
    } else {
        QCOMPARE(backend->text(), QStringLiteral("SQLite"));
        QCOMPARE(database->text(), spec.path);
    }
}

void tst_MainWindow::dashboardShowsFigures()
{
    auto *page = pageOf<DashboardPage>(*m_window, "dashboard");
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->hasFigures() || !page->lastError().isEmpty(), 30000);
    QVERIFY2(page->lastError().isEmpty(), qPrintable(page->lastError()));
    const DashboardFigures &figures = page->figures();
    QVERIFY(figures.current.revenueCents > 0);
    QVERIFY(figures.current.orders > 0);
    QVERIFY(figures.previous.orders > 0);
    QVERIFY(figures.current.newCustomers > 0);

    auto *revenue = page->findChild<KpiCard *>(QStringLiteral("revenueCard"));
    QVERIFY(revenue);
    QCOMPARE(revenue->valueText(), money::format(figures.current.revenueCents, QLocale()));
    QVERIFY(revenue->valueText() != QStringLiteral("0.00"));
    QVERIFY(!revenue->changeText().isEmpty());
    auto *orders = page->findChild<KpiCard *>(QStringLiteral("ordersCard"));
    QCOMPARE(orders->valueText(), QLocale().toString(figures.current.orders));

    auto *view = page->findChild<QChartView *>(QStringLiteral("revenueChart"));
    QVERIFY(view && view->isVisible());
    QCOMPARE(view->chart()->series().size(), 1);
    auto *series = qobject_cast<QBarSeries *>(view->chart()->series().constFirst());
    QVERIFY(series);
    QCOMPARE(series->barSets().size(), 1);
    QBarSet *bars = series->barSets().constFirst();
    QCOMPARE(bars->count(), DashboardMetrics::kWeeks);
    double sum = 0;
    for (int i = 0; i < bars->count(); ++i)
        sum += bars->at(i);
    qint64 cents = 0;
    for (const WeekRevenue &week : figures.weeks)
        cents += week.revenueCents;
    QVERIFY(sum > 0);
    QVERIFY(qAbs(sum - double(cents) / 100.0) < 0.001);
    // The bars follow the model: a change to a cell shows in the series.
    page->weekModel()->setData(page->weekModel()->index(0, 0), 12345.0);
    QCOMPARE(bars->at(0), 12345.0);
    page->refresh();
    QTRY_VERIFY(page->refreshAction()->isEnabled());
}

void tst_MainWindow::catalogShowsProducts()
{
    auto *page = pageOf<CatalogPage>(*m_window, "catalog");
    QVERIFY(page);
    QVERIFY2(page->model()->waitUntilLoaded(), qPrintable(page->model()->lastError()));
    QCOMPARE(page->model()->rowCount(), kProducts);
    QTableView *table = page->tableWidget()->table();
    QVERIFY(table->isVisible());
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("TEA-001"));
    QCOMPARE(page->tableWidget()->countLabel()->text(), QStringLiteral("30 products"));

    page->tableWidget()->searchField()->setText(QStringLiteral("TEA-01"));
    QTRY_COMPARE(page->model()->rowCount(), 10); // after the typing pause
    QVERIFY(page->model()->waitUntilLoaded());
    QCOMPARE(page->tableWidget()->countLabel()->text(), QStringLiteral("10 products"));
    page->tableWidget()->searchField()->setText(QStringLiteral("no such tea"));
    QTRY_COMPARE(page->model()->searchText(), QStringLiteral("no such tea"));
    QVERIFY(page->model()->waitUntilLoaded());
    auto *empty = page->findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QTRY_VERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(QLatin1String("no such tea")), qPrintable(empty->text()));
    page->tableWidget()->searchField()->clear();
    QTRY_COMPARE(page->model()->rowCount(), kProducts);
}

void tst_MainWindow::customersShowCustomers()
{
    auto *page = pageOf<CustomersPage>(*m_window, "customers");
    QVERIFY(page);
    QVERIFY2(page->model()->waitUntilLoaded(), qPrintable(page->model()->lastError()));
    QCOMPARE(page->model()->rowCount(), kCustomers);
    QVERIFY(page->tableWidget()->table()->isVisible());
    // Newest first: buyer1 joined most recently; orders counted per customer.
    QCOMPARE(page->model()->rawValue(0, 0).toString(), QStringLiteral("buyer1@example.com"));
    qint64 orders = 0;
    for (int row = 0; row < kCustomers; ++row)
        orders += page->model()->rawValue(row, 6).toLongLong();
    QCOMPARE(orders, qint64(kOrders - kOrders / 7)); // every 7th order is a guest's
}

void tst_MainWindow::ordersShowLinesOfSelection()
{
    auto *page = pageOf<OrdersPage>(*m_window, "orders");
    QVERIFY(page);
    QVERIFY2(page->model()->waitUntilLoaded(), qPrintable(page->model()->lastError()));
    QCOMPARE(page->model()->rowCount(), kOrders);
    QCOMPARE(page->linesModel()->rowCount(), 0);

    // Newest first: #1001 was ordered most recently and has two lines.
    QCOMPARE(page->model()->rawValue(0, 0).toString(), QStringLiteral("#1001"));
    QTableView *table = page->tableWidget()->table();
    table->selectRow(0);
    QTRY_COMPARE(page->linesModel()->rowCount(), linesOf(1));
    QVERIFY(page->linesModel()->waitUntilLoaded());
    auto *heading = page->findChild<QLabel *>(QStringLiteral("linesHeading"));
    QVERIFY(heading->text().contains(QLatin1String("#1001")));

    // A guest order shows "Guest" in the customer column.
    page->tableWidget()->searchField()->setText(QStringLiteral("#1007"));
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QVERIFY(page->model()->waitUntilLoaded());
    QVERIFY(page->model()->rawValue(0, 2).isNull());
    auto *delegate = qobject_cast<LabelDelegate *>(table->itemDelegateForColumn(2));
    QVERIFY(delegate);
    QCOMPARE(delegate->textFor(table->model()->index(0, 2)), QStringLiteral("Guest"));
    auto *status = qobject_cast<LabelDelegate *>(table->itemDelegateForColumn(3));
    QVERIFY(status);
    QCOMPARE(status->textFor(table->model()->index(0, 3)), QStringLiteral("Completed"));
    QCOMPARE(page->linesModel()->rowCount(), 0); // a new search clears the selection

    page->tableWidget()->searchField()->clear();
    const int cancelled = page->statusFilter()->findData(QStringLiteral("cancelled"));
    QVERIFY(cancelled > 0);
    page->statusFilter()->setCurrentIndex(cancelled);
    QTRY_COMPARE(page->model()->rowCount(), kOrders / 10);
    QVERIFY(page->model()->waitUntilLoaded());
    for (int row = 0; row < page->model()->rowCount(); ++row)
        QCOMPARE(page->model()->rawValue(row, 3).toString(), QStringLiteral("cancelled"));
    page->statusFilter()->setCurrentIndex(0);
    QTRY_COMPARE(page->model()->rowCount(), kOrders);
}

void tst_MainWindow::fileMenuActions()
{
    for (const char *name : {"actionNewSqlite", "actionOpenSqlite", "actionConnectPostgres",
                             "actionBackup", "actionQuit", "actionPreferences", "actionAbout"}) {
        auto *action = m_window->findChild<QAction *>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->text().isEmpty(), name);
    }
    QVERIFY(m_window->findChild<QMenu *>(QStringLiteral("menuRecent")));
    auto *backup = m_window->findChild<QAction *>(QStringLiteral("actionBackup"));
    QCOMPARE(backup->isEnabled(), !m_scratch->spec().isPostgres());
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("actionOpenSqlite"))->isEnabled());
}

void tst_MainWindow::fileImportOpensForThePage_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("entity"); // empty: the wizard's own first choice
    QTest::addColumn<QString>("title");
    QTest::newRow("catalog imports products")
        << QStringLiteral("catalog") << QStringLiteral("products")
        << QStringLiteral("Import Products");
    QTest::newRow("customers import customers")
        << QStringLiteral("customers") << QStringLiteral("customers")
        << QStringLiteral("Import Customers");
    QTest::newRow("orders import orders")
        << QStringLiteral("orders") << QStringLiteral("orders") << QStringLiteral("Import Orders");
    QTest::newRow("dashboard has no entity")
        << QStringLiteral("dashboard") << QString() << QStringLiteral("Import");
    QTest::newRow("plans has no import button")
        << QStringLiteral("plans") << QString() << QStringLiteral("Import");
}

void tst_MainWindow::fileImportOpensForThePage()
{
    QFETCH(QString, page);
    QFETCH(QString, entity);
    QFETCH(QString, title);
    if (entity.isEmpty())
        entity = EntityCatalog::all().front().name;
    m_window->showPage(page);
    QCOMPARE(m_window->currentPageId(), page);

    // File ▸ Import… opens the wizard modally: look at it from a timer, then close it.
    QString chosen;
    QString shownTitle;
    QTimer timer;
    timer.setInterval(20);
    connect(&timer, &QTimer::timeout, &timer, [&] {
        if (auto *wizard = qobject_cast<ImportWizard *>(QApplication::activeModalWidget())) {
            chosen = wizard->selectedEntity();
            shownTitle = wizard->windowTitle();
            wizard->reject();
        }
    });
    timer.start();
    m_window->findChild<QAction *>(QStringLiteral("actionImport"))->trigger();
    timer.stop();
    QCOMPARE(chosen, entity);
    QCOMPARE(shownTitle, title);
}

void tst_MainWindow::switchingDatabaseRebuildsPages()
{
    test::ScratchDatabase other;
    QVERIFY2(other.isValid(), qPrintable(other.error()));
    auto *before = m_window->page(QStringLiteral("catalog"));
    MD_VERIFY(m_window->openDatabase(other.spec()));
    QCOMPARE(m_window->databaseName(), other.spec().displayName());
    auto *page = pageOf<CatalogPage>(*m_window, "catalog");
    QVERIFY(page);
    QVERIFY(page != before);
    QVERIFY(page->model()->waitUntilLoaded());
    QCOMPARE(page->model()->rowCount(), 0);
    auto *empty = page->findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QTRY_VERIFY(empty->isVisible());
    QCOMPARE(empty->text(), QStringLiteral("This shop has no products yet."));

    // Back to the first database: its products are there again.
    MD_VERIFY(m_window->openDatabase(m_scratch->spec()));
    page = pageOf<CatalogPage>(*m_window, "catalog");
    QVERIFY(page->model()->waitUntilLoaded());
    QCOMPARE(page->model()->rowCount(), kProducts);
    m_window.reset(); // pages close their connections before `other` is dropped
}

void tst_MainWindow::withoutTrayTheStatusBarSaysSo()
{
    // The offscreen platform has no system tray: an active schedule runs only while the window
    // is open, the status bar says so, and closing the window closes it.
    TrayController *tray = m_window->tray();
    QVERIFY(!tray->isTrayAvailable());
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("trayLabel"));
    QVERIFY(label);
    QVERIFY(label->isHidden());
    tray->pauseAction()->trigger(); // resume the (default) schedule
    QVERIFY(tray->needsOpenWindow());
    QVERIFY(!label->isHidden());
    QVERIFY(label->text().contains(QLatin1String("only while this window is open")));
    QVERIFY(!tray->keepsRunningWhenClosed());
    tray->pauseAction()->trigger();
    QVERIFY(label->isHidden());
}

void tst_MainWindow::demoShopFillsEveryPage()
{
    test::ScratchDatabase demo;
    QVERIFY2(demo.isValid(), qPrintable(demo.error()));
    {
        auto db = demo.open();
        MD_VERIFY(db);
        MD_VERIFY(DemoShop::generate(*db, DemoOptions{}));
    }
    MainWindow window;
    MD_VERIFY(window.openDatabase(demo.spec()));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // MERCHANTDESK_SCREENSHOT_DIR: where the pictures of each page go (for the docs).
    const QString shots = qEnvironmentVariable("MERCHANTDESK_SCREENSHOT_DIR");
    const auto snap = [&](const QString &name) {
        QCoreApplication::processEvents(); // pending layout requests first
        if (!shots.isEmpty())
            QVERIFY(window.grab().save(QDir(shots).filePath(name + QStringLiteral(".png"))));
    };

    auto *dashboard = pageOf<DashboardPage>(window, "dashboard");
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->hasFigures() || !dashboard->lastError().isEmpty(), 60000);
    QVERIFY2(dashboard->lastError().isEmpty(), qPrintable(dashboard->lastError()));
    QVERIFY(dashboard->figures().current.revenueCents > 0);
    QVERIFY(dashboard->figures().current.orders > 0);
    QVERIFY(dashboard->figures().current.averageOrderCents() > 0);
    QCOMPARE(dashboard->revenueSeries()->barSets().constFirst()->count(), DashboardMetrics::kWeeks);
    snap(QStringLiteral("dashboard"));

    auto *catalog = pageOf<CatalogPage>(window, "catalog");
    QVERIFY2(catalog->model()->waitUntilLoaded(), qPrintable(catalog->model()->lastError()));
    QVERIFY(catalog->model()->rowCount() >= 100);
    snap(QStringLiteral("catalog"));

    auto *customers = pageOf<CustomersPage>(window, "customers");
    QVERIFY2(customers->model()->waitUntilLoaded(), qPrintable(customers->model()->lastError()));
    QVERIFY(customers->model()->rowCount() >= 100);
    snap(QStringLiteral("customers"));

    auto *orders = pageOf<OrdersPage>(window, "orders");
    QVERIFY2(orders->model()->waitUntilLoaded(), qPrintable(orders->model()->lastError()));
    QVERIFY(orders->model()->rowCount() >= 1000);
    orders->tableWidget()->table()->selectRow(0);
    QTRY_VERIFY(orders->linesModel()->rowCount() > 0);
    QVERIFY(orders->linesModel()->waitUntilLoaded());
    snap(QStringLiteral("orders"));

    // The demo's three plans and five features; its subscribers, boxes and growth.
    auto *plans = pageOf<PlansPage>(window, "plans");
    QCOMPARE(plans->model()->columnCount(), 3);
    QCOMPARE(plans->model()->rowCount(), 5);
    snap(QStringLiteral("plans"));
    auto *subscriptions = pageOf<SubscriptionsPage>(window, "subscriptions");
    QVERIFY(subscriptions->subscribersTable()->model()->waitUntilLoaded());
    QVERIFY(subscriptions->subscribersTable()->model()->rowCount() > 10);
    snap(QStringLiteral("subscriptions"));
    subscriptions->tabs()->setCurrentIndex(1);
    QSignalSpy composed(subscriptions, &SubscriptionsPage::composed);
    subscriptions->compose();
    QVERIFY(composed.wait(60000));
    QVERIFY(subscriptions->boxModel()->rowCount() > 10);
    snap(QStringLiteral("boxes"));
    subscriptions->tabs()->setCurrentIndex(2);
    QCOMPARE(subscriptions->growthModel()->rowCount(), 12);
    snap(QStringLiteral("growth"));
    window.showPage(QStringLiteral("dashboard"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
