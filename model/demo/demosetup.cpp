#include "demosetup.h"

#include <QDateTime>
#include <QTimeZone>

namespace md {

DemoSetup::DemoSetup(const DemoOptions &options)
    : seed(options.seed)
    , large(options.scale == DemoOptions::Scale::Large)
    , asOf(options.asOf.isValid() ? options.asOf : QDateTime::currentDateTimeUtc().date())
{
    asOfEpoch = QDateTime(asOf, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    if (large) {
        productCount = 1'000'000;
        customerCount = 1'000'000;
        // About four lines per basket: ten million order lines.
        orderCount = 2'500'000;
        priceRunCount = 36;
        // A month of clicks is already a few million events at this size.
        eventDays = 30;
    } else {
        productCount = 500;
        customerCount = 2'000;
        orderCount = 20'000;
        priceRunCount = 8;
        eventDays = 180;
    }
}

} // namespace md
