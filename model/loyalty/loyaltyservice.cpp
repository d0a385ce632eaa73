#include "loyaltyservice.h"

#include "db/sql.h"
#include "db/transaction.h"
#include "marketing/segmentservice.h"

#include <QSqlQuery>

#include <algorithm>
#include <unordered_map>

namespace md {

namespace {

// Any 64-bit number every process agrees on: one award or expiry at a time per server.
constexpr qint64 kLoyaltyLockKey = 0x4d44'4c4f'5941; // "MDLOYA"

Status lockLedger(const Database &db)
{
    const QString lock = db.dialect().transactionLock(kLoyaltyLockKey);
    if (lock.isEmpty())
        return {}; // SQLite: BEGIN IMMEDIATE already holds the one write lock
    return sql::exec(db.sql(), lock);
}

class Stepper
{
public:
    Stepper(const LoyaltyService::Progress &progress, qint64 total, QString stage)
        : m_progress(progress)
        , m_total(std::max<qint64>(total, 1))
        , m_stage(std::move(stage))
    {}

    // False when cancelled.
    bool step(int from, int to)
    {
        ++m_done;
        if (!m_progress || m_done % 1000 != 0)
            return true;
        const int percent = from + int(std::min<qint64>(m_done, m_total) * (to - from) / m_total);
        return m_progress(percent, m_stage);
    }

private:
    const LoyaltyService::Progress &m_progress;
    qint64 m_total;
    qint64 m_done = 0;
    QString m_stage;
};

QString tierName(const LoyaltyEngine &engine, int tier)
{
    return tier < 0 ? QString() : engine.tiers()[size_t(tier)].name;
}

} // namespace

Result<LoyaltyEngine> LoyaltyService::engine(const Database &db)
{
    auto tiers = LoyaltyStore::tiers(db);
    if (!tiers)
        return fail(tiers.error());
    auto settings = LoyaltyStore::settings(db);
    if (!settings)
        return fail(settings.error());
    return LoyaltyEngine(std::move(*tiers), *settings);
}

Result<LoyaltyAwardReport> LoyaltyService::award(const Database &db, qint64 asOf,
                                                 const Progress &progress)
{
    const QString context = tr("Awarding loyalty points");
    const auto failed = [&](const QString &error) {
        return fail(tr("%1: %2").arg(context, error));
    };
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return failed(begun.error());
    if (auto locked = lockLedger(db); !locked)
        return failed(locked.error());
    auto rules = engine(db);
    if (!rules)
        return failed(rules.error());
    auto customers = LoyaltyStore::customerCount(db);
    if (!customers)
        return failed(customers.error());

    LoyaltyAwardReport report;
    report.asOf = asOf;
    std::vector<LoyaltyNewEntry> entries;
    Stepper stepper(progress, *customers, tr("reading orders"));
    bool cancelled = false;
    auto read = LoyaltyStore::forEachCustomer(
        db, asOf,
        [&](qint64 customerId, const std::vector<LoyaltyOrder> &orders,
            const std::vector<LoyaltyEntry> &ledger) {
            LoyaltyAwardPlan plan = rules->award(orders, ledger, asOf);
            if (!plan.entries.empty())
                ++report.customers;
            report.creditedOrders += plan.creditedOrders;
            report.creditedPoints += plan.creditedPoints;
            report.reversedOrders += plan.reversedOrders;
            report.reversedPoints += plan.reversedPoints;
            if (!plan.entries.empty()) {
                std::unordered_map<qint64, const LoyaltyOrder *> byId;
                for (const LoyaltyOrder &order : orders)
                    byId.emplace(order.id, &order);
                for (LoyaltyEntry &entry : plan.entries) {
                    const LoyaltyOrder *order = byId.at(entry.orderId);
                    if (entry.kind == LoyaltyKind::Earn)
                        entry.note = tr("Order %1").arg(order->number);
                    else
                        entry.note = tr("Order %1 was %2 after it earned")
                                         .arg(order->number, order->status);
                    entries.push_back({customerId, std::move(entry)});
                }
            }
            cancelled = !stepper.step(0, 90);
            return !cancelled;
        });
    if (!read)
        return failed(read.error());
    if (cancelled)
        return failed(tr("cancelled; nothing was written"));
    if (progress && !progress(90, tr("writing the ledger")))
        return failed(tr("cancelled; nothing was written"));
    if (auto written = LoyaltyStore::appendEntries(db, entries); !written)
        return failed(written.error());
    if (auto committed = tx.commit(); !committed)
        return failed(committed.error());
    return report;
}

Result<LoyaltyExpireReport> LoyaltyService::expire(const Database &db, qint64 asOf,
                                                   const Progress &progress)
{
    const QString context = tr("Expiring loyalty points");
    const auto failed = [&](const QString &error) {
        return fail(tr("%1: %2").arg(context, error));
    };
    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return failed(begun.error());
    if (auto locked = lockLedger(db); !locked)
        return failed(locked.error());
    auto rules = engine(db);
    if (!rules)
        return failed(rules.error());
    LoyaltyExpireReport report;
    report.asOf = asOf;
    if (rules->settings().expiryDays <= 0)
        return report; // expiry is off: nothing to write, nothing to commit
    auto customers = LoyaltyStore::customerCount(db);
    if (!customers)
        return failed(customers.error());

    std::vector<LoyaltyNewEntry> entries;
    Stepper stepper(progress, *customers, tr("reading the ledger"));
    bool cancelled = false;
    auto read = LoyaltyStore::forEachLedger(
        db, [&](qint64 customerId, const QString &, const std::vector<LoyaltyEntry> &ledger) {
            const qint64 points = rules->expiring(ledger, asOf);
            if (points > 0) {
                LoyaltyEntry entry;
                entry.kind = LoyaltyKind::Expire;
                entry.delta = -points;
                entry.at = asOf;
                entry.source = LoyaltyEngine::expireSource(customerId, asOf);
                entry.note = tr("Points earned %1 days or more before expired")
                                 .arg(rules->settings().expiryDays);
                entries.push_back({customerId, std::move(entry)});
                ++report.customers;
                report.points += points;
            }
            cancelled = !stepper.step(0, 90);
            return !cancelled;
        });
    if (!read)
        return failed(read.error());
    if (cancelled)
        return failed(tr("cancelled; nothing was written"));
    if (auto written = LoyaltyStore::appendEntries(db, entries); !written)
        return failed(written.error());
    if (auto committed = tx.commit(); !committed)
        return failed(committed.error());
    return report;
}

Result<std::vector<LoyaltyBalanceRow>> LoyaltyService::balances(const Database &db, qint64 asOf)
{
    auto rules = engine(db);
    if (!rules)
        return fail(rules.error());
    std::vector<LoyaltyBalanceRow> rows;
    auto read = LoyaltyStore::forEachLedger(
        db, [&](qint64 customerId, const QString &email, const std::vector<LoyaltyEntry> &ledger) {
            if (ledger.empty() || ledger.front().at > asOf)
                return true;
            LoyaltyBalanceRow row;
            row.customerId = customerId;
            row.email = email;
            row.standing = rules->standing(ledger, asOf);
            row.tier = tierName(*rules, row.standing.tier);
            rows.push_back(std::move(row));
            return true;
        });
    if (!read)
        return fail(read.error());
    return rows;
}

Result<LoyaltyCustomerLedger> LoyaltyService::ledger(const Database &db, const QString &email,
                                                     qint64 now)
{
    auto id = LoyaltyStore::customerId(db, email);
    if (!id)
        return fail(id.error());
    if (!*id)
        return fail(tr("There is no customer with the email \"%1\"").arg(email));
    auto rules = engine(db);
    if (!rules)
        return fail(rules.error());
    auto entries = LoyaltyStore::ledger(db, **id);
    if (!entries)
        return fail(entries.error());
    LoyaltyCustomerLedger result;
    result.email = email.trimmed().toLower();
    qint64 balance = 0;
    for (const LoyaltyEntry &entry : *entries) {
        balance += entry.delta;
        result.lines.push_back({entry, balance});
    }
    result.standing = rules->standing(*entries, now);
    result.tier = tierName(*rules, result.standing.tier);
    return result;
}

Result<int> LoyaltyService::seedDefaultTiers(const Database &db)
{
    return LoyaltyStore::seedDefaultTiers(db);
}

Status LoyaltyService::setTier(const Database &db, const QString &name,
                               std::optional<qint64> threshold, std::optional<qint64> multiplierBp)
{
    return LoyaltyStore::saveTier(db, name, threshold, multiplierBp);
}

Result<LoyaltySettings> LoyaltyService::updateSettings(const Database &db,
                                                       std::optional<int> expiryDays,
                                                       std::optional<LoyaltyBasis> basis,
                                                       std::optional<int> pendingDays)
{
    auto settings = LoyaltyStore::settings(db);
    if (!settings)
        return fail(settings.error());
    if (!expiryDays && !basis && !pendingDays)
        return *settings;
    if (expiryDays)
        settings->expiryDays = *expiryDays;
    if (basis)
        settings->basis = *basis;
    if (pendingDays)
        settings->pendingDays = *pendingDays;
    if (auto saved = LoyaltyStore::saveSettings(db, *settings); !saved)
        return fail(saved.error());
    return *settings;
}

Result<qint64> LoyaltyService::parseAsOf(const QString &text)
{
    return SegmentService::parseAsOf(text);
}

} // namespace md
