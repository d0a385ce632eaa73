#include "demosetup.h"

#include <QDateTime>
#include <QTimeZone>

namespace md {

DemoSetup::DemoSetup(const DemoOptions &options)
    : seed(options.seed)
    , scale(options.scale)
    , subcategories(options.scale != DemoOptions::Scale::Small)
    , asOf(options.asOf.isValid() ? options.asOf : QDateTime::currentDateTimeUtc().date())
{
    asOfEpoch = QDateTime(asOf, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    switch (scale) {
    case DemoOptions::Scale::Large:
        productCount = 1'000'000;
        customerCount = 1'000'000;
        // About four lines per basket: ten million order lines.
        orderCount = 2'500'000;
        priceRunCount = 36;
        // A month of clicks is already a few million events at this size.
        eventDays = 30;
        break;
    case DemoOptions::Scale::Medium:
        // A tenth of the large shop in every table: the builder's 100,000-customer benchmark.
        productCount = 100'000;
        customerCount = 100'000;
        orderCount = 250'000;
        priceRunCount = 36;
        eventDays = 30;
        break;
    case DemoOptions::Scale::Small:
        productCount = 500;
        customerCount = 2'000;
        orderCount = 20'000;
        priceRunCount = 8;
        eventDays = 180;
        break;
    }
}

} // namespace md
