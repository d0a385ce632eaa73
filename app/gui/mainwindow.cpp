#include "mainwindow.h"

#include "catalog/catalogpage.h"
#include "core/appsettings.h"
#include "core/secretstore.h"
#include "core/task.h"
#include "crosssell/crosssellpage.h"
#include "customers/customerspage.h"
#include "dashboard/dashboardpage.h"
#include "db/credentials.h"
#include "db/database.h"
#include "db/instancelock.h"
#include "dialogs/backupprogress.h"
#include "dialogs/connectdialog.h"
#include "dialogs/preferencesdialog.h"
#include "io/csvtransfer.h"
#include "io/transferbuttons.h"
#include "marketing/segmentspage.h"
#include "orders/orderspage.h"
#include "pricing/pricingpage.h"
#include "subscriptions/planspage.h"
#include "subscriptions/subscriptionspage.h"
#include "traycontroller.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

#include <memory>

// Resources of a static library are registered explicitly (outside any namespace).
static void initMerchantDeskResources()
{
    Q_INIT_RESOURCE(merchantdesk);
}

namespace md {

namespace {

template<typename Page> QWidget *createPage(const DatabaseSpec &spec, QWidget *parent)
{
    return new Page(spec, parent);
}

const QString kSqliteFilter = QStringLiteral("*.sqlite *.sqlite3 *.db");

// Database::open can take a while (a PostgreSQL server far away, a migration): it runs in a Task
// with its own connection while the window keeps painting. The pages open their own connections.
Status openOffThread(const DatabaseSpec &spec)
{
    // The task opens the connection itself, as the app does at start: migrated, created if new.
    Task<bool> task(spec, nullptr, Database::Options{.migrate = true, .createIfMissing = true});
    const Result<bool> opened
        = task.run([](const Database &, TaskProgress &) { return Result<bool>(true); });
    if (!opened)
        return fail(opened.error());
    return {};
}

bool sameDatabase(const DatabaseSpec &a, const DatabaseSpec &b)
{
    if (a.backend != b.backend)
        return false;
    if (a.isPostgres())
        return a.toString(false) == b.toString(false);
    const QString left = QFileInfo(a.path).canonicalFilePath();
    return !left.isEmpty() && left == QFileInfo(b.path).canonicalFilePath();
}

} // namespace

QList<MainWindow::PageEntry> MainWindow::pageEntries()
{
    // One line per page: later areas (pricing, subscriptions, …) are added here.
    return {
        {QStringLiteral("dashboard"), tr("Dashboard"), QStringLiteral(":/icons/dashboard.svg"),
         &createPage<DashboardPage>},
        {QStringLiteral("catalog"), tr("Catalog"), QStringLiteral(":/icons/catalog.svg"),
         &createPage<CatalogPage>},
        {QStringLiteral("customers"), tr("Customers"), QStringLiteral(":/icons/customers.svg"),
         &createPage<CustomersPage>},
        {QStringLiteral("segments"), tr("Segments"), QStringLiteral(":/icons/segments.svg"),
         &createPage<SegmentsPage>},
        {QStringLiteral("orders"), tr("Orders"), QStringLiteral(":/icons/orders.svg"),
         &createPage<OrdersPage>},
        {QStringLiteral("repricing"), tr("Repricing"), QStringLiteral(":/icons/repricing.svg"),
         &createPage<PricingPage>},
        {QStringLiteral("plans"), tr("Plans"), QStringLiteral(":/icons/plans.svg"),
         &createPage<PlansPage>},
        {QStringLiteral("subscriptions"), tr("Subscriptions"),
         QStringLiteral(":/icons/subscriptions.svg"), &createPage<SubscriptionsPage>},
        {QStringLiteral("crosssell"), tr("Cross-sell"), QStringLiteral(":/icons/crosssell.svg"),
         &createPage<CrossSellPage>},
    };
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_entries(pageEntries())
{
    initMerchantDeskResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/merchantdesk.svg")));
    setStyleSheet(QStringLiteral("QLabel#pageHeading { font-size: 15pt; font-weight: 600; }"));

    m_stack = new QStackedWidget(this);
    auto *placeholder = new QLabel(tr("No shop database is open.\nUse the File menu to open a "
                                      "database, create a new one or connect to PostgreSQL."),
                                   m_stack);
    placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder = placeholder;
    m_stack->addWidget(m_placeholder);
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        m_pages << nullptr;

    createSidebar();
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    createActions();

    m_backendLabel = new QLabel(this);
    m_backendLabel->setObjectName(QStringLiteral("backendLabel"));
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    m_databaseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_backendLabel);
    statusBar()->addPermanentWidget(m_databaseLabel, 1);
    m_trayLabel = new QLabel(tr("No system tray: scheduled repricing runs only while this window "
                                "is open."),
                             this);
    m_trayLabel->setObjectName(QStringLiteral("trayLabel"));
    m_trayLabel->hide();
    statusBar()->addPermanentWidget(m_trayLabel);

    m_tray = new TrayController(this, this);
    connect(m_tray, &TrayController::stateChanged, this, &MainWindow::updateTrayState);
    connect(m_tray, &TrayController::quitRequested, this, &MainWindow::quitFromTray);

    if (!restoreGeometry(AppSettings::windowGeometry()))
        resize(1200, 760);
    restoreState(AppSettings::windowState());
    databaseChanged();
}

MainWindow::~MainWindow()
{
    // Pages and the scheduler stop their workers before the lock on the file goes.
    clearPages();
    (void)m_tray->setDatabase(nullptr);
}

void MainWindow::createSidebar()
{
    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(24, 24));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setSpacing(2);
    int width = 0;
    for (const PageEntry &entry : m_entries) {
        auto *item = new QListWidgetItem(QIcon(entry.icon), entry.title, m_sidebar);
        item->setData(Qt::UserRole, entry.id);
        item->setSizeHint(QSize(0, 40));
        width = qMax(width, m_sidebar->fontMetrics().horizontalAdvance(entry.title));
    }
    m_sidebar->setFixedWidth(width + 24 + 64);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::showPageAt);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *create = file->addAction(tr("&New SQLite Database…"), this,
                                      [this] { openFromMenu(Choice::NewSqlite); });
    create->setObjectName(QStringLiteral("actionNewSqlite"));
    create->setShortcut(QKeySequence::New);
    create->setStatusTip(tr("Create an empty shop database in a file"));
    QAction *open = file->addAction(tr("&Open SQLite Database…"), this,
                                    [this] { openFromMenu(Choice::OpenSqlite); });
    open->setObjectName(QStringLiteral("actionOpenSqlite"));
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a shop database file"));
    QAction *connectPg = file->addAction(tr("&Connect to PostgreSQL…"), this,
                                         [this] { openFromMenu(Choice::ConnectPostgres); });
    connectPg->setObjectName(QStringLiteral("actionConnectPostgres"));
    connectPg->setStatusTip(tr("Open a shop database on a PostgreSQL server"));
    m_recentMenu = file->addMenu(tr("&Recent Databases"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addSeparator();
    m_backupAction = file->addAction(tr("&Back Up Database…"), this, &MainWindow::backUp);
    m_backupAction->setObjectName(QStringLiteral("actionBackup"));
    m_backupAction->setStatusTip(tr("Copy the open SQLite database to a file while it stays open"));
    file->addSeparator();
    m_importAction = file->addAction(tr("&Import…"), this, &MainWindow::importFromMenu);
    m_importAction->setObjectName(QStringLiteral("actionImport"));
    m_importAction->setStatusTip(tr("Import products, customers, orders and more from a CSV file"));
    m_exportAction = file->addAction(tr("&Export…"), this, &MainWindow::exportFromMenu);
    m_exportAction->setObjectName(QStringLiteral("actionExport"));
    m_exportAction->setStatusTip(tr("Write products, customers, orders and more to a CSV file"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *preferences
        = settings->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About MerchantDesk"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

Status MainWindow::openDatabase(DatabaseSpec spec)
{
    if (m_database && sameDatabase(*m_database, spec)) {
        // Already open here (its lock is ours): reading it afresh is what the user wants.
        clearPages();
        databaseChanged();
        return {};
    }

    const QString keyringNote = resolvePassword(spec);
    auto lock = InstanceLock::acquire(spec);
    if (!lock)
        return fail(lock.error());

    QApplication::setOverrideCursor(Qt::WaitCursor);
    statusBar()->showMessage(tr("Opening %1…").arg(spec.displayName()));
    menuBar()->setEnabled(false);
    const Status opened = openOffThread(spec);
    menuBar()->setEnabled(true);
    statusBar()->clearMessage();
    QApplication::restoreOverrideCursor();
    if (!opened) {
        if (!keyringNote.isEmpty())
            return fail(opened.error() + QStringLiteral("\n\n") + keyringNote);
        return opened;
    }

    // The old pages go first: their workers still hold connections to the old database.
    clearPages();
    m_database = spec;
    m_lock = std::move(*lock);
    AppSettings::addRecentDatabase(spec.displayName());
    AppSettings::setLastDatabase(spec.displayName());
    databaseChanged();
    return {};
}

std::optional<Status> MainWindow::chooseAndOpen(Choice choice)
{
    const QString folder = m_database && !m_database->isPostgres()
                               ? QFileInfo(m_database->path).absolutePath()
                               : QDir::homePath();
    switch (choice) {
    case Choice::NewSqlite: {
        QFileDialog dialog(this, tr("New SQLite Database"), folder,
                           tr("SQLite databases (%1)").arg(kSqliteFilter));
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        dialog.setDefaultSuffix(QStringLiteral("sqlite"));
        // An existing file is never overwritten: it is refused below with a clear reason.
        dialog.setOption(QFileDialog::DontConfirmOverwrite);
        dialog.selectFile(QStringLiteral("shop.sqlite"));
        if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
            return std::nullopt;
        const QString path = dialog.selectedFiles().constFirst();
        if (QFileInfo::exists(path)) {
            return Status(fail(tr("%1 already exists. To work with it, use File → Open SQLite "
                                  "Database…; nothing was changed.")
                                   .arg(QDir::toNativeSeparators(path))));
        }
        auto spec = DatabaseSpec::parse(path);
        if (!spec)
            return Status(fail(spec.error()));
        return openDatabase(*spec);
    }
    case Choice::OpenSqlite: {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open SQLite Database"), folder,
            tr("SQLite databases (%1);;All files (*)").arg(kSqliteFilter));
        if (path.isEmpty())
            return std::nullopt;
        auto spec = DatabaseSpec::parse(path);
        if (!spec)
            return Status(fail(spec.error()));
        return openDatabase(*spec);
    }
    case Choice::ConnectPostgres: {
        ConnectDialog dialog(this);
        if (m_database && m_database->isPostgres()) {
            DatabaseSpec current = *m_database;
            current.password.clear();
            dialog.setSpec(current);
        } else {
            for (const QString &recent : AppSettings::recentDatabases()) {
                auto spec = DatabaseSpec::parse(recent);
                if (spec && spec->isPostgres()) {
                    dialog.setSpec(*spec);
                    break;
                }
            }
        }
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        const DatabaseSpec spec = dialog.spec();
        Status opened = openDatabase(spec);
        if (opened && dialog.rememberPassword()) {
            if (auto stored = SecretStore::write(spec.secretKey(), spec.password); !stored) {
                QMessageBox::warning(
                    this, tr("Password Not Remembered"),
                    tr("%1\n\nThe database is open, but next time MerchantDesk will ask for the "
                       "password again. Without a system keyring, set the environment variable "
                       "MERCHANTDESK_DB_PASSWORD before starting MerchantDesk.")
                        .arg(stored.error()));
            }
        }
        return opened;
    }
    }
    return std::nullopt;
}

QString MainWindow::databaseName() const
{
    return m_database ? m_database->displayName() : QString();
}

const DatabaseSpec *MainWindow::databaseSpec() const
{
    return m_database ? &*m_database : nullptr;
}

QStringList MainWindow::pageIds() const
{
    QStringList ids;
    for (const PageEntry &entry : m_entries)
        ids << entry.id;
    return ids;
}

QWidget *MainWindow::page(const QString &id)
{
    return ensurePage(int(pageIds().indexOf(id)));
}

void MainWindow::showPage(const QString &id)
{
    const int index = int(pageIds().indexOf(id));
    if (index >= 0)
        m_sidebar->setCurrentRow(index);
}

QString MainWindow::currentPageId() const
{
    const int row = m_sidebar->currentRow();
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).id : QString();
}

QWidget *MainWindow::ensurePage(int index)
{
    if (!m_database || index < 0 || index >= m_entries.size())
        return nullptr;
    if (!m_pages[index]) {
        // Built on first visit: a page's queries start only when someone looks at it.
        QWidget *page = m_entries.at(index).create(*m_database, m_stack);
        page->setObjectName(m_entries.at(index).id + QStringLiteral("Page"));
        m_stack->addWidget(page);
        m_pages[index] = page;
        if (auto *repricing = qobject_cast<PricingPage *>(page))
            repricing->setScheduler(m_tray->scheduler());
    }
    return m_pages[index];
}

void MainWindow::showPageAt(int index)
{
    QWidget *page = ensurePage(index);
    m_stack->setCurrentWidget(page ? page : m_placeholder);
}

void MainWindow::clearPages()
{
    for (QWidget *&page : m_pages) {
        if (page) {
            m_stack->removeWidget(page);
            delete page;
            page = nullptr;
        }
    }
}

void MainWindow::databaseChanged()
{
    // The schedule of this database runs from now on (a missed run is caught up once).
    if (Status started = m_tray->setDatabase(m_database ? &*m_database : nullptr); !started) {
        statusBar()->showMessage(
            tr("The repricing schedule is not running: %1").arg(started.error()));
    }
    m_backupAction->setEnabled(m_database && !m_database->isPostgres());
    m_importAction->setEnabled(m_database.has_value());
    m_exportAction->setEnabled(m_database.has_value());
    m_sidebar->setEnabled(m_database.has_value());
    if (!m_database) {
        setWindowTitle(tr("No database"));
        m_backendLabel->setText(tr("No database open"));
        m_databaseLabel->clear();
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    const DatabaseSpec &spec = *m_database;
    setWindowTitle(spec.isPostgres() ? spec.database + QLatin1Char('@') + spec.host
                                     : QFileInfo(spec.path).fileName());
    m_backendLabel->setText(spec.isPostgres() ? tr("PostgreSQL") : tr("SQLite"));
    m_databaseLabel->setText(spec.isPostgres() ? spec.displayName()
                                               : QDir::toNativeSeparators(spec.path));
    m_databaseLabel->setToolTip(tr("The shop database in use"));
    if (m_sidebar->currentRow() < 0)
        m_sidebar->setCurrentRow(0);
    else
        showPageAt(m_sidebar->currentRow());
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings::recentDatabases();
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent databases"))->setEnabled(false);
        return;
    }
    for (const QString &display : recent) {
        QAction *action
            = m_recentMenu->addAction(display, this, [this, display] { openRecent(display); });
        action->setCheckable(true);
        action->setChecked(display == databaseName());
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), this, [] {
        for (const QString &display : AppSettings::recentDatabases())
            AppSettings::removeRecentDatabase(display);
    });
}

void MainWindow::openRecent(const QString &display)
{
    auto spec = DatabaseSpec::parse(display);
    if (!spec) {
        showOpenError(spec.error());
        return;
    }
    if (auto opened = openDatabase(*spec); !opened)
        showOpenError(opened.error());
}

void MainWindow::openFromMenu(Choice choice)
{
    const std::optional<Status> opened = chooseAndOpen(choice);
    if (opened && !*opened)
        showOpenError(opened->error());
}

void MainWindow::showOpenError(const QString &error)
{
    QMessageBox box(QMessageBox::Warning, tr("Cannot Open Database"),
                    tr("The database could not be opened."), QMessageBox::Ok, this);
    QString details = error;
    if (m_database)
        details += QStringLiteral("\n\n") + tr("%1 stays open.").arg(databaseName());
    box.setInformativeText(details);
    box.exec();
}

void MainWindow::backUp()
{
    if (!m_database || m_database->isPostgres())
        return;
    const QFileInfo source(m_database->path);
    const QString suggested = source.absoluteDir().filePath(
        QStringLiteral("%1-backup-%2.sqlite")
            .arg(source.completeBaseName(), QDate::currentDate().toString(Qt::ISODate)));
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Back Up Database"), suggested, tr("SQLite databases (%1)").arg(kSqliteFilter));
    if (target.isEmpty())
        return;
    if (QFileInfo(target).absoluteFilePath() == source.absoluteFilePath()) {
        QMessageBox::warning(this, tr("Back Up Database"),
                             tr("A backup cannot replace the database itself. Choose another "
                                "file name."));
        return;
    }
    auto result = BackupProgress::run(this, source.absoluteFilePath(), target);
    if (!result) {
        QMessageBox::warning(this, tr("Backup Failed"),
                             tr("%1\n\nNo backup file was written.").arg(result.error()));
        return;
    }
    if (*result == SqliteBackup::Outcome::Cancelled) {
        statusBar()->showMessage(tr("Backup cancelled; no file was written."), 10000);
        return;
    }
    statusBar()->showMessage(tr("Backed up to %1").arg(QDir::toNativeSeparators(target)), 10000);
    QMessageBox::information(
        this, tr("Backup Complete"),
        tr("The database was backed up to\n%1").arg(QDir::toNativeSeparators(target)));
}

void MainWindow::importFromMenu()
{
    if (!m_database)
        return;
    // Opened on a page, the wizard imports into what that page shows, as its Import button does.
    const QString entity = TransferButtons::entityOfPage(m_stack->currentWidget());
    if (CsvTransfer::importWithWizard(this, *m_database, entity)) {
        // Every page may show what changed: they are built afresh, like after reopening.
        clearPages();
        databaseChanged();
    }
}

void MainWindow::exportFromMenu()
{
    if (!m_database)
        return;
    const QString entity
        = CsvTransfer::chooseEntity(this, tr("Export"), tr("What do you want to export?"));
    if (!entity.isEmpty())
        CsvTransfer::exportWithDialogs(this, *m_database, entity);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About MerchantDesk"),
        tr("<h3>MerchantDesk %1</h3>"
           "<p>The back office of a small online shop: catalog, customers, orders and the "
           "figures that matter, on a SQLite file or a shared PostgreSQL database.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::updateTrayState()
{
    m_trayLabel->setVisible(m_tray->needsOpenWindow());
}

void MainWindow::quitFromTray()
{
    m_quitting = true;
    close();
    QCoreApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    AppSettings::setWindowGeometry(saveGeometry());
    AppSettings::setWindowState(saveState());
    if (!m_quitting && m_tray->keepsRunningWhenClosed()) {
        // The schedule goes on in the tray; Quit in the tray menu ends the app.
        QGuiApplication::setQuitOnLastWindowClosed(false);
        event->ignore();
        hide();
        if (!AppSettings::trayNoticeShown()) {
            m_tray->notify(tr("MerchantDesk is still running"),
                           tr("Scheduled repricing goes on in the background. Open the window "
                              "or quit from the tray icon."));
            AppSettings::setTrayNoticeShown(true);
        }
        return;
    }
    event->accept();
    if (!QGuiApplication::quitOnLastWindowClosed())
        QCoreApplication::quit();
}

} // namespace md
