#pragma once

// Test support: runs the real merchantdesk-cli, the executable MERCHANTDESK_CLI names (CTest
// sets it for every test), and captures its exit status, stdout and stderr.

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace md::test {

struct CliRun
{
    int exitCode = -1; // -1: it did not start or did not exit normally; err says why
    QString out;
    QString err;

    QStringList errLines() const { return err.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
};

// The value of MERCHANTDESK_CLI (empty when unset): tests check it in initTestCase().
QString cliProgram();

// The test's environment without what would reach the user's own things: no MERCHANTDESK_DB,
// no PostgreSQL password from the environment, PGPASSFILE or the keyring (no D-Bus session, no
// display); data and settings folders in `home`; messages in English.
QProcessEnvironment isolatedCliEnvironment(const QString &home);

// Runs the CLI and waits until it exits, with the event loop running: a server that the test
// runs in its own thread (a fake feed, say) goes on answering meanwhile.
CliRun runCli(const QStringList &arguments,
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
// The same with "--db database" in front of the arguments.
CliRun runCliOn(const QString &database, const QStringList &arguments);

} // namespace md::test
