#pragma once

// "recommend SKU[,SKU...]": the top products for a cart from the newest stored cross-sell run,
// each with the rule that produced it.

#include "command.h"

#include <QCoreApplication>

namespace md {

class RecommendCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::RecommendCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    QString positionalSyntax() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
