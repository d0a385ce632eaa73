#include "segmentchoices.h"

#include "db/database.h"
#include "db/sql.h"

namespace md {

namespace {

Result<QStringList> column(const Database &db, const QString &statement)
{
    auto query = sql::select(db.sql(), statement);
    if (!query)
        return fail(query.error());
    QStringList out;
    while (query->next())
        out << query->value(0).toString();
    return out;
}

} // namespace

Result<SegmentChoices> SegmentChoices::load(const Database &db)
{
    SegmentChoices out;
    auto skus = column(db, QStringLiteral("SELECT sku FROM products ORDER BY sku"));
    if (!skus)
        return fail(tr("Reading the products: %1").arg(skus.error()));
    out.skus = *skus;
    auto categories = column(db, QStringLiteral("SELECT DISTINCT category FROM products "
                                                "WHERE category <> '' ORDER BY category"));
    if (!categories)
        return fail(tr("Reading the product categories: %1").arg(categories.error()));
    out.categories = *categories;
    auto plans = column(db, QStringLiteral("SELECT name FROM plans ORDER BY display_order, name"));
    if (!plans)
        return fail(tr("Reading the plans: %1").arg(plans.error()));
    out.plans = *plans;
    return out;
}

} // namespace md
