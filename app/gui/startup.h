#pragma once

// How the window starts: which database (--db, else MERCHANTDESK_DB, else the default file), and
// what happens when it cannot be opened: the reason on stderr and in a message box, with the
// choice to open another database or to quit. Nothing is changed on the refused database.

#include "core/result.h"
#include "db/databasespec.h"

#include <QCoreApplication>
#include <QStringList>

namespace md {

class MainWindow;

class Startup
{
    Q_DECLARE_TR_FUNCTIONS(md::Startup)

public:
    // The database named by the --db value (may be empty), the environment or the default.
    static Result<DatabaseSpec> chooseDatabase(const QString &dbOption);
    // Opens the first database in the window, offering others while it fails. False: the user
    // chose to quit.
    static bool openFirstDatabase(MainWindow &window, const Result<DatabaseSpec> &spec);
    // "merchantdesk: <message>" on stderr, one line per line of the message.
    static void printError(const QString &message);
};

} // namespace md
