// The window's repricing preview path without the window: reads the catalog, computes one
// decision per product with the stored rules, renders every reason once (what scrolling the
// whole preview table would do), and reports the time of each step and the process's peak
// resident memory. One measurement per process; see docs/BENCHMARKS.md.
//
//     pricing_preview_memory --db shop.sqlite

#include "db/credentials.h"
#include "db/database.h"
#include "pricing/pricingservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

namespace {

// VmHWM: the peak resident set size of this process, in kB.
qint64 peakResidentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The shop database"),
                                      QStringLiteral("DB"));
    parser.addOption(dbOption);
    parser.process(app);
    auto spec = md::DatabaseSpec::parse(parser.value(dbOption));
    if (!spec) {
        std::fprintf(stderr, "%s\n", qPrintable(spec.error()));
        return 1;
    }
    md::resolvePassword(*spec);
    auto db = md::Database::open(*spec);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 2;
    }
    const qint64 baseline = peakResidentKb();

    QElapsedTimer timer;
    timer.start();
    qint64 loadedMs = -1;
    auto preview = md::PricingService::preview(*db, QDateTime::currentSecsSinceEpoch(),
                                               [&](int percent, const QString &) {
                                                   if (percent >= 80 && loadedMs < 0)
                                                       loadedMs = timer.elapsed();
                                                   return true;
                                               });
    if (!preview) {
        std::fprintf(stderr, "%s\n", qPrintable(preview.error()));
        return 2;
    }
    const qint64 previewMs = timer.elapsed();
    const md::PricingReason reasons = (*preview)->reasons();
    qint64 characters = 0;
    for (const md::PricingDecision &decision : (*preview)->decisions)
        characters += reasons.text(decision).size();
    const qint64 reasonsMs = timer.elapsed() - previewMs;

    const md::PricingPreviewTotals &totals = (*preview)->totals;
    std::printf("products %lld changes %lld (up %lld, down %lld, capped %lld)\n", totals.products,
                totals.changes, totals.increases, totals.decreases, totals.capped);
    std::printf("load_ms %lld engine_ms %lld preview_ms %lld reasons_ms %lld (%lld chars)\n",
                loadedMs, previewMs - loadedMs, previewMs, reasonsMs, characters);
    std::printf("preview_heap_mb %.1f baseline_rss_mb %.1f peak_rss_mb %.1f\n",
                double((*preview)->memoryBytes()) / 1048576.0, double(baseline) / 1024.0,
                double(peakResidentKb()) / 1024.0);
    return 0;
}
