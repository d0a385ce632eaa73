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
// import/profiles/<entity>/<name> holds a map; import/last/<entity> the last profile's name.
const QString profiles = QStringLiteral("import/profiles/");
const QString lastProfile = QStringLiteral("import/last/");
const QString transferFolder = QStringLiteral("import/folder");
const QString trayNotice = QStringLiteral("ui/trayNoticeShown");
} // namespace Key

// Profile names are the owner's words; QSettings keys must not hold "/" or "\\".
QString profileKey(const QString &entity, const QString &name)
{
    return Key::profiles + entity + QLatin1Char('/')
           + QString::fromLatin1(name.toUtf8().toPercentEncoding());
}

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

QStringList AppSettings::importProfileNames(const QString &entity)
{
    QSettings settings;
    settings.beginGroup(Key::profiles + entity);
    QStringList names;
    for (const QString &key : settings.childKeys())
        names << QString::fromUtf8(QByteArray::fromPercentEncoding(key.toLatin1()));
    names.sort(Qt::CaseInsensitive);
    return names;
}

QVariantMap AppSettings::importProfile(const QString &entity, const QString &name)
{
    return QSettings().value(profileKey(entity, name)).toMap();
}

void AppSettings::setImportProfile(const QString &entity, const QString &name,
                                   const QVariantMap &profile)
{
    QSettings().setValue(profileKey(entity, name), profile);
}

void AppSettings::removeImportProfile(const QString &entity, const QString &name)
{
    QSettings().remove(profileKey(entity, name));
    if (lastImportProfile(entity) == name)
        setLastImportProfile(entity, QString());
}

QString AppSettings::lastImportProfile(const QString &entity)
{
    return QSettings().value(Key::lastProfile + entity, QString()).toString();
}

void AppSettings::setLastImportProfile(const QString &entity, const QString &name)
{
    QSettings().setValue(Key::lastProfile + entity, name);
}

QString AppSettings::lastTransferFolder()
{
    return QSettings().value(Key::transferFolder, QString()).toString();
}

void AppSettings::setLastTransferFolder(const QString &folder)
{
    QSettings().setValue(Key::transferFolder, folder);
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
