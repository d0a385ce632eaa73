// Plans, typed features, inheritance, subscriptions and entitlements on a real database (both
// backends): values accepted and refused with the plan and feature named, the matrix saved in
// one transaction, inherited and overridden values, every entitlement reason, status moves with
// their log, automatic resume, plan changes at the next cycle, deleting a plan or a feature
// refused while in use, and the plan history the growth chart is counted from.

#include "db/sql.h"
#include "schedule/manualclock.h"
#include "schedule/standardjobs.h"
#include "subscriptions/entitlementservice.h"
#include "subscriptions/planhistory.h"
#include "subscriptions/planstore.h"
#include "subscriptions/subscriptionmetrics.h"
#include "subscriptions/subscriptionrenewaljob.h"
#include "subscriptions/subscriptionservice.h"
#include "testdb.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace md;

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kNow = 1790000000; // 2026-09-21

struct Shop
{
    qint64 basic = 0, premium = 0, deluxe = 0;
    qint64 items = 0, exclusive = 0, exclusives = 0, speed = 0, giftWrap = 0;
};

Result<qint64> addCustomer(const Database &db, const char *email)
{
    auto id = sql::scalar(db.sql(),
                          QStringLiteral("INSERT INTO customers (email, created_at) VALUES (?, 0) "
                                         "RETURNING id"),
                          {QString::fromUtf8(email)});
    if (!id)
        return fail(id.error());
    return id->toLongLong();
}

} // namespace

class tst_Subscriptions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void valuesAcceptedAndRefused_data();
    void valuesAcceptedAndRefused();
    void matrixSavedInOneTransaction();
    void inheritanceAndOverrides();
    void inheritanceLoopRefused();
    void featureDefinitionChecked();
    void entitlementReasons();
    void statusTransitionsAreLogged();
    void automaticResume();
    void planChangeAtNextCycle();
    void renewalJobResumesAndChangesPlans();
    void deletePlanWithSubscribersRefused();
    void deleteFeatureRefusedWhileSet();
    void deleteUnusedFeature();
    void growthChartFollowsPlanHistory();
    void planHistorySyncAfterBulkWrite();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::optional<Database> m_db;
    Shop m_shop;
};

void tst_Subscriptions::init()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    m_db.emplace(std::move(*db));
    const Database &d = *m_db;

    auto feature = [&d](const char *key, const char *label, FeatureType type, QStringList choices,
                        const char *def, int order) -> qint64 {
        FeatureDef f;
        f.key = QString::fromUtf8(key);
        f.label = QString::fromUtf8(label);
        f.type = type;
        f.choices = choices;
        f.defaultValue = QString::fromUtf8(def);
        f.displayOrder = order;
        auto id = PlanStore::saveFeature(d, f);
        if (!id)
            qWarning("%s", qPrintable(id.error()));
        return id ? *id : -1;
    };
    m_shop.items = feature("target_item_count", "Items per box", FeatureType::Int, {}, "4", 1);
    m_shop.exclusive = feature("exclusive_item", "Exclusive item", FeatureType::Bool, {}, "no", 2);
    m_shop.exclusives
        = feature("num_exclusive_items", "Exclusive items per box", FeatureType::Int, {}, "0", 3);
    m_shop.speed = feature("shipping_speed", "Shipping speed", FeatureType::Choice,
                           {QStringLiteral("standard"), QStringLiteral("priority")}, "standard", 4);
    m_shop.giftWrap = feature("gift_wrap", "Gift wrap", FeatureType::Bool, {}, "false", 5);
    QVERIFY(m_shop.items > 0 && m_shop.exclusive > 0 && m_shop.speed > 0 && m_shop.giftWrap > 0);

    auto plan = [&d](const char *name, qint64 price, qint64 parent, int order) -> qint64 {
        PlanDef p;
        p.name = QString::fromUtf8(name);
        p.priceCents = price;
        p.parentId = parent;
        p.displayOrder = order;
        auto id = PlanStore::savePlan(d, p);
        if (!id)
            qWarning("%s", qPrintable(id.error()));
        return id ? *id : -1;
    };
    m_shop.basic = plan("Basic Box", 2999, 0, 1);
    m_shop.premium = plan("Premium Box", 5999, m_shop.basic, 2);
    m_shop.deluxe = plan("Deluxe Box", 9999, m_shop.premium, 3);
    QVERIFY(m_shop.basic > 0 && m_shop.premium > 0 && m_shop.deluxe > 0);

    auto matrix = PlanStore::load(d);
    MD_VERIFY(matrix);
    MD_VERIFY(PlanStore::saveValues(d, *matrix,
                                    {{m_shop.basic, m_shop.items, QStringLiteral("4")},
                                     {m_shop.basic, m_shop.speed, QStringLiteral("standard")},
                                     {m_shop.basic, m_shop.exclusive, QStringLiteral("false")},
                                     {m_shop.premium, m_shop.items, QStringLiteral("6")},
                                     {m_shop.premium, m_shop.exclusive, QStringLiteral("yes")},
                                     {m_shop.premium, m_shop.exclusives, QStringLiteral("1")},
                                     {m_shop.deluxe, m_shop.items, QStringLiteral("8")},
                                     {m_shop.deluxe, m_shop.exclusives, QStringLiteral("3")},
                                     {m_shop.deluxe, m_shop.speed, QStringLiteral("Priority")}}));
}

void tst_Subscriptions::cleanup()
{
    m_db.reset();
    m_scratch.reset();
}

void tst_Subscriptions::valuesAcceptedAndRefused_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("stored"); // empty: refused
    QTest::addColumn<QString>("message");

    QTest::newRow("bool yes") << "exclusive_item"
                              << "yes"
                              << "true"
                              << "";
    QTest::newRow("bool 0") << "exclusive_item"
                            << "0"
                            << "false"
                            << "";
    QTest::newRow("bool OFF") << "exclusive_item"
                              << "OFF"
                              << "false"
                              << "";
    QTest::newRow("bool maybe refused") << "exclusive_item"
                                        << "maybe"
                                        << ""
                                        << "“maybe” is not yes or no";
    QTest::newRow("int 12") << "target_item_count"
                            << " 12 "
                            << "12"
                            << "";
    QTest::newRow("int 0") << "target_item_count"
                           << "0"
                           << "0"
                           << "";
    QTest::newRow("int negative refused") << "target_item_count"
                                          << "-1"
                                          << ""
                                          << "-1 is outside 0 to 1000000";
    QTest::newRow("int decimal refused") << "target_item_count"
                                         << "2.5"
                                         << ""
                                         << "“2.5” is not a whole number";
    QTest::newRow("int text refused") << "target_item_count"
                                      << "six"
                                      << ""
                                      << "“six” is not a whole number";
    QTest::newRow("choice any case") << "shipping_speed"
                                     << "PRIORITY"
                                     << "priority"
                                     << "";
    QTest::newRow("choice unknown refused") << "shipping_speed"
                                            << "express"
                                            << ""
                                            << "“express” is not one of standard, priority";
}

void tst_Subscriptions::valuesAcceptedAndRefused()
{
    QFETCH(QString, key);
    QFETCH(QString, input);
    QFETCH(QString, stored);
    QFETCH(QString, message);
    auto matrix = PlanStore::load(*m_db);
    MD_VERIFY(matrix);
    const FeatureDef *feature = matrix->featureByKey(key);
    QVERIFY(feature);
    const Status saved
        = PlanStore::saveValues(*m_db, *matrix, {{m_shop.premium, feature->id, input}});
    auto reloaded = PlanStore::load(*m_db);
    MD_VERIFY(reloaded);
    if (stored.isEmpty()) {
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().contains(
                     QStringLiteral("Plan “Premium Box”, feature “%1”").arg(feature->label)),
                 qPrintable(saved.error()));
        QVERIFY2(saved.error().contains(message), qPrintable(saved.error()));
        QCOMPARE(reloaded->ownValue(m_shop.premium, feature->id),
                 matrix->ownValue(m_shop.premium, feature->id));
    } else {
        MD_VERIFY(saved);
        QCOMPARE(reloaded->ownValue(m_shop.premium, feature->id), std::optional<QString>(stored));
    }
}

void tst_Subscriptions::matrixSavedInOneTransaction()
{
    auto matrix = PlanStore::load(*m_db);
    MD_VERIFY(matrix);
    // A good edit and a bad one: neither is written.
    const Status saved
        = PlanStore::saveValues(*m_db, *matrix,
                                {{m_shop.basic, m_shop.items, QStringLiteral("5")},
                                 {m_shop.deluxe, m_shop.speed, QStringLiteral("overnight")}});
    QVERIFY(!saved.ok());
    QVERIFY(saved.error().contains(QStringLiteral("Plan “Deluxe Box”, feature “Shipping speed”")));
    auto after = PlanStore::load(*m_db);
    MD_VERIFY(after);
    QCOMPARE(*after->ownValue(m_shop.basic, m_shop.items), QStringLiteral("4"));

    // Dropping an override and setting another in one save.
    MD_VERIFY(PlanStore::saveValues(*m_db, *after,
                                    {{m_shop.deluxe, m_shop.items, std::nullopt},
                                     {m_shop.basic, m_shop.giftWrap, QStringLiteral("true")}}));
    auto last = PlanStore::load(*m_db);
    MD_VERIFY(last);
    QVERIFY(!last->ownValue(m_shop.deluxe, m_shop.items));
    QCOMPARE(last->resolve(m_shop.deluxe, m_shop.items).value, QStringLiteral("6"));
    QCOMPARE(last->resolve(m_shop.deluxe, m_shop.giftWrap).value, QStringLiteral("true"));
}

void tst_Subscriptions::inheritanceAndOverrides()
{
    auto matrix = PlanStore::load(*m_db);
    MD_VERIFY(matrix);
    // Deluxe overrides the count, inherits the exclusive flag from Premium (two levels: own,
    // parent) and the default for a feature nobody sets.
    ResolvedValue v = matrix->resolve(m_shop.deluxe, m_shop.items);
    QCOMPARE(v.value, QStringLiteral("8"));
    QVERIFY(!v.inherited);
    QCOMPARE(v.fromPlanId, m_shop.deluxe);
    v = matrix->resolve(m_shop.deluxe, m_shop.exclusive);
    QCOMPARE(v.value, QStringLiteral("true"));
    QVERIFY(v.inherited);
    QCOMPARE(v.fromPlanId, m_shop.premium);
    v = matrix->resolve(m_shop.premium, m_shop.speed);
    QCOMPARE(v.value, QStringLiteral("standard"));
    QCOMPARE(v.fromPlanId, m_shop.basic);
    v = matrix->resolve(m_shop.deluxe, m_shop.speed);
    QCOMPARE(v.value, QStringLiteral("priority")); // stored as declared, not as typed
    v = matrix->resolve(m_shop.deluxe, m_shop.giftWrap);
    QCOMPARE(v.value, QStringLiteral("false"));
    QVERIFY(!v.set());

    // Changing the parent's value changes what the child inherits.
    MD_VERIFY(PlanStore::saveValues(*m_db, *matrix,
                                    {{m_shop.premium, m_shop.exclusive, QStringLiteral("false")}}));
    auto after = PlanStore::load(*m_db);
    MD_VERIFY(after);
    QCOMPARE(after->resolve(m_shop.deluxe, m_shop.exclusive).value, QStringLiteral("false"));
}

void tst_Subscriptions::inheritanceLoopRefused()
{
    auto matrix = PlanStore::load(*m_db);
    MD_VERIFY(matrix);
    PlanDef basic = *matrix->plan(m_shop.basic);
    basic.parentId = m_shop.deluxe; // Deluxe -> Premium -> Basic -> Deluxe
    auto saved = PlanStore::savePlan(*m_db, basic);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().contains(QStringLiteral("“Basic Box” cannot inherit from “Deluxe Box”")),
             qPrintable(saved.error()));
    PlanDef copy = *matrix->plan(m_shop.premium);
    copy.id = 0; // a new plan with an existing name
    QVERIFY(!PlanStore::savePlan(*m_db, copy).ok());
}

void tst_Subscriptions::featureDefinitionChecked()
{
    FeatureDef f;
    f.key = QStringLiteral("Bad Key");
    f.label = QStringLiteral("Bad");
    f.defaultValue = QStringLiteral("false");
    QVERIFY(!PlanStore::saveFeature(*m_db, f).ok());
    f.key = QStringLiteral("support_level");
    f.type = FeatureType::Choice;
    f.choices = {QStringLiteral("email"), QStringLiteral("phone")};
    f.defaultValue = QStringLiteral("fax");
    auto refused = PlanStore::saveFeature(*m_db, f);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QLatin1String("default value")), qPrintable(refused.error()));

    // Narrowing the choices of a feature a plan uses is refused, naming that plan.
    auto matrix = PlanStore::load(*m_db);
    MD_VERIFY(matrix);
    FeatureDef speed = *matrix->feature(m_shop.speed);
    speed.choices = {QStringLiteral("standard")};
    auto narrowed = PlanStore::saveFeature(*m_db, speed);
    QVERIFY(!narrowed.ok());
    QVERIFY2(narrowed.error().contains(QLatin1String("Deluxe Box")), qPrintable(narrowed.error()));
}

void tst_Subscriptions::entitlementReasons()
{
    const Database &d = *m_db;
    auto active = addCustomer(d, "active@example.com");
    auto paused = addCustomer(d, "paused@example.com");
    auto cancelled = addCustomer(d, "cancelled@example.com");
    auto pastDue = addCustomer(d, "pastdue@example.com");
    auto nobody = addCustomer(d, "nobody@example.com");
    auto returning = addCustomer(d, "returning@example.com");
    MD_VERIFY(active);
    MD_VERIFY(paused);
    MD_VERIFY(cancelled);
    MD_VERIFY(pastDue);
    MD_VERIFY(nobody);
    MD_VERIFY(returning);
    const qint64 start = kNow - 100 * kDay;
    auto s1 = SubscriptionService::subscribe(d, *active, m_shop.deluxe, start);
    auto s2 = SubscriptionService::subscribe(d, *paused, m_shop.premium, start);
    auto s3 = SubscriptionService::subscribe(d, *cancelled, m_shop.premium, start);
    auto s4 = SubscriptionService::subscribe(d, *pastDue, m_shop.basic, start);
    auto s5 = SubscriptionService::subscribe(d, *returning, m_shop.basic, start);
    MD_VERIFY(s1);
    MD_VERIFY(s2);
    MD_VERIFY(s3);
    MD_VERIFY(s4);
    MD_VERIFY(s5);
    const qint64 until
        = QDateTime(QDate(2026, 10, 12), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    MD_VERIFY(SubscriptionService::pause(d, *s2, until, kNow - kDay));
    MD_VERIFY(SubscriptionService::cancel(d, *s3, QStringLiteral("Too expensive"), kNow - kDay));
    MD_VERIFY(SubscriptionService::markPastDue(d, *s4, kNow - kDay));
    // An old cancelled subscription does not hide a newer active one.
    MD_VERIFY(SubscriptionService::cancel(d, *s5, QStringLiteral("Moving"), start + kDay));
    MD_VERIFY(SubscriptionService::subscribe(d, *returning, m_shop.premium, start + 2 * kDay));

    QLocale::setDefault(QLocale::c());
    struct Expect
    {
        const char *email;
        const char *key;
        EntitlementReason reason;
        const char *value;
        const char *explanation;
    };
    const Expect rows[] = {
        {"active@example.com", "exclusive_item", EntitlementReason::Active, "true",
         "active on Deluxe Box (inherited from Premium Box)"},
        {"active@example.com", "shipping_speed", EntitlementReason::Active, "priority",
         "active on Deluxe Box"},
        {"active@example.com", "gift_wrap", EntitlementReason::FeatureNotInPlan, "false",
         "feature not in plan Deluxe Box; the default applies"},
        {"paused@example.com", "target_item_count", EntitlementReason::Paused, "4",
         "paused until 12 October 2026"},
        {"cancelled@example.com", "exclusive_item", EntitlementReason::Cancelled, "false",
         "cancelled on 20 September 2026"},
        {"pastdue@example.com", "target_item_count", EntitlementReason::PastDue, "4",
         "payment past due on Basic Box"},
        {"nobody@example.com", "target_item_count", EntitlementReason::NoSubscription, "4",
         "no subscription"},
        {"returning@example.com", "target_item_count", EntitlementReason::Active, "6",
         "active on Premium Box"},
    };
    for (const Expect &row : rows) {
        auto e = EntitlementService::check(d, QString::fromUtf8(row.email),
                                           QString::fromUtf8(row.key), kNow);
        MD_VERIFY(e);
        QCOMPARE(e->reason, row.reason);
        QCOMPARE(e->value, QString::fromUtf8(row.value));
        QCOMPARE(e->explanation, QString::fromUtf8(row.explanation));
    }
    // The pause is over on its resume date even before the resume job runs.
    auto later = EntitlementService::check(d, QStringLiteral("paused@example.com"),
                                           QStringLiteral("target_item_count"), until);
    MD_VERIFY(later);
    QCOMPARE(later->reason, EntitlementReason::Active);
    QCOMPARE(later->value, QStringLiteral("6"));
    // Unknown customer and unknown feature are errors, not a "no".
    QVERIFY(!EntitlementService::check(d, QStringLiteral("who@example.com"),
                                       QStringLiteral("gift_wrap"), kNow)
                 .ok());
    auto unknown = EntitlementService::check(d, QStringLiteral("active@example.com"),
                                             QStringLiteral("free_lunch"), kNow);
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().contains(QLatin1String("free_lunch")));
}

void tst_Subscriptions::statusTransitionsAreLogged()
{
    const Database &d = *m_db;
    auto customer = addCustomer(d, "moves@example.com");
    MD_VERIFY(customer);
    auto id = SubscriptionService::subscribe(d, *customer, m_shop.basic, kNow - 10 * kDay);
    MD_VERIFY(id);
    MD_VERIFY(SubscriptionService::pause(d, *id, kNow + 30 * kDay, kNow - 5 * kDay));
    QVERIFY(!SubscriptionService::pause(d, *id, kNow + 40 * kDay, kNow - 4 * kDay).ok()); // twice
    MD_VERIFY(SubscriptionService::resume(d, *id, kNow - 3 * kDay));
    QVERIFY(!SubscriptionService::pause(d, *id, kNow - 3 * kDay, kNow - 2 * kDay).ok()); // past
    QVERIFY(!SubscriptionService::cancel(d, *id, QStringLiteral("  "), kNow).ok()); // no reason
    MD_VERIFY(SubscriptionService::markPastDue(d, *id, kNow - 2 * kDay));
    MD_VERIFY(SubscriptionService::cancel(d, *id, QStringLiteral("Too many items"), kNow - kDay));
    const Status again = SubscriptionService::resume(d, *id, kNow);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().contains(QLatin1String("is cancelled and cannot become active")),
             qPrintable(again.error()));

    auto log
        = sql::select(d.sql(),
                      QStringLiteral("SELECT changed_at, COALESCE(old_status, ''), new_status, "
                                     "note FROM subscription_status_log "
                                     "WHERE subscription_id = ? ORDER BY changed_at"),
                      {*id});
    MD_VERIFY(log);
    QStringList lines;
    while (log->next()) {
        lines << QStringLiteral("%1 %2>%3 %4")
                     .arg((log->value(0).toLongLong() - kNow) / kDay)
                     .arg(log->value(1).toString(), log->value(2).toString(),
                          log->value(3).toString());
    }
    QCOMPARE(lines, (QStringList{QStringLiteral("-10 >active Subscribed"),
                                 QStringLiteral("-5 active>paused Paused until 2026-10-21"),
                                 QStringLiteral("-3 paused>active Resumed"),
                                 QStringLiteral("-2 active>past_due Payment failed"),
                                 QStringLiteral("-1 past_due>cancelled Too many items")}));
    auto row = sql::select(d.sql(),
                           QStringLiteral("SELECT status, cancel_reason, cancelled_at "
                                          "FROM subscriptions WHERE id = ?"),
                           {*id});
    MD_VERIFY(row);
    QVERIFY(row->next());
    QCOMPARE(row->value(0).toString(), QStringLiteral("cancelled"));
    QCOMPARE(row->value(1).toString(), QStringLiteral("Too many items"));
    QCOMPARE(row->value(2).toLongLong(), kNow - kDay);
}

void tst_Subscriptions::automaticResume()
{
    const Database &d = *m_db;
    auto a = addCustomer(d, "a@example.com");
    auto b = addCustomer(d, "b@example.com");
    MD_VERIFY(a);
    MD_VERIFY(b);
    auto due = SubscriptionService::subscribe(d, *a, m_shop.basic, kNow - 50 * kDay);
    auto notYet = SubscriptionService::subscribe(d, *b, m_shop.basic, kNow - 50 * kDay);
    MD_VERIFY(due);
    MD_VERIFY(notYet);
    MD_VERIFY(SubscriptionService::pause(d, *due, kNow - kDay, kNow - 20 * kDay));
    MD_VERIFY(SubscriptionService::pause(d, *notYet, kNow + kDay, kNow - 20 * kDay));

    auto resumed = SubscriptionService::resumeDuePauses(d, kNow);
    MD_VERIFY(resumed);
    QCOMPARE(*resumed, 1);
    auto again = SubscriptionService::resumeDuePauses(d, kNow);
    MD_VERIFY(again);
    QCOMPARE(*again, 0); // idempotent

    auto status = [&d](qint64 id) {
        auto v = sql::scalar(d.sql(),
                             QStringLiteral("SELECT status FROM subscriptions WHERE id = ?"), {id});
        return v ? v->toString() : v.error();
    };
    QCOMPARE(status(*due), QStringLiteral("active"));
    QCOMPARE(status(*notYet), QStringLiteral("paused"));
    auto logged = sql::scalar(d.sql(),
                              QStringLiteral("SELECT changed_at FROM subscription_status_log "
                                             "WHERE subscription_id = ? AND new_status = 'active' "
                                             "AND old_status = 'paused'"),
                              {*due});
    MD_VERIFY(logged);
    QCOMPARE(logged->toLongLong(), kNow - kDay); // logged at the resume date
}

void tst_Subscriptions::planChangeAtNextCycle()
{
    const Database &d = *m_db;
    auto customer = addCustomer(d, "upgrade@example.com");
    MD_VERIFY(customer);
    const qint64 start = kNow - 10 * kDay;
    auto id = SubscriptionService::subscribe(d, *customer, m_shop.basic, start);
    MD_VERIFY(id);
    MD_VERIFY(SubscriptionService::changePlanNextCycle(d, *id, m_shop.deluxe));
    // Until the period ends the customer is still on Basic.
    auto now = EntitlementService::check(d, *customer, QStringLiteral("target_item_count"), kNow);
    MD_VERIFY(now);
    QCOMPARE(now->value, QStringLiteral("4"));
    auto early = SubscriptionService::applyDuePlanChanges(d, kNow);
    MD_VERIFY(early);
    QCOMPARE(*early, 0);
    auto periodEnd = sql::scalar(d.sql(),
                                 QStringLiteral("SELECT current_period_end FROM subscriptions "
                                                "WHERE id = ?"),
                                 {*id});
    MD_VERIFY(periodEnd);
    auto applied = SubscriptionService::applyDuePlanChanges(d, periodEnd->toLongLong());
    MD_VERIFY(applied);
    QCOMPARE(*applied, 1);
    auto after = EntitlementService::check(d, *customer, QStringLiteral("target_item_count"),
                                           periodEnd->toLongLong());
    MD_VERIFY(after);
    QCOMPARE(after->value, QStringLiteral("8"));
    QCOMPARE(after->planName, QStringLiteral("Deluxe Box"));
    auto next = sql::scalar(d.sql(),
                            QStringLiteral("SELECT COUNT(*) FROM subscriptions WHERE id = ? AND "
                                           "next_plan_id IS NULL AND current_period_end > ?"),
                            {*id, periodEnd->toLongLong()});
    MD_VERIFY(next);
    QCOMPARE(next->toInt(), 1);
}

void tst_Subscriptions::renewalJobResumesAndChangesPlans()
{
    const Database &d = *m_db;
    auto a = addCustomer(d, "job-a@example.com");
    auto b = addCustomer(d, "job-b@example.com");
    MD_VERIFY(a);
    MD_VERIFY(b);
    auto paused = SubscriptionService::subscribe(d, *a, m_shop.basic, kNow - 60 * kDay);
    auto moving = SubscriptionService::subscribe(d, *b, m_shop.basic, kNow - 45 * kDay);
    MD_VERIFY(paused);
    MD_VERIFY(moving);
    MD_VERIFY(SubscriptionService::pause(d, *paused, kNow - kDay, kNow - 20 * kDay));
    MD_VERIFY(SubscriptionService::changePlanNextCycle(d, *moving, m_shop.premium));
    // The scheduler knows the job; run by hand at kNow.
    ManualClock clock(QDateTime::fromSecsSinceEpoch(kNow, QTimeZone::utc()));
    const JobRunner runner = StandardJobs::runner();
    QVERIFY(runner.knows(SubscriptionRenewalJob::jobType()));
    auto report = runner.runNow(d, SubscriptionRenewalJob::jobType(), clock);
    MD_VERIFY(report);
    QCOMPARE(report->outcome.message,
             QStringLiteral("Resumed 1 paused subscriptions; 1 plan changes took effect."));
    auto plan = sql::scalar(
        d.sql(), QStringLiteral("SELECT plan_id FROM subscriptions WHERE id = ?"), {*moving});
    MD_VERIFY(plan);
    QCOMPARE(plan->toLongLong(), m_shop.premium);
}

void tst_Subscriptions::deletePlanWithSubscribersRefused()
{
    const Database &d = *m_db;
    for (const char *email : {"x1@example.com", "x2@example.com", "x3@example.com"}) {
        auto c = addCustomer(d, email);
        MD_VERIFY(c);
        MD_VERIFY(SubscriptionService::subscribe(d, *c, m_shop.deluxe, kNow - kDay));
    }
    auto count = PlanStore::liveSubscriberCount(d, m_shop.deluxe);
    MD_VERIFY(count);
    QCOMPARE(*count, qint64(3));
    const Status refused = PlanStore::deletePlan(d, m_shop.deluxe);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QStringLiteral("“Deluxe Box” has 3 subscriber")),
             qPrintable(refused.error()));
    // A plan others inherit from is refused too; a plan nobody uses goes.
    QVERIFY(!PlanStore::deletePlan(d, m_shop.basic).ok());
    PlanDef spare;
    spare.name = QStringLiteral("Spare");
    auto id = PlanStore::savePlan(d, spare);
    MD_VERIFY(id);
    MD_VERIFY(PlanStore::deletePlan(d, *id));
    auto matrix = PlanStore::load(d);
    MD_VERIFY(matrix);
    QVERIFY(!matrix->plan(*id));
}

void tst_Subscriptions::deleteFeatureRefusedWhileSet()
{
    const Database &d = *m_db;
    // Items per box is set on all three plans, Shipping speed on Basic and Deluxe.
    const Status refused = PlanStore::deleteFeature(d, m_shop.speed);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(
                 QStringLiteral("“Shipping speed” is set on 2 plan(s): Basic Box, Deluxe Box")),
             qPrintable(refused.error()));
    // Nothing was removed: the feature and both values are still there.
    auto matrix = PlanStore::load(d);
    MD_VERIFY(matrix);
    QVERIFY(matrix->feature(m_shop.speed));
    QCOMPARE(*matrix->ownValue(m_shop.basic, m_shop.speed), QStringLiteral("standard"));
    QCOMPARE(*matrix->ownValue(m_shop.deluxe, m_shop.speed), QStringLiteral("priority"));

    // Cleared on every plan, it goes.
    MD_VERIFY(PlanStore::saveValues(
        d, *matrix, {{m_shop.basic, m_shop.speed, {}}, {m_shop.deluxe, m_shop.speed, {}}}));
    MD_VERIFY(PlanStore::deleteFeature(d, m_shop.speed));
    auto after = PlanStore::load(d);
    MD_VERIFY(after);
    QVERIFY(!after->feature(m_shop.speed));
    QVERIFY(after->feature(m_shop.items));
}

void tst_Subscriptions::deleteUnusedFeature()
{
    const Database &d = *m_db;
    MD_VERIFY(PlanStore::deleteFeature(d, m_shop.giftWrap)); // no plan sets it
    auto features = sql::scalar(
        d.sql(), QStringLiteral("SELECT COUNT(*) FROM features WHERE feature_key = 'gift_wrap'"));
    MD_VERIFY(features);
    QCOMPARE(features->toInt(), 0);
    auto values = sql::scalar(d.sql(), QStringLiteral("SELECT COUNT(*) FROM plan_features"));
    MD_VERIFY(values);
    QCOMPARE(values->toInt(), 9); // every other plan value untouched
    const Status gone = PlanStore::deleteFeature(d, m_shop.giftWrap);
    QVERIFY(!gone.ok());
    QVERIFY2(gone.error().contains(QStringLiteral("no longer exists")), qPrintable(gone.error()));
}

void tst_Subscriptions::growthChartFollowsPlanHistory()
{
    const Database &d = *m_db;
    const auto utc = [](int month, int day) {
        return QDateTime(QDate(2026, month, day), QTime(12, 0), QTimeZone::utc())
            .toSecsSinceEpoch();
    };
    auto mover = addCustomer(d, "mover@example.com");
    auto stayer = addCustomer(d, "stayer@example.com");
    MD_VERIFY(mover);
    MD_VERIFY(stayer);
    // Subscribed to Basic on 10 February; the upgrade to Premium takes effect at the renewal on
    // 10 March.
    auto moved = SubscriptionService::subscribe(d, *mover, m_shop.basic, utc(2, 10));
    auto stayed = SubscriptionService::subscribe(d, *stayer, m_shop.basic, utc(1, 5));
    MD_VERIFY(moved);
    MD_VERIFY(stayed);
    MD_VERIFY(SubscriptionService::changePlanNextCycle(d, *moved, m_shop.premium));
    auto applied = SubscriptionService::applyDuePlanChanges(d, utc(3, 11));
    MD_VERIFY(applied);
    QCOMPARE(*applied, 1);

    auto periods = sql::select(d.sql(),
                               QStringLiteral("SELECT plan_id, started_at, ended_at "
                                              "FROM subscription_plan_periods "
                                              "WHERE subscription_id = ? ORDER BY started_at"),
                               {*moved});
    MD_VERIFY(periods);
    QVERIFY(periods->next());
    QCOMPARE(periods->value(0).toLongLong(), m_shop.basic);
    QCOMPARE(periods->value(1).toLongLong(), utc(2, 10));
    QCOMPARE(periods->value(2).toLongLong(), utc(3, 10));
    QVERIFY(periods->next());
    QCOMPARE(periods->value(0).toLongLong(), m_shop.premium);
    QCOMPARE(periods->value(1).toLongLong(), utc(3, 10));
    QVERIFY(periods->value(2).isNull());
    QVERIFY(!periods->next());
    periods->finish();

    // January to April, seen from 20 April: Basic 0, 2, 1, 1 (the stayer, and the mover in
    // February); Premium 0, 0, 1, 1.
    auto metrics = SubscriptionMetrics::compute(d, utc(4, 20), 4);
    MD_VERIFY(metrics);
    QCOMPARE(metrics->planNames.size(), size_t(3));
    QCOMPARE(metrics->planNames[0], QStringLiteral("Basic Box"));
    QCOMPARE(metrics->planNames[1], QStringLiteral("Premium Box"));
    const auto month = [&](int m) {
        return metrics->months[size_t(m)];
    };
    QCOMPARE(month(0).subscribers, (std::vector<qint64>{1, 0, 0}));
    QCOMPARE(month(1).subscribers, (std::vector<qint64>{2, 0, 0})); // February: Basic
    QCOMPARE(month(2).subscribers, (std::vector<qint64>{1, 1, 0}));
    QCOMPARE(month(3).subscribers, (std::vector<qint64>{1, 1, 0})); // April: Premium
    QCOMPARE(month(1).mrrCents, qint64(2 * 2999));
    QCOMPARE(month(3).mrrCents, qint64(2999 + 5999));

    // Cancelled in April: counted as churn there, no longer a subscriber at April's end.
    MD_VERIFY(SubscriptionService::cancel(d, *moved, QStringLiteral("Too expensive"), utc(4, 15)));
    auto later = SubscriptionMetrics::compute(d, utc(4, 20), 4);
    MD_VERIFY(later);
    QCOMPARE(later->months[3].subscribers, (std::vector<qint64>{1, 0, 0}));
    QCOMPARE(later->months[3].cancellations, qint64(1));
    QCOMPARE(later->months[2].subscribers, (std::vector<qint64>{1, 1, 0}));
}

void tst_Subscriptions::planHistorySyncAfterBulkWrite()
{
    const Database &d = *m_db;
    auto customer = addCustomer(d, "bulk@example.com");
    MD_VERIFY(customer);
    // Rows written without the service, as an import does: one new subscription, then its plan
    // changed in place.
    auto id = sql::scalar(d.sql(),
                          QStringLiteral("INSERT INTO subscriptions (customer_id, plan_id, status, "
                                         "started_at) VALUES (?, ?, 'active', ?) RETURNING id"),
                          {*customer, m_shop.basic, kNow - 90 * kDay});
    const qint64 subscription = id ? id->toLongLong() : 0;
    MD_VERIFY(id);
    MD_VERIFY(PlanHistory::sync(d, kNow - 30 * kDay));
    MD_VERIFY(PlanHistory::sync(d, kNow - 29 * kDay)); // nothing changed: nothing recorded
    MD_VERIFY(sql::exec(d.sql(),
                        QStringLiteral("UPDATE subscriptions SET plan_id = ? WHERE id = ?"),
                        {m_shop.deluxe, subscription}));
    MD_VERIFY(PlanHistory::sync(d, kNow - 10 * kDay));
    auto periods = sql::select(d.sql(),
                               QStringLiteral("SELECT plan_id, started_at, ended_at "
                                              "FROM subscription_plan_periods "
                                              "WHERE subscription_id = ? ORDER BY started_at"),
                               {subscription});
    MD_VERIFY(periods);
    QVERIFY(periods->next());
    QCOMPARE(periods->value(0).toLongLong(), m_shop.basic);
    QCOMPARE(periods->value(1).toLongLong(), kNow - 90 * kDay); // from its start
    QCOMPARE(periods->value(2).toLongLong(), kNow - 10 * kDay);
    QVERIFY(periods->next());
    QCOMPARE(periods->value(0).toLongLong(), m_shop.deluxe);
    QCOMPARE(periods->value(1).toLongLong(), kNow - 10 * kDay);
    QVERIFY(periods->value(2).isNull());
    QVERIFY(!periods->next());
    periods->finish();
    // A plan in a subscription's history cannot be deleted any more, even with no subscriber on
    // it now.
    PlanDef spare;
    spare.name = QStringLiteral("Spare");
    auto spareId = PlanStore::savePlan(d, spare);
    MD_VERIFY(spareId);
    MD_VERIFY(PlanHistory::recordChange(d, subscription, *spareId, kNow - 5 * kDay));
    MD_VERIFY(PlanHistory::recordChange(d, subscription, m_shop.deluxe, kNow - 4 * kDay));
    const Status refused = PlanStore::deletePlan(d, *spareId);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QStringLiteral("plan history of 1 subscription")),
             qPrintable(refused.error()));
}

QTEST_GUILESS_MAIN(tst_Subscriptions)
#include "tst_subscriptions.moc"
