#include "recommendcommand.h"

#include "console.h"
#include "crosssell/recommender.h"
#include "databaseopener.h"

namespace md {

namespace {

const QString kLimit = QStringLiteral("limit");

} // namespace

QString RecommendCommand::name() const
{
    return QStringLiteral("recommend");
}

QString RecommendCommand::summary() const
{
    return tr("Recommend products for a cart of SKUs from the newest cross-sell rules");
}

QString RecommendCommand::positionalSyntax() const
{
    return QStringLiteral("SKU[,SKU...]");
}

QList<QCommandLineOption> RecommendCommand::options() const
{
    return {QCommandLineOption(kLimit, tr("How many products to recommend"), QStringLiteral("K"),
                               QStringLiteral("5"))};
}

int RecommendCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                          Console &console)
{
    QStringList skus;
    for (const QString &argument : arguments.positionalArguments()) {
        for (const QString &sku : argument.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!sku.trimmed().isEmpty() && !skus.contains(sku.trimmed()))
                skus << sku.trimmed();
        }
    }
    if (skus.isEmpty()) {
        return console.usageError(
            tr("recommend: give the SKUs in the cart, e.g. recommend MUG-1,TEA-2"));
    }
    bool ok = false;
    const int limit = arguments.value(kLimit).toInt(&ok);
    if (!ok || limit < 1) {
        return console.usageError(tr("recommend: --limit \"%1\" is not a positive whole number")
                                      .arg(arguments.value(kLimit)));
    }

    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false});
    if (!db)
        return db.exitCode();
    const QString where = db.where();

    auto run = CrossSellStore::latestRun(*db);
    if (!run)
        return console.dataError(tr("%1: %2").arg(where, run.error()));
    if (!*run) {
        return console.dataError(tr("%1: no cross-sell rules have been mined yet; run \"%2 "
                                    "crosssell\" first")
                                     .arg(where, Console::programName()));
    }
    auto ids = CrossSellStore::productIds(*db, skus);
    if (!ids)
        return console.dataError(tr("%1: %2").arg(where, ids.error()));
    auto rules = CrossSellStore::rules(*db, (*run)->id, *ids);
    if (!rules)
        return console.dataError(tr("%1: %2").arg(where, rules.error()));
    const QSet<qint64> cart(ids->begin(), ids->end());
    const auto picks = Recommender::recommend(*rules, cart, limit);
    if (picks.empty()) {
        console.print(tr("No recommendations: no rule of run %1 starts from these products, or "
                         "every product they lead to is in the cart or out of stock.\n")
                          .arg((*run)->id));
        return Console::Success;
    }
    int rank = 0;
    for (const Recommendation &pick : picks) {
        const RuleRow &row = pick.rule;
        console.print(tr("%1. %2  %3  (score %4: bought with %5 in %6% of its orders, lift %7)\n")
                          .arg(++rank)
                          .arg(row.consequent.sku, row.consequent.title)
                          .arg(pick.score, 0, 'f', 3)
                          .arg(row.antecedent.sku)
                          .arg(row.rule.confidence * 100, 0, 'f', 1)
                          .arg(row.rule.lift, 0, 'f', 2));
    }
    return Console::Success;
}

} // namespace md
