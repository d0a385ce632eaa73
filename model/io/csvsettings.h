#pragma once

// How the bytes of a CSV file are to be read: text encoding, field delimiter and the decimal
// symbol of its numbers. CsvSniffer guesses them; the import wizard lets the owner change them.

#include "core/enumkeys.h"

#include <QChar>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace md {

enum class TextEncoding { Utf8, Utf16LE, Utf16BE, Windows1252 };

// "utf-8", "utf-16le", "utf-16be", "windows-1252": the names the command line takes and import
// profiles store. parseEncoding() also reads them without "-" and "_", and the Latin-1 names.
constexpr auto enumKeys(TextEncoding)
{
    return keyTable<TextEncoding>({{TextEncoding::Utf8, "utf-8"},
                                   {TextEncoding::Utf16LE, "utf-16le"},
                                   {TextEncoding::Utf16BE, "utf-16be"},
                                   {TextEncoding::Windows1252, "windows-1252"},
                                   {TextEncoding::Utf8, "utf8"},
                                   {TextEncoding::Utf16LE, "utf16le"},
                                   {TextEncoding::Utf16BE, "utf16be"},
                                   {TextEncoding::Windows1252, "windows1252"},
                                   // Windows-1252 is a superset of the printable Latin-1
                                   // characters, which is what files labelled "Latin-1" by
                                   // spreadsheets really hold.
                                   {TextEncoding::Windows1252, "cp1252"},
                                   {TextEncoding::Windows1252, "latin1"},
                                   {TextEncoding::Windows1252, "iso88591"}});
}
static_assert(enumKeys(TextEncoding{}).coversFirst(4));

struct CsvSettings
{
    Q_DECLARE_TR_FUNCTIONS(md::CsvSettings)

public:
    TextEncoding encoding = TextEncoding::Utf8;
    char delimiter = ',';
    // '.' or ','; the other one (and a space) is then accepted as a thousands separator.
    QChar decimalSymbol = QLatin1Char('.');

    QChar groupSeparator() const
    {
        return decimalSymbol == QLatin1Char(',') ? QLatin1Char('.') : QLatin1Char(',');
    }

    // For people: "UTF-8", "Windows-1252"; the stored key is keyOf(encoding).
    static QString encodingLabel(TextEncoding encoding);
    // A key of enumKeys(TextEncoding), in any case, with or without "-" and "_".
    static std::optional<TextEncoding> parseEncoding(const QString &name);
    // "," ";" "tab" "|"
    static QString delimiterKey(char delimiter);
    static std::optional<char> parseDelimiter(const QString &name);

    bool operator==(const CsvSettings &other) const = default;
};

} // namespace md
