#include "entitlementcommand.h"

#include "console.h"
#include "databaseopener.h"
#include "subscriptions/entitlementservice.h"

#include <QDateTime>

namespace md {

QString EntitlementCommand::name() const
{
    return QStringLiteral("entitlement");
}

QString EntitlementCommand::summary() const
{
    return tr("Show a customer's value of a plan feature and why (active on a plan, paused, "
              "cancelled, no subscription, feature not in plan)");
}

QList<QCommandLineOption> EntitlementCommand::options() const
{
    return {};
}

QString EntitlementCommand::positionalSyntax() const
{
    return QStringLiteral("CUSTOMER_EMAIL FEATURE_KEY");
}

int EntitlementCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                            Console &console)
{
    const QStringList positional = arguments.positionalArguments();
    if (positional.size() != 2) {
        return console.usageError(tr("entitlement: give a customer's email and a feature key, "
                                     "such as entitlement ann@example.com shipping_speed"));
    }
    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false});
    if (!db)
        return db.exitCode();
    auto result = EntitlementService::check(*db, positional.at(0), positional.at(1),
                                            QDateTime::currentSecsSinceEpoch());
    if (!result)
        return console.dataError(tr("%1: %2").arg(db.where(), result.error()));
    console.print(tr("%1 = %2 (%3)\n").arg(positional.at(1), result->value, result->explanation));
    return Console::Success;
}

} // namespace md
