#pragma once

// Writes a repricing preview as CSV, JSON or an aligned text table (the command line's
// formats; the window's export uses the same CSV). CSV columns, in this order:
// sku,title,stock_level,demand_score,old_price,new_price,change_pct,reason — prices in currency
// units with a "." decimal point, text cells guarded against spreadsheet formulas.

#include "core/enumkeys.h"
#include "core/result.h"
#include "pricingpreview.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QLocale>
#include <QString>

#include <optional>

namespace md {

class PricingPreviewWriter
{
    Q_DECLARE_TR_FUNCTIONS(md::PricingPreviewWriter)

public:
    enum class Format { Table, Csv, Json };

    struct Options
    {
        Format format = Format::Table;
        bool all = false;  // every product, not only the changes
        qint64 runId = -1; // the run that applied it, for JSON and the table's last line
        QLocale locale = QLocale::c(); // for the reasons (numbers in CSV/JSON are always C)
    };

    // Streams to `device` in chunks; fails when the device refuses to write.
    static Status write(const PricingPreview &preview, const Options &options, QIODevice &device);
};

// The values of --format on the command line.
constexpr auto enumKeys(PricingPreviewWriter::Format)
{
    using Format = PricingPreviewWriter::Format;
    return keyTable<Format>(
        {{Format::Table, "table"}, {Format::Csv, "csv"}, {Format::Json, "json"}});
}

} // namespace md
