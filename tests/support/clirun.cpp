#include "clirun.h"

#include <QEventLoop>
#include <QProcess>

namespace md::test {

QString cliProgram()
{
    return qEnvironmentVariable("MERCHANTDESK_CLI");
}

QProcessEnvironment isolatedCliEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"MERCHANTDESK_DB", "MERCHANTDESK_DB_PASSWORD", "PGPASSWORD",
                             "PGPASSFILE", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY"}) {
        env.remove(QString::fromLatin1(name));
    }
    env.insert(QStringLiteral("XDG_DATA_HOME"), home);
    // No language chosen in the user's settings: the messages tests check are the English ones.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home);
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("PGPASSFILE"), home + QStringLiteral("/no-pgpass"));
    return env;
}

CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop,
                     [&loop](QProcess::ProcessError error) {
                         if (error == QProcess::FailedToStart)
                             loop.quit();
                     });
    process.start(cliProgram(), arguments);
    if (process.state() != QProcess::NotRunning)
        loop.exec();

    CliRun result;
    if (process.state() != QProcess::NotRunning || process.error() == QProcess::FailedToStart
        || process.exitStatus() != QProcess::NormalExit) {
        result.err = QStringLiteral("merchantdesk-cli (%1) did not finish normally: %2")
                         .arg(cliProgram(), process.errorString());
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

CliRun runCliOn(const QString &database, const QStringList &arguments)
{
    return runCli(QStringList{QStringLiteral("--db"), database} + arguments);
}

} // namespace md::test
