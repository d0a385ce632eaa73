// The enum ↔ key tables: every stored or command-line key reads back as its value, the keys
// are the ones already in databases and scripts (a changed key would orphan stored rows),
// aliases are read but never written, and unknown or differently cased text is refused.

#include "core/enumkeys.h"
#include "crosssell/crosssellstore.h"
#include "demo/demoevents.h"
#include "demo/demoorders.h"
#include "demo/demoshop.h"
#include "io/csvsettings.h"
#include "io/importoptions.h"
#include "pricing/pricingpreviewwriter.h"
#include "pricing/pricingproposalstore.h"
#include "pricing/pricingrules.h"
#include "pricing/pricingrun.h"
#include "schedule/jobrunner.h"
#include "schedule/jobschedule.h"
#include "subscriptions/entitlementservice.h"
#include "subscriptions/featurevalue.h"
#include "subscriptions/planmatrix.h"
#include "subscriptions/subscriptionstatus.h"

#include <QTest>

using namespace md;

namespace {

enum class Colour { Red, Green, Blue };

constexpr auto enumKeys(Colour)
{
    return keyTable<Colour>({{Colour::Red, "red"},
                             {Colour::Green, "green"},
                             {Colour::Blue, "blue"},
                             {Colour::Red, "rouge"}});
}

constexpr auto kShortColourKeys = keyTable<Colour>({{Colour::Red, "r"}, {Colour::Green, "g"}});

static_assert(enumKeys(Colour{}).coversFirst(3));
static_assert(!kShortColourKeys.coversFirst(3));

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

// Every value of an enum: its key both ways, and the key list it is listed in.
template<typename E> QStringList roundTrip(std::initializer_list<E> values)
{
    QStringList keys;
    for (const E value : values) {
        const QString key = keyOf(value);
        if (!fromKey<E>(key) || *fromKey<E>(key) != value)
            return {QStringLiteral("no round trip for %1").arg(key)};
        keys << key;
    }
    if (keys != keysOf<E>())
        return {QStringLiteral("keysOf() is %1").arg(keysOf<E>().join(u','))};
    return keys;
}

} // namespace

class tst_EnumKeys : public QObject
{
    Q_OBJECT

private slots:
    void helper();
    void storedKeys_data();
    void storedKeys();
    void labelsAreNotKeys();
    void aliasesAreReadNotWritten();
};

void tst_EnumKeys::helper()
{
    QCOMPARE(keyOf(Colour::Green), QStringLiteral("green"));
    QCOMPARE(fromKey<Colour>(u"blue"), std::optional(Colour::Blue));
    QCOMPARE(fromKey<Colour>(u"rouge"), std::optional(Colour::Red)); // an alias reads
    QCOMPARE(keyOf(Colour::Red), QStringLiteral("red"));             // the first key writes
    QCOMPARE(fromKey<Colour>(u"Red"), std::nullopt);                 // exact, not case-folded
    QCOMPARE(fromKey<Colour>(u" red"), std::nullopt);
    QCOMPARE(fromKey<Colour>(u""), std::nullopt);
    QCOMPARE(keysOf<Colour>(), words("red green blue"));
    QCOMPARE(keyList<Colour>(), QStringLiteral("red, green, blue"));
    QCOMPARE(keyList<Colour>(u"|"), QStringLiteral("red|green|blue"));
    // A second, named table for the same enum; a value it does not list has no key.
    QCOMPARE(kShortColourKeys.keyOf(Colour::Green), QStringLiteral("g"));
    QCOMPARE(kShortColourKeys.keyOf(Colour::Blue), QString());
    QCOMPARE(kShortColourKeys.fromKey(u"green"), std::nullopt);
}

void tst_EnumKeys::storedKeys_data()
{
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("expected");
    using Proposal = PricingProposalInfo::Status;
    using Format = PricingPreviewWriter::Format;
    using Kind = JobSchedule::Kind;
    using Mode = JobSchedule::Mode;
    using Outcome = JobOutcome::Status;
    using Reason = EntitlementReason;
    using Scale = DemoOptions::Scale;
    using Order = DemoOrders::Status;
    using Event = DemoEvents::Type;

    QTest::newRow("price_runs.source")
        << roundTrip({PricingRunSource::Manual, PricingRunSource::Schedule, PricingRunSource::Cli,
                      PricingRunSource::Undo})
        << words("manual schedule cli undo");
    QTest::newRow("price_proposals.status")
        << roundTrip({Proposal::Pending, Proposal::Applied, Proposal::Discarded})
        << words("pending applied discarded");
    QTest::newRow("reprice --format")
        << roundTrip({Format::Table, Format::Csv, Format::Json}) << words("table csv json");
    QTest::newRow("charm rounding")
        << roundTrip({CharmEnding::None, CharmEnding::Cents99, CharmEnding::Cents95})
        << words("none .99 .95");
    QTest::newRow("subscriptions.status")
        << roundTrip({SubscriptionStatus::Active, SubscriptionStatus::Paused,
                      SubscriptionStatus::PastDue, SubscriptionStatus::Cancelled})
        << words("active paused past_due cancelled");
    QTest::newRow("plan_features.value_type")
        << roundTrip({FeatureType::Bool, FeatureType::Int, FeatureType::Choice})
        << words("bool int choice");
    QTest::newRow("plans.billing_interval") << roundTrip(
        {BillingInterval::Monthly, BillingInterval::Quarterly, BillingInterval::Yearly})
                                            << words("monthly quarterly yearly");
    QTest::newRow("entitlement reasons")
        << roundTrip({Reason::Active, Reason::FeatureNotInPlan, Reason::Paused, Reason::PastDue,
                      Reason::Cancelled, Reason::NoSubscription})
        << words("active feature_not_in_plan paused past_due cancelled no_subscription");
    QTest::newRow("import --format")
        << roundTrip({ImportFormat::Auto, ImportFormat::Native, ImportFormat::Shopify,
                      ImportFormat::WooCommerce})
        << words("auto native shopify woocommerce");
    QTest::newRow("import --mode")
        << roundTrip({ImportMode::Upsert, ImportMode::Insert, ImportMode::Replace})
        << words("upsert insert replace");
    QTest::newRow("import --encoding")
        << roundTrip({TextEncoding::Utf8, TextEncoding::Utf16LE, TextEncoding::Utf16BE,
                      TextEncoding::Windows1252})
        << words("utf-8 utf-16le utf-16be windows-1252");
    QTest::newRow("job_runs.status")
        << roundTrip({Outcome::Succeeded, Outcome::Failed, Outcome::Skipped})
        << words("succeeded failed skipped");
    QTest::newRow("scheduled_jobs.schedule_kind")
        << roundTrip({Kind::Interval, Kind::TimesOfDay}) << words("interval times");
    QTest::newRow("scheduled_jobs.apply_mode")
        << roundTrip({Mode::Apply, Mode::Preview}) << words("apply preview");
    QTest::newRow("crosssell_runs.source")
        << roundTrip({CrossSellSource::Manual, CrossSellSource::Cli}) << words("manual cli");
    QTest::newRow("crosssell_rules.kind")
        << roundTrip({RuleRow::Kind::Bought, RuleRow::Kind::Viewed}) << words("bought viewed");
    QTest::newRow("init --scale") << roundTrip({Scale::Small, Scale::Medium, Scale::Large})
                                  << words("small medium large");
    QTest::newRow("orders.status")
        << roundTrip({Order::Completed, Order::Pending, Order::Cancelled, Order::Refunded})
        << words("completed pending cancelled refunded");
    QTest::newRow("behaviour_events.event_type")
        << roundTrip({Event::ProductViewed, Event::AddedToCart, Event::CheckoutStarted,
                      Event::OrderCompleted})
        << words("product_viewed added_to_cart checkout_started order_completed");
}

void tst_EnumKeys::storedKeys()
{
    QFETCH(QStringList, keys);
    QFETCH(QStringList, expected);
    QCOMPARE(keys, expected);
}

void tst_EnumKeys::labelsAreNotKeys()
{
    // Labels for people are a separate, translated text, never the key.
    QCOMPARE(PricingRunInfo::sourceLabel(PricingRunSource::Cli), QStringLiteral("Command line"));
    QCOMPARE(SubscriptionStatusInfo::label(SubscriptionStatus::PastDue),
             QStringLiteral("Past due"));
    QCOMPARE(CsvSettings::encodingLabel(TextEncoding::Utf8), QStringLiteral("UTF-8"));
    QCOMPARE(FeatureValue::typeLabel(FeatureType::Bool), QStringLiteral("Yes/no"));
}

void tst_EnumKeys::aliasesAreReadNotWritten()
{
    QCOMPARE(fromKey<CharmEnding>(u"99"), std::optional(CharmEnding::Cents99));
    QCOMPARE(fromKey<CharmEnding>(u"95"), std::optional(CharmEnding::Cents95));
    QCOMPARE(fromKey<CharmEnding>(u""), std::optional(CharmEnding::None));
    QCOMPARE(keyOf(CharmEnding::Cents99), QStringLiteral(".99"));
    QCOMPARE(CsvSettings::parseEncoding(QStringLiteral(" Latin-1 ")),
             std::optional(TextEncoding::Windows1252));
    QCOMPARE(CsvSettings::parseEncoding(QStringLiteral("UTF_16LE")),
             std::optional(TextEncoding::Utf16LE));
    QCOMPARE(CsvSettings::parseEncoding(QStringLiteral("utf-32")), std::nullopt);
    QCOMPARE(keyOf(TextEncoding::Windows1252), QStringLiteral("windows-1252"));
    auto scale = DemoShop::parseScale(QStringLiteral("LARGE"));
    QVERIFY(scale.ok());
    QCOMPARE(*scale, DemoOptions::Scale::Large);
    auto unknown = DemoShop::parseScale(QStringLiteral("huge"));
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error().contains(QStringLiteral("small, medium, large")),
             qPrintable(unknown.error()));
}

QTEST_GUILESS_MAIN(tst_EnumKeys)
#include "tst_enumkeys.moc"
