#include "pricingservice.h"

#include "pricingapplier.h"
#include "pricingengine.h"
#include "pricingrulestore.h"
#include "productloader.h"

namespace md {

namespace {

// Reading the catalog takes most of the time; the engine the rest.
constexpr int kLoadShare = 80;

} // namespace

QString PricingService::currentUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user;
}

QString PricingService::cancelled()
{
    return ProductLoader::cancelled();
}

Result<std::shared_ptr<const PricingPreview>>
PricingService::preview(const Database &db, qint64 now, const Progress &progress)
{
    auto rules = PricingRuleStore::load(db);
    if (!rules)
        return fail(rules.error());
    return preview(db, *rules, now, progress);
}

Result<std::shared_ptr<const PricingPreview>> PricingService::preview(const Database &db,
                                                                      const PricingRules &rules,
                                                                      qint64 now,
                                                                      const Progress &progress)
{
    const auto errors = rules.validate();
    if (!errors.isEmpty())
        return fail(errors.first().message);
    const QString reading = tr("Reading products");
    if (progress && !progress(0, reading))
        return fail(cancelled());
    auto preview = std::make_shared<PricingPreview>();
    preview->rules = rules;
    preview->computedAt = now;

    auto products = ProductLoader::load(
        db, ProductLoader::Options{now, rules.cooldownHours}, [&](qint64 done, qint64 total) {
            return !progress || progress(int(total ? done * kLoadShare / total : 0), reading);
        });
    if (!products)
        return fail(products.error());
    preview->products = std::move(*products);

    const QString computing = tr("Computing prices");
    auto decisions
        = PricingEngine::preview(preview->products, rules, now, [&](qint64 done, qint64 total) {
              const int share = 100 - kLoadShare;
              return !progress
                     || progress(kLoadShare + int(total ? done * share / total : share), computing);
          });
    if (!decisions)
        return fail(cancelled());
    preview->decisions = std::move(*decisions);
    preview->totals = PricingPreviewTotals::of(preview->decisions);
    return std::shared_ptr<const PricingPreview>(std::move(preview));
}

Result<PricingRunReport> PricingService::apply(const Database &db, const PricingPreview &preview,
                                               const std::vector<qint32> &rows,
                                               PricingRunSource source, const QString &startedBy,
                                               qint64 now)
{
    std::vector<qint32> chosen;
    const std::vector<qint32> &candidates = rows.empty() ? chosen : rows;
    if (rows.empty())
        chosen = preview.changeRows();
    std::vector<qint32> changes;
    changes.reserve(candidates.size());
    for (const qint32 row : candidates) {
        if (row >= 0 && size_t(row) < preview.decisions.size()
            && preview.decisions[size_t(row)].isChange()) {
            changes.push_back(row);
        }
    }
    const PricingReason reasons = preview.reasons();
    PricingApplier::Run run;
    run.source = source;
    run.startedBy = startedBy;
    run.parameters = preview.parametersJson();
    run.now = now;
    return PricingApplier::apply(
        db, qsizetype(changes.size()),
        [&](qsizetype i) {
            const PricingDecision &decision = preview.decisions[size_t(changes[size_t(i)])];
            return PricingChangeItem{preview.productOf(decision).id, decision.oldCents,
                                     decision.newCents, reasons.text(decision)};
        },
        run);
}

} // namespace md
