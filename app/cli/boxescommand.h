#pragma once

// "boxes compose --cycle YYYY-MM [--dry-run] [--output FILE]": composes every active
// subscriber's box for a month, reports the boxes that cannot be filled, confirms the cycle
// (boxes recorded, stock taken) unless --dry-run, and writes the picking list CSV.

#include "command.h"

#include <QCoreApplication>

namespace md {

class BoxesCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::BoxesCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    QString positionalSyntax() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
