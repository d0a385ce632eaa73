#pragma once

// Writes RFC 4180 CSV in UTF-8 to a device through a buffer: fields quoted when they hold the
// delimiter, a quote, a line break or leading/trailing blanks, quotes doubled, rows ended with
// CRLF. Text cells pass through FormulaGuard; numbers are written as they are.

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QString>

namespace md {

class CsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(md::CsvWriter)

public:
    explicit CsvWriter(QIODevice *device, char delimiter = ',');

    // A text cell: neutralised if a spreadsheet would run it, then quoted as needed.
    void addText(const QString &text);
    void addText(QByteArrayView utf8);
    // A number or any cell that must not be altered.
    void addPlain(QByteArrayView utf8);
    void addEmpty() { addPlain({}); }
    Status endRow();
    Status flush();

    // A cell of a file the owner wrote (a rejected row): neutralised unless it reads as a
    // number, so "-5" stays "-5" and "=cmd" becomes "'=cmd".
    void addCell(const QString &text);

private:
    void separator();
    void append(QByteArrayView utf8);

    QIODevice *m_device;
    char m_delimiter;
    QByteArray m_buffer;
    bool m_rowStarted = false;
};

} // namespace md
