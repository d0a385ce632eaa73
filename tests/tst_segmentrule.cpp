// The segment rule tree without a database: what reads, its canonical JSON, and every refusal
// naming the exact node (a JSON path) and why.

#include "marketing/segmentrule.h"

#include <QTest>

using namespace md;

class tst_SegmentRule : public QObject
{
    Q_OBJECT

private slots:
    void canonical_data();
    void canonical();
    void refused_data();
    void refused();
    void boundsAndFields();
};

void tst_SegmentRule::canonical_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("issue example, money 100.00 as units")
        << QByteArray(R"({"all": [{"field": "orders_count", "op": ">=", "value": 3},
            {"any": [{"field": "bought_category", "op": "=", "value": "Tea"},
                     {"field": "total_spent", "op": ">", "value": 100.00}]},
            {"not": {"field": "last_order", "op": "within_days", "value": 90}}]})")
        << QByteArray(R"({"all":[{"field":"orders_count","op":">=","value":3},)"
                      R"({"any":[{"field":"bought_category","op":"=","value":"Tea"},)"
                      R"({"field":"total_spent","op":">","value":100}]},)"
                      R"({"not":{"field":"last_order","op":"within_days","value":90}}]})");
    QTest::newRow("money as text, exact cents")
        << QByteArray(R"({"field":"avg_order_value","op":"between","value":["10.5", 20.25]})")
        << QByteArray(R"({"field":"avg_order_value","op":"between","value":[10.5,20.25]})");
    QTest::newRow("email domain lower-cased")
        << QByteArray(R"({"field":"email_domain","op":"in","value":[" Example.COM","b.org"]})")
        << QByteArray(R"({"field":"email_domain","op":"in","value":["example.com","b.org"]})");
    QTest::newRow("time with offset to UTC")
        << QByteArray(R"({"field":"created","op":"after","value":"2026-06-30T12:00:00+02:00"})")
        << QByteArray(R"({"field":"created","op":"after","value":"2026-06-30T10:00:00Z"})");
    QTest::newRow("deep not")
        << QByteArray(R"({"not":{"not":{"any":[{"field":"unsubscribed","op":"=","value":true}]}}})")
        << QByteArray(
               R"({"not":{"not":{"any":[{"field":"unsubscribed","op":"=","value":true}]}}})");
    QTest::newRow("top percent")
        << QByteArray(R"({"field":"total_spent","op":"top_percent","value":10})")
        << QByteArray(R"({"field":"total_spent","op":"top_percent","value":10})");
    QTest::newRow("rfm groups")
        << QByteArray(R"({"field":"rfm_group","op":"in","value":["at_risk","cant_lose_them"]})")
        << QByteArray(R"({"field":"rfm_group","op":"in","value":["at_risk","cant_lose_them"]})");
}

void tst_SegmentRule::canonical()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    auto rule = SegmentRule::parse(json);
    QVERIFY2(rule.ok(), qPrintable(rule.error()));
    QCOMPARE(rule->toJson(), expected);
    // Canonical form reads back to itself.
    auto again = SegmentRule::parse(rule->toJson());
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(again->toJson(), expected);
}

void tst_SegmentRule::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("bad JSON names the offset")
        << QByteArray(R"({"all": [})") << QStringLiteral("at offset 10");
    QTest::newRow("not an object")
        << QByteArray("[1]") << QStringLiteral("the rule: a JSON object");
    QTest::newRow("unknown field deep")
        << QByteArray(R"({"all":[{"field":"orders_count","op":">","value":1},)"
                      R"({"any":[{"field":"shoe_size","op":"=","value":3}]}]})")
        << QStringLiteral("all[1].any[0].field: unknown field \"shoe_size\"");
    QTest::newRow("operator the field refuses")
        << QByteArray(R"({"all":[{"field":"orders_count","op":">","value":1},)"
                      R"({"any":[{"field":"total_spent","op":"contains","value":"1"}]}]})")
        << QStringLiteral("all[1].any[0].op: total_spent does not allow the operator \"contains\"");
    QTest::newRow("unknown operator")
        << QByteArray(R"({"field":"orders_count","op":"~","value":1})")
        << QStringLiteral("op: unknown operator \"~\"");
    QTest::newRow("empty group") << QByteArray(R"({"all":[{"any":[]}]})")
                                 << QStringLiteral("all[0].any: the group is empty");
    QTest::newRow("between needs two")
        << QByteArray(R"({"all":[{"field":"orders_count","op":"between","value":[1]}]})")
        << QStringLiteral("all[0].value: between needs an array of two values");
    QTest::newRow("between reversed")
        << QByteArray(R"({"field":"orders_count","op":"between","value":[5, 1]})")
        << QStringLiteral("value: the first value of between is greater");
    QTest::newRow("in needs a non-empty array")
        << QByteArray(R"({"field":"bought_product","op":"in","value":[]})")
        << QStringLiteral("value: in needs a non-empty array");
    QTest::newRow("in element wrong type")
        << QByteArray(R"({"not":{"field":"bought_product","op":"in","value":["A",3]}})")
        << QStringLiteral("not.value[1]: 3 is not a non-empty text");
    QTest::newRow("money beyond the cent")
        << QByteArray(R"({"field":"total_spent","op":">","value":10.005})")
        << QStringLiteral("value: 10.005 is not an amount of money exact to the cent");
    QTest::newRow("negative money") << QByteArray(R"({"field":"total_spent","op":">","value":-1})")
                                    << QStringLiteral("value: -1 is not an amount of money");
    QTest::newRow("count not whole")
        << QByteArray(R"({"field":"orders_count","op":">","value":1.5})")
        << QStringLiteral("value: 1.5 is not a whole number");
    QTest::newRow("count as text") << QByteArray(R"({"field":"orders_count","op":">","value":"3"})")
                                   << QStringLiteral("value: \"3\" is not a whole number");
    QTest::newRow("bool wanted") << QByteArray(
        R"({"field":"accepts_marketing","op":"=","value":1})")
                                 << QStringLiteral("value: 1 is not true or false");
    QTest::newRow("bad date") << QByteArray(
        R"({"field":"first_order","op":"before","value":"2026-02-30"})")
                              << QStringLiteral("value: \"2026-02-30\" is not a date");
    QTest::newRow("unknown status")
        << QByteArray(R"({"field":"subscription_status","op":"=","value":"frozen"})")
        << QStringLiteral("value: \"frozen\" is not a subscription status");
    QTest::newRow("top percent out of range")
        << QByteArray(R"({"field":"total_spent","op":"top_percent","value":0})")
        << QStringLiteral("value: 0 is not a whole number from 1 to 100");
    QTest::newRow("missing value") << QByteArray(R"({"any":[{"field":"orders_count","op":">"}]})")
                                   << QStringLiteral("any[0].value: missing");
    QTest::newRow("extra member") << QByteArray(
        R"({"field":"orders_count","op":">","value":1,"x":2})")
                                  << QStringLiteral("x: unknown member \"x\"");
    QTest::newRow("group with a neighbour")
        << QByteArray(R"({"all":[{"field":"orders_count","op":">","value":1}],"any":[]})")
        << QStringLiteral("the rule: a group has the one member");
    QTest::newRow("rfm_group key is exact")
        << QByteArray(R"({"all":[{"field":"rfm_group","op":"=","value":"Champions"}]})")
        << QStringLiteral("all[0].value: \"Champions\" is not an RFM group; use one of "
                          "champions, potential_loyalists, loyal_customers");
    QTest::newRow("rfm_group unknown in a list")
        << QByteArray(R"({"field":"rfm_group","op":"in","value":["lost","vip"]})")
        << QStringLiteral("value[1]: \"vip\" is not an RFM group");
    QTest::newRow("rfm_group refuses contains")
        << QByteArray(R"({"field":"rfm_group","op":"contains","value":"lost"})")
        << QStringLiteral("op: rfm_group does not allow the operator \"contains\"; use one of "
                          "=, !=, in");
}

void tst_SegmentRule::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    auto rule = SegmentRule::parse(json);
    QVERIFY(!rule.ok());
    QVERIFY2(rule.error().contains(message), qPrintable(rule.error()));
}

void tst_SegmentRule::boundsAndFields()
{
    auto rule = SegmentRule::parse(
        R"({"all":[{"field":"created","op":"before","value":"2026-06-30"},
                   {"field":"created","op":"after","value":"2026-06-30"},
                   {"field":"last_order","op":"after","value":"2026-06-30T00:00:00Z"},
                   {"field":"total_spent","op":"=","value":"0.10"}]})");
    QVERIFY2(rule.ok(), qPrintable(rule.error()));
    const auto &children = rule->root().children;
    const qint64 day = 1782777600;                                // 2026-06-30T00:00:00Z
    QCOMPARE(children[0].condition.numbers.front(), day);         // t < start of the day
    QCOMPARE(children[1].condition.numbers.front(), day + 86400); // t >= next day
    QCOMPARE(children[2].condition.numbers.front(), day + 1);     // t > the second
    QCOMPARE(children[3].condition.numbers.front(), qint64(10));  // cents
    QCOMPARE(rule->fields(), (QList<SegmentField>{SegmentField::Created, SegmentField::LastOrder,
                                                  SegmentField::TotalSpent}));
}

QTEST_GUILESS_MAIN(tst_SegmentRule)
#include "tst_segmentrule.moc"
