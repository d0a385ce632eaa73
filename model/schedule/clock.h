#pragma once

// Where the scheduler gets "now" from: the system clock in the app, a ManualClock in tests, so
// next-run and catch-up logic can be checked at any instant. now() carries its time zone, in
// which times of day ("every day at 02:00") are meant.

#include <QDateTime>

namespace md {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }

    // The computer's clock in its local time zone.
    static const Clock &system();
};

} // namespace md
