#include "loyaltyservice.h"

#include "core/money.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "marketing/segmentservice.h"

#include <QRandomGenerator>
#include <QRegularExpression>
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

// The start of every operation that writes the ledger: the transaction, the ledger lock (so
// awards, expiries, redemptions and adjustments queue), then the program's rules as they stand
// under that lock.
Result<LoyaltyEngine> beginLedgerWrite(const Database &db, Transaction &tx)
{
    if (auto begun = tx.begin(); !begun)
        return fail(begun.error());
    if (auto locked = lockLedger(db); !locked)
        return fail(locked.error());
    return LoyaltyService::engine(db);
}

// A customer's ledger read under the lock, with the points past their expiry date written off
// first, as loyalty expire would at `now`: what a redemption or an adjustment then sees.
struct LockedLedger
{
    qint64 customerId = 0;
    QString email;
    std::vector<LoyaltyEntry> entries; // the expiry entry included
    std::vector<LoyaltyNewEntry> toWrite;
    qint64 expired = 0;
};

Result<LockedLedger> readForSpending(const Database &db, const LoyaltyEngine &rules,
                                     const QString &email, qint64 now)
{
    auto id = LoyaltyStore::customerId(db, email);
    if (!id)
        return fail(id.error());
    if (!*id) {
        return fail(
            LoyaltyService::tr("There is no customer with the email \"%1\"").arg(email.trimmed()));
    }
    auto entries = LoyaltyStore::ledger(db, **id);
    if (!entries)
        return fail(entries.error());
    LockedLedger ledger;
    ledger.customerId = **id;
    ledger.email = email.trimmed().toLower();
    ledger.entries = std::move(*entries);
    ledger.expired = rules.expiring(ledger.entries, now);
    if (ledger.expired > 0) {
        LoyaltyEntry entry;
        entry.kind = LoyaltyKind::Expire;
        entry.delta = -ledger.expired;
        entry.at = now;
        entry.source = LoyaltyEngine::expireSource(ledger.customerId, now);
        entry.note = LoyaltyService::tr("Points earned %1 days or more before expired")
                         .arg(rules.settings().expiryDays);
        ledger.entries.push_back(entry);
        ledger.toWrite.push_back({ledger.customerId, std::move(entry)});
    }
    return ledger;
}

// A whole number of percent from 1 to 100, "10" or "10%".
std::optional<int> percentValue(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,3})\\s*%?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const int value = match.captured(1).toInt();
    if (value < 1 || value > 100)
        return std::nullopt;
    return value;
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
    auto rules = beginLedgerWrite(db, tx);
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
    auto rules = beginLedgerWrite(db, tx);
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

Result<std::vector<LoyaltyReward>> LoyaltyService::rewards(const Database &db)
{
    return LoyaltyStore::rewards(db);
}

QString LoyaltyService::rewardText(const LoyaltyReward &reward)
{
    switch (reward.kind) {
    case LoyaltyRewardKind::FixedDiscount:
        return tr("%1 off").arg(money::toPlain(reward.amountCents));
    case LoyaltyRewardKind::PercentDiscount:
        return tr("%1% off").arg(reward.percent);
    case LoyaltyRewardKind::FreeProduct:
        return tr("free %1").arg(reward.productSku);
    case LoyaltyRewardKind::FreeShipping:
        return tr("free shipping");
    }
    return {};
}

Result<LoyaltyReward> LoyaltyService::saveReward(const Database &db, const LoyaltyRewardEdit &edit)
{
    const QString name = edit.name.trimmed();
    if (name.isEmpty())
        return fail(tr("A reward needs a name"));
    const QString context = tr("Reward \"%1\"").arg(name);
    const auto failed = [&](const QString &error) {
        return fail(tr("%1: %2").arg(context, error));
    };
    if (edit.pointsCost && *edit.pointsCost <= 0)
        return failed(tr("the cost must be at least 1 point"));
    if (edit.minBalance && *edit.minBalance < 0)
        return failed(tr("the minimum balance must not be below 0"));
    if (edit.perCustomerLimit && *edit.perCustomerLimit < 0)
        return failed(tr("the limit per customer must not be below 0"));

    Transaction tx(db.sql(), db.dialect());
    if (auto begun = tx.begin(); !begun)
        return failed(begun.error());
    auto all = LoyaltyStore::rewards(db);
    if (!all)
        return failed(all.error());
    LoyaltyReward reward;
    bool found = false;
    for (const LoyaltyReward &candidate : *all) {
        if (candidate.name.compare(name, Qt::CaseInsensitive) == 0) {
            reward = candidate;
            found = true;
        }
    }
    if (!found) {
        if (!edit.kind || !edit.pointsCost) {
            return fail(tr("There is no reward \"%1\"; a new reward needs at least --kind and "
                           "--cost")
                            .arg(name));
        }
        reward.name = name;
    }
    const bool kindChanged = edit.kind && (!found || *edit.kind != reward.kind);
    if (edit.kind)
        reward.kind = *edit.kind;
    const bool needsValue = reward.kind != LoyaltyRewardKind::FreeShipping;
    if (kindChanged && needsValue && !edit.value)
        return failed(tr("a %1 needs --value").arg(keyOf(reward.kind)));
    if (kindChanged) {
        reward.amountCents = 0;
        reward.percent = 0;
        reward.productId = 0;
        reward.productSku.clear();
    }
    if (edit.value) {
        const QString text = edit.value->trimmed();
        switch (reward.kind) {
        case LoyaltyRewardKind::FixedDiscount: {
            auto cents = money::parse(text);
            if (!cents || *cents <= 0) {
                return failed(tr("the value \"%1\" of a fixed discount is not an amount above 0 "
                                 "such as 5.00")
                                  .arg(text));
            }
            reward.amountCents = *cents;
            break;
        }
        case LoyaltyRewardKind::PercentDiscount: {
            const auto percent = percentValue(text);
            if (!percent) {
                return failed(tr("the value \"%1\" of a percentage discount is not a whole "
                                 "percentage from 1 to 100")
                                  .arg(text));
            }
            reward.percent = *percent;
            break;
        }
        case LoyaltyRewardKind::FreeProduct: {
            auto product = LoyaltyStore::productId(db, text);
            if (!product)
                return failed(product.error());
            if (!*product)
                return failed(tr("there is no product with the SKU \"%1\"").arg(text));
            reward.productId = **product;
            reward.productSku = text;
            break;
        }
        case LoyaltyRewardKind::FreeShipping:
            return failed(tr("free shipping takes no --value (\"%1\" was given)").arg(text));
        }
    }
    if (edit.pointsCost)
        reward.pointsCost = *edit.pointsCost;
    if (edit.minBalance)
        reward.minBalance = *edit.minBalance;
    if (edit.perCustomerLimit)
        reward.perCustomerLimit = *edit.perCustomerLimit;
    if (edit.active)
        reward.active = *edit.active;
    if (auto saved = LoyaltyStore::saveReward(db, reward); !saved)
        return fail(saved.error());
    if (auto committed = tx.commit(); !committed)
        return failed(committed.error());
    auto stored = LoyaltyStore::rewards(db);
    if (!stored)
        return fail(stored.error());
    for (const LoyaltyReward &candidate : *stored) {
        if (candidate.name == reward.name)
            return candidate;
    }
    return failed(tr("it was saved but cannot be read back"));
}

QString LoyaltyService::newRewardCode()
{
    static const char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // 32 characters
    QString code = QStringLiteral("MD-");
    QRandomGenerator *random = QRandomGenerator::system();
    for (int i = 0; i < 8; ++i) {
        if (i == 4)
            code += QLatin1Char('-');
        code += QLatin1Char(kAlphabet[random->bounded(32)]);
    }
    return code;
}

Result<LoyaltyRedemption> LoyaltyService::redeem(const Database &db, const QString &email,
                                                 const QString &rewardName, qint64 now)
{
    const QString context
        = tr("Redeeming \"%1\" for %2").arg(rewardName.trimmed(), email.trimmed());
    const auto failed = [&](const QString &error) {
        return fail(tr("%1: %2").arg(context, error));
    };
    Transaction tx(db.sql(), db.dialect());
    auto rules = beginLedgerWrite(db, tx);
    if (!rules)
        return failed(rules.error());
    auto all = LoyaltyStore::rewards(db);
    if (!all)
        return failed(all.error());
    const LoyaltyReward *reward = nullptr;
    for (const LoyaltyReward &candidate : *all) {
        if (candidate.name.compare(rewardName.trimmed(), Qt::CaseInsensitive) == 0)
            reward = &candidate;
    }
    if (!reward) {
        return failed(
            tr("there is no reward \"%1\" (loyalty rewards lists them)").arg(rewardName.trimmed()));
    }
    auto ledger = readForSpending(db, *rules, email, now);
    if (!ledger)
        return failed(ledger.error());
    auto before = LoyaltyStore::redemptionCount(db, ledger->customerId, reward->id);
    if (!before)
        return failed(before.error());
    const LoyaltyRedeemCheck check = rules->checkRedeem(*reward, ledger->entries, *before, now);
    switch (check.refusal) {
    case LoyaltyRedeemRefusal::None:
        break;
    case LoyaltyRedeemRefusal::Inactive:
        return failed(tr("the reward is not offered at the moment (it is inactive); nothing was "
                         "written"));
    case LoyaltyRedeemRefusal::LimitReached:
        return failed(tr("%1 has redeemed it %n time(s), its limit per customer; nothing was "
                         "written",
                         nullptr, int(*before))
                          .arg(ledger->email));
    case LoyaltyRedeemRefusal::BelowMinimum:
        return failed(tr("it needs a balance of at least %1 points and %2 has %3; nothing was "
                         "written")
                          .arg(reward->minBalance)
                          .arg(ledger->email)
                          .arg(check.balance));
    case LoyaltyRedeemRefusal::NotEnoughPoints:
        return failed(tr("it costs %1 points and %2 has %3 to spend; nothing was written")
                          .arg(reward->pointsCost)
                          .arg(ledger->email)
                          .arg(check.spendable));
    }

    LoyaltyRedemption redemption;
    redemption.email = ledger->email;
    redemption.reward = reward->name;
    redemption.code = newRewardCode();
    redemption.points = reward->pointsCost;
    redemption.expiredFirst = ledger->expired;
    redemption.balanceAfter = check.balance - reward->pointsCost;
    redemption.at = now;
    LoyaltyEntry entry;
    entry.kind = LoyaltyKind::Redeem;
    entry.delta = -reward->pointsCost;
    entry.at = now;
    entry.source = LoyaltyEngine::redeemSource(redemption.code);
    entry.note
        = tr("Reward %1 (%2), code %3").arg(reward->name, rewardText(*reward), redemption.code);
    ledger->toWrite.push_back({ledger->customerId, std::move(entry)});
    if (auto written = LoyaltyStore::appendEntries(db, ledger->toWrite); !written)
        return failed(written.error());
    if (auto recorded = LoyaltyStore::insertRedemption(db, ledger->customerId, reward->id,
                                                       redemption.code, reward->pointsCost, now);
        !recorded)
        return failed(recorded.error());
    if (auto committed = tx.commit(); !committed)
        return failed(committed.error());
    return redemption;
}

Result<LoyaltyAdjustment> LoyaltyService::adjust(const Database &db, const QString &email,
                                                 qint64 delta, const QString &reason, qint64 now)
{
    const QString context = tr("Adjusting the points of %1").arg(email.trimmed());
    const auto failed = [&](const QString &error) {
        return fail(tr("%1: %2").arg(context, error));
    };
    const QString note = reason.trimmed();
    if (note.isEmpty())
        return failed(tr("an adjustment needs a reason, kept in the ledger"));
    if (delta == 0)
        return failed(tr("an adjustment of 0 points changes nothing"));
    Transaction tx(db.sql(), db.dialect());
    auto rules = beginLedgerWrite(db, tx);
    if (!rules)
        return failed(rules.error());
    auto ledger = readForSpending(db, *rules, email, now);
    if (!ledger)
        return failed(ledger.error());
    qint64 balance = 0;
    for (const LoyaltyEntry &entry : ledger->entries)
        balance += entry.delta;
    if (balance + delta < 0) {
        return failed(tr("%1 has %2 points; taking %3 would leave the balance below zero; "
                         "nothing was written")
                          .arg(ledger->email)
                          .arg(balance)
                          .arg(-delta));
    }
    LoyaltyEntry entry;
    entry.kind = LoyaltyKind::Adjust;
    entry.delta = delta;
    entry.at = now;
    entry.note = note;
    ledger->toWrite.push_back({ledger->customerId, std::move(entry)});
    if (auto written = LoyaltyStore::appendEntries(db, ledger->toWrite); !written)
        return failed(written.error());
    if (auto committed = tx.commit(); !committed)
        return failed(committed.error());
    return LoyaltyAdjustment{ledger->email, delta, balance + delta, ledger->expired};
}

} // namespace md
