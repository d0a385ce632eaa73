#include "csvwriter.h"

#include "formulaguard.h"

#include <QRegularExpression>

namespace md {

namespace {

constexpr qsizetype kFlushBytes = 1 << 20;

} // namespace

CsvWriter::CsvWriter(QIODevice *device, char delimiter)
    : m_device(device)
    , m_delimiter(delimiter)
{
    m_buffer.reserve(kFlushBytes + 4096);
}

void CsvWriter::separator()
{
    if (m_rowStarted)
        m_buffer += m_delimiter;
    m_rowStarted = true;
}

void CsvWriter::append(QByteArrayView utf8)
{
    bool quote = false;
    if (!utf8.isEmpty()) {
        const char first = utf8.front();
        const char last = utf8.back();
        quote = first == ' ' || first == '\t' || last == ' ' || last == '\t';
        for (qsizetype i = 0; i < utf8.size() && !quote; ++i) {
            const char c = utf8[i];
            quote = c == m_delimiter || c == '"' || c == '\n' || c == '\r';
        }
    }
    if (!quote) {
        m_buffer.append(utf8.data(), utf8.size());
        return;
    }
    m_buffer += '"';
    for (const char c : utf8) {
        if (c == '"')
            m_buffer += '"';
        m_buffer += c;
    }
    m_buffer += '"';
}

void CsvWriter::addText(const QString &text)
{
    separator();
    append(FormulaGuard::neutralise(text).toUtf8());
}

void CsvWriter::addText(QByteArrayView utf8)
{
    separator();
    if (!FormulaGuard::needsGuard(utf8)) {
        append(utf8);
        return;
    }
    QByteArray guarded;
    guarded.reserve(utf8.size() + 1);
    guarded += '\'';
    guarded.append(utf8.data(), utf8.size());
    append(guarded);
}

void CsvWriter::addPlain(QByteArrayView utf8)
{
    separator();
    append(utf8);
}

void CsvWriter::addCell(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^[-+]?[0-9][0-9.,]*$"));
    if (number.match(text).hasMatch())
        addPlain(text.toUtf8());
    else
        addText(text);
}

Status CsvWriter::endRow()
{
    m_buffer += "\r\n";
    m_rowStarted = false;
    if (m_buffer.size() >= kFlushBytes)
        return flush();
    return {};
}

Status CsvWriter::flush()
{
    if (m_buffer.isEmpty())
        return {};
    if (m_device->write(m_buffer) != m_buffer.size())
        return fail(tr("Cannot write: %1").arg(m_device->errorString()));
    m_buffer.clear();
    return {};
}

} // namespace md
