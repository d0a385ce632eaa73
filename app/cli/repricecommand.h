#pragma once

// "reprice": computes the repricing decisions with the stored rule set and, unless --dry-run,
// applies them as one recorded run (source "cli") and prints its id. Lists the changes (every
// product with --all) as a table, CSV or JSON, on stdout or into --output FILE.

#include "command.h"

#include <QCoreApplication>

namespace md {

class RepriceCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::RepriceCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
