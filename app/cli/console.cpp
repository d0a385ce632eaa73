#include "console.h"

#include <QBuffer>
#include <QSaveFile>

#include <cstdio>

namespace md {

namespace {

void write(std::FILE *stream, const QByteArray &bytes)
{
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
    m_out += text.toLocal8Bit();
}

void Console::progress(const QString &line)
{
    write(stderr, (line + QLatin1Char('\n')).toLocal8Bit());
}

Status Console::writeResult(const QString &file,
                            const std::function<Status(QIODevice &)> &writeDocument)
{
    if (file.isEmpty()) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (auto written = writeDocument(buffer); !written)
            return written;
        m_out += bytes;
        return {};
    }
    QSaveFile saved(file);
    if (!saved.open(QIODevice::WriteOnly))
        return fail(tr("cannot write %1: %2").arg(file, saved.errorString()));
    if (auto written = writeDocument(saved); !written)
        return fail(tr("%1: %2").arg(file, written.error()));
    if (!saved.commit())
        return fail(tr("cannot write %1: %2").arg(file, saved.errorString()));
    return {};
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
    write(stderr, (programName() + QStringLiteral(": ") + message.simplified() + QLatin1Char('\n'))
                      .toLocal8Bit());
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
