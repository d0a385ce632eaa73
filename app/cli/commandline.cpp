#include "commandline.h"

#include "databaseopener.h"
#include "helptext.h"

#include <QCommandLineParser>

namespace md {

namespace {

QCommandLineOption databaseOption()
{
    return QCommandLineOption(
        QStringList{QStringLiteral("db")},
        QCoreApplication::translate("md::CommandLine",
                                    "The shop database: a SQLite file path or "
                                    "postgresql://user[:password]@host[:port]/dbname"
                                    "[?sslmode=...]"),
        QStringLiteral("DB"));
}

QCommandLineOption helpOption(const QString &description)
{
    return QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                              description);
}

} // namespace

CommandLine::CommandLine(CommandRegistry registry)
    : m_registry(std::move(registry))
{}

int CommandLine::run(const QStringList &arguments)
{
    const QString program = Console::programName();
    const QCommandLineOption db = databaseOption();
    const QCommandLineOption help
        = helpOption(tr("Show this help; COMMAND --help shows the options of a command"));
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                     tr("Show the version"));
    const QList<QCommandLineOption> options = {db, help, version};

    QCommandLineParser parser;
    // Everything after the command name belongs to the command and its own parser.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addOptions(options);
    if (!parser.parse(arguments))
        return m_console.usageError(tr("%1 See %2 --help.").arg(parser.errorText(), program));
    if (parser.isSet(help)) {
        m_console.print(globalHelp(options));
        m_console.flush();
        return Console::Success;
    }
    if (parser.isSet(version)) {
        m_console.print(program + QLatin1Char(' ') + QStringLiteral(MERCHANTDESK_VERSION)
                        + QLatin1Char('\n'));
        m_console.flush();
        return Console::Success;
    }

    const QStringList positional = parser.positionalArguments();
    const QString commandList = m_registry.names().join(QStringLiteral(", "));
    if (positional.isEmpty()) {
        return m_console.usageError(
            tr("No command given; the commands are: %1. See %2 --help.").arg(commandList, program));
    }
    Command *command = m_registry.find(positional.first());
    if (!command) {
        return m_console.usageError(
            tr("Unknown command \"%1\"; the commands are: %2. See %3 --help.")
                .arg(positional.first(), commandList, program));
    }
    std::optional<QString> database;
    if (parser.isSet(db))
        database = parser.value(db);
    return runCommand(*command, positional.mid(1), database);
}

int CommandLine::runCommand(Command &command, const QStringList &arguments,
                            const std::optional<QString> &globalDatabase)
{
    const QString program = Console::programName();
    const QString name = command.name();
    const QCommandLineOption db = databaseOption();
    const QCommandLineOption help = helpOption(tr("Show the options of this command"));
    QList<QCommandLineOption> options = command.options();
    options << db << help;

    QCommandLineParser parser;
    parser.addOptions(options);
    if (!parser.parse(QStringList{program} + arguments)) {
        return m_console.usageError(
            tr("%1: %2 See %3 %1 --help.").arg(name, parser.errorText(), program));
    }
    if (parser.isSet(help)) {
        m_console.print(commandHelp(command, options));
        m_console.flush();
        return Console::Success;
    }
    if (command.positionalSyntax().isEmpty() && !parser.positionalArguments().isEmpty()) {
        return m_console.usageError(tr("%1: unexpected argument \"%2\". See %3 %1 --help.")
                                        .arg(name, parser.positionalArguments().first(), program));
    }
    std::optional<QString> database = globalDatabase;
    if (parser.isSet(db)) {
        if (globalDatabase && *globalDatabase != parser.value(db)) {
            return m_console.usageError(
                tr("%1: --db is given twice with different databases; give it once.").arg(name));
        }
        database = parser.value(db);
    }

    const int status = command.run(parser, DatabaseOpener(database), m_console);
    if (status == Console::Success)
        m_console.flush();
    return status;
}

QString CommandLine::globalHelp(const QList<QCommandLineOption> &options) const
{
    const QString program = Console::programName();
    QList<QPair<QString, QString>> commands;
    for (const auto &command : m_registry.commands())
        commands.append({command->name(), command->summary()});

    QString text = tr("Usage: %1 [--db DB] COMMAND [options]").arg(program) + QLatin1Char('\n');
    text += QLatin1Char('\n')
            + HelpText::paragraph(tr("MerchantDesk without a window: the same database and the "
                                     "same engines as the desktop app, for scripts, cron and "
                                     "systemd timers."));
    text += QLatin1Char('\n') + tr("Commands:") + QLatin1Char('\n') + HelpText::table(commands);
    text += QLatin1Char('\n') + tr("Options:") + QLatin1Char('\n') + HelpText::options(options);
    text += QLatin1Char('\n')
            + HelpText::paragraph(tr("Without --db the database is the one named by the "
                                     "environment variable MERCHANTDESK_DB, else %1 (created on "
                                     "first use).")
                                      .arg(DatabaseSpec::defaultSqlitePath()));
    text += QLatin1Char('\n')
            + HelpText::paragraph(tr("A PostgreSQL password missing from the URL is taken from "
                                     "MERCHANTDESK_DB_PASSWORD, else from the system keyring."));
    text += QLatin1Char('\n')
            + HelpText::paragraph(tr("Exit status: 0 on success, 1 on a usage error, 2 on a data "
                                     "or connection error (one line on stderr says what and "
                                     "where)."));
    return text;
}

QString CommandLine::commandHelp(const Command &command,
                                 const QList<QCommandLineOption> &options) const
{
    QString usage
        = tr("Usage: %1 [--db DB] %2 [options]").arg(Console::programName(), command.name());
    if (!command.positionalSyntax().isEmpty())
        usage += QLatin1Char(' ') + command.positionalSyntax();
    QString text = usage + QLatin1Char('\n');
    text += QLatin1Char('\n') + HelpText::paragraph(command.summary());
    text += QLatin1Char('\n') + tr("Options:") + QLatin1Char('\n') + HelpText::options(options);
    return text;
}

} // namespace md
