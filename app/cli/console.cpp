#include "console.h"

#include <cstdio>

namespace md {

namespace {

void write(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

QString Console::programName()
{
    return QStringLiteral("merchantdesk-cli");
}

void Console::print(const QString &text)
{
    m_out += text;
}

void Console::progress(const QString &line)
{
    write(stderr, line + QLatin1Char('\n'));
}

int Console::usageError(const QString &message)
{
    return error(UsageError, message);
}

int Console::dataError(const QString &message)
{
    return error(DataError, message);
}

int Console::error(int code, const QString &message)
{
    m_out.clear();
    // Messages from the drivers may span lines; a log line per error keeps cron mail and
    // journald readable.
    write(stderr, programName() + QStringLiteral(": ") + message.simplified() + QLatin1Char('\n'));
    return code;
}

void Console::flush()
{
    if (m_out.isEmpty())
        return;
    write(stdout, m_out);
    m_out.clear();
}

} // namespace md
