#pragma once

// "reprice-undo RUN_ID": reverts a whole repricing run; products whose price changed again
// since are left alone and listed.

#include "command.h"

#include <QCoreApplication>

namespace md {

class RepriceUndoCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::RepriceUndoCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    QString positionalSyntax() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
