#include "jobscommand.h"

#include "console.h"
#include "databaseopener.h"
#include "schedule/clock.h"
#include "schedule/schedulestore.h"
#include "schedule/standardjobs.h"

#include <QDateTime>

namespace md {

namespace {

QString when(qint64 epoch)
{
    if (epoch < 0)
        return QStringLiteral("-");
    return QDateTime::fromSecsSinceEpoch(epoch).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QString JobsCommand::name() const
{
    return QStringLiteral("jobs");
}

QString JobsCommand::summary() const
{
    return tr("jobs run-due: run every scheduled job that is due (for cron or a systemd timer); "
              "jobs list: show the schedules");
}

QList<QCommandLineOption> JobsCommand::options() const
{
    return {};
}

QString JobsCommand::positionalSyntax() const
{
    return QStringLiteral("run-due|list");
}

int JobsCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                     Console &console)
{
    const QStringList positional = arguments.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1
        || (action != QLatin1String("run-due") && action != QLatin1String("list"))) {
        return console.usageError(tr("jobs: give run-due or list, as in jobs run-due"));
    }
    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false});
    if (!db)
        return db.exitCode();
    const QString where = db.where();
    const JobRunner runner = StandardJobs::runner();

    if (action == QLatin1String("list")) {
        auto schedules = ScheduleStore::all(*db);
        if (!schedules)
            return console.dataError(tr("%1: %2").arg(where, schedules.error()));
        if (schedules->empty()) {
            console.print(tr("No job is scheduled in %1.\n").arg(where));
            return Console::Success;
        }
        for (const JobSchedule &schedule : *schedules) {
            const QString every = schedule.kind == JobSchedule::Kind::Interval
                                      ? tr("every %1 minutes").arg(schedule.intervalMinutes)
                                      : tr("daily at %1").arg(schedule.timesText());
            console.print(
                tr("%1: %2, %3, %4; last run %5, next run %6\n")
                    .arg(schedule.jobType, schedule.enabled ? tr("active") : tr("paused"), every,
                         schedule.mode == JobSchedule::Mode::Apply ? tr("applies changes")
                                                                   : tr("prepares a preview"),
                         when(schedule.lastRunAt), when(schedule.nextRunAt)));
        }
        return Console::Success;
    }

    auto reports = runner.runDue(*db, Clock::system(), [&](const QString &line) {
        console.progress(tr("jobs: %1").arg(line));
    });
    if (!reports)
        return console.dataError(tr("%1: %2").arg(where, reports.error()));
    if (reports->empty()) {
        console.print(tr("No job is due in %1.\n").arg(where));
        return Console::Success;
    }
    bool anyFailed = false;
    for (const JobReport &report : *reports) {
        QString status;
        switch (report.outcome.status) {
        case JobOutcome::Status::Succeeded:
            status = tr("done");
            break;
        case JobOutcome::Status::Skipped:
            status = tr("skipped");
            break;
        case JobOutcome::Status::Failed:
            status = tr("failed");
            anyFailed = true;
            break;
        }
        QString line = tr("%1: %2: %3").arg(report.jobType, status, report.outcome.message);
        if (report.nextRunAt >= 0)
            line += QLatin1Char(' ') + tr("Next run: %1.").arg(when(report.nextRunAt));
        console.print(line + QLatin1Char('\n'));
    }
    if (anyFailed) {
        // Cron mails stderr and a non-zero status: say it there too, after what did run.
        console.flush();
        return console.dataError(tr("%1: a scheduled job failed; see above").arg(where));
    }
    return Console::Success;
}

} // namespace md
