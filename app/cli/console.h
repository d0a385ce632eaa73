#pragma once

// The command line's output discipline: results go to stdout only when the command succeeds,
// progress goes to stderr as it happens, and an error is one line on stderr with an exit status.

#include <QString>

namespace md {

class Console
{
public:
    enum ExitCode { Success = 0, UsageError = 1, DataError = 2 };

    // Buffered until flush(): a command that fails halfway leaves stdout empty, so a script that
    // pipes the output never sees half a result.
    void print(const QString &text);
    // Written at once: progress of long jobs.
    void progress(const QString &line);

    // "merchantdesk-cli: <message>" on stderr; drops what was buffered for stdout.
    int usageError(const QString &message);
    int dataError(const QString &message);

    void flush();

    static QString programName();

private:
    int error(int code, const QString &message);

    QString m_out;
};

} // namespace md
