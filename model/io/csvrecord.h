#pragma once

// One record of a CSV file: its fields as UTF-8 and the physical line each of them starts on,
// so that a problem found later can still be reported as "line:column".

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <vector>

namespace md {

class CsvRecord
{
public:
    // The physical line (1-based) the record starts on.
    qint64 line() const { return m_line; }
    qsizetype size() const { return qsizetype(m_ends.size()); }
    bool isEmpty() const { return m_ends.empty(); }

    QByteArrayView utf8(qsizetype index) const;
    QString text(qsizetype index) const { return QString::fromUtf8(utf8(index)); }
    QStringList texts() const;
    // The line a field starts on: later than line() after a field with line breaks inside.
    qint64 fieldLine(qsizetype index) const { return m_fieldLines[size_t(index)]; }
    // Only empty or blank fields: the trailing ",,,," rows spreadsheets write.
    bool isBlank() const;

    // For the reader. append() applies the import half of the formula guard: a leading "'"
    // that protected a formula-like cell is dropped again (see FormulaGuard).
    void clear(qint64 line);
    void append(const char *data, size_t size, qint64 line);

private:
    QByteArray m_data;
    std::vector<qsizetype> m_ends;
    std::vector<qint64> m_fieldLines;
    qint64 m_line = 0;
};

} // namespace md
