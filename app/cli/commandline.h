#pragma once

// merchantdesk-cli's front door: parses "[--db DB] COMMAND [options]", answers --help and
// --version, and hands the rest to the command. Returns the process exit status.

#include "commandregistry.h"
#include "console.h"

#include <QCoreApplication>
#include <QStringList>

namespace md {

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(md::CommandLine)

public:
    explicit CommandLine(CommandRegistry registry);

    // arguments as QCoreApplication::arguments(): the program name first.
    int run(const QStringList &arguments);

private:
    int runCommand(Command &command, const QStringList &arguments,
                   const std::optional<QString> &globalDatabase);
    QString globalHelp(const QList<QCommandLineOption> &options) const;
    QString commandHelp(const Command &command, const QList<QCommandLineOption> &options) const;

    CommandRegistry m_registry;
    Console m_console;
};

} // namespace md
