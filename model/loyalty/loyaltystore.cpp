#include "loyaltystore.h"

#include "db/bulkwriter.h"
#include "db/rowcursor.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "loyaltymultiplier.h"

#include <QSqlQuery>

namespace md {

namespace {

struct SeedPerk
{
    const char *key;
    const char *label;
    const char *type;
};

const SeedPerk kSeedPerks[] = {
    {"free_standard_shipping_over", "Free standard shipping over", "money"},
    {"free_expedited_shipping", "Free expedited shipping", "bool"},
    {"early_access", "Early access", "bool"},
    {"birthday_bonus", "Birthday bonus", "bool"},
    {"dedicated_support", "Dedicated support", "bool"},
    {"exclusive_drops", "Exclusive drops", "bool"},
    {"annual_gift", "Annual gift", "bool"},
};

struct SeedTier
{
    const char *name;
    qint64 threshold;
    qint64 multiplierBp;
    std::vector<std::pair<const char *, const char *>> perks; // perk key, value
};

// The programme of issue 13: each tier's perks as listed there.
const std::vector<SeedTier> &seedTiers()
{
    static const std::vector<SeedTier> tiers = {
        {"Bronze", 0, 10000, {}},
        {"Silver", 500, 12500, {{"free_standard_shipping_over", "5000"}}},
        {"Gold",
         2000,
         15000,
         {{"free_expedited_shipping", "true"},
          {"early_access", "true"},
          {"birthday_bonus", "true"}}},
        {"Platinum",
         5000,
         20000,
         {{"dedicated_support", "true"}, {"exclusive_drops", "true"}, {"annual_gift", "true"}}},
    };
    return tiers;
}

QString utf8(const RowCursor &cursor, int column)
{
    const QByteArrayView bytes = cursor.utf8(column);
    return QString::fromUtf8(bytes.data(), bytes.size());
}

LoyaltyKind kindOf(QByteArrayView key)
{
    return fromKey<LoyaltyKind>(QString::fromLatin1(key.data(), key.size()))
        .value_or(LoyaltyKind::Adjust);
}

Result<int> parseDays(const QString &key, const QString &value)
{
    bool ok = false;
    const int days = value.toInt(&ok);
    if (!ok || days < 0 || days > LoyaltyStore::kMaxDays) {
        return fail(LoyaltyStore::tr("The stored setting %1 \"%2\" is not a number of days from 0 "
                                     "to %3")
                        .arg(key, value)
                        .arg(LoyaltyStore::kMaxDays));
    }
    return days;
}

} // namespace

std::vector<LoyaltyTier> LoyaltyStore::defaultTiers()
{
    std::vector<LoyaltyTier> tiers;
    for (const SeedTier &tier : seedTiers())
        tiers.push_back({0, QString::fromLatin1(tier.name), tier.threshold, tier.multiplierBp});
    return tiers;
}

Result<bool> LoyaltyStore::hasDefaultTiers(const Database &db)
{
    auto stored = tiers(db);
    if (!stored)
        return fail(stored.error());
    const std::vector<LoyaltyTier> expected = defaultTiers();
    if (stored->size() != expected.size())
        return false;
    for (size_t i = 0; i < expected.size(); ++i) {
        const LoyaltyTier &a = (*stored)[i];
        const LoyaltyTier &b = expected[i];
        if (a.name != b.name || a.threshold != b.threshold || a.multiplierBp != b.multiplierBp)
            return false;
    }
    return true;
}

Result<std::vector<LoyaltyTier>> LoyaltyStore::tiers(const Database &db)
{
    auto query = sql::select(db.sql(), QStringLiteral("SELECT id, name, min_points, multiplier_bp "
                                                      "FROM loyalty_tiers ORDER BY min_points"));
    if (!query)
        return fail(tr("Reading the loyalty tiers: %1").arg(query.error()));
    std::vector<LoyaltyTier> tiers;
    while (query->next()) {
        tiers.push_back({query->value(0).toLongLong(), query->value(1).toString(),
                         query->value(2).toLongLong(), query->value(3).toLongLong()});
    }
    return tiers;
}

Result<std::vector<LoyaltyTierPerk>> LoyaltyStore::tierPerks(const Database &db)
{
    auto query = sql::select(db.sql(),
                             QStringLiteral("SELECT tp.tier_id, p.perk_key, p.label, p.value_type, "
                                            "tp.value FROM loyalty_tier_perks tp "
                                            "JOIN loyalty_perks p ON p.id = tp.perk_id "
                                            "ORDER BY tp.tier_id, p.display_order, p.perk_key"));
    if (!query)
        return fail(tr("Reading the perks of the loyalty tiers: %1").arg(query.error()));
    std::vector<LoyaltyTierPerk> perks;
    while (query->next()) {
        LoyaltyTierPerk perk;
        perk.tierId = query->value(0).toLongLong();
        perk.key = query->value(1).toString();
        perk.label = query->value(2).toString();
        perk.type
            = fromKey<LoyaltyPerkType>(query->value(3).toString()).value_or(LoyaltyPerkType::Bool);
        perk.value = query->value(4).toString();
        perks.push_back(perk);
    }
    return perks;
}

Result<int> LoyaltyStore::seedDefaultTiers(const Database &db)
{
    const QString context = tr("Creating the loyalty tiers");
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return fail(begun.withContext(context).error());
    auto existing = sql::scalar(db.sql(), QStringLiteral("SELECT COUNT(*) FROM loyalty_tiers"));
    if (!existing)
        return fail(tr("%1: %2").arg(context, existing.error()));
    if (existing->toLongLong() > 0)
        return 0;
    if (auto inserted = insertDefaultTiers(db); !inserted)
        return fail(inserted.withContext(context).error());
    if (auto committed = tx.commit(); !committed)
        return fail(committed.withContext(context).error());
    return int(seedTiers().size());
}

Status LoyaltyStore::insertDefaultTiers(const Database &db)
{
    int order = 0;
    for (const SeedPerk &perk : kSeedPerks) {
        if (auto inserted
            = sql::exec(db.sql(),
                        QStringLiteral("INSERT INTO loyalty_perks (perk_key, label, value_type, "
                                       "display_order) SELECT CAST(? AS TEXT), CAST(? AS TEXT), "
                                       "CAST(? AS TEXT), CAST(? AS INTEGER) WHERE NOT EXISTS "
                                       "(SELECT 1 FROM loyalty_perks WHERE perk_key = ?)"),
                        {QString::fromLatin1(perk.key), QString::fromLatin1(perk.label),
                         QString::fromLatin1(perk.type), ++order, QString::fromLatin1(perk.key)});
            !inserted) {
            return inserted;
        }
    }
    for (const SeedTier &tier : seedTiers()) {
        if (auto inserted
            = sql::exec(db.sql(),
                        QStringLiteral("INSERT INTO loyalty_tiers (name, min_points, "
                                       "multiplier_bp) VALUES (?, ?, ?)"),
                        {QString::fromLatin1(tier.name), tier.threshold, tier.multiplierBp});
            !inserted) {
            return inserted;
        }
        for (const auto &[key, value] : tier.perks) {
            if (auto inserted = sql::exec(
                    db.sql(),
                    QStringLiteral("INSERT INTO loyalty_tier_perks (tier_id, perk_id, value) "
                                   "SELECT t.id, p.id, CAST(? AS TEXT) FROM loyalty_tiers t, "
                                   "loyalty_perks p "
                                   "WHERE t.name = ? AND p.perk_key = ?"),
                    {QString::fromLatin1(value), QString::fromLatin1(tier.name),
                     QString::fromLatin1(key)});
                !inserted) {
                return inserted;
            }
        }
    }
    return {};
}

Status LoyaltyStore::saveTier(const Database &db, const QString &name,
                              std::optional<qint64> threshold, std::optional<qint64> multiplierBp)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(tr("A loyalty tier needs a name"));
    if (threshold && *threshold < 0)
        return fail(tr("Tier \"%1\": the threshold %2 is below 0").arg(trimmed).arg(*threshold));
    if (multiplierBp && (*multiplierBp <= 0 || *multiplierBp > LoyaltyMultiplier::kMaxBp)) {
        return fail(tr("Tier \"%1\": the multiplier %2 is not above 0 and at most 1000")
                        .arg(trimmed, LoyaltyMultiplier::text(*multiplierBp)));
    }
    const QString context = tr("Saving loyalty tier \"%1\"").arg(trimmed);
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return begun.withContext(context);
    auto all = tiers(db);
    if (!all)
        return Status(fail(all.error())).withContext(context);
    const LoyaltyTier *found = nullptr;
    for (const LoyaltyTier &tier : *all) {
        if (tier.name.compare(trimmed, Qt::CaseInsensitive) == 0)
            found = &tier;
    }
    if (threshold) {
        for (const LoyaltyTier &tier : *all) {
            if (tier.threshold == *threshold && &tier != found) {
                return fail(tr("Tier \"%1\": tier \"%2\" already starts at %3 points")
                                .arg(trimmed, tier.name)
                                .arg(*threshold));
            }
        }
    }
    Status written;
    if (found) {
        written = sql::exec(db.sql(),
                            QStringLiteral("UPDATE loyalty_tiers SET min_points = ?, "
                                           "multiplier_bp = ? WHERE id = ?"),
                            {threshold.value_or(found->threshold),
                             multiplierBp.value_or(found->multiplierBp), found->id});
    } else {
        if (!threshold || !multiplierBp) {
            return fail(tr("There is no tier \"%1\"; a new tier needs both --threshold and "
                           "--multiplier")
                            .arg(trimmed));
        }
        written = sql::exec(db.sql(),
                            QStringLiteral("INSERT INTO loyalty_tiers (name, min_points, "
                                           "multiplier_bp) VALUES (?, ?, ?)"),
                            {trimmed, *threshold, *multiplierBp});
    }
    if (!written)
        return written.withContext(context);
    return tx.commit().withContext(context);
}

Result<LoyaltySettings> LoyaltyStore::settings(const Database &db)
{
    LoyaltySettings settings;
    auto query = sql::select(
        db.sql(), QStringLiteral("SELECT name, value FROM settings WHERE name IN (?, ?, ?)"),
        {expiryDaysKey(), basisKey(), pendingDaysKey()});
    if (!query)
        return fail(tr("Reading the loyalty settings: %1").arg(query.error()));
    while (query->next()) {
        const QString name = query->value(0).toString();
        const QString value = query->value(1).toString();
        if (name == basisKey()) {
            auto basis = fromKey<LoyaltyBasis>(value);
            if (!basis) {
                return fail(tr("The stored setting %1 \"%2\" is not one of %3")
                                .arg(name, value, keyList<LoyaltyBasis>()));
            }
            settings.basis = *basis;
            continue;
        }
        auto days = parseDays(name, value);
        if (!days)
            return fail(days.error());
        (name == expiryDaysKey() ? settings.expiryDays : settings.pendingDays) = *days;
    }
    return settings;
}

Status LoyaltyStore::saveSettings(const Database &db, const LoyaltySettings &settings)
{
    for (const int days : {settings.expiryDays, settings.pendingDays}) {
        if (days < 0 || days > kMaxDays)
            return fail(tr("Loyalty settings: %1 is not a number of days from 0 to %2")
                            .arg(days)
                            .arg(kMaxDays));
    }
    const QString context = tr("Saving the loyalty settings");
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return begun.withContext(context);
    const QString upsert
        = QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?) "
                         "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
    const std::pair<QString, QString> rows[] = {
        {expiryDaysKey(), QString::number(settings.expiryDays)},
        {basisKey(), keyOf(settings.basis)},
        {pendingDaysKey(), QString::number(settings.pendingDays)},
    };
    for (const auto &[name, value] : rows) {
        if (auto written = sql::exec(db.sql(), upsert, {name, value}); !written)
            return written.withContext(context);
    }
    return tx.commit().withContext(context);
}

Result<std::optional<qint64>> LoyaltyStore::customerId(const Database &db, const QString &email)
{
    auto query = sql::select(db.sql(), QStringLiteral("SELECT id FROM customers WHERE email = ?"),
                             {email.trimmed().toLower()});
    if (!query)
        return fail(tr("Looking up customer %1: %2").arg(email, query.error()));
    if (!query->next())
        return std::optional<qint64>();
    return std::optional<qint64>(query->value(0).toLongLong());
}

Result<std::vector<LoyaltyEntry>> LoyaltyStore::ledger(const Database &db, qint64 customerId)
{
    auto query = sql::select(db.sql(),
                             QStringLiteral("SELECT id, kind, delta, created_at, order_id, source, "
                                            "note FROM points_ledger WHERE customer_id = ? "
                                            "ORDER BY created_at, id"),
                             {customerId});
    if (!query)
        return fail(tr("Reading the points ledger: %1").arg(query.error()));
    std::vector<LoyaltyEntry> entries;
    while (query->next()) {
        LoyaltyEntry entry;
        entry.id = query->value(0).toLongLong();
        entry.kind = fromKey<LoyaltyKind>(query->value(1).toString()).value_or(LoyaltyKind::Adjust);
        entry.delta = query->value(2).toLongLong();
        entry.at = query->value(3).toLongLong();
        entry.orderId = query->value(4).isNull() ? 0 : query->value(4).toLongLong();
        entry.source = query->value(5).toString();
        entry.note = query->value(6).toString();
        entries.push_back(std::move(entry));
    }
    return entries;
}

Status LoyaltyStore::forEachLedger(const Database &db, const LedgerVisitor &visit)
{
    auto cursor = RowCursor::open(
        db, QStringLiteral("SELECT l.customer_id, c.email, l.id, l.kind, l.delta, l.created_at, "
                           "l.order_id, l.source, l.note FROM points_ledger l "
                           "JOIN customers c ON c.id = l.customer_id "
                           "ORDER BY c.email, l.created_at, l.id"));
    if (!cursor)
        return fail(tr("Reading the points ledger: %1").arg(cursor.error()));
    RowCursor &rows = **cursor;
    qint64 customer = 0;
    QString email;
    std::vector<LoyaltyEntry> entries;
    bool more = true;
    while (rows.next()) {
        const qint64 id = rows.toInt(0);
        if (id != customer) {
            if (customer != 0 && !(more = visit(customer, email, entries)))
                break;
            customer = id;
            email = utf8(rows, 1);
            entries.clear();
        }
        LoyaltyEntry entry;
        entry.id = rows.toInt(2);
        entry.kind = kindOf(rows.utf8(3));
        entry.delta = rows.toInt(4);
        entry.at = rows.toInt(5);
        entry.orderId = rows.toInt(6, 0);
        entry.source = rows.isNull(7) ? QString() : utf8(rows, 7);
        entry.note = utf8(rows, 8);
        entries.push_back(std::move(entry));
    }
    if (!rows.error().isEmpty())
        return fail(tr("Reading the points ledger: %1").arg(rows.error()));
    if (more && customer != 0)
        visit(customer, email, entries);
    return {};
}

Status LoyaltyStore::forEachCustomer(const Database &db, qint64 asOf, const AwardVisitor &visit)
{
    // Orders first (part 0), then the ledger (part 1), per customer; the orders in the order
    // they earn in: time, then order number.
    auto cursor = RowCursor::open(
        db,
        QStringLiteral(
            "SELECT customer_id, 0 AS part, ordered_at AS at, order_number AS number, id, "
            "total_cents, status, '' AS kind, 0 AS delta, 0 AS order_id, '' AS source, "
            "0 AS has_source, '' AS note FROM orders "
            "WHERE customer_id IS NOT NULL AND ordered_at <= ? "
            "UNION ALL "
            "SELECT customer_id, 1, created_at, '', id, 0, '', kind, delta, "
            "COALESCE(order_id, 0), COALESCE(source, ''), "
            "CASE WHEN source IS NULL THEN 0 ELSE 1 END, note FROM points_ledger "
            "ORDER BY 1, 2, 3, 4, 5"),
        {asOf});
    if (!cursor)
        return fail(tr("Reading the orders and the points ledger: %1").arg(cursor.error()));
    RowCursor &rows = **cursor;
    qint64 customer = 0;
    std::vector<LoyaltyOrder> orders;
    std::vector<LoyaltyEntry> entries;
    bool more = true;
    while (rows.next()) {
        const qint64 id = rows.toInt(0);
        if (id != customer) {
            if (customer != 0 && !(more = visit(customer, orders, entries)))
                break;
            customer = id;
            orders.clear();
            entries.clear();
        }
        if (rows.toInt(1) == 0) {
            LoyaltyOrder order;
            order.orderedAt = rows.toInt(2);
            order.number = utf8(rows, 3);
            order.id = rows.toInt(4);
            order.totalCents = rows.toInt(5);
            const QByteArrayView status = rows.utf8(6);
            order.status = QString::fromLatin1(status.data(), status.size());
            order.completed = status == QByteArrayView("completed");
            order.voided
                = status == QByteArrayView("cancelled") || status == QByteArrayView("refunded");
            orders.push_back(std::move(order));
        } else {
            LoyaltyEntry entry;
            entry.at = rows.toInt(2);
            entry.id = rows.toInt(4);
            entry.kind = kindOf(rows.utf8(7));
            entry.delta = rows.toInt(8);
            entry.orderId = rows.toInt(9);
            if (rows.toInt(11) != 0)
                entry.source = utf8(rows, 10);
            entry.note = utf8(rows, 12);
            entries.push_back(std::move(entry));
        }
    }
    if (!rows.error().isEmpty())
        return fail(tr("Reading the orders and the points ledger: %1").arg(rows.error()));
    if (more && customer != 0)
        visit(customer, orders, entries);
    return {};
}

Status LoyaltyStore::appendEntries(const Database &db, const std::vector<LoyaltyNewEntry> &entries)
{
    if (entries.empty())
        return {};
    auto writer = BulkWriter::open(db, QStringLiteral("points_ledger"),
                                   {QStringLiteral("customer_id"), QStringLiteral("delta"),
                                    QStringLiteral("kind"), QStringLiteral("order_id"),
                                    QStringLiteral("created_at"), QStringLiteral("note"),
                                    QStringLiteral("source")});
    if (!writer)
        return fail(tr("Writing the points ledger: %1").arg(writer.error()));
    BulkWriter &w = **writer;
    for (const LoyaltyNewEntry &row : entries) {
        w.addInt(row.customerId);
        w.addInt(row.entry.delta);
        w.addText(keyOf(row.entry.kind));
        if (row.entry.orderId != 0)
            w.addInt(row.entry.orderId);
        else
            w.addNull();
        w.addInt(row.entry.at);
        w.addText(row.entry.note);
        if (row.entry.source.isEmpty())
            w.addNull();
        else
            w.addText(row.entry.source);
        if (auto ended = w.endRow(); !ended)
            return ended.withContext(tr("Writing the points ledger"));
    }
    return w.finish().withContext(tr("Writing the points ledger"));
}

Result<qint64> LoyaltyStore::customerCount(const Database &db)
{
    auto count = sql::scalar(db.sql(), QStringLiteral("SELECT COUNT(*) FROM customers"));
    if (!count)
        return fail(tr("Counting the customers: %1").arg(count.error()));
    return count->toLongLong();
}

Result<std::vector<LoyaltyReward>> LoyaltyStore::rewards(const Database &db)
{
    auto query = sql::select(
        db.sql(),
        QStringLiteral("SELECT r.id, r.name, r.kind, r.points_cost, r.amount_cents, r.percent, "
                       "r.product_id, p.sku, r.min_balance, r.per_customer_limit, r.active "
                       "FROM loyalty_rewards r LEFT JOIN products p ON p.id = r.product_id "
                       "ORDER BY r.name"));
    if (!query)
        return fail(tr("Reading the rewards: %1").arg(query.error()));
    std::vector<LoyaltyReward> rewards;
    while (query->next()) {
        LoyaltyReward reward;
        reward.id = query->value(0).toLongLong();
        reward.name = query->value(1).toString();
        const auto kind = fromKey<LoyaltyRewardKind>(query->value(2).toString());
        if (!kind) {
            return fail(tr("Reward \"%1\" has the unknown kind \"%2\"")
                            .arg(reward.name, query->value(2).toString()));
        }
        reward.kind = *kind;
        reward.pointsCost = query->value(3).toLongLong();
        reward.amountCents = query->value(4).toLongLong();
        reward.percent = query->value(5).toInt();
        reward.productId = query->value(6).toLongLong();
        reward.productSku = query->value(7).toString();
        reward.minBalance = query->value(8).toLongLong();
        reward.perCustomerLimit = query->value(9).toInt();
        reward.active = query->value(10).toInt() != 0;
        rewards.push_back(std::move(reward));
    }
    return rewards;
}

Status LoyaltyStore::saveReward(const Database &db, const LoyaltyReward &reward)
{
    const QVariant noInt(QMetaType::fromType<qint64>());
    const auto orNull = [&](qint64 value) {
        return value > 0 ? QVariant(value) : noInt;
    };
    const QVariantList values = {reward.name,
                                 keyOf(reward.kind),
                                 reward.pointsCost,
                                 orNull(reward.amountCents),
                                 orNull(reward.percent),
                                 orNull(reward.productId),
                                 reward.minBalance,
                                 orNull(reward.perCustomerLimit),
                                 reward.active ? 1 : 0};
    Status written;
    if (reward.id == 0) {
        written = sql::exec(db.sql(),
                            QStringLiteral("INSERT INTO loyalty_rewards (name, kind, points_cost, "
                                           "amount_cents, percent, product_id, min_balance, "
                                           "per_customer_limit, active) VALUES "
                                           "(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                            values);
    } else {
        written = sql::exec(db.sql(),
                            QStringLiteral("UPDATE loyalty_rewards SET name = ?, kind = ?, "
                                           "points_cost = ?, amount_cents = ?, percent = ?, "
                                           "product_id = ?, min_balance = ?, "
                                           "per_customer_limit = ?, active = ? WHERE id = ?"),
                            QVariantList(values) << reward.id);
    }
    return written.withContext(tr("Saving reward \"%1\"").arg(reward.name));
}

Result<std::optional<qint64>> LoyaltyStore::productId(const Database &db, const QString &sku)
{
    auto query = sql::select(db.sql(), QStringLiteral("SELECT id FROM products WHERE sku = ?"),
                             {sku.trimmed()});
    if (!query)
        return fail(tr("Looking up product %1: %2").arg(sku, query.error()));
    if (!query->next())
        return std::optional<qint64>();
    return std::optional<qint64>(query->value(0).toLongLong());
}

Result<qint64> LoyaltyStore::redemptionCount(const Database &db, qint64 customerId, qint64 rewardId)
{
    auto count = sql::scalar(db.sql(),
                             QStringLiteral("SELECT COUNT(*) FROM loyalty_redemptions "
                                            "WHERE customer_id = ? AND reward_id = ?"),
                             {customerId, rewardId});
    if (!count)
        return fail(tr("Counting the redemptions: %1").arg(count.error()));
    return count->toLongLong();
}

Status LoyaltyStore::insertRedemption(const Database &db, qint64 customerId, qint64 rewardId,
                                      const QString &code, qint64 points, qint64 at)
{
    return sql::exec(db.sql(),
                     QStringLiteral("INSERT INTO loyalty_redemptions (customer_id, reward_id, "
                                    "code, points, created_at) VALUES (?, ?, ?, ?, ?)"),
                     {customerId, rewardId, code, points, at})
        .withContext(tr("Recording the redemption"));
}

} // namespace md
