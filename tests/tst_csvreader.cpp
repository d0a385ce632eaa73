// The CSV reader and its helpers without a database: RFC 4180 parsing through libcsv, line
// numbers, encodings, the sniffer's guesses, header mapping, cell values, the writer and the
// formula guard.

#include "core/money.h"
#include "io/columnmapping.h"
#include "io/csvexporter.h"
#include "io/csvreader.h"
#include "io/csvsniffer.h"
#include "io/csvwriter.h"
#include "io/entitycatalog.h"
#include "io/formulaguard.h"
#include "io/textdecoder.h"
#include "io/valueparser.h"
#include "testdb.h"

#include <QBuffer>
#include <QFile>
#include <QStringDecoder>
#include <QTest>

using namespace md;

namespace {

struct Parsed
{
    std::vector<QStringList> records;
    std::vector<qint64> lines;
    std::vector<std::vector<qint64>> fieldLines;
    QString error;
    qint64 errorLine = 0;
};

Parsed parse(const QByteArray &bytes, CsvSettings settings = {})
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(settings);
    Parsed parsed;
    if (auto opened = reader.open(&buffer); !opened) {
        parsed.error = opened.error();
        return parsed;
    }
    CsvRecord record;
    while (reader.next(record)) {
        parsed.records.push_back(record.texts());
        parsed.lines.push_back(record.line());
        std::vector<qint64> lines;
        for (qsizetype i = 0; i < record.size(); ++i)
            lines.push_back(record.fieldLine(i));
        parsed.fieldLines.push_back(lines);
    }
    parsed.error = reader.error();
    parsed.errorLine = reader.errorLine();
    return parsed;
}

QStringList cells(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *text : texts)
        out << QString::fromUtf8(text);
    return out;
}

} // namespace

class tst_CsvReader : public QObject
{
    Q_OBJECT

private slots:
    void rfc4180_data();
    void rfc4180();
    void lineNumbersAfterMultiLineFields();
    void lineEndingsSplitAcrossChunks();
    void multiByteCharacterSplitAcrossChunks();
    void errors_data();
    void errors();
    void oversizedFieldStopsEarly();
    void byteOrderMarks_data();
    void byteOrderMarks();
    void windows1252();
    void invalidUtf8NamesTheLine();

    void sniffEncoding_data();
    void sniffEncoding();
    void sniffDelimiter_data();
    void sniffDelimiter();
    void sniffDecimalSymbol_data();
    void sniffDecimalSymbol();
    void sniffRefusesEmptyAndBinary_data();
    void sniffRefusesEmptyAndBinary();

    void headerSynonyms();
    void mappingReportsMissingAndDoubleColumns();

    void money_data();
    void money();
    void timestamps_data();
    void timestamps();
    void integersAndDecimals_data();
    void integersAndDecimals();

    void formulaGuardRoundTrip_data();
    void formulaGuardRoundTrip();
    void writerQuotesAndReadsBack();
    void exportFormats();
    void docsDescribeEveryField();
};

void tst_CsvReader::rfc4180_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QStringList>>("expected");
    QTest::newRow("plain LF") << QByteArray("a,b\nc,d\n")
                              << QList<QStringList>{cells({"a", "b"}), cells({"c", "d"})};
    QTest::newRow("CRLF") << QByteArray("a,b\r\nc,d\r\n")
                          << QList<QStringList>{cells({"a", "b"}), cells({"c", "d"})};
    QTest::newRow("no final line break")
        << QByteArray("a,b\nc,d") << QList<QStringList>{cells({"a", "b"}), cells({"c", "d"})};
    QTest::newRow("quoted delimiter")
        << QByteArray("\"a,b\",c\n") << QList<QStringList>{cells({"a,b", "c"})};
    QTest::newRow("doubled quotes")
        << QByteArray("\"say \"\"hi\"\"\",x\n") << QList<QStringList>{cells({"say \"hi\"", "x"})};
    QTest::newRow("line break in quotes")
        << QByteArray("\"one\ntwo\",x\r\n\"three\r\nfour\",y\r\n")
        << QList<QStringList>{cells({"one\ntwo", "x"}), cells({"three\r\nfour", "y"})};
    QTest::newRow("empty fields") << QByteArray(",,\n\"\",x,\n")
                                  << QList<QStringList>{cells({"", "", ""}), cells({"", "x", ""})};
    QTest::newRow("spaces are data")
        << QByteArray(" a , b \n") << QList<QStringList>{cells({" a ", " b "})};
    QTest::newRow("blank lines skipped")
        << QByteArray("a\n\n\r\nb\n") << QList<QStringList>{cells({"a"}), cells({"b"})};
    QTest::newRow("lone CR line ends")
        << QByteArray("a,b\rc,d\r") << QList<QStringList>{cells({"a", "b"}), cells({"c", "d"})};
    QTest::newRow("guard quote dropped")
        << QByteArray("'=1+2,'-5,'''x,'plain,'\n")
        << QList<QStringList>{cells({"=1+2", "-5", "''x", "'plain", "'"})};
    QTest::newRow("utf-8 text") << QByteArray("Zoë,日本語,☕\n")
                                << QList<QStringList>{cells({"Zoë", "日本語", "☕"})};
}

void tst_CsvReader::rfc4180()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QStringList>, expected);
    const Parsed parsed = parse(input);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(QList<QStringList>(parsed.records.begin(), parsed.records.end()), expected);
}

void tst_CsvReader::lineNumbersAfterMultiLineFields()
{
    // Line 2 holds a record whose second field spans lines 2-4; its third field starts on 4.
    const QByteArray input = "h1,h2,h3\n"
                             "a,\"x\n"
                             "y\n"
                             "z\",c\n"
                             "\n"
                             "d,e,f\n";
    const Parsed parsed = parse(input);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.records.size(), size_t(3));
    QCOMPARE(parsed.lines, (std::vector<qint64>{1, 2, 6}));
    QCOMPARE(parsed.fieldLines[1], (std::vector<qint64>{2, 2, 4}));
    QCOMPARE(parsed.fieldLines[2], (std::vector<qint64>{6, 6, 6}));

    // An error after a multi-line field names the physical line, not the record number.
    const Parsed broken = parse("h\n\"a\nb\nc\"\nx\"y\n");
    QCOMPARE(broken.errorLine, qint64(5));
    QVERIFY2(broken.error.startsWith(QLatin1String("5:1: ")), qPrintable(broken.error));
}

void tst_CsvReader::lineEndingsSplitAcrossChunks()
{
    // Put a CRLF exactly on the reader's chunk boundary: it must count as one line ending.
    QByteArray input;
    const QByteArray row = "abcdefghi,jklmnopq\r\n";
    while (input.size() + row.size() < CsvReader::kChunkBytes - 1)
        input += row;
    input += QByteArray(CsvReader::kChunkBytes - 1 - input.size(), 'x');
    input += "\r\nlast,row\r\n";
    QCOMPARE(input.at(CsvReader::kChunkBytes - 1), '\r');
    const Parsed parsed = parse(input);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.records.back(), cells({"last", "row"}));
    QCOMPARE(parsed.lines.back(), qint64(parsed.records.size()));
}

void tst_CsvReader::multiByteCharacterSplitAcrossChunks()
{
    QByteArray input(CsvReader::kChunkBytes - 1, 'a');
    input += "€,b\n"; // the euro sign's three bytes straddle the boundary
    const Parsed parsed = parse(input);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.records.size(), size_t(1));
    QVERIFY(parsed.records[0][0].endsWith(QStringLiteral("a€")));
}

void tst_CsvReader::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("words");
    QTest::newRow("unterminated quote")
        << QByteArray("a,b\nc,\"open\nmore\n") << QStringLiteral("2:2: ")
        << QStringLiteral("closing quote");
    QTest::newRow("quote inside unquoted field")
        << QByteArray("a,b\nc,d\"e\n") << QStringLiteral("2:2: ") << QStringLiteral("quote");
    QTest::newRow("text after closing quote")
        << QByteArray("a,b\n\"c\"x,d\n") << QStringLiteral("2:1: ")
        << QStringLiteral("closing quote");
    QTest::newRow("NUL byte") << QByteArray("a,b\nc,d\0e\n", 11) << QStringLiteral("2: ")
                              << QStringLiteral("NUL");
}

void tst_CsvReader::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, prefix);
    QFETCH(QString, words);
    const Parsed parsed = parse(input);
    QVERIFY2(parsed.error.startsWith(prefix), qPrintable(parsed.error));
    QVERIFY2(parsed.error.contains(words), qPrintable(parsed.error));
}

void tst_CsvReader::oversizedFieldStopsEarly()
{
    // A quote opened on line 2 and never closed, in a file of 10 MB: the reader stops at the
    // field limit and names where the field began, without holding the file.
    QByteArray input = "sku,title\n\"A-1,";
    input += QByteArray(10 << 20, 'x');
    input += "\nB-2,b\n";
    QByteArray copy = input;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader;
    QVERIFY(reader.open(&buffer).ok());
    CsvRecord record;
    int records = 0;
    while (reader.next(record))
        ++records;
    QCOMPARE(records, 1);
    QVERIFY2(reader.error().startsWith(QLatin1String("2:1: ")), qPrintable(reader.error()));
    QVERIFY2(reader.error().contains(QLatin1String("1 MiB")), qPrintable(reader.error()));
    QVERIFY2(reader.bytesRead() < 3 * CsvReader::kMaxFieldBytes,
             qPrintable(QString::number(reader.bytesRead())));
}

void tst_CsvReader::byteOrderMarks_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("encoding");
    const QString text = QStringLiteral("sku,title\nA-1,Crème brûlée ☕\n");
    QTest::newRow("utf-8 with BOM")
        << QByteArray("\xEF\xBB\xBF") + text.toUtf8() << int(TextEncoding::Utf8);
    QStringEncoder le(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    QTest::newRow("utf-16le with BOM") << QByteArray(le.encode(text)) << int(TextEncoding::Utf16LE);
    QStringEncoder be(QStringConverter::Utf16BE, QStringConverter::Flag::WriteBom);
    QTest::newRow("utf-16be with BOM") << QByteArray(be.encode(text)) << int(TextEncoding::Utf16BE);
}

void tst_CsvReader::byteOrderMarks()
{
    QFETCH(QByteArray, input);
    QFETCH(int, encoding);
    auto sniffed = CsvSniffer::sniff(input, true);
    MD_VERIFY(sniffed);
    QCOMPARE(int(sniffed->settings.encoding), encoding);
    QVERIFY(sniffed->hasBom);
    QCOMPARE(sniffed->header, cells({"sku", "title"})); // no BOM glued to "sku"
    const Parsed parsed = parse(input, sniffed->settings);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.records.size(), size_t(2));
    QCOMPARE(parsed.records[1], cells({"A-1", "Crème brûlée ☕"}));
}

void tst_CsvReader::windows1252()
{
    // "Café – 5 €" in Windows-1252: é = E9, en dash = 96, euro = 80.
    const QByteArray input("title\nCaf\xE9 \x96 5 \x80\n");
    auto sniffed = CsvSniffer::sniff(input, true);
    MD_VERIFY(sniffed);
    QCOMPARE(sniffed->settings.encoding, TextEncoding::Windows1252);
    const Parsed parsed = parse(input, sniffed->settings);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.records[1].front(), QStringLiteral("Café – 5 €"));
}

void tst_CsvReader::invalidUtf8NamesTheLine()
{
    // Valid UTF-8 at first, a Windows-1252 byte on line 3 (after the sniffer's sample).
    const Parsed parsed = parse("title\nok\nCaf\xE9\n");
    QCOMPARE(parsed.records.size(), size_t(2));
    QCOMPARE(parsed.errorLine, qint64(3));
    QVERIFY2(parsed.error.contains(QLatin1String("UTF-8")), qPrintable(parsed.error));
}

void tst_CsvReader::sniffEncoding_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("encoding");
    QTest::newRow("ascii") << QByteArray("a,b\n1,2\n") << int(TextEncoding::Utf8);
    QTest::newRow("utf-8 without BOM") << QByteArray("a,b\nZoë,2\n") << int(TextEncoding::Utf8);
    QTest::newRow("latin bytes") << QByteArray("a,b\nZo\xEB,2\n") << int(TextEncoding::Windows1252);
    QStringEncoder le(QStringConverter::Utf16LE);
    QTest::newRow("utf-16le without BOM")
        << QByteArray(le.encode(QStringLiteral("sku,title\nA,B\n"))) << int(TextEncoding::Utf16LE);
}

void tst_CsvReader::sniffEncoding()
{
    QFETCH(QByteArray, input);
    QFETCH(int, encoding);
    auto sniffed = CsvSniffer::sniff(input, true);
    MD_VERIFY(sniffed);
    QCOMPARE(int(sniffed->settings.encoding), encoding);
}

void tst_CsvReader::sniffDelimiter_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<char>("delimiter");
    QTest::newRow("comma") << QByteArray("sku,title,price\nA,\"x; y\",1.50\nB,z,2\n") << ',';
    QTest::newRow("semicolon") << QByteArray("sku;title;price\nA;x, y;1,50\nB;z;2\n") << ';';
    QTest::newRow("tab") << QByteArray("sku\ttitle\tprice\nA\tx, y\t1.50\nB\tz;w\t2\n") << '\t';
    QTest::newRow("pipe") << QByteArray("sku|title|price\nA|x, y|1.50\nB|z|2\n") << '|';
    QTest::newRow("semicolon with commas in every row")
        << QByteArray("a;b\n1,5;2,5\n3,5;4,5\n") << ';';
}

void tst_CsvReader::sniffDelimiter()
{
    QFETCH(QByteArray, input);
    QFETCH(char, delimiter);
    auto sniffed = CsvSniffer::sniff(input, true);
    MD_VERIFY(sniffed);
    QCOMPARE(sniffed->settings.delimiter, delimiter);
    QCOMPARE(sniffed->header.size(), input.left(input.indexOf('\n')).count(delimiter) + 1);
}

void tst_CsvReader::sniffDecimalSymbol_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QChar>("decimal");
    QTest::newRow("dot") << QByteArray("sku,price\nA,12.50\nB,3.99\n") << QChar(u'.');
    QTest::newRow("comma, semicolon file")
        << QByteArray("sku;price\nA;12,50\nB;3,99\n") << QChar(u',');
    QTest::newRow("German thousands")
        << QByteArray("sku;price\nA;1.234,56\nB;2.000\n") << QChar(u',');
    QTest::newRow("English thousands")
        << QByteArray("sku,price\nA,\"1,234.56\"\nB,7\n") << QChar(u'.');
    QTest::newRow("quoted comma decimals")
        << QByteArray("sku,price\nA,\"12,5\"\nB,\"3,25\"\n") << QChar(u',');
    QTest::newRow("no decimals: dot") << QByteArray("sku,qty\nA,12\nB,1.234\n") << QChar(u'.');
}

void tst_CsvReader::sniffDecimalSymbol()
{
    QFETCH(QByteArray, input);
    QFETCH(QChar, decimal);
    auto sniffed = CsvSniffer::sniff(input, true);
    MD_VERIFY(sniffed);
    QCOMPARE(sniffed->settings.decimalSymbol, decimal);
}

void tst_CsvReader::sniffRefusesEmptyAndBinary_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("words");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("only a BOM and blank lines")
        << QByteArray("\xEF\xBB\xBF\r\n\n") << QStringLiteral("empty");
    QByteArray garbage;
    quint32 state = 12345;
    for (int i = 0; i < 4096; ++i) {
        state = state * 1103515245 + 12345;
        garbage += char(state >> 24);
    }
    QTest::newRow("binary garbage") << garbage << QStringLiteral("not a text file");
    QTest::newRow("a PNG header") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                                  << QStringLiteral("not a text file");
}

void tst_CsvReader::sniffRefusesEmptyAndBinary()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, words);
    auto sniffed = CsvSniffer::sniff(input, true);
    QVERIFY(!sniffed);
    QVERIFY2(sniffed.error().contains(words), qPrintable(sniffed.error()));
}

void tst_CsvReader::headerSynonyms()
{
    const EntityDescriptor &products = *EntityCatalog::find(QStringLiteral("products"));
    const QStringList header = cells({"Product Code", "NAME", "Price", "Sale-Price", "Qty",
                                      "Cost per item", "Colour", "base_price"});
    const ColumnMapping mapping = ColumnMapping::fromHeader(header, products);
    const auto fieldOf = [&](int column) {
        const int field = mapping.fieldOf(column);
        return field < 0 ? QString() : products.fields[size_t(field)].name;
    };
    QCOMPARE(fieldOf(0), QStringLiteral("sku"));
    QCOMPARE(fieldOf(1), QStringLiteral("title"));
    // "base_price" is the field's own name and wins over the synonym "Price".
    QCOMPARE(fieldOf(7), QStringLiteral("base_price"));
    QCOMPARE(fieldOf(2), QString());
    QCOMPARE(fieldOf(3), QStringLiteral("current_price"));
    QCOMPARE(fieldOf(4), QStringLiteral("stock_level"));
    QCOMPARE(fieldOf(5), QStringLiteral("cost"));
    QCOMPARE(mapping.ignoredColumns(header), cells({"Price", "Colour"}));
    MD_VERIFY(mapping.check(products, header));
}

void tst_CsvReader::mappingReportsMissingAndDoubleColumns()
{
    const EntityDescriptor &products = *EntityCatalog::find(QStringLiteral("product"));
    const QStringList header = cells({"sku", "title"});
    auto missing = ColumnMapping::fromHeader(header, products).check(products, header);
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains(QLatin1String("base_price")), qPrintable(missing.error()));
    QVERIFY2(missing.error().contains(QLatin1String("line 1")), qPrintable(missing.error()));

    const QStringList twice = cells({"sku", "title", "base_price", "name"});
    ColumnMapping mapping = ColumnMapping::fromHeader(twice, products);
    mapping.setField(3, products.fieldIndex(QStringLiteral("title")));
    auto doubled = mapping.check(products, twice);
    QVERIFY(!doubled);
    QVERIFY2(doubled.error().contains(QLatin1String("columns 2 (title) and 4 (name)")),
             qPrintable(doubled.error()));
}

void tst_CsvReader::money_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QChar>("decimal");
    QTest::addColumn<qint64>("cents"); // -1: refused
    QTest::newRow("plain") << QStringLiteral("19.99") << QChar(u'.') << qint64(1999);
    QTest::newRow("one decimal") << QStringLiteral("18.5") << QChar(u'.') << qint64(1850);
    QTest::newRow("whole") << QStringLiteral("45") << QChar(u'.') << qint64(4500);
    QTest::newRow("comma decimal") << QStringLiteral("12,50") << QChar(u',') << qint64(1250);
    QTest::newRow("German grouping")
        << QStringLiteral("1.234.567,89") << QChar(u',') << qint64(123456789);
    QTest::newRow("English grouping")
        << QStringLiteral("1,234.56") << QChar(u'.') << qint64(123456);
    QTest::newRow("misplaced group") << QStringLiteral("12,50") << QChar(u'.') << qint64(-1);
    QTest::newRow("three decimals") << QStringLiteral("1.999") << QChar(u'.') << qint64(-1);
    QTest::newRow("letters") << QStringLiteral("12x") << QChar(u'.') << qint64(-1);
    QTest::newRow("beyond a double's precision")
        << QStringLiteral("90071992547409.93") << QChar(u'.') << qint64(9007199254740993);
    // Found by the fuzzer: the digits fit in 64 bits, the cents did not (signed overflow).
    QTest::newRow("digits fit, cents overflow")
        << QStringLiteral("1803050123456789000") << QChar(u'.') << qint64(-1);
    QTest::newRow("one decimal, cents overflow")
        << QStringLiteral("180305012345678900.5") << QChar(u'.') << qint64(-1);
    QTest::newRow("large amount that fits")
        << QStringLiteral("92233720368547757.99") << QChar(u'.') << qint64(9223372036854775799);
}

void tst_CsvReader::money()
{
    QFETCH(QString, text);
    QFETCH(QChar, decimal);
    QFETCH(qint64, cents);
    CsvSettings settings;
    settings.decimalSymbol = decimal;
    const auto parsed = ValueParser(settings).money(text);
    if (cents < 0) {
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().contains(text), qPrintable(parsed.error()));
    } else {
        MD_VERIFY(parsed);
        QCOMPARE(*parsed, cents);
    }
}

void tst_CsvReader::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds"); // -1: refused
    QTest::newRow("date") << QStringLiteral("2026-03-01") << qint64(1772323200);
    QTest::newRow("UTC") << QStringLiteral("2026-03-01T10:00:00Z") << qint64(1772359200);
    QTest::newRow("offset") << QStringLiteral("2026-03-01T12:00:00+02:00") << qint64(1772359200);
    QTest::newRow("negative offset")
        << QStringLiteral("2026-03-01T05:30:00-0430") << qint64(1772359200);
    QTest::newRow("space, no zone") << QStringLiteral("2026-03-01 10:00") << qint64(1772359200);
    QTest::newRow("fraction") << QStringLiteral("2026-03-01T10:00:00.750Z") << qint64(1772359200);
    QTest::newRow("no such day") << QStringLiteral("2026-02-30") << qint64(-1);
    QTest::newRow("US order") << QStringLiteral("03/01/2026") << qint64(-1);
}

void tst_CsvReader::timestamps()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const auto parsed = ValueParser::timestamp(text);
    if (seconds < 0) {
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().contains(QLatin1String("2026-03-01T10:00:00Z")),
                 qPrintable(parsed.error()));
    } else {
        MD_VERIFY(parsed);
        QCOMPARE(*parsed, seconds);
    }
}

void tst_CsvReader::integersAndDecimals_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QChar>("decimal");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("integer") << "int"
                             << "42" << QChar(u'.') << "42";
    QTest::newRow("grouped integer") << "int"
                                     << "1,234" << QChar(u'.') << "1234";
    QTest::newRow("negative integer") << "int"
                                      << "-7" << QChar(u'.') << "-7";
    QTest::newRow("integer with a fraction") << "int"
                                             << "4.5" << QChar(u'.') << "";
    QTest::newRow("badly grouped integer") << "int"
                                           << "12,34" << QChar(u'.') << "";
    QTest::newRow("decimal") << "real"
                             << "3.25" << QChar(u'.') << "3.25";
    QTest::newRow("comma decimal") << "real"
                                   << "3,25" << QChar(u',') << "3.25";
    QTest::newRow("dot when comma is decimal") << "real"
                                               << "3.25" << QChar(u',') << "";
    QTest::newRow("exponent") << "real"
                              << "1e-05" << QChar(u'.') << "1e-05";
    QTest::newRow("not a number") << "real"
                                  << "nan" << QChar(u'.') << "";
}

void tst_CsvReader::integersAndDecimals()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(QChar, decimal);
    QFETCH(QString, expected);
    CsvSettings settings;
    settings.decimalSymbol = decimal;
    const ValueParser parser(settings);
    QString got;
    QString error;
    if (kind == QLatin1String("int")) {
        const auto value = parser.integer(text);
        got = value ? QString::number(*value) : QString();
        error = value.error();
    } else {
        const auto value = parser.decimal(text);
        got = value ? QString::number(*value) : QString();
        error = value.error();
    }
    QCOMPARE(got, expected);
    if (expected.isEmpty())
        QVERIFY2(error.contains(text), qPrintable(error));
}

void tst_CsvReader::formulaGuardRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("guarded");
    QTest::newRow("equals") << QStringLiteral("=1+2") << true;
    QTest::newRow("plus") << QStringLiteral("+49") << true;
    QTest::newRow("minus") << QStringLiteral("-x") << true;
    QTest::newRow("at") << QStringLiteral("@sum") << true;
    QTest::newRow("tab") << QStringLiteral("\tx") << true;
    QTest::newRow("CR") << QStringLiteral("\rx") << true;
    QTest::newRow("LF") << QStringLiteral("\nx") << true;
    QTest::newRow("quote equals") << QStringLiteral("'=x") << true;
    QTest::newRow("quote quote") << QStringLiteral("''x") << true;
    QTest::newRow("quote letter") << QStringLiteral("'x") << false;
    QTest::newRow("lone quote") << QStringLiteral("'") << false;
    QTest::newRow("plain") << QStringLiteral("Mug") << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_CsvReader::formulaGuardRoundTrip()
{
    QFETCH(QString, text);
    QFETCH(bool, guarded);
    const QString written = FormulaGuard::neutralise(text);
    QCOMPARE(written.startsWith(QLatin1Char('\'')) && written.size() == text.size() + 1, guarded);
    QCOMPARE(FormulaGuard::restore(written), text);
    QCOMPARE(QString::fromUtf8(FormulaGuard::restore(QByteArrayView(written.toUtf8()))), text);
}

void tst_CsvReader::writerQuotesAndReadsBack()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, ';');
    const QStringList texts
        = {QStringLiteral("a;b"),      QStringLiteral("say \"hi\""), QStringLiteral("two\nlines"),
           QStringLiteral(" padded "), QStringLiteral("=SUM(A1)"),   QStringLiteral("plain")};
    for (const QString &text : texts)
        writer.addText(text);
    writer.addPlain("-5");
    MD_VERIFY(writer.endRow());
    MD_VERIFY(writer.flush());
    QCOMPARE(bytes, QByteArray("\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\";\" padded \";'=SUM(A1);"
                               "plain;-5\r\n"));
    CsvSettings settings;
    settings.delimiter = ';';
    const Parsed parsed = parse(bytes, settings);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.records.front(), texts + QStringList{QStringLiteral("-5")});
}

void tst_CsvReader::exportFormats()
{
    QCOMPARE(CsvExporter::formatTimestamp(1772359200), QStringLiteral("2026-03-01T10:00:00Z"));
    QCOMPARE(CsvExporter::formatDecimal(0.1), QStringLiteral("0.1"));
    QCOMPARE(CsvExporter::formatDecimal(1.0 / 3.0).toDouble(), 1.0 / 3.0);
    QCOMPARE(CsvExporter::formatDecimal(0.00001), QStringLiteral("0.00001"));
    QCOMPARE(money::toPlain(-5), QStringLiteral("-0.05"));
}

void tst_CsvReader::docsDescribeEveryField()
{
    // docs/csv.md is the owner's reference: every entity, field and synonym must be in it.
    QFile file(QStringLiteral(MD_CSV_DOC));
    QVERIFY2(file.open(QIODevice::ReadOnly), MD_CSV_DOC);
    const QString doc = QString::fromUtf8(file.readAll());
    for (const EntityDescriptor &entity : EntityCatalog::all()) {
        const qsizetype section = doc.indexOf(QStringLiteral("\n### ") + entity.name + u'\n');
        QVERIFY2(section >= 0, qPrintable(entity.name));
        const qsizetype end = doc.indexOf(QStringLiteral("\n### "), section + 1);
        const QString text = doc.mid(section, end < 0 ? -1 : end - section);
        for (const FieldDescriptor &field : entity.fields) {
            const QString row = QStringLiteral("| `") + field.name + u'`';
            const qsizetype at = text.indexOf(row);
            QVERIFY2(at >= 0, qPrintable(entity.name + u'.' + field.name));
            const QString line = text.mid(at, text.indexOf(u'\n', at) - at);
            QCOMPARE(line.contains(QLatin1String("(key)")), field.key);
            for (const QString &synonym : field.synonyms)
                QVERIFY2(line.contains(synonym),
                         qPrintable(entity.name + u'.' + field.name + u' ' + synonym));
        }
    }
}

QTEST_GUILESS_MAIN(tst_CsvReader)
#include "tst_csvreader.moc"
