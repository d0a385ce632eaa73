#include "formatoption.h"

namespace md {

namespace {

const QString kFormat = QStringLiteral("format");
const QLatin1Char kSeparator('|');

} // namespace

QCommandLineOption FormatOption::option(const QString &description, const QStringList &formats,
                                        const QString &defaultFormat)
{
    return QCommandLineOption(kFormat, description, formats.join(kSeparator), defaultFormat);
}

Result<QString> FormatOption::value(const QCommandLineParser &arguments, const QString &command,
                                    const QStringList &formats)
{
    const QString given = arguments.value(kFormat);
    for (const QString &format : formats) {
        if (given.trimmed().compare(format, Qt::CaseInsensitive) == 0)
            return format;
    }
    return fail(tr("%1: --format \"%2\" is not a format; use %3")
                    .arg(command, given, formats.join(kSeparator)));
}

} // namespace md
