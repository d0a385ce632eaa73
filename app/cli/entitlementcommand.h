#pragma once

// "entitlement CUSTOMER_EMAIL FEATURE_KEY": the customer's effective value of a plan feature
// now, and why (active on a plan, paused, cancelled, no subscription, feature not in plan).

#include "command.h"

#include <QCoreApplication>

namespace md {

class EntitlementCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::EntitlementCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    QString positionalSyntax() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
