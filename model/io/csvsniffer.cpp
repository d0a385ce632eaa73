#include "csvsniffer.h"

#include "csvreader.h"
#include "textdecoder.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>

#include <array>

namespace md {

namespace {

constexpr std::array<char, 4> kDelimiters = {',', ';', '\t', '|'};
constexpr int kDelimiterRecords = 50;
constexpr int kDecimalRecords = 200;

// Bytes no text file holds: C0 controls other than tab, line feed, carriage return, form feed
// and the DOS end-of-file mark.
bool isBinaryByte(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A;
}

// The sample as UTF-8, cut after its last complete line when the file goes on.
QByteArray sampleText(const QByteArray &sample, bool whole, TextEncoding encoding, bool *ok)
{
    QByteArrayView bytes(sample);
    bytes = bytes.sliced(TextDecoder::bomLength(bytes, encoding));
    if (!whole && (encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE))
        bytes.truncate(bytes.size() & ~qsizetype(1));
    TextDecoder decoder(encoding);
    QByteArray utf8;
    decoder.decode(bytes, utf8);
    if (whole)
        decoder.finish(utf8);
    *ok = !decoder.hasError();
    if (!whole) {
        const qsizetype lastBreak = utf8.lastIndexOf('\n');
        if (lastBreak >= 0)
            utf8.truncate(lastBreak + 1);
    }
    return utf8;
}

} // namespace

Result<SniffResult> CsvSniffer::sniffFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray sample = file.read(kSampleBytes);
    const bool whole = file.atEnd();
    auto result = sniff(sample, whole);
    if (!result)
        return fail(tr("%1: %2").arg(path, result.error()));
    return result;
}

Result<SniffResult> CsvSniffer::sniff(const QByteArray &sample, bool whole)
{
    SniffResult result;
    const TextEncoding encoding = detectEncoding(sample, whole, &result.hasBom);
    result.settings.encoding = encoding;
    bool decoded = false;
    const QByteArray utf8 = sampleText(sample, whole, encoding, &decoded);
    if (!decoded && encoding != TextEncoding::Utf8)
        return fail(tr("the text is not valid %1").arg(CsvSettings::encodingLabel(encoding)));
    if (utf8.trimmed().isEmpty())
        return fail(tr("the file is empty"));
    qsizetype binary = 0;
    for (const char c : utf8) {
        if (c == '\0')
            return fail(tr("this is not a text file (it holds NUL bytes)"));
        if (isBinaryByte(static_cast<unsigned char>(c)))
            ++binary;
    }
    // A few stray control characters happen in real exports; garbage has one in every 13 bytes.
    if (binary * 100 > utf8.size())
        return fail(tr("this is not a text file (it holds control characters)"));

    result.settings.delimiter = detectDelimiter(utf8);
    result.settings.decimalSymbol = detectDecimalSymbol(utf8, result.settings.delimiter);
    auto header = records(
        utf8, true,
        CsvSettings{TextEncoding::Utf8, result.settings.delimiter, result.settings.decimalSymbol},
        1);
    if (!header)
        return fail(header.error());
    if (header->empty())
        return fail(tr("the file is empty"));
    result.header = header->front();
    return result;
}

TextEncoding CsvSniffer::detectEncoding(QByteArrayView sample, bool whole, bool *hasBom)
{
    int bom = 0;
    if (const auto byBom = TextDecoder::encodingFromBom(sample, &bom)) {
        *hasBom = true;
        return *byBom;
    }
    *hasBom = false;
    // UTF-16 without a mark: ASCII text leaves every other byte zero.
    const qsizetype probe = qMin<qsizetype>(sample.size() & ~qsizetype(1), 4096);
    qsizetype evenZero = 0;
    qsizetype oddZero = 0;
    for (qsizetype i = 0; i < probe; i += 2) {
        evenZero += sample[i] == '\0';
        oddZero += sample[i + 1] == '\0';
    }
    if (probe >= 8 && oddZero * 10 > probe / 2 * 9 && evenZero == 0)
        return TextEncoding::Utf16LE;
    if (probe >= 8 && evenZero * 10 > probe / 2 * 9 && oddZero == 0)
        return TextEncoding::Utf16BE;

    QByteArrayView text = sample;
    if (!whole)
        text.chop(TextDecoder::incompleteUtf8Tail(text));
    return TextDecoder::isValidUtf8(text) || text.contains('\0') ? TextEncoding::Utf8
                                                                 : TextEncoding::Windows1252;
}

Result<std::vector<QStringList>> CsvSniffer::records(const QByteArray &sample, bool whole,
                                                     const CsvSettings &settings, int limit)
{
    QByteArray copy = sample;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(settings);
    if (auto opened = reader.open(&buffer); !opened)
        return fail(opened.error());
    std::vector<QStringList> out;
    CsvRecord record;
    while (int(out.size()) < limit && reader.next(record)) {
        if (!record.isBlank())
            out.push_back(record.texts());
    }
    // A sample cut inside a quoted field ends in an "unterminated quote": the file goes on.
    if (reader.hasError() && (out.empty() || whole) && int(out.size()) < limit)
        return fail(reader.error());
    return out;
}

char CsvSniffer::detectDelimiter(const QByteArray &utf8)
{
    char best = ',';
    qsizetype bestConsistent = -1;
    qsizetype bestWidth = 1;
    for (const char candidate : kDelimiters) {
        CsvSettings settings;
        settings.delimiter = candidate;
        auto rows = records(utf8, false, settings, kDelimiterRecords);
        if (!rows || rows->empty())
            continue;
        const qsizetype width = rows->front().size();
        if (width < 2)
            continue;
        qsizetype consistent = 0;
        for (size_t i = 1; i < rows->size(); ++i)
            consistent += (*rows)[i].size() == width;
        if (consistent > bestConsistent || (consistent == bestConsistent && width > bestWidth)) {
            best = candidate;
            bestConsistent = consistent;
            bestWidth = width;
        }
    }
    return best;
}

QChar CsvSniffer::detectDecimalSymbol(const QByteArray &utf8, char delimiter)
{
    // Only unambiguous numbers vote: "1.234" may be either, "1.234,5" and "12,50" may not.
    static const QRegularExpression dotGrouped(
        QStringLiteral("^[-+]?\\d{1,3}(\\.\\d{3})+(,\\d+)?$"));
    static const QRegularExpression commaGrouped(
        QStringLiteral("^[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$"));
    static const QRegularExpression plain(QStringLiteral("^[-+]?\\d+([.,])(\\d+)$"));
    CsvSettings settings;
    settings.delimiter = delimiter;
    auto rows = records(utf8, false, settings, kDecimalRecords);
    if (!rows)
        return QLatin1Char('.');
    int commaVotes = 0;
    int dotVotes = 0;
    for (size_t r = 1; r < rows->size(); ++r) {
        for (const QString &cell : (*rows)[r]) {
            const QString value = cell.trimmed();
            if (value.isEmpty() || value.size() > 30)
                continue;
            if (const auto m = dotGrouped.match(value); m.hasMatch()) {
                if (value.count(QLatin1Char('.')) > 1 || value.contains(QLatin1Char(',')))
                    ++commaVotes;
                continue;
            }
            if (const auto m = commaGrouped.match(value); m.hasMatch()) {
                if (value.count(QLatin1Char(',')) > 1 || value.contains(QLatin1Char('.')))
                    ++dotVotes;
                continue;
            }
            if (const auto m = plain.match(value); m.hasMatch() && m.capturedLength(2) != 3) {
                if (m.captured(1) == QLatin1String(","))
                    ++commaVotes;
                else
                    ++dotVotes;
            }
        }
    }
    return commaVotes > dotVotes ? QLatin1Char(',') : QLatin1Char('.');
}

} // namespace md
