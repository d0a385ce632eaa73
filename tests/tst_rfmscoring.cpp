// RFM scoring by the method of the R package `rfm`: type-7 quantile breaks plus one unit,
// a value reaching a break scores up, recency reversed; groups by first matching range.

#include "marketing/rfmscoring.h"

#include <QTest>

using namespace md;

Q_DECLARE_METATYPE(std::vector<qint64>)
Q_DECLARE_METATYPE(std::vector<int>)

class tst_RfmScoring : public QObject
{
    Q_OBJECT

private slots:
    void frequencyScores_data();
    void frequencyScores();
    void recencyIsReversed();
    void monetaryBreaksAreOneCurrencyUnitAbove();
    void emptyInput();
    void workedExampleOfTheDocs();
    void groups_data();
    void groups();
    void groupKeysRoundTrip();
};

void tst_RfmScoring::frequencyScores_data()
{
    QTest::addColumn<std::vector<qint64>>("values");
    QTest::addColumn<std::vector<int>>("scores");
    // Breaks 2.8, 3.6, 4.4, 5.2: five distinct values never reach score 5 (the +1 of the
    // package), where ntile would give 1..5.
    QTest::newRow("five distinct")
        << std::vector<qint64>{1, 2, 3, 4, 5} << std::vector<int>{1, 1, 2, 3, 4};
    // Breaks 5, 9, 13, 17 exactly: a value on a break scores up (value >= break).
    QTest::newRow("values on the breaks")
        << std::vector<qint64>{0, 5, 10, 15, 20} << std::vector<int>{1, 2, 3, 4, 5};
    QTest::newRow("input order kept")
        << std::vector<qint64>{20, 0, 15, 5, 10} << std::vector<int>{5, 1, 4, 2, 3};
    QTest::newRow("all tied") << std::vector<qint64>{3, 3, 3} << std::vector<int>{1, 1, 1};
    QTest::newRow("one customer") << std::vector<qint64>{7} << std::vector<int>{1};
    // n = 2: breaks 3.8, 5.6, 7.4, 9.2.
    QTest::newRow("two customers") << std::vector<qint64>{1, 10} << std::vector<int>{1, 5};
    // Ties share a score and may skip one: breaks 2, 2, 2.6, 3.8, so a 2 reaches two breaks at
    // once and scores 3; no customer scores 2 (the package's empty interval).
    QTest::newRow("ties at the bottom")
        << std::vector<qint64>{1, 1, 1, 1, 2, 3, 9} << std::vector<int>{1, 1, 1, 1, 3, 4, 5};
}

void tst_RfmScoring::frequencyScores()
{
    QFETCH(std::vector<qint64>, values);
    QFETCH(std::vector<int>, scores);
    std::vector<RfmMeasures> customers;
    for (qint64 v : values)
        customers.push_back({v, v, v * 100});
    const std::vector<RfmScore> got = RfmScoring::score(customers);
    QCOMPARE(got.size(), scores.size());
    for (size_t i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].f, scores[i]);
        QCOMPARE(got[i].r, 6 - scores[i]);
        QCOMPARE(got[i].m, scores[i]); // same values in currency units
    }
}

void tst_RfmScoring::recencyIsReversed()
{
    const auto got = RfmScoring::score({{1, 1, 100}, {30, 1, 100}});
    QCOMPARE(got[0].r, 5);
    QCOMPARE(got[1].r, 1);
}

void tst_RfmScoring::monetaryBreaksAreOneCurrencyUnitAbove()
{
    // 10.00, 10.50, 11.00, 50.00, 90.00: first break 10.40 + 1.00 = 11.40, so 11.00 stays at 1
    // (a break one cent above the quantile would score it 2).
    const auto got
        = RfmScoring::score({{1, 1, 1000}, {1, 1, 1050}, {1, 1, 1100}, {1, 1, 5000}, {1, 1, 9000}});
    const std::vector<int> expected{1, 1, 1, 4, 5};
    for (size_t i = 0; i < got.size(); ++i)
        QCOMPARE(got[i].m, expected[i]);
    std::vector<qint64> values{1000, 1050, 1100, 5000, 9000};
    const RfmBreaks b = RfmScoring::breaks(values, RfmScoring::monetaryUnitCents);
    QCOMPARE(b.fifths[0], 5700);  // 11.40
    QCOMPARE(b.fifths[3], 29500); // 59.00
}

void tst_RfmScoring::emptyInput()
{
    QVERIFY(RfmScoring::score({}).empty());
}

void tst_RfmScoring::workedExampleOfTheDocs()
{
    // docs/rfm.md, "Worked example": customers A..E.
    const auto got = RfmScoring::score(
        {{1, 5, 9000}, {5, 4, 5000}, {10, 3, 1100}, {20, 2, 1050}, {30, 1, 1000}});
    const std::vector<RfmScore> scores{{5, 4, 5}, {5, 3, 4}, {3, 2, 1}, {2, 1, 1}, {1, 1, 1}};
    const std::vector<RfmGroup> groups{RfmGroup::PotentialLoyalists, RfmGroup::PotentialLoyalists,
                                       RfmGroup::AboutToSleep, RfmGroup::AboutToSleep,
                                       RfmGroup::Lost};
    QCOMPARE(got.size(), scores.size());
    for (size_t i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].r, scores[i].r);
        QCOMPARE(got[i].f, scores[i].f);
        QCOMPARE(got[i].m, scores[i].m);
        QCOMPARE(keyOf(RfmScoring::group(got[i])), keyOf(groups[i]));
    }
}

void tst_RfmScoring::groups_data()
{
    QTest::addColumn<int>("r");
    QTest::addColumn<int>("f");
    QTest::addColumn<int>("m");
    QTest::addColumn<RfmGroup>("group");
    QTest::newRow("555 champions") << 5 << 5 << 5 << RfmGroup::Champions;
    QTest::newRow("554 potential loyalists") << 5 << 5 << 4 << RfmGroup::PotentialLoyalists;
    QTest::newRow("332 potential loyalists, lower corner")
        << 3 << 3 << 2 << RfmGroup::PotentialLoyalists;
    QTest::newRow("331 about to sleep") << 3 << 3 << 1 << RfmGroup::AboutToSleep;
    QTest::newRow("222 loyal, lower corner") << 2 << 2 << 2 << RfmGroup::LoyalCustomers;
    QTest::newRow("444 potential loyalists first") << 4 << 4 << 4 << RfmGroup::PotentialLoyalists;
    QTest::newRow("424 loyal") << 4 << 2 << 4 << RfmGroup::LoyalCustomers;
    QTest::newRow("315 promising") << 3 << 1 << 5 << RfmGroup::Promising;
    QTest::newRow("413 promising before new") << 4 << 1 << 3 << RfmGroup::Promising;
    QTest::newRow("512 new customers") << 5 << 1 << 2 << RfmGroup::NewCustomers;
    QTest::newRow("535 potential loyalists") << 5 << 3 << 5 << RfmGroup::PotentialLoyalists;
    QTest::newRow("144 can't lose them") << 1 << 4 << 4 << RfmGroup::CantLoseThem;
    QTest::newRow("155 at risk") << 1 << 5 << 5 << RfmGroup::AtRisk;
    QTest::newRow("124 at risk, lower f") << 1 << 2 << 4 << RfmGroup::AtRisk;
    QTest::newRow("133 need attention") << 1 << 3 << 3 << RfmGroup::NeedAttention;
    QTest::newRow("211 about to sleep") << 2 << 1 << 1 << RfmGroup::AboutToSleep;
    QTest::newRow("111 lost") << 1 << 1 << 1 << RfmGroup::Lost;
    QTest::newRow("153 lost") << 1 << 5 << 2 << RfmGroup::Lost;
    QTest::newRow("251 hibernating") << 2 << 5 << 1 << RfmGroup::Hibernating;
    QTest::newRow("441 others") << 4 << 4 << 1 << RfmGroup::Others;
    QTest::newRow("551 others") << 5 << 5 << 1 << RfmGroup::Others;
}

void tst_RfmScoring::groups()
{
    QFETCH(int, r);
    QFETCH(int, f);
    QFETCH(int, m);
    QFETCH(RfmGroup, group);
    QCOMPARE(keyOf(RfmScoring::group({r, f, m})), keyOf(group));
}

void tst_RfmScoring::groupKeysRoundTrip()
{
    const QStringList keys = keysOf<RfmGroup>();
    QCOMPARE(keys.size(), 12);
    for (const QString &key : keys) {
        const auto value = fromKey<RfmGroup>(key);
        QVERIFY(value.has_value());
        QCOMPARE(keyOf(*value), key);
        QVERIFY(!RfmScoring::label(*value).isEmpty());
    }
    QCOMPARE(keyOf(RfmGroup::CantLoseThem), QStringLiteral("cant_lose_them"));
}

QTEST_GUILESS_MAIN(tst_RfmScoring)
#include "tst_rfmscoring.moc"
