#include "csvrecord.h"

#include "formulaguard.h"

namespace md {

QByteArrayView CsvRecord::utf8(qsizetype index) const
{
    const qsizetype begin = index == 0 ? 0 : m_ends[size_t(index) - 1];
    return QByteArrayView(m_data).sliced(begin, m_ends[size_t(index)] - begin);
}

QStringList CsvRecord::texts() const
{
    QStringList out;
    out.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        out << text(i);
    return out;
}

bool CsvRecord::isBlank() const
{
    for (const char c : m_data) {
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

void CsvRecord::clear(qint64 line)
{
    m_data.resize(0); // keeps the allocation, unlike clear()
    m_ends.clear();
    m_fieldLines.clear();
    m_line = line;
}

void CsvRecord::append(const char *data, size_t size, qint64 line)
{
    const QByteArrayView field = FormulaGuard::restore(QByteArrayView(data, qsizetype(size)));
    m_data.append(field.data(), field.size());
    m_ends.push_back(m_data.size());
    m_fieldLines.push_back(line);
}

} // namespace md
