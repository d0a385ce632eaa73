// merchantdesk: the desktop window over one shop database.

#include "core/appsettings.h"
#include "core/translations.h"
#include "mainwindow.h"
#include "startup.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MerchantDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("MerchantDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MERCHANTDESK_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.merchantdesk.MerchantDesk"));

    md::installTranslators(app);
    if (const QString language = md::AppSettings::language(); !language.isEmpty())
        QLocale::setDefault(QLocale(language)); // numbers and dates follow the chosen language
    QGuiApplication::setApplicationDisplayName(
        QCoreApplication::translate("md::Startup", "MerchantDesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("md::Startup", "The back office of a small online shop."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate("md::Startup", "The shop database: a SQLite file or "
                                                   "postgresql://user@host[:port]/dbname. Default: "
                                                   "MERCHANTDESK_DB, else %1.")
            .arg(md::DatabaseSpec::defaultSqlitePath()),
        QCoreApplication::translate("md::Startup", "database"));
    parser.addOption(dbOption);
    // The desktop entry passes a file opened from the file manager as the only argument.
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("md::Startup", "A SQLite shop database to open (like --db)."),
        QStringLiteral("[file]"));
    parser.process(app);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1 || (files.size() == 1 && parser.isSet(dbOption))) {
        md::Startup::printError(
            QCoreApplication::translate("md::Startup",
                                        "give one database, either with --db or as the file "
                                        "argument (got \"%1\")")
                .arg(files.join(QStringLiteral("\", \""))));
        return 1;
    }

    md::MainWindow window;
    const QString dbValue = parser.isSet(dbOption) ? parser.value(dbOption)
                            : files.isEmpty()      ? QString()
                                                   : files.constFirst();
    if (!md::Startup::openFirstDatabase(window, md::Startup::chooseDatabase(dbValue)))
        return 2;
    window.show();
    return app.exec();
}
