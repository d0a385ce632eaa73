// merchantdesk: the desktop window over one shop database.

#include "core/appsettings.h"
#include "core/translations.h"
#include "mainwindow.h"
#include "startup.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <optional>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("MerchantDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("MerchantDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MERCHANTDESK_VERSION));
}

void installLanguage(QCoreApplication &app)
{
    md::installTranslators(app);
    if (const QString language = md::AppSettings::language(); !language.isEmpty())
        QLocale::setDefault(QLocale(language)); // numbers and dates follow the chosen language
}

// True when the command line asks only for text (help or version): then it is answered by a
// console application, since a QApplication needs a display before it parses anything. Anything
// else goes to the QApplication, which also takes Qt's own options (-platform, -style).
bool asksForText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

// Parses the command line; returns the --db value or the file argument (empty for the default
// database), or nothing when the process should end with `exitCode`. --help and --version print
// and exit here.
std::optional<QString> readArguments(QCoreApplication &app, int &exitCode)
{
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
        exitCode = 1;
        return std::nullopt;
    }
    return parser.isSet(dbOption) ? parser.value(dbOption)
           : files.isEmpty()      ? QString()
                                  : files.constFirst();
}

} // namespace

int main(int argc, char **argv)
{
    int exitCode = 0;
    if (asksForText(argc, argv)) {
        QCoreApplication console(argc, argv);
        setApplicationNames();
        installLanguage(console);
        readArguments(console, exitCode); // prints and exits
        return exitCode;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QGuiApplication::setDesktopFileName(QStringLiteral("io.merchantdesk.MerchantDesk"));
    installLanguage(app);
    QGuiApplication::setApplicationDisplayName(
        QCoreApplication::translate("md::Startup", "MerchantDesk"));
    const std::optional<QString> dbValue = readArguments(app, exitCode);
    if (!dbValue)
        return exitCode;

    md::MainWindow window;
    if (!md::Startup::openFirstDatabase(window, md::Startup::chooseDatabase(*dbValue)))
        return 2;
    window.show();
    return app.exec();
}
