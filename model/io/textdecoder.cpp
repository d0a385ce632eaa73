#include "textdecoder.h"

#include <cstring>

namespace md {

namespace {

QStringConverter::Encoding qtEncoding(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf16LE:
        return QStringConverter::Utf16LE;
    case TextEncoding::Utf16BE:
        return QStringConverter::Utf16BE;
    default:
        return QStringConverter::Utf8;
    }
}

QStringDecoder makeDecoder(TextEncoding encoding)
{
    // Qt 6.4 decodes Windows-1252 through ICU on Debian; the BOM is skipped by the reader
    // itself, so the decoder must not swallow a second one that belongs to the text.
    if (encoding == TextEncoding::Windows1252)
        return QStringDecoder("windows-1252", QStringConverter::Flag::Stateless);
    return QStringDecoder(qtEncoding(encoding), QStringConverter::Flag::ConvertInitialBom);
}

} // namespace

TextDecoder::TextDecoder(TextEncoding encoding)
    : m_encoding(encoding)
    , m_decoder(makeDecoder(encoding))
{
    if (encoding != TextEncoding::Utf8 && !m_decoder.isValid())
        m_error = true;
}

void TextDecoder::decode(QByteArrayView bytes, QByteArray &out)
{
    if (m_encoding == TextEncoding::Utf8) {
        if (!m_tail.isEmpty()) {
            // Complete the character that the previous chunk cut, then go on as usual.
            m_tail.append(bytes.data(), bytes.size());
            const QByteArray joined = std::exchange(m_tail, QByteArray());
            decode(joined, out);
            return;
        }
        const int tail = incompleteUtf8Tail(bytes);
        out.append(bytes.data(), bytes.size() - tail);
        if (tail > 0)
            m_tail = bytes.last(tail).toByteArray();
        return;
    }
    if (!m_decoder.isValid()) {
        m_error = true;
        return;
    }
    const QString text = m_decoder.decode(bytes);
    if (m_decoder.hasError())
        m_error = true;
    out += text.toUtf8();
}

bool TextDecoder::finish(QByteArray &out)
{
    if (!m_tail.isEmpty()) {
        // A character cut by the end of the file: pass the bytes on so the line validation
        // names the line that holds them.
        out += m_tail;
        m_tail.clear();
    }
    if (m_encoding != TextEncoding::Utf8 && m_decoder.isValid()) {
        const QString rest = m_decoder.decode(QByteArrayView());
        out += rest.toUtf8();
        if (m_decoder.hasError())
            m_error = true;
    }
    return !m_error;
}

std::optional<TextEncoding> TextDecoder::encodingFromBom(QByteArrayView head, int *bomLength)
{
    const auto starts = [&](const char *bom, int length) {
        return head.size() >= length && std::memcmp(head.data(), bom, size_t(length)) == 0;
    };
    int length = 0;
    std::optional<TextEncoding> encoding;
    if (starts("\xEF\xBB\xBF", 3)) {
        encoding = TextEncoding::Utf8;
        length = 3;
    } else if (starts("\xFF\xFE", 2)) {
        encoding = TextEncoding::Utf16LE;
        length = 2;
    } else if (starts("\xFE\xFF", 2)) {
        encoding = TextEncoding::Utf16BE;
        length = 2;
    }
    if (bomLength)
        *bomLength = length;
    return encoding;
}

int TextDecoder::bomLength(QByteArrayView head, TextEncoding encoding)
{
    int length = 0;
    const auto found = encodingFromBom(head, &length);
    return found == encoding ? length : 0;
}

int TextDecoder::incompleteUtf8Tail(QByteArrayView bytes)
{
    // Walk back over at most three continuation bytes to the lead byte of the last character.
    const qsizetype size = bytes.size();
    for (int back = 1; back <= 4 && back <= size; ++back) {
        const auto c = static_cast<unsigned char>(bytes[size - back]);
        if ((c & 0xC0) == 0x80)
            continue; // continuation byte
        int needed = 1;
        if ((c & 0xE0) == 0xC0)
            needed = 2;
        else if ((c & 0xF0) == 0xE0)
            needed = 3;
        else if ((c & 0xF8) == 0xF0)
            needed = 4;
        return needed > back ? back : 0;
    }
    return 0;
}

bool TextDecoder::isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        // Most shop data is ASCII: skip eight plain bytes at a time.
        while (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            const quint64 high = word & 0x8080808080808080ULL;
            // A zero byte sets its high bit in (word - 0x01..) & ~word.
            const quint64 zero = (word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL;
            if (high != 0 || zero != 0)
                break;
            p += 8;
        }
        if (p >= end)
            break;
        const unsigned char c = *p;
        if (c == 0)
            return false;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int length = 0;
        quint32 codePoint = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            codePoint = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            codePoint = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            codePoint = c & 0x07;
        } else {
            return false;
        }
        if (end - p < length)
            return false;
        for (int i = 1; i < length; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (p[i] & 0x3F);
        }
        if ((length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000)
            || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return false;
        }
        p += length;
    }
    return true;
}

} // namespace md
