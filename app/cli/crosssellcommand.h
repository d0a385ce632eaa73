#pragma once

// "crosssell": mines frequently-bought-together rules from the completed orders, stores them as a
// run, and prints the pair rules (table or CSV, sorted by lift).

#include "command.h"

#include <QCoreApplication>

namespace md {

class CrossSellCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::CrossSellCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
