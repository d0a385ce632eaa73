#include "boxescommand.h"

#include "console.h"
#include "databaseopener.h"
#include "subscriptions/boxcyclestore.h"

#include <QDateTime>
#include <QLocale>

namespace md {

namespace {

const QString kCycle = QStringLiteral("cycle");
const QString kDryRun = QStringLiteral("dry-run");
const QString kOutput = QStringLiteral("output");
const QString kSeed = QStringLiteral("seed");
constexpr int kListedUnfilled = 20;

} // namespace

QString BoxesCommand::name() const
{
    return QStringLiteral("boxes");
}

QString BoxesCommand::summary() const
{
    return tr("Compose the subscription boxes of a month, record them and take their items "
              "from stock (or only show them with --dry-run); write the picking list");
}

QList<QCommandLineOption> BoxesCommand::options() const
{
    return {
        QCommandLineOption(kCycle, tr("The shipping month, such as 2026-12"),
                           QStringLiteral("YYYY-MM")),
        QCommandLineOption(kDryRun, tr("Only compose and report; record nothing")),
        QCommandLineOption(kOutput, tr("Write the picking list CSV to FILE"),
                           QStringLiteral("FILE")),
        QCommandLineOption(kSeed,
                           tr("Seed for choosing products (the same seed composes the same "
                              "boxes); default: from the cycle"),
                           QStringLiteral("N")),
    };
}

QString BoxesCommand::positionalSyntax() const
{
    return QStringLiteral("compose");
}

int BoxesCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                      Console &console)
{
    const QStringList positional = arguments.positionalArguments();
    if (positional != QStringList{QStringLiteral("compose")})
        return console.usageError(tr("boxes: the only action is compose, such as boxes compose "
                                     "--cycle 2026-12"));
    if (!arguments.isSet(kCycle))
        return console.usageError(tr("boxes compose: give the month with --cycle YYYY-MM"));
    const QString cycle = arguments.value(kCycle);
    if (auto start = BoxCycleStore::cycleStart(cycle); !start)
        return console.usageError(tr("boxes compose: %1").arg(start.error()));
    quint64 seed = BoxCycleStore::defaultSeed(cycle);
    if (arguments.isSet(kSeed)) {
        bool ok = false;
        seed = arguments.value(kSeed).toULongLong(&ok);
        if (!ok)
            return console.usageError(tr("boxes compose: --seed \"%1\" is not a whole number "
                                         "of 0 or more")
                                          .arg(arguments.value(kSeed)));
    }
    const QString output = arguments.value(kOutput);
    if (arguments.isSet(kOutput) && output.isEmpty())
        return console.usageError(tr("boxes compose: --output needs a file name"));
    const bool dryRun = arguments.isSet(kDryRun);

    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false});
    if (!db)
        return db.exitCode();
    const QString where = db.where();

    if (!dryRun) {
        auto confirmed = BoxCycleStore::isConfirmed(*db, cycle);
        if (!confirmed)
            return console.dataError(tr("%1: %2").arg(where, confirmed.error()));
        if (*confirmed) {
            return console.dataError(tr("%1: cycle %2 was confirmed already; nothing was "
                                        "changed (use --dry-run to see a composition again)")
                                         .arg(where, cycle));
        }
    }
    auto input = BoxCycleStore::load(*db, cycle, seed);
    if (!input)
        return console.dataError(tr("%1: %2").arg(where, input.error()));
    const BoxComposition composition
        = BoxComposer::compose(input->products, input->subscribers, seed);

    qint64 items = qint64(composition.items.size());
    if (!dryRun) {
        auto summary
            = BoxCycleStore::confirm(*db, *input, composition, QDateTime::currentSecsSinceEpoch());
        if (!summary) {
            return console.dataError(
                tr("%1: %2; nothing was recorded").arg(where, summary.error()));
        }
        items = summary->items;
    }
    if (!output.isEmpty()) {
        const auto written = console.writeResult(output, [&](QIODevice &device) {
            return BoxCycleStore::writePickingList(&device, *input, composition);
        });
        if (!written) {
            return console.dataError(
                tr("boxes compose: %1 (the cycle %2)")
                    .arg(written.error(), dryRun ? tr("was not recorded") : tr("was recorded")));
        }
    }

    const QLocale locale;
    console.print(tr("Cycle %1: %2 boxes with %3 items for %4 subscribers; %5 could not be "
                     "filled.\n")
                      .arg(cycle, locale.toString(composition.boxCount()), locale.toString(items),
                           locale.toString(qint64(input->subscribers.size())),
                           locale.toString(qint64(composition.unfilled.size()))));
    int listed = 0;
    for (const UnfilledBox &box : composition.unfilled) {
        if (listed++ == kListedUnfilled) {
            console.print(
                tr("  … and %1 more\n").arg(composition.unfilled.size() - kListedUnfilled));
            break;
        }
        console.print(tr("  %1 (%2): %3\n")
                          .arg(input->email[size_t(box.subscriber)],
                               input->planName[size_t(box.subscriber)],
                               BoxComposer::reasonText(box)));
    }
    console.print(dryRun ? tr("Dry run: nothing was recorded.\n")
                         : tr("Recorded the boxes and took their items from stock.\n"));
    return Console::Success;
}

} // namespace md
