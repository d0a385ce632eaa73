#pragma once

// The problems of one import in line order: all are counted, the first kListed are kept as
// text, so a file with a million bad rows costs no more memory than one with a hundred.

#include <QStringList>

#include <utility>
#include <vector>

namespace md {

class ProblemList
{
public:
    static constexpr qsizetype kListed = 100;

    void add(qint64 line, const QString &text);
    qint64 count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    // The first kListed by line.
    QStringList listed() const;

private:
    void trim();

    std::vector<std::pair<qint64, QString>> m_items;
    qint64 m_count = 0;
};

} // namespace md
