#pragma once

// "init": creates or migrates the schema; with --demo also fills the demo shop.

#include "command.h"

#include <QCoreApplication>

namespace md {

class InitCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::InitCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
