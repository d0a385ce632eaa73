#pragma once

// "export ENTITY FILE": writes one entity as CSV in its native format through CsvExporter.

#include "command.h"

#include <QCoreApplication>

namespace md {

class ExportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::ExportCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    QString positionalSyntax() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
