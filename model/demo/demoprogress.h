#pragma once

// Turns the demo generator's stages and row counts into the 0..100 percent the caller sees, and
// carries the caller's answer back: false means cancel.

#include "demoshop.h"

namespace md {

class DemoProgress
{
public:
    explicit DemoProgress(DemoShop::Progress callback);

    // Enters a stage that covers [from, to) percent; false when the caller cancelled.
    bool stage(const QString &name, int from, int to);
    // done of total units of the current stage; reports only when the percent changes.
    bool advance(qint64 done, qint64 total);
    bool cancelled() const { return m_cancelled; }

private:
    bool report(int percent);

    DemoShop::Progress m_callback;
    QString m_stage;
    int m_from = 0;
    int m_to = 0;
    int m_last = -1;
    bool m_cancelled = false;
};

} // namespace md
