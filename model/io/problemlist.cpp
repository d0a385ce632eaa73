#include "problemlist.h"

#include <algorithm>

namespace md {

void ProblemList::add(qint64 line, const QString &text)
{
    ++m_count;
    m_items.emplace_back(line, text);
    if (qsizetype(m_items.size()) >= 4 * kListed)
        trim();
}

void ProblemList::trim()
{
    std::stable_sort(m_items.begin(), m_items.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    if (qsizetype(m_items.size()) > kListed)
        m_items.resize(size_t(kListed));
}

QStringList ProblemList::listed() const
{
    auto items = m_items;
    std::stable_sort(items.begin(), items.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList out;
    for (const auto &[line, text] : items) {
        if (out.size() == kListed)
            break;
        out << text;
    }
    return out;
}

} // namespace md
