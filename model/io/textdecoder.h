#pragma once

// Turns the bytes of a text file into UTF-8, chunk by chunk, whatever its encoding (UTF-8,
// UTF-16 LE/BE, Windows-1252), so the CSV parser only ever sees UTF-8. Keeps the bytes of a
// character split between two chunks for the next one.

#include "csvsettings.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringDecoder>

#include <optional>

namespace md {

class TextDecoder
{
public:
    explicit TextDecoder(TextEncoding encoding);

    // Appends the UTF-8 form of `bytes` to `out`. UTF-8 input is passed through unchecked (the
    // reader validates it line by line, so it can name the line); only a character cut at the
    // end of the chunk is held back.
    void decode(QByteArrayView bytes, QByteArray &out);
    // True when the input ended inside a character or held bytes invalid in its encoding.
    bool finish(QByteArray &out);
    bool hasError() const { return m_error; }

    // The encoding announced by a byte order mark at the start of `head`, and the mark's length.
    static std::optional<TextEncoding> encodingFromBom(QByteArrayView head, int *bomLength);
    // The length of the byte order mark of `encoding` at the start of `head` (0: none).
    static int bomLength(QByteArrayView head, TextEncoding encoding);
    // Well-formed UTF-8 without NUL bytes (overlong forms and surrogates are refused).
    static bool isValidUtf8(QByteArrayView bytes);
    // How many bytes at the end of `bytes` begin a UTF-8 character that continues beyond it.
    static int incompleteUtf8Tail(QByteArrayView bytes);

private:
    TextEncoding m_encoding;
    QStringDecoder m_decoder;
    QByteArray m_tail;
    bool m_error = false;
};

} // namespace md
