#pragma once

// "inventory pull [--url URL]": reads stock levels from the configured inventory feed (or URL)
// and writes them in one transaction; unknown SKUs are listed, never created. A feed that fails
// to load changes nothing.

#include "command.h"

#include <QCoreApplication>

namespace md {

class InventoryCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::InventoryCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    QString positionalSyntax() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
