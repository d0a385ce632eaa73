#pragma once

// "info": which database this is, its schema version against the program's, and the row count
// of every table. Reads only: it neither creates nor migrates anything.

#include "command.h"

#include <QCoreApplication>

namespace md {

class InfoCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::InfoCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
