// Money as text, exactly: the plain machine format, the locale format with and without a
// currency symbol, the fixed-point formatter the pricing reasons use, and parse() reading back
// what format() wrote. Values near the 64-bit limit would come out wrong through a double.

#include "core/fixedpoint.h"
#include "core/money.h"

#include <QLocale>
#include <QTest>

#include <limits>

using namespace md;

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max(); // 92233720368547758.07
constexpr qint64 kMin = std::numeric_limits<qint64>::min(); // -92233720368547758.08

const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);
const QLocale kGerman(QLocale::German, QLocale::Germany);

} // namespace

class tst_Money : public QObject
{
    Q_OBJECT

private slots:
    void plain_data();
    void plain();
    void format_data();
    void format();
    void formatRespectsOmitGroupSeparator();
    void currency_data();
    void currency();
    void decimalText_data();
    void decimalText();
    void fixedPointIsTheSameFormatter();
    void parseReadsFormat_data();
    void parseReadsFormat();
    void parseGroups_data();
    void parseGroups();
};

void tst_Money::plain_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0.00");
    QTest::newRow("one cent") << qint64(1) << QStringLiteral("0.01");
    QTest::newRow("minus five cents") << qint64(-5) << QStringLiteral("-0.05");
    QTest::newRow("minus fifty cents") << qint64(-50) << QStringLiteral("-0.50");
    QTest::newRow("no grouping") << qint64(123456789) << QStringLiteral("1234567.89");
    QTest::newRow("negative whole") << qint64(-100) << QStringLiteral("-1.00");
    QTest::newRow("2^53 + 1 cents")
        << qint64(9007199254740993) << QStringLiteral("90071992547409.93");
    QTest::newRow("largest") << kMax << QStringLiteral("92233720368547758.07");
    QTest::newRow("smallest") << kMin << QStringLiteral("-92233720368547758.08");
}

void tst_Money::plain()
{
    QFETCH(qint64, cents);
    QFETCH(QString, text);
    QCOMPARE(money::toPlain(cents), text);
}

void tst_Money::format_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("text");
    QTest::newRow("en zero") << kEnglish << qint64(0) << QStringLiteral("0.00");
    QTest::newRow("en -0.50") << kEnglish << qint64(-50) << QStringLiteral("-0.50");
    QTest::newRow("de -0,50") << kGerman << qint64(-50) << QStringLiteral("-0,50");
    QTest::newRow("en below a thousand") << kEnglish << qint64(99999) << QStringLiteral("999.99");
    QTest::newRow("en thousands") << kEnglish << qint64(123450) << QStringLiteral("1,234.50");
    QTest::newRow("de thousands") << kGerman << qint64(123450) << QStringLiteral("1.234,50");
    QTest::newRow("en negative millions")
        << kEnglish << qint64(-123456789) << QStringLiteral("-1,234,567.89");
    QTest::newRow("de negative millions")
        << kGerman << qint64(-123456789) << QStringLiteral("-1.234.567,89");
    QTest::newRow("en 2^53 + 1 cents")
        << kEnglish << qint64(9007199254740993) << QStringLiteral("90,071,992,547,409.93");
    QTest::newRow("en largest") << kEnglish << kMax << QStringLiteral("92,233,720,368,547,758.07");
    QTest::newRow("de largest") << kGerman << kMax << QStringLiteral("92.233.720.368.547.758,07");
    QTest::newRow("en smallest") << kEnglish << kMin
                                 << QStringLiteral("-92,233,720,368,547,758.08");
    QTest::newRow("de smallest") << kGerman << kMin << QStringLiteral("-92.233.720.368.547.758,08");
    // Indian grouping (3, then 2) and Swiss German's apostrophe and minus sign come from the
    // locale, not from a hard-coded "groups of three".
    QTest::newRow("en_IN lakh grouping") << QLocale(QLocale::English, QLocale::India)
                                         << qint64(123456789) << QStringLiteral("12,34,567.89");
    QTest::newRow("de_CH apostrophe") << QLocale(QLocale::SwissGerman, QLocale::Switzerland)
                                      << qint64(-123456) << QStringLiteral("\u22121\u2019234.56");
}

void tst_Money::format()
{
    QFETCH(QLocale, locale);
    QFETCH(qint64, cents);
    QFETCH(QString, text);
    QCOMPARE(money::format(cents, locale), text);
}

void tst_Money::formatRespectsOmitGroupSeparator()
{
    QLocale locale = kGerman;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    QCOMPARE(money::format(123456789, locale), QStringLiteral("1234567,89"));
    QCOMPARE(money::format(123456789, QLocale::c()), QStringLiteral("1234567.89"));
}

void tst_Money::currency_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("text");
    QTest::newRow("en dollars") << kEnglish << qint64(123456789) << QStringLiteral("$")
                                << QStringLiteral("$1,234,567.89");
    // en_US writes a negative amount of money in parentheses.
    QTest::newRow("en negative dollars")
        << kEnglish << qint64(-123450) << QStringLiteral("$") << QStringLiteral("($1,234.50)");
    QTest::newRow("en -0.50 dollars")
        << kEnglish << qint64(-50) << QStringLiteral("$") << QStringLiteral("($0.50)");
    QTest::newRow("de euros") << kGerman << qint64(123450) << QStringLiteral("€")
                              << QStringLiteral("1.234,50\u00a0€");
    QTest::newRow("de negative euros")
        << kGerman << qint64(-123450) << QStringLiteral("€") << QStringLiteral("-1.234,50\u00a0€");
    QTest::newRow("de largest euros") << kGerman << kMax << QStringLiteral("€")
                                      << QStringLiteral("92.233.720.368.547.758,07\u00a0€");
    QTest::newRow("en smallest dollars") << kEnglish << kMin << QStringLiteral("$")
                                         << QStringLiteral("($92,233,720,368,547,758.08)");
    // A symbol holding digits stays as it is: the number goes where the pattern's number is.
    QTest::newRow("de symbol with a 1")
        << kGerman << qint64(-100) << QStringLiteral("X1") << QStringLiteral("-1,00\u00a0X1");
}

void tst_Money::currency()
{
    QFETCH(QLocale, locale);
    QFETCH(qint64, cents);
    QFETCH(QString, symbol);
    QFETCH(QString, text);
    QCOMPARE(money::format(cents, locale, symbol), text);
}

void tst_Money::decimalText_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<int>("scale");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("text");
    QTest::newRow("one decimal, down") << qint64(1234) << 2 << 1 << QStringLiteral("12.3");
    QTest::newRow("one decimal, half up") << qint64(1235) << 2 << 1 << QStringLiteral("12.4");
    QTest::newRow("negative half away from zero")
        << qint64(-1235) << 2 << 1 << QStringLiteral("-12.4");
    QTest::newRow("rounds to zero: no minus sign") << qint64(-4) << 2 << 1 << QStringLiteral("0.0");
    QTest::newRow("rounds to -0.1") << qint64(-5) << 2 << 1 << QStringLiteral("-0.1");
    QTest::newRow("whole units") << qint64(-150) << 2 << 0 << QStringLiteral("-2");
    QTest::newRow("largest, whole") << kMax << 2 << 0 << QStringLiteral("92233720368547758");
    QTest::newRow("smallest, whole") << kMin << 2 << 0 << QStringLiteral("-92233720368547758");
    QTest::newRow("largest, one decimal")
        << kMax << 2 << 1 << QStringLiteral("92233720368547758.1");
    QTest::newRow("scale 4") << qint64(-123456) << 4 << 2 << QStringLiteral("-12.35");
}

void tst_Money::decimalText()
{
    QFETCH(qint64, value);
    QFETCH(int, scale);
    QFETCH(int, decimals);
    QFETCH(QString, text);
    QCOMPARE(money::decimalText(value, scale, decimals, QLocale::c()), text);
    // German: the same digits with a decimal comma; no grouping unless asked for.
    QString german = text;
    german.replace(QLatin1Char('.'), QLatin1Char(','));
    QCOMPARE(money::decimalText(value, scale, decimals, kGerman), german);
}

void tst_Money::fixedPointIsTheSameFormatter()
{
    for (const qint64 value : {qint64(0), qint64(-5), qint64(1234), qint64(-1235), kMax, kMin}) {
        for (int decimals = 0; decimals <= 2; ++decimals) {
            QCOMPARE(FixedPoint::format(value, 2, decimals, kGerman),
                     money::decimalText(value, 2, decimals, kGerman));
        }
    }
    QCOMPARE(FixedPoint::format(kMin, 2, 2), money::toPlain(kMin));
}

void tst_Money::parseReadsFormat_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<qint64>("cents");
    for (const qint64 cents :
         {qint64(0), qint64(7), qint64(99999), qint64(123450), qint64(9007199254740993), kMax}) {
        QTest::addRow("en %lld", cents) << kEnglish << cents;
        QTest::addRow("de %lld", cents) << kGerman << cents;
    }
}

void tst_Money::parseReadsFormat()
{
    QFETCH(QLocale, locale);
    QFETCH(qint64, cents);
    const QString text = money::format(cents, locale);
    const auto parsed
        = money::parse(text, locale.decimalPoint().at(0), locale.groupSeparator().at(0));
    QVERIFY2(parsed.ok(), qPrintable(text));
    QCOMPARE(*parsed, cents);
    const auto plain = money::parse(money::toPlain(cents));
    QVERIFY(plain.ok());
    QCOMPARE(*plain, cents);
}

void tst_Money::parseGroups_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QChar>("point");
    QTest::addColumn<QChar>("group");
    QTest::addColumn<qint64>("cents"); // -1: refused
    const QChar dot(QLatin1Char('.'));
    const QChar comma(QLatin1Char(','));
    QTest::newRow("en grouped") << QStringLiteral("1,234.50") << dot << comma << qint64(123450);
    QTest::newRow("de grouped") << QStringLiteral("1.234,50") << comma << dot << qint64(123450);
    QTest::newRow("en reads 12,50 as misplaced")
        << QStringLiteral("12,50") << dot << comma << qint64(-1);
    QTest::newRow("de refuses 1,234.50")
        << QStringLiteral("1,234.50") << comma << dot << qint64(-1);
    QTest::newRow("largest") << QStringLiteral("92.233.720.368.547.758,07") << comma << dot << kMax;
    QTest::newRow("one cent over the largest")
        << QStringLiteral("92,233,720,368,547,758.08") << dot << comma << qint64(-1);
    QTest::newRow("minus sign refused") << QStringLiteral("-0.50") << dot << comma << qint64(-1);
}

void tst_Money::parseGroups()
{
    QFETCH(QString, text);
    QFETCH(QChar, point);
    QFETCH(QChar, group);
    QFETCH(qint64, cents);
    const auto parsed = money::parse(text, point, group);
    if (cents < 0) {
        QVERIFY2(!parsed.ok(), qPrintable(text));
        QVERIFY(!parsed.error().isEmpty());
    } else {
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error()));
        QCOMPARE(*parsed, cents);
    }
}

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_money.moc"
