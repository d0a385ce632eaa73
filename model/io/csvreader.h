#pragma once

// Streams the records of a CSV file (RFC 4180: quoted fields, doubled quotes, line breaks in
// quotes, CRLF) through libcsv, a small, long-lived C parser, in fixed-size chunks: a file of
// any size costs a few hundred kilobytes. Counts physical lines itself, so every problem names
// "line:column". A field over kMaxFieldBytes stops the reading (a missing closing quote would
// otherwise swallow the rest of the file).
//
//     CsvReader reader(settings);
//     if (auto opened = reader.open(path); !opened) ...
//     CsvRecord record;
//     while (reader.next(record)) ...
//     if (reader.hasError()) ... reader.error()

#include "csvrecord.h"
#include "csvsettings.h"
#include "textdecoder.h"

#include <QCoreApplication>
#include <QFile>
#include <QIODevice>
#include <QString>

#include "core/result.h"

#include <deque>
#include <memory>
#include <vector>

struct csv_parser;

namespace md {

class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(md::CsvReader)

public:
    static constexpr qsizetype kMaxFieldBytes = 1 << 20;
    static constexpr qsizetype kChunkBytes = 256 * 1024;

    explicit CsvReader(CsvSettings settings = {});
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    Status open(const QString &path);
    // Reads from a device the caller keeps open and alive (tests, the fuzzer, the sniffer).
    Status open(QIODevice *device);

    // The next record; false at the end of the input or on an error (see hasError()).
    bool next(CsvRecord &record);
    bool hasError() const { return !m_error.isEmpty(); }
    // "line 12, column 3: ..." in the words of the user.
    const QString &error() const { return m_error; }
    qint64 errorLine() const { return m_errorLine; }

    qint64 bytesRead() const { return m_bytesRead; }
    qint64 totalBytes() const { return m_totalBytes; }
    const CsvSettings &settings() const { return m_settings; }

private:
    static void onField(void *data, size_t size, void *self);
    static void onRecordEnd(int terminator, void *self);

    Status start();
    void readChunk();
    void consume(const QByteArray &utf8);
    void feed(const char *data, qsizetype size);
    void lineStart();
    void fail(qint64 line, qsizetype column, const QString &reason);
    void failLine(qint64 line, const QString &reason);

    CsvSettings m_settings;
    std::unique_ptr<csv_parser> m_parser;
    std::unique_ptr<QFile> m_file;
    QIODevice *m_device = nullptr;
    std::unique_ptr<TextDecoder> m_decoder;
    QByteArray m_raw;
    QByteArray m_utf8;

    CsvRecord m_current;
    std::deque<CsvRecord> m_ready;
    std::vector<CsvRecord> m_spare;
    qint64 m_line = 1;      // the physical line being fed
    qint64 m_fieldLine = 1; // where the field in progress started
    bool m_atLineStart = true;
    bool m_lastWasCr = false; // a CR ended the previous chunk: a LF may complete it
    bool m_inputDone = false;
    bool m_finished = false;
    bool m_firstChunk = true;
    qint64 m_bytesRead = 0;
    qint64 m_totalBytes = 0;
    QString m_error;
    qint64 m_errorLine = 0;
};

} // namespace md
