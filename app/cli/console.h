#pragma once

// The command line's output discipline: results go to stdout only when the command succeeds,
// progress goes to stderr as it happens, and an error is one line on stderr with an exit status.

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class QIODevice;

namespace md {

class Console
{
    Q_DECLARE_TR_FUNCTIONS(md::Console)

public:
    enum ExitCode { Success = 0, UsageError = 1, DataError = 2 };

    // Buffered until flush(): a command that fails halfway leaves stdout empty, so a script that
    // pipes the output never sees half a result.
    void print(const QString &text);
    // Written at once: progress of long jobs.
    void progress(const QString &line);

    // A command's result document (CSV, JSON or a table), which `write` produces. Into `file`
    // (a command's --output) whole or not at all: a QSaveFile, committed only when `write`
    // succeeded. Without a file it is buffered for stdout, after what print() buffered before.
    // The error names the file; the caller reports it with what had been done already.
    Status writeResult(const QString &file, const std::function<Status(QIODevice &)> &write);

    // "merchantdesk-cli: <message>" on stderr; drops what was buffered for stdout.
    int usageError(const QString &message);
    int dataError(const QString &message);

    void flush();

    static QString programName();

private:
    int error(int code, const QString &message);

    QByteArray m_out;
};

} // namespace md
