#include "csvreader.h"

#include <csv.h>

#include <cstring>

namespace md {

namespace {

// libcsv's parser states (csv_parser::pstate); the header does not name them.
constexpr int kRowNotBegun = 0;

// RFC 4180: spaces belong to the field. libcsv trims them unless told otherwise.
int noSpace(unsigned char)
{
    return 0;
}

} // namespace

CsvReader::CsvReader(CsvSettings settings)
    : m_settings(settings)
{}

CsvReader::~CsvReader()
{
    if (m_parser)
        csv_free(m_parser.get());
}

Status CsvReader::open(const QString &path)
{
    m_file = std::make_unique<QFile>(path);
    if (!m_file->open(QIODevice::ReadOnly))
        return md::fail(tr("Cannot read %1: %2").arg(path, m_file->errorString()));
    m_device = m_file.get();
    return start();
}

Status CsvReader::open(QIODevice *device)
{
    m_device = device;
    return start();
}

Status CsvReader::start()
{
    m_totalBytes = m_device->isSequential() ? 0 : m_device->size();
    m_parser = std::make_unique<csv_parser>();
    // Strict: a stray quote is an error, and so is a quoted field the file never closes.
    if (csv_init(m_parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) {
        m_parser.reset();
        return md::fail(tr("Cannot start the CSV parser"));
    }
    csv_set_delim(m_parser.get(), static_cast<unsigned char>(m_settings.delimiter));
    csv_set_space_func(m_parser.get(), noSpace);
    m_decoder = std::make_unique<TextDecoder>(m_settings.encoding);
    if (m_decoder->hasError()) {
        return md::fail(tr("This system cannot decode %1 text")
                            .arg(CsvSettings::encodingLabel(m_settings.encoding)));
    }
    m_current.clear(1);
    return {};
}

bool CsvReader::next(CsvRecord &record)
{
    while (m_ready.empty()) {
        if (hasError() || m_finished || !m_parser)
            return false;
        readChunk();
    }
    // Records completed before an error are still delivered; the error ends the reading.
    std::swap(record, m_ready.front());
    // The caller's previous record keeps its buffers for a record to come: no allocation per
    // record once the reading is under way.
    if (m_spare.size() < 8)
        m_spare.push_back(std::move(m_ready.front()));
    m_ready.pop_front();
    return true;
}

void CsvReader::readChunk()
{
    // A small input gets a small buffer: the sniffer and the fuzzer read many short samples.
    const qint64 chunk = qBound<qint64>(4096, m_device->bytesAvailable(), kChunkBytes);
    m_raw.resize(chunk);
    const qint64 got = m_device->read(m_raw.data(), chunk);
    if (got < 0) {
        failLine(m_line, tr("the file cannot be read further: %1").arg(m_device->errorString()));
        return;
    }
    m_raw.resize(got);
    m_bytesRead += got;
    QByteArrayView bytes(m_raw);
    if (m_firstChunk) {
        m_firstChunk = false;
        bytes = bytes.sliced(TextDecoder::bomLength(bytes, m_settings.encoding));
    }
    m_utf8.resize(0); // keeps the buffer for the next chunk
    if (got > 0) {
        m_decoder->decode(bytes, m_utf8);
    } else {
        m_inputDone = true;
        m_decoder->finish(m_utf8);
    }
    if (m_decoder->hasError()) {
        failLine(m_line, tr("the text is not valid %1; choose the file's encoding")
                             .arg(CsvSettings::encodingLabel(m_settings.encoding)));
        return;
    }
    consume(m_utf8);
    if (hasError())
        return;
    if (!m_inputDone)
        return;

    const qint64 fieldLine = m_fieldLine;
    const qsizetype column = m_current.size() + 1;
    if (csv_fini(m_parser.get(), onField, onRecordEnd, this) != 0) {
        fail(fieldLine, column, tr("the quoted field that starts here has no closing quote"));
        return;
    }
    m_finished = true;
}

void CsvReader::consume(const QByteArray &utf8)
{
    const char *p = utf8.constData();
    const char *const end = p + utf8.size();
    if (m_lastWasCr && p < end) {
        m_lastWasCr = false;
        if (*p == '\n') {
            // The LF of a CRLF the chunk boundary cut: same line ending, not a new line.
            feed(p, 1);
            ++p;
        }
    }
    while (p < end && !hasError()) {
        const char *lf = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *searchEnd = lf ? lf : end;
        const char *cr = static_cast<const char *>(std::memchr(p, '\r', size_t(searchEnd - p)));
        const char *eol = cr ? cr : lf;
        if (!eol) {
            feed(p, end - p); // a line longer than the chunk: its end comes later
            return;
        }
        const char *next = eol + 1;
        if (*eol == '\r') {
            if (next < end && *next == '\n')
                ++next;
            else if (next == end)
                m_lastWasCr = true;
        }
        feed(p, next - p);
        ++m_line;
        m_atLineStart = true;
        p = next;
    }
}

void CsvReader::lineStart()
{
    m_atLineStart = false;
    if (m_parser->pstate == kRowNotBegun) {
        m_current.clear(m_line);
        m_fieldLine = m_line;
    }
}

void CsvReader::feed(const char *data, qsizetype size)
{
    if (m_atLineStart)
        lineStart();
    const QByteArrayView segment(data, size);
    if (!TextDecoder::isValidUtf8(segment)) {
        if (segment.contains('\0')) {
            failLine(m_line, tr("the line holds a NUL byte; this is not a text file"));
        } else {
            failLine(m_line, tr("the text is not valid UTF-8; choose the file's encoding "
                                "(windows-1252?)"));
        }
        return;
    }
    const size_t used = csv_parse(m_parser.get(), data, size_t(size), onField, onRecordEnd, this);
    if (used < size_t(size)) {
        fail(m_line, m_current.size() + 1,
             tr("a quote inside an unquoted field or after a closing quote; quote the whole "
                "field and double the quotes inside it (\"\")"));
        return;
    }
    if (qsizetype(m_parser->entry_pos) > kMaxFieldBytes) {
        fail(m_fieldLine, m_current.size() + 1,
             tr("the field is longer than %1 MiB (a missing closing quote?)")
                 .arg(kMaxFieldBytes >> 20));
    }
}

void CsvReader::onField(void *data, size_t size, void *self)
{
    auto *reader = static_cast<CsvReader *>(self);
    reader->m_current.append(static_cast<const char *>(data), size, reader->m_fieldLine);
    reader->m_fieldLine = reader->m_line;
}

void CsvReader::onRecordEnd(int, void *self)
{
    auto *reader = static_cast<CsvReader *>(self);
    reader->m_ready.push_back(std::move(reader->m_current));
    if (reader->m_spare.empty()) {
        reader->m_current = CsvRecord();
    } else {
        reader->m_current = std::move(reader->m_spare.back());
        reader->m_spare.pop_back();
    }
    reader->m_current.clear(reader->m_line);
}

void CsvReader::fail(qint64 line, qsizetype column, const QString &reason)
{
    if (hasError())
        return;
    m_error = tr("%1:%2: %3").arg(line).arg(column).arg(reason);
    m_errorLine = line;
}

void CsvReader::failLine(qint64 line, const QString &reason)
{
    if (hasError())
        return;
    m_error = tr("%1: %2").arg(line).arg(reason);
    m_errorLine = line;
}

} // namespace md
