#include "repriceundocommand.h"

#include "console.h"
#include "core/fixedpoint.h"
#include "databaseopener.h"
#include "pricing/pricingjob.h"
#include "pricing/pricingrunstore.h"
#include "pricing/pricingservice.h"
#include "schedule/joblock.h"

#include <QDateTime>
#include <QRegularExpression>

namespace md {

QString RepriceUndoCommand::name() const
{
    return QStringLiteral("reprice-undo");
}

QString RepriceUndoCommand::summary() const
{
    return tr("Undo a repricing run: its prices go back, except where a price changed again "
              "since (those are listed, not overwritten)");
}

QList<QCommandLineOption> RepriceUndoCommand::options() const
{
    return {};
}

QString RepriceUndoCommand::positionalSyntax() const
{
    return QStringLiteral("RUN_ID");
}

int RepriceUndoCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                            Console &console)
{
    const QStringList positional = arguments.positionalArguments();
    static const QRegularExpression digits(QStringLiteral("^[1-9][0-9]{0,17}$"));
    if (positional.size() != 1 || !digits.match(positional.first()).hasMatch()) {
        return console.usageError(
            tr("reprice-undo: give the id of one run, such as reprice-undo 42 (reprice prints "
               "it)"));
    }
    const qint64 runId = positional.first().toLongLong();

    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false});
    if (!db)
        return db.exitCode();
    const QString where = db.where();
    QString heldBy;
    auto lock = JobLock::tryAcquire(*db, PricingJob::jobType(), &heldBy);
    if (!lock)
        return console.dataError(tr("%1: %2").arg(where, lock.error()));
    if (!*lock) {
        return console.dataError(
            tr("%1: repricing is running in %2; nothing was changed").arg(where, heldBy));
    }

    auto report = PricingRunStore::undo(*db, runId, PricingService::currentUser(),
                                        QDateTime::currentSecsSinceEpoch());
    if (!report)
        return console.dataError(tr("%1: %2; nothing was changed").arg(where, report.error()));
    console.print(tr("Undid run %1 as run %2: %3 prices restored.\n")
                      .arg(runId)
                      .arg(report->runId)
                      .arg(report->changed));
    if (!report->conflicts.empty()) {
        console.print(tr("%1 products changed again since run %2 were left alone:\n")
                          .arg(report->conflicts.size())
                          .arg(runId));
        for (const PricingConflict &conflict : report->conflicts) {
            console.print(tr("  %1: now %2 (run %3 set %4)\n")
                              .arg(conflict.sku, FixedPoint::format(conflict.actualCents, 2, 2))
                              .arg(runId)
                              .arg(FixedPoint::format(conflict.expectedCents, 2, 2)));
        }
    }
    return Console::Success;
}

} // namespace md
