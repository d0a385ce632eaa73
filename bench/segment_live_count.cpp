// The Segments builder's live count without the window: a few typical rules, each counted with
// SegmentService::count() from call to result, and the same through an md::Task on an event
// loop (start to the done callback: the worker's thread, its own connection, the count), as
// the builder does on every edit. Rules take turns within each round, so a change in the
// machine's load hits all alike; the figures are medians (docs/BENCHMARKS.md, "Segments").
//
//     segment_live_count --db shop.sqlite [--as-of 2026-06-30] [--runs 15]
//     segment_live_count --db URL --print-sql     # the compiled count queries, values inlined

#include "core/task.h"
#include "db/credentials.h"
#include "db/database.h"
#include "marketing/segmentcompiler.h"
#include "marketing/segmentservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct Rule
{
    const char *name;
    QByteArray json;
    md::SegmentRule rule{};
    qint64 count = -1;
    std::vector<double> direct{};
    std::vector<double> task{};
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The compiled SQL with its values written in, to paste into sqlite3 or psql (EXPLAIN).
QString inlined(const md::CompiledQuery &query)
{
    QString out;
    qsizetype next = 0;
    for (const QChar ch : query.sql) {
        if (ch != QLatin1Char('?') || next >= query.values.size()) {
            out += ch;
            continue;
        }
        const QVariant &value = query.values[next++];
        if (value.typeId() == QMetaType::QString)
            out += QLatin1Char('\'')
                   + value.toString().replace(QStringLiteral("'"), QStringLiteral("''"))
                   + QLatin1Char('\'');
        else
            out += QString::number(value.toLongLong());
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The shop database"),
                                      QStringLiteral("DB"));
    const QCommandLineOption asOfOption(QStringLiteral("as-of"), QStringLiteral("As of (UTC)"),
                                        QStringLiteral("T"), QStringLiteral("2026-06-30"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Rounds"),
                                        QStringLiteral("N"), QStringLiteral("15"));
    const QCommandLineOption categoryOption(
        QStringLiteral("category"), QStringLiteral("The bought_category of rule 2"),
        QStringLiteral("NAME"), QStringLiteral("Coffee / Whole Beans"));
    const QCommandLineOption sqlOption(QStringLiteral("print-sql"),
                                       QStringLiteral("Print each rule's count query and stop"));
    parser.addOptions({dbOption, asOfOption, runsOption, categoryOption, sqlOption});
    parser.process(app);

    auto spec = md::DatabaseSpec::parse(parser.value(dbOption));
    if (!spec) {
        std::fprintf(stderr, "%s\n", qPrintable(spec.error()));
        return 1;
    }
    md::resolvePassword(*spec);
    auto asOf = md::SegmentService::parseAsOf(parser.value(asOfOption));
    if (!asOf) {
        std::fprintf(stderr, "%s\n", qPrintable(asOf.error()));
        return 1;
    }
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QByteArray category = parser.value(categoryOption).toUtf8();

    // Typical builder rules: 2 to 4 conditions.
    std::vector<Rule> rules = {
        {"repeat_marketing", R"({"all":[{"field":"orders_count","op":">=","value":3},)"
                             R"({"field":"total_spent","op":">","value":100},)"
                             R"({"field":"accepts_marketing","op":"=","value":true}]})"},
        {"category_recent", R"({"all":[{"field":"bought_category","op":"=","value":")" + category
                                + R"("},)"
                                  R"({"field":"last_order","op":"within_days","value":180}]})"},
        {"cart_abandoned", R"({"all":[{"field":"cart_abandoned_hours","op":"<=","value":72},)"
                           R"({"field":"accepts_marketing","op":"=","value":true},)"
                           R"({"field":"unsubscribed","op":"=","value":false}]})"},
        {"nested_any_not",
         R"({"all":[{"field":"orders_count","op":">=","value":2},)"
         R"({"any":[{"field":"total_spent","op":">","value":200},)"
         R"({"field":"email_domain","op":"in","value":["gmail.com","outlook.com"]}]},)"
         R"({"not":{"field":"last_order","op":"within_days","value":90}}]})"},
    };
    for (Rule &r : rules) {
        auto parsed = md::SegmentRule::parse(r.json);
        if (!parsed) {
            std::fprintf(stderr, "%s: %s\n", r.name, qPrintable(parsed.error()));
            return 1;
        }
        r.rule = *parsed;
    }

    auto db = md::Database::open(*spec, {.migrate = false, .createIfMissing = false});
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 2;
    }
    if (parser.isSet(sqlOption)) {
        const md::SegmentCompiler compiler(db->dialect());
        for (const Rule &r : rules)
            std::printf("-- %s: %s\n%s;\n", r.name, r.json.constData(),
                        qPrintable(inlined(compiler.count(r.rule, *asOf))));
        return 0;
    }

    // One warm-up count per rule, so every round reads from the same caches.
    for (Rule &r : rules) {
        auto counted = md::SegmentService::count(*db, r.rule, *asOf);
        if (!counted) {
            std::fprintf(stderr, "%s: %s\n", r.name, qPrintable(counted.error()));
            return 2;
        }
        r.count = *counted;
    }

    QElapsedTimer timer;
    for (int round = 0; round < runs; ++round) {
        for (Rule &r : rules) {
            timer.start();
            auto counted = md::SegmentService::count(*db, r.rule, *asOf);
            r.direct.push_back(timer.nsecsElapsed() / 1e6);
            if (!counted || *counted != r.count) {
                std::fprintf(stderr, "%s: count changed or failed\n", r.name);
                return 2;
            }

            // The builder's path: a Task with its own connection, delivered on the event loop.
            QEventLoop loop;
            qint64 delivered = -1;
            md::Task<qint64> task(*spec);
            timer.start();
            task.start(
                [&r, as = *asOf](const md::Database &worker, md::TaskProgress &) {
                    return md::SegmentService::count(worker, r.rule, as);
                },
                [&](const md::Result<qint64> &result) {
                    r.task.push_back(timer.nsecsElapsed() / 1e6);
                    delivered = result ? *result : -2;
                    loop.quit();
                });
            loop.exec();
            if (delivered != r.count) {
                std::fprintf(stderr, "%s: task count %lld\n", r.name, delivered);
                return 2;
            }
        }
    }

    std::printf("%-18s %9s %12s %12s %12s %12s\n", "rule", "count", "direct_ms", "direct_min",
                "task_ms", "task_min");
    for (const Rule &r : rules) {
        std::printf("%-18s %9lld %12.1f %12.1f %12.1f %12.1f\n", r.name, r.count, median(r.direct),
                    *std::min_element(r.direct.begin(), r.direct.end()), median(r.task),
                    *std::min_element(r.task.begin(), r.task.end()));
    }
    std::printf("runs %d\n", runs);
    return 0;
}
