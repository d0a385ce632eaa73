// Times the Catalog page from its creation to the first paint of its table that shows real rows,
// then a jump to the last row, and reports the longest stall of the event loop (a frozen window)
// and the process's peak resident memory. One measurement per process (peak memory is per
// process); run it several times and take the median, see docs/BENCHMARKS.md.
//
//     QT_QPA_PLATFORM=offscreen bench_catalog_open --db shop.sqlite

#include "catalog/catalogpage.h"
#include "common/pagedtablewidget.h"
#include "db/credentials.h"
#include "db/database.h"
#include "db/pagedquerymodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEvent>
#include <QTableView>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>

namespace {

// Watches the table's viewport: the first paint that shows real rows ends the first phase, then
// the view jumps to the last row and the first paint that shows it ends the second.
class PaintProbe : public QObject
{
public:
    PaintProbe(md::PagedQueryModel *model, QTableView *table, QElapsedTimer *timer)
        : m_model(model)
        , m_table(table)
        , m_timer(timer)
    {}

    qint64 firstPaintNs = -1;
    qint64 scrollStartNs = -1;
    qint64 lastRowPaintNs = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_waitingForTimer)
            return QObject::eventFilter(watched, event);
        const int last = m_model->rowCount() - 1;
        if (firstPaintNs < 0 && m_model->keyForRow(0) >= 0) {
            finishAfterPaint([this] {
                firstPaintNs = m_timer->nsecsElapsed();
                // The first page is painted before the count arrives: jump to the end once the
                // model knows where the end is.
                auto jump = [this] {
                    scrollStartNs = m_timer->nsecsElapsed();
                    m_table->scrollToBottom();
                };
                if (m_model->isCounted())
                    jump();
                else
                    connect(m_model, &md::PagedQueryModel::rowCountKnown, this, jump,
                            Qt::SingleShotConnection);
            });
        } else if (scrollStartNs >= 0 && last >= 0 && m_model->keyForRow(last) >= 0) {
            finishAfterPaint([this] {
                lastRowPaintNs = m_timer->nsecsElapsed();
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    // A zero timer fires once the running paint has finished.
    template<typename Step> void finishAfterPaint(Step step)
    {
        m_waitingForTimer = true;
        QTimer::singleShot(0, this, [this, step] {
            m_waitingForTimer = false;
            step();
        });
    }

    md::PagedQueryModel *m_model;
    QTableView *m_table;
    QElapsedTimer *m_timer;
    bool m_waitingForTimer = false;
};

long peakResidentKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // kilobytes on Linux
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_catalog_open"));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("database"),
                                      QStringLiteral("path-or-url"));
    parser.addOption(dbOption);
    parser.process(app);
    auto spec = md::DatabaseSpec::parse(parser.value(dbOption));
    if (!spec) {
        std::fprintf(stderr, "bench_catalog_open: %s\n", qPrintable(spec.error()));
        return 1;
    }
    md::resolvePassword(*spec);
    {
        // The window has opened (and migrated) the database before it builds a page: not timed.
        auto db = md::Database::open(*spec);
        if (!db) {
            std::fprintf(stderr, "bench_catalog_open: %s\n", qPrintable(db.error()));
            return 2;
        }
    }

    QElapsedTimer timer;
    timer.start();
    auto *page = new md::CatalogPage(*spec);
    QTableView *table = page->tableWidget()->table();
    PaintProbe probe(page->model(), table, &timer);
    table->viewport()->installEventFilter(&probe);

    page->resize(1280, 800);
    page->show();

    // The longest gap between two ticks of a 5 ms timer once the page is up: how long the window
    // was unresponsive while the rows loaded and the view jumped to the end.
    qint64 lastTickNs = timer.nsecsElapsed();
    qint64 maxStallNs = 0;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    QObject::connect(&heartbeat, &QTimer::timeout, &app, [&] {
        const qint64 now = timer.nsecsElapsed();
        maxStallNs = std::max(maxStallNs, now - lastTickNs);
        lastTickNs = now;
    });
    heartbeat.start();
    QTimer::singleShot(120000, &app, [] {
        std::fprintf(stderr, "bench_catalog_open: no rows painted within 120 s\n");
        QCoreApplication::exit(3);
    });
    const int rc = app.exec();
    if (probe.lastRowPaintNs < 0) {
        std::fprintf(stderr, "bench_catalog_open: %s\n", qPrintable(page->model()->lastError()));
        return rc ? rc : 3;
    }
    std::printf("rows=%d first_paint_ms=%.1f scroll_to_end_ms=%.1f max_stall_ms=%.1f "
                "peak_rss_mb=%.1f\n",
                page->model()->rowCount(), double(probe.firstPaintNs) / 1e6,
                double(probe.lastRowPaintNs - probe.scrollStartNs) / 1e6, double(maxStallNs) / 1e6,
                double(peakResidentKb()) / 1024.0);
    delete page;
    return 0;
}
