#include "csvsettings.h"

namespace md {

QString CsvSettings::encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("utf-8");
    case TextEncoding::Utf16LE:
        return QStringLiteral("utf-16le");
    case TextEncoding::Utf16BE:
        return QStringLiteral("utf-16be");
    case TextEncoding::Windows1252:
        return QStringLiteral("windows-1252");
    }
    return {};
}

std::optional<TextEncoding> CsvSettings::parseEncoding(const QString &name)
{
    QString key = name.trimmed().toLower();
    key.remove(QLatin1Char('-'));
    key.remove(QLatin1Char('_'));
    if (key == QLatin1String("utf8"))
        return TextEncoding::Utf8;
    if (key == QLatin1String("utf16le"))
        return TextEncoding::Utf16LE;
    if (key == QLatin1String("utf16be"))
        return TextEncoding::Utf16BE;
    if (key == QLatin1String("windows1252") || key == QLatin1String("cp1252")
        || key == QLatin1String("latin1") || key == QLatin1String("iso88591")) {
        // Windows-1252 is a superset of the printable Latin-1 characters, which is what files
        // labelled "Latin-1" by spreadsheets really hold.
        return TextEncoding::Windows1252;
    }
    return std::nullopt;
}

QString CsvSettings::delimiterName(char delimiter)
{
    if (delimiter == '\t')
        return QStringLiteral("tab");
    return QString(QLatin1Char(delimiter));
}

std::optional<char> CsvSettings::parseDelimiter(const QString &name)
{
    const QString key = name.toLower();
    if (key == QLatin1String("tab") || key == QLatin1String("\\t") || key == QLatin1String("\t"))
        return '\t';
    if (key == QLatin1String(",") || key == QLatin1String("comma"))
        return ',';
    if (key == QLatin1String(";") || key == QLatin1String("semicolon"))
        return ';';
    if (key == QLatin1String("|") || key == QLatin1String("pipe"))
        return '|';
    return std::nullopt;
}

} // namespace md
