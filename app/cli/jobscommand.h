#pragma once

// "jobs run-due": runs every scheduled background job that is due (for cron or a systemd timer)
// and says what it ran and what it skipped and why; "jobs list" shows the schedules.

#include "command.h"

#include <QCoreApplication>

namespace md {

class JobsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::JobsCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    QString positionalSyntax() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
