#pragma once

// How the bytes of a CSV file are to be read: text encoding, field delimiter and the decimal
// symbol of its numbers. CsvSniffer guesses them; the import wizard lets the owner change them.

#include <QChar>
#include <QString>

#include <optional>

namespace md {

enum class TextEncoding { Utf8, Utf16LE, Utf16BE, Windows1252 };

struct CsvSettings
{
    TextEncoding encoding = TextEncoding::Utf8;
    char delimiter = ',';
    // '.' or ','; the other one (and a space) is then accepted as a thousands separator.
    QChar decimalSymbol = QLatin1Char('.');

    QChar groupSeparator() const
    {
        return decimalSymbol == QLatin1Char(',') ? QLatin1Char('.') : QLatin1Char(',');
    }

    // "utf-8", "utf-16le", "utf-16be", "windows-1252": the names the command line takes.
    static QString encodingName(TextEncoding encoding);
    static std::optional<TextEncoding> parseEncoding(const QString &name);
    // "," ";" "tab" "|"
    static QString delimiterName(char delimiter);
    static std::optional<char> parseDelimiter(const QString &name);

    bool operator==(const CsvSettings &other) const = default;
};

} // namespace md
