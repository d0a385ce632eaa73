#include "appsettings.h"

#include <QSettings>

namespace md {

namespace {

namespace Key {
const QString language = QStringLiteral("ui/language");
const QString recent = QStringLiteral("databases/recent");
const QString last = QStringLiteral("databases/last");
const QString geometry = QStringLiteral("ui/windowGeometry");
const QString state = QStringLiteral("ui/windowState");
const QString trayNotice = QStringLiteral("ui/trayNoticeShown");
} // namespace Key

} // namespace

QString AppSettings::language()
{
    return QSettings().value(Key::language, QString()).toString();
}

void AppSettings::setLanguage(const QString &code)
{
    QSettings().setValue(Key::language, code);
}

QList<QPair<QString, QString>> AppSettings::availableLanguages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

QStringList AppSettings::recentDatabases()
{
    return QSettings().value(Key::recent, QStringList()).toStringList();
}

void AppSettings::addRecentDatabase(const QString &display)
{
    QStringList list = recentDatabases();
    list.removeAll(display);
    list.prepend(display);
    while (list.size() > kMaxRecentDatabases)
        list.removeLast();
    QSettings().setValue(Key::recent, list);
}

void AppSettings::removeRecentDatabase(const QString &display)
{
    QStringList list = recentDatabases();
    list.removeAll(display);
    QSettings().setValue(Key::recent, list);
}

QString AppSettings::lastDatabase()
{
    return QSettings().value(Key::last, QString()).toString();
}

void AppSettings::setLastDatabase(const QString &display)
{
    QSettings().setValue(Key::last, display);
}

QByteArray AppSettings::windowGeometry()
{
    return QSettings().value(Key::geometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    QSettings().setValue(Key::geometry, geometry);
}

QByteArray AppSettings::windowState()
{
    return QSettings().value(Key::state).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    QSettings().setValue(Key::state, state);
}

bool AppSettings::trayNoticeShown()
{
    return QSettings().value(Key::trayNotice, false).toBool();
}

void AppSettings::setTrayNoticeShown(bool shown)
{
    QSettings().setValue(Key::trayNotice, shown);
}

} // namespace md
