#include "csvsettings.h"

namespace md {

QString CsvSettings::encodingLabel(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return tr("UTF-8");
    case TextEncoding::Utf16LE:
        return tr("UTF-16 (little-endian)");
    case TextEncoding::Utf16BE:
        return tr("UTF-16 (big-endian)");
    case TextEncoding::Windows1252:
        return tr("Windows-1252 (Western European)");
    }
    return {};
}

std::optional<TextEncoding> CsvSettings::parseEncoding(const QString &name)
{
    QString key = name.trimmed().toLower();
    if (const auto encoding = fromKey<TextEncoding>(key))
        return encoding;
    key.remove(QLatin1Char('-'));
    key.remove(QLatin1Char('_'));
    return fromKey<TextEncoding>(key);
}

QString CsvSettings::delimiterKey(char delimiter)
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
