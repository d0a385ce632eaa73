#pragma once

// "loyalty": the points programme. award and expire write the ledger (idempotent, as of a
// moment); balances and ledger EMAIL report it (table or CSV); tiers lists the tiers with their
// perks, tier set NAME edits one, settings shows and changes the programme's settings. Every
// action is one entry of the action table in loyaltycommand.cpp and calls LoyaltyService.

#include "command.h"

#include <QCoreApplication>

namespace md {

class LoyaltyCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::LoyaltyCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    QString positionalSyntax() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
