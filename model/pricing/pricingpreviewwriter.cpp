#include "pricingpreviewwriter.h"

#include "io/formulaguard.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace md {

namespace {

constexpr qsizetype kChunk = 1 << 20;

QByteArray plainMoney(qint64 cents)
{
    return FixedPoint::format(cents, 2, 2).toLatin1();
}

void csvCell(QByteArray &out, QByteArrayView utf8, bool text)
{
    const bool guard = text && FormulaGuard::needsGuard(utf8);
    bool quote = guard;
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out.append(utf8);
        return;
    }
    out.append('"');
    if (guard)
        out.append('\'');
    for (const char c : utf8) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

void jsonString(QByteArray &out, QByteArrayView utf8)
{
    out.append('"');
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out.append("\\u00").append(QByteArray::number(int(c), 16).rightJustified(2, '0'));
            else
                out.append(c);
        }
    }
    out.append('"');
}

// The "outcome" and "limit" values of the JSON output.
constexpr auto kOutcomeKeys = keyTable<PricingOutcome>({{PricingOutcome::Change, "change"},
                                                        {PricingOutcome::Unchanged, "unchanged"},
                                                        {PricingOutcome::Skipped, "skipped"}});
constexpr auto kLimitKeys
    = keyTable<PricingDecision::Limit>({{PricingDecision::CapUp, "cap_up"},
                                        {PricingDecision::CapDown, "cap_down"},
                                        {PricingDecision::Floor, "floor"},
                                        {PricingDecision::Ceiling, "ceiling"}});

// Text for a terminal column: cut to `width` characters with an ellipsis.
QString fit(const QString &text, qsizetype width)
{
    if (text.size() <= width)
        return text.leftJustified(width);
    return text.left(width - 1) + QChar(0x2026);
}

class Sink
{
public:
    explicit Sink(QIODevice &device)
        : m_device(device)
    {
        m_buffer.reserve(kChunk + 4096);
    }
    QByteArray &buffer() { return m_buffer; }
    bool maybeFlush() { return m_buffer.size() < kChunk || flush(); }
    bool flush()
    {
        if (m_buffer.isEmpty())
            return true;
        const bool ok = m_device.write(m_buffer) == m_buffer.size();
        m_buffer.clear();
        return ok;
    }

private:
    QIODevice &m_device;
    QByteArray m_buffer;
};

} // namespace

Status PricingPreviewWriter::write(const PricingPreview &preview, const Options &options,
                                   QIODevice &device)
{
    const PricingReason reasons = preview.reasons(options.locale);
    const ProductSnapshot &products = preview.products;
    const auto listed = [&](const PricingDecision &decision) {
        return options.all || decision.isChange();
    };
    const auto writeFailed = [&] {
        return fail(tr("Cannot write the preview: %1").arg(device.errorString()));
    };
    Sink sink(device);
    QByteArray &out = sink.buffer();

    if (options.format == Format::Csv) {
        out.append("sku,title,stock_level,demand_score,old_price,new_price,change_pct,reason\n");
        for (const PricingDecision &decision : preview.decisions) {
            if (!listed(decision))
                continue;
            const PricingProduct &product = preview.productOf(decision);
            const qint64 newCents = decision.isChange() ? decision.newCents : decision.oldCents;
            csvCell(out, products.skuUtf8(decision.row), true);
            out.append(',');
            csvCell(out, products.titleUtf8(decision.row), true);
            out.append(',').append(QByteArray::number(product.stockLevel)).append(',');
            out.append(FixedPoint::format(product.demandHundredths, 2, 2).toLatin1()).append(',');
            out.append(plainMoney(decision.oldCents)).append(',');
            out.append(plainMoney(newCents)).append(',');
            out.append(FixedPoint::format(FixedPoint::changeBp(decision.oldCents, newCents), 2, 2)
                           .toLatin1())
                .append(',');
            csvCell(out, reasons.text(decision).toUtf8(), true);
            out.append('\n');
            if (!sink.maybeFlush())
                return writeFailed();
        }
        return sink.flush() ? Status() : writeFailed();
    }

    if (options.format == Format::Json) {
        const PricingPreviewTotals &totals = preview.totals;
        out.append("{\"computed_at\":");
        jsonString(out, QDateTime::fromSecsSinceEpoch(preview.computedAt, QTimeZone::utc())
                            .toString(Qt::ISODate)
                            .toUtf8());
        out.append(",\"run_id\":")
            .append(options.runId > 0 ? QByteArray::number(options.runId) : "null");
        out.append(",\"totals\":{\"products\":").append(QByteArray::number(totals.products));
        out.append(",\"changes\":").append(QByteArray::number(totals.changes));
        out.append(",\"increases\":").append(QByteArray::number(totals.increases));
        out.append(",\"decreases\":").append(QByteArray::number(totals.decreases));
        out.append(",\"capped\":").append(QByteArray::number(totals.capped));
        out.append(",\"unchanged\":").append(QByteArray::number(totals.unchanged));
        out.append(",\"skipped\":").append(QByteArray::number(totals.skipped));
        out.append("},\"decisions\":[");
        bool first = true;
        for (const PricingDecision &decision : preview.decisions) {
            if (!listed(decision))
                continue;
            const PricingProduct &product = preview.productOf(decision);
            const qint64 newCents = decision.isChange() ? decision.newCents : decision.oldCents;
            out.append(first ? "\n{" : ",\n{");
            first = false;
            out.append("\"product_id\":").append(QByteArray::number(product.id));
            out.append(",\"sku\":");
            jsonString(out, products.skuUtf8(decision.row));
            out.append(",\"title\":");
            jsonString(out, products.titleUtf8(decision.row));
            out.append(",\"stock_level\":").append(QByteArray::number(product.stockLevel));
            out.append(",\"demand_score\":")
                .append(FixedPoint::format(product.demandHundredths, 2, 2).toLatin1());
            out.append(",\"old_price\":").append(plainMoney(decision.oldCents));
            out.append(",\"new_price\":").append(plainMoney(newCents));
            out.append(",\"change_pct\":")
                .append(FixedPoint::format(FixedPoint::changeBp(decision.oldCents, newCents), 2, 2)
                            .toLatin1());
            out.append(",\"outcome\":");
            jsonString(out, kOutcomeKeys.keyOf(decision.outcome).toUtf8());
            out.append(",\"limit\":");
            const QString limit = kLimitKeys.keyOf(decision.effectiveLimit());
            if (limit.isEmpty())
                out.append("null");
            else
                jsonString(out, limit.toUtf8());
            out.append(",\"lowest_price_30d\":")
                .append(product.lowestRecentCents >= 0 ? plainMoney(product.lowestRecentCents)
                                                       : QByteArray("null"));
            out.append(",\"reason\":");
            jsonString(out, reasons.text(decision).toUtf8());
            out.append('}');
            if (!sink.maybeFlush())
                return writeFailed();
        }
        out.append("\n]}\n");
        return sink.flush() ? Status() : writeFailed();
    }

    // The table: widths from the rows shown, long titles and reasons cut.
    qsizetype skuWidth = tr("SKU").size();
    for (const PricingDecision &decision : preview.decisions) {
        if (listed(decision))
            skuWidth = std::max(skuWidth, products.skuUtf8(decision.row).size());
    }
    skuWidth = std::min<qsizetype>(skuWidth, 24);
    constexpr qsizetype kTitle = 28;
    const auto line = [&](const QString &sku, const QString &title, const QString &stock,
                          const QString &demand, const QString &oldPrice, const QString &newPrice,
                          const QString &change, const QString &reason) {
        const QString text = fit(sku, skuWidth) + QLatin1String("  ") + fit(title, kTitle)
                             + QLatin1String("  ") + stock.rightJustified(6) + QLatin1String("  ")
                             + demand.rightJustified(6) + QLatin1String("  ")
                             + oldPrice.rightJustified(10) + QLatin1String("  ")
                             + newPrice.rightJustified(10) + QLatin1String("  ")
                             + change.rightJustified(8) + QLatin1String("  ") + reason;
        out.append(text.trimmed().toUtf8());
        out.append('\n');
    };
    line(tr("SKU"), tr("Title"), tr("Stock"), tr("Demand"), tr("Old"), tr("New"), tr("Change"),
         tr("Reason"));
    const QLocale &locale = options.locale;
    for (const PricingDecision &decision : preview.decisions) {
        if (!listed(decision))
            continue;
        const PricingProduct &product = preview.productOf(decision);
        const qint64 newCents = decision.isChange() ? decision.newCents : decision.oldCents;
        line(products.sku(decision.row), products.title(decision.row),
             QString::number(product.stockLevel),
             FixedPoint::format(product.demandHundredths, 2, 2, locale),
             FixedPoint::format(decision.oldCents, 2, 2, locale),
             FixedPoint::format(newCents, 2, 2, locale),
             FixedPoint::signedText(FixedPoint::changeBp(decision.oldCents, newCents), 2, 1, locale)
                 + QStringLiteral(" %"),
             reasons.text(decision));
        if (!sink.maybeFlush())
            return writeFailed();
    }
    const PricingPreviewTotals &totals = preview.totals;
    out.append('\n');
    const double average = totals.averageChangePct();
    out.append(tr("Price changes: %1 of %2 products (%3 up, %4 down, %5 capped); average change "
                  "%6 %")
                   .arg(totals.changes)
                   .arg(totals.products)
                   .arg(totals.increases)
                   .arg(totals.decreases)
                   .arg(totals.capped)
                   .arg((average >= 0 ? locale.positiveSign() : QString())
                        + locale.toString(average, 'f', 1))
                   .toUtf8());
    out.append('\n');
    if (totals.skipped > 0) {
        out.append(tr("%1 products were skipped (locked, cool-down, over the run limit or "
                      "missing prices).")
                       .arg(totals.skipped)
                       .toUtf8());
        out.append('\n');
    }
    return sink.flush() ? Status() : writeFailed();
}

} // namespace md
