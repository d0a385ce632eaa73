#pragma once

// The one facade over QSettings: every key and every default of the desktop settings in one
// place. Shop data (rules, schedules) lives in the database, not here.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace md {

class AppSettings
{
public:
    static constexpr int kMaxRecentDatabases = 8;

    // "" follows the system language; otherwise a code such as "de". Applies on restart.
    static QString language();
    static void setLanguage(const QString &code);
    // The languages shipped, as code → native name.
    static QList<QPair<QString, QString>> availableLanguages();

    // Newest first, without passwords.
    static QStringList recentDatabases();
    static void addRecentDatabase(const QString &display);
    static void removeRecentDatabase(const QString &display);

    static QString lastDatabase();
    static void setLastDatabase(const QString &display);

    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray &geometry);
    static QByteArray windowState();
    static void setWindowState(const QByteArray &state);

    // Import profiles (how the import wizard reads one kind of file) per entity, by name, and
    // the one used last, which the wizard preselects. The map's keys are ImportProfile's.
    static QStringList importProfileNames(const QString &entity);
    static QVariantMap importProfile(const QString &entity, const QString &name);
    static void setImportProfile(const QString &entity, const QString &name,
                                 const QVariantMap &profile);
    static void removeImportProfile(const QString &entity, const QString &name);
    static QString lastImportProfile(const QString &entity);
    static void setLastImportProfile(const QString &entity, const QString &name);
    // The folder the last import or export file was in ("" : the home folder).
    static QString lastTransferFolder();
    static void setLastTransferFolder(const QString &folder);
    // Whether the user was told once that closing the window keeps the schedule in the tray.
    static bool trayNoticeShown();
    static void setTrayNoticeShown(bool shown);
};

} // namespace md
