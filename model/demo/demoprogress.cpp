#include "demoprogress.h"

#include <algorithm>

namespace md {

DemoProgress::DemoProgress(DemoShop::Progress callback)
    : m_callback(std::move(callback))
{}

bool DemoProgress::stage(const QString &name, int from, int to)
{
    m_stage = name;
    m_from = from;
    m_to = to;
    m_last = -1;
    return report(from);
}

bool DemoProgress::advance(qint64 done, qint64 total)
{
    if (total <= 0)
        return !m_cancelled;
    const int percent = m_from + int((m_to - m_from) * std::min(done, total) / total);
    if (percent == m_last)
        return !m_cancelled;
    return report(percent);
}

bool DemoProgress::report(int percent)
{
    m_last = percent;
    if (m_cancelled)
        return false;
    if (m_callback && !m_callback(percent, m_stage))
        m_cancelled = true;
    return !m_cancelled;
}

} // namespace md
