// The rule editor's fields: every field parses what an owner types (with the locale's decimal
// point), refuses negative, missing and non-numeric values with a message naming the field,
// and the checks across fields.

#include "pricing/pricingrules.h"

#include <QTest>

using namespace md;

Q_DECLARE_METATYPE(md::PricingRules::Field)

class tst_PricingRules : public QObject
{
    Q_OBJECT

private slots:
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
    void textRoundTrips();
    void crossFieldChecks();
};

void tst_PricingRules::accepts_data()
{
    using F = PricingRules::Field;
    QTest::addColumn<PricingRules::Field>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("shown"); // text() in the same locale afterwards

    QTest::newRow("threshold") << F::LowStockThreshold << QStringLiteral(" 25 ") << "C"
                               << "25";
    QTest::newRow("threshold 0") << F::HighStockThreshold << QStringLiteral("0") << "C"
                                 << "0";
    QTest::newRow("percent whole") << F::DemandStep << QStringLiteral("5") << "C"
                                   << "5";
    QTest::newRow("percent one decimal") << F::MaxStep << QStringLiteral("12.5") << "C"
                                         << "12.5";
    QTest::newRow("percent two decimals") << F::MinMargin << QStringLiteral("7.25") << "C"
                                          << "7.25";
    QTest::newRow("German decimal comma") << F::MaxStep << QStringLiteral("12,5") << "de_DE"
                                          << "12,5";
    QTest::newRow("point in German too") << F::DemandStep << QStringLiteral("2.5") << "de_DE"
                                         << "2,5";
    QTest::newRow("margin above 100") << F::MinMargin << QStringLiteral("150") << "C"
                                      << "150";
    QTest::newRow("switch") << F::OverstockMarkdown << QStringLiteral("true") << "C"
                            << "true";
    QTest::newRow("charm") << F::CharmRounding << QStringLiteral(".95") << "C"
                           << ".95";
    QTest::newRow("charm none") << F::CharmRounding << QStringLiteral("none") << "C"
                                << "none";
    QTest::newRow("cool-down") << F::CooldownHours << QStringLiteral("48") << "C"
                               << "48";
    QTest::newRow("run limit") << F::MaxChangesPerRun << QStringLiteral("1000") << "C"
                               << "1000";
    QTest::newRow("categories") << F::LockedCategories << QStringLiteral("Toys\n Books \n\nToys")
                                << "C"
                                << "Books\nToys";
}

void tst_PricingRules::accepts()
{
    QFETCH(PricingRules::Field, field);
    QFETCH(QString, text);
    QFETCH(QString, locale);
    QFETCH(QString, shown);
    PricingRules rules;
    const Status set = rules.setText(field, text, QLocale(locale));
    QVERIFY2(set.ok(), qPrintable(set.error()));
    QCOMPARE(rules.text(field, QLocale(locale)), shown);
}

void tst_PricingRules::refuses_data()
{
    using F = PricingRules::Field;
    QTest::addColumn<PricingRules::Field>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("negative threshold")
        << F::LowStockThreshold << QStringLiteral("-1")
        << QStringLiteral("Low stock threshold must be a whole number ≥ 0, not \"-1\"");
    QTest::newRow("missing threshold")
        << F::HighStockThreshold << QStringLiteral("  ")
        << QStringLiteral("High stock threshold must be a whole number ≥ 0, not \"\"");
    QTest::newRow("decimal threshold")
        << F::LowStockThreshold << QStringLiteral("2.5")
        << QStringLiteral("Low stock threshold must be a whole number ≥ 0, not \"2.5\"");
    QTest::newRow("word for percent")
        << F::DemandStep << QStringLiteral("five")
        << QStringLiteral("Price step per demand point (%) must be a number from 0 to 100 with "
                          "at most two decimals, not \"five\"");
    QTest::newRow("negative percent")
        << F::MaxStep << QStringLiteral("-15")
        << QStringLiteral("Largest move per run (%) must be a number from 0 to 100 with at most "
                          "two decimals, not \"-15\"");
    QTest::newRow("three decimals")
        << F::MinMargin << QStringLiteral("1.125")
        << QStringLiteral("Minimum margin over cost (%) must be a number from 0 to 1000 with at "
                          "most two decimals, not \"1.125\"");
    QTest::newRow("cap over 100")
        << F::MaxStep << QStringLiteral("101")
        << QStringLiteral("Largest move per run (%) must be a number from 0 to 100 with at most "
                          "two decimals, not \"101\"");
    QTest::newRow("markdown percent sign")
        << F::OverstockMarkdownPercent << QStringLiteral("10%")
        << QStringLiteral("Overstock markdown (%) must be a number from 0 to 100 with at most two "
                          "decimals, not \"10%\"");
    QTest::newRow("cool-down a year and more")
        << F::CooldownHours << QStringLiteral("9000")
        << QStringLiteral("Cool-down (hours) must be a whole number from 0 to 8784, not \"9000\"");
    QTest::newRow("switch") << F::OverstockMarkdown << QStringLiteral("yes")
                            << QStringLiteral(
                                   "Overstock markdown must be true or false, not \"yes\"");
    QTest::newRow("charm") << F::CharmRounding << QStringLiteral(".49")
                           << QStringLiteral(
                                  "Charm rounding must be none, .99 or .95, not \".49\"");
}

void tst_PricingRules::refuses()
{
    QFETCH(PricingRules::Field, field);
    QFETCH(QString, text);
    QFETCH(QString, message);
    PricingRules rules;
    const PricingRules before = rules;
    const Status set = rules.setText(field, text);
    QVERIFY(!set.ok());
    QCOMPARE(set.error(), message);
    QVERIFY(rules == before); // a refused value changes nothing
}

void tst_PricingRules::textRoundTrips()
{
    PricingRules rules;
    rules.demandStepBp = 1;
    rules.maxStepBp = 10;
    rules.minMarginBp = 99999;
    for (const auto field : PricingRules::fields()) {
        PricingRules copy = PricingRules::defaults();
        const Status set = copy.setText(field, rules.text(field));
        QVERIFY2(set.ok(), qPrintable(set.error()));
        QCOMPARE(copy.text(field), rules.text(field));
    }
    QCOMPARE(rules.text(PricingRules::Field::DemandStep), QStringLiteral("0.01"));
    QCOMPARE(rules.text(PricingRules::Field::MaxStep), QStringLiteral("0.1"));
    QCOMPARE(rules.text(PricingRules::Field::MinMargin), QStringLiteral("999.99"));
}

void tst_PricingRules::crossFieldChecks()
{
    PricingRules rules;
    QVERIFY(rules.validate().isEmpty());
    rules.highStockThreshold = 10;
    rules.overstockMarkdown = true;
    rules.overstockMarkdownBp = 0;
    const auto errors = rules.validate();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(int(errors[0].field), int(PricingRules::Field::HighStockThreshold));
    QCOMPARE(errors[0].message, QStringLiteral("High stock threshold (10) must not be below the "
                                               "low stock threshold (20)"));
    QCOMPARE(int(errors[1].field), int(PricingRules::Field::OverstockMarkdownPercent));
    QCOMPARE(errors[1].message,
             QStringLiteral("Overstock markdown (%) must be above 0 when the markdown is on"));
    rules.maxStepBp = -5;
    QCOMPARE(rules.validate().size(), 3);
}

QTEST_GUILESS_MAIN(tst_PricingRules)
#include "tst_pricingrules.moc"
