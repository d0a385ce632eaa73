#pragma once

// The MerchantDesk window: a sidebar of pages (Dashboard, Catalog, Customers, Orders, Repricing)
// over one open shop database, the File menu that opens, creates, connects to and backs up
// databases, a status bar that names the database in use, and the tray that runs the schedule.

#include "core/result.h"
#include "db/databasespec.h"

#include <QList>
#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace md {

class InstanceLock;
class TrayController;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // How the user picks a database: the File menu's three ways, also offered at start-up.
    enum class Choice { NewSqlite, OpenSqlite, ConnectPostgres };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Checks, locks (SQLite), opens and migrates the database off the GUI thread, then rebuilds
    // every page on it. On failure the window keeps the database it had.
    Status openDatabase(DatabaseSpec spec);
    // Asks with a file or connect dialog and opens the choice; nothing when the user cancelled.
    std::optional<Status> chooseAndOpen(Choice choice);

    bool hasDatabase() const { return m_database.has_value(); }
    // Without the password.
    QString databaseName() const;
    const DatabaseSpec *databaseSpec() const;

    QStringList pageIds() const;
    // The page with this id, built on first use; nullptr without a database.
    QWidget *page(const QString &id);
    void showPage(const QString &id);
    QString currentPageId() const;
    TrayController *tray() const { return m_tray; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct PageEntry
    {
        QString id;
        QString title;
        QString icon;
        std::function<QWidget *(const DatabaseSpec &, QWidget *)> create;
    };
    static QList<PageEntry> pageEntries();

    void createActions();
    void createSidebar();
    void showPageAt(int index);
    QWidget *ensurePage(int index);
    void clearPages();
    void databaseChanged();
    void rebuildRecentMenu();
    void openFromMenu(Choice choice);
    void openRecent(const QString &display);
    void showOpenError(const QString &error);
    void backUp();
    void importFromMenu();
    void exportFromMenu();
    void showPreferences();
    void showAbout();
    void updateTrayState();
    void quitFromTray();

    QList<PageEntry> m_entries;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_placeholder = nullptr;
    QList<QWidget *> m_pages; // per entry; nullptr until first shown

    QMenu *m_recentMenu = nullptr;
    QAction *m_backupAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QLabel *m_backendLabel = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QLabel *m_trayLabel = nullptr;
    TrayController *m_tray = nullptr;
    bool m_quitting = false;

    std::optional<DatabaseSpec> m_database; // with the resolved password, for the pages' workers
    std::unique_ptr<InstanceLock> m_lock;
};

} // namespace md
