#pragma once

// One subcommand of merchantdesk-cli (init, info, ...): its name, a one-line summary for the
// global help, its own options, and what it does. CommandRegistry lists them.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

namespace md {

class Console;
class DatabaseOpener;

class Command
{
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Options besides --help and --db, which every command takes.
    virtual QList<QCommandLineOption> options() const = 0;
    // Positional arguments as shown in the usage line ("FILE"); empty: the command takes none.
    virtual QString positionalSyntax() const { return {}; }

    // Returns the exit status. Bad option values must be reported (Console::usageError) before
    // anything is opened or written; then DatabaseOpener::open(console, ...) opens the database
    // and reports its own errors, and results go out through Console (print, writeResult).
    virtual int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                    Console &console)
        = 0;
};

} // namespace md
