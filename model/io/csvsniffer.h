#pragma once

// Guesses how to read a CSV file from its first kSampleBytes: the encoding (byte order mark,
// else UTF-8 when the bytes are valid UTF-8, else Windows-1252), the delimiter (, ; tab |: the
// one that splits the most records into the header's number of fields) and the decimal symbol
// (1.234,56 or 1,234.56, from the numbers in the sample). Refuses empty and binary files.

#include "csvsettings.h"

#include "core/result.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QStringList>

namespace md {

struct SniffResult
{
    CsvSettings settings;
    QStringList header;
    bool hasBom = false;
};

class CsvSniffer
{
    Q_DECLARE_TR_FUNCTIONS(md::CsvSniffer)

public:
    static constexpr qsizetype kSampleBytes = 256 * 1024;

    static Result<SniffResult> sniffFile(const QString &path);
    // `sample`: the first bytes of the file; `whole`: it is the entire file.
    static Result<SniffResult> sniff(const QByteArray &sample, bool whole);

    static TextEncoding detectEncoding(QByteArrayView sample, bool whole, bool *hasBom);
    static char detectDelimiter(const QByteArray &utf8);
    static QChar detectDecimalSymbol(const QByteArray &utf8, char delimiter);
    // The sample's records read with `settings` (at most `limit`, an incomplete last one
    // dropped); an error when not even the first record can be read.
    static Result<std::vector<QStringList>> records(const QByteArray &sample, bool whole,
                                                    const CsvSettings &settings, int limit);
};

} // namespace md
