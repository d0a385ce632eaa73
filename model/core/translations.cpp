#include "translations.h"

#include "appsettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace md {

QString installTranslators(QCoreApplication &app)
{
    const QString chosen = AppSettings::language();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);

    auto *own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("merchantdesk"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        // No catalogue for this language: English, whose catalogue holds the plural forms only
        // ("1 row", "2 rows" for the source's "%n row(s)").
        if (own->load(QStringLiteral(":/i18n/merchantdesk_en.qm")))
            app.installTranslator(own);
        else
            delete own;
        return QStringLiteral("en");
    }
    app.installTranslator(own);

    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        app.installTranslator(qt);
    } else {
        delete qt;
    }
    return own->language();
}

} // namespace md
