#pragma once

// --format, the same for every command that takes it: the option shows the formats as its value
// ("table|csv|json") and its value is checked against them with one message.

#include "core/result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

namespace md {

class FormatOption
{
    Q_DECLARE_TR_FUNCTIONS(md::FormatOption)

public:
    static QCommandLineOption option(const QString &description, const QStringList &formats,
                                     const QString &defaultFormat);
    // The one of `formats` that --format names (trimmed, in any case). Otherwise the usage
    // error: "<command>: --format "xml" is not a format; use table|csv|json".
    static Result<QString> value(const QCommandLineParser &arguments, const QString &command,
                                 const QStringList &formats);
};

} // namespace md
