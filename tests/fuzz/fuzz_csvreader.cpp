// libFuzzer target for the CSV reader: arbitrary bytes go through the sniffer, the libcsv
// reader with the sniffed settings (and with other ones), the Shopify, WooCommerce and
// native row adapters and the value parser. Any crash, hang, leak or sanitizer report is a bug;
// a refusal with a message is the expected answer to garbage.

#include "io/columnmapping.h"
#include "io/csvreader.h"
#include "io/csvsniffer.h"
#include "io/entitycatalog.h"
#include "io/rowadapter.h"
#include "io/rowconverter.h"
#include "io/valueparser.h"

#include <QBuffer>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

using namespace md;

namespace {

// Reads every record; a bounded amount of work per input.
void readAll(const QByteArray &bytes, const CsvSettings &settings)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(settings);
    if (!reader.open(&buffer))
        return;
    const EntityDescriptor &products = *EntityCatalog::find(QStringLiteral("products"));
    const ValueParser parser(settings, 1772359200);
    CsvRecord record;
    QStringList header;
    std::unique_ptr<RowAdapter> adapter;
    std::unique_ptr<RowConverter> converter;
    SourceRow row;
    std::vector<CellValue> values;
    std::vector<RowConverter::Problem> problems;
    while (reader.next(record)) {
        if (header.isEmpty()) {
            header = record.texts();
            const ColumnMapping mapping = ColumnMapping::fromHeader(header, products);
            auto created
                = RowAdapter::create(ImportFormat::Auto, header, products, mapping, parser);
            if (created) {
                adapter = std::move(*created);
                converter
                    = std::make_unique<RowConverter>(products, adapter->fieldUse(), parser, header);
            }
            continue;
        }
        for (qsizetype i = 0; i < record.size(); ++i) {
            const QString cell = record.text(i);
            (void)parser.money(cell);
            (void)parser.decimal(cell);
            (void)ValueParser::timestamp(cell);
        }
        if (adapter && record.size() == header.size()) {
            adapter->convert(record, row);
            if (row.outcome == SourceRow::Outcome::Row) {
                problems.clear();
                converter->convert(row, values, problems);
                for (const auto &problem : problems)
                    (void)RowConverter::describe(record.line(), problem);
            }
        }
    }
    (void)reader.error();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_csvreader";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);

    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (auto sniffed = CsvSniffer::sniff(bytes, true))
        readAll(bytes, sniffed->settings);
    // And once with settings the sniffer would not pick, chosen by the input's length so the
    // fuzzer reaches every combination.
    static constexpr char kDelimiters[] = {',', ';', '\t', '|'};
    static constexpr TextEncoding kEncodings[] = {TextEncoding::Utf8, TextEncoding::Utf16LE,
                                                  TextEncoding::Utf16BE, TextEncoding::Windows1252};
    CsvSettings settings;
    settings.delimiter = kDelimiters[size % 4];
    settings.encoding = kEncodings[(size / 4) % 4];
    settings.decimalSymbol = size % 3 ? QLatin1Char('.') : QLatin1Char(',');
    readAll(bytes, settings);
    return 0;
}
