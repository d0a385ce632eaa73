#include "pricingrulestore.h"

#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"

#include <QHash>

namespace md {

Result<PricingRules> PricingRuleStore::load(const Database &db)
{
    auto query = sql::select(db.sql(), QStringLiteral("SELECT name, value FROM settings "
                                                      "WHERE name LIKE 'pricing.%'"));
    if (!query)
        return fail(tr("Reading the repricing rules: %1").arg(query.error()));
    QHash<QString, QString> stored;
    while (query->next())
        stored.insert(query->value(0).toString(), query->value(1).toString());
    query->finish();

    PricingRules rules;
    for (const auto field : PricingRules::fields()) {
        if (field == PricingRules::Field::LockedCategories)
            continue;
        const auto found = stored.constFind(PricingRules::key(field));
        if (found == stored.constEnd())
            continue;
        if (auto set = rules.setText(field, found.value(), QLocale::c()); !set) {
            return fail(tr("The stored repricing rule %1 is not valid: %2")
                            .arg(PricingRules::key(field), set.error()));
        }
    }

    auto categories = sql::select(
        db.sql(),
        QStringLiteral("SELECT category FROM pricing_locked_categories ORDER BY category"));
    if (!categories)
        return fail(tr("Reading the locked categories: %1").arg(categories.error()));
    while (categories->next())
        rules.lockedCategories << categories->value(0).toString();
    return rules;
}

Status PricingRuleStore::save(const Database &db, const PricingRules &rules, qint64 now)
{
    const auto errors = rules.validate();
    if (!errors.isEmpty())
        return fail(errors.first().message);

    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return begun;
    for (const auto field : PricingRules::fields()) {
        if (field == PricingRules::Field::LockedCategories)
            continue;
        if (auto written = sql::exec(db.sql(),
                                     QStringLiteral("INSERT INTO settings (name, value) "
                                                    "VALUES (?, ?) ON CONFLICT (name) "
                                                    "DO UPDATE SET value = excluded.value"),
                                     {PricingRules::key(field), rules.text(field, QLocale::c())});
            !written) {
            return fail(tr("Saving the repricing rules: %1").arg(written.error()));
        }
    }
    if (auto cleared = sql::exec(db.sql(), QStringLiteral("DELETE FROM pricing_locked_categories"));
        !cleared) {
        return fail(tr("Saving the locked categories: %1").arg(cleared.error()));
    }
    for (const QString &category : rules.lockedCategories) {
        if (auto written = sql::exec(db.sql(),
                                     QStringLiteral("INSERT INTO pricing_locked_categories "
                                                    "(category, locked_at) VALUES (?, ?)"),
                                     {category, now});
            !written) {
            return fail(tr("Saving the locked categories: %1").arg(written.error()));
        }
    }
    return tx.commit();
}

Result<std::vector<LockedProduct>> PricingRuleStore::lockedProducts(const Database &db)
{
    auto query = sql::select(
        db.sql(), QStringLiteral("SELECT l.product_id, p.sku, p.title, l.locked_at "
                                 "FROM pricing_locked_products l "
                                 "JOIN products p ON p.id = l.product_id ORDER BY p.sku"));
    if (!query)
        return fail(tr("Reading the locked products: %1").arg(query.error()));
    std::vector<LockedProduct> products;
    while (query->next()) {
        products.push_back({query->value(0).toLongLong(), query->value(1).toString(),
                            query->value(2).toString(), query->value(3).toLongLong()});
    }
    return products;
}

Status PricingRuleStore::setLocked(const Database &db, const std::vector<qint64> &productIds,
                                   bool locked, qint64 now)
{
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return begun;
    for (const qint64 id : productIds) {
        if (!locked) {
            if (auto removed = sql::exec(db.sql(),
                                         QStringLiteral("DELETE FROM pricing_locked_products "
                                                        "WHERE product_id = ?"),
                                         {id});
                !removed) {
                return fail(tr("Unlocking product %1: %2").arg(id).arg(removed.error()));
            }
            continue;
        }
        auto exists = sql::scalar(
            db.sql(), QStringLiteral("SELECT COUNT(*) FROM products WHERE id = ?"), {id});
        if (!exists)
            return fail(exists.error());
        if (exists->toLongLong() == 0)
            return fail(tr("There is no product with id %1 to lock").arg(id));
        if (auto added = sql::exec(db.sql(),
                                   QStringLiteral("INSERT INTO pricing_locked_products "
                                                  "(product_id, locked_at) VALUES (?, ?) "
                                                  "ON CONFLICT (product_id) DO NOTHING"),
                                   {id, now});
            !added) {
            return fail(tr("Locking product %1: %2").arg(id).arg(added.error()));
        }
    }
    return tx.commit();
}

} // namespace md
