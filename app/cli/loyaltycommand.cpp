#include "loyaltycommand.h"

#include "console.h"
#include "core/money.h"
#include "databaseopener.h"
#include "formatoption.h"
#include "io/csvexporter.h"
#include "io/csvwriter.h"
#include "loyalty/loyaltymultiplier.h"
#include "loyalty/loyaltyservice.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <optional>
#include <tuple>

namespace md {

namespace {

const QString kAsOf = QStringLiteral("as-of");
const QString kOutput = QStringLiteral("output");
const QString kFormat = QStringLiteral("format"); // FormatOption's
const QString kThreshold = QStringLiteral("threshold");
const QString kMultiplier = QStringLiteral("multiplier");
const QString kExpiryDays = QStringLiteral("expiry-days");
const QString kBasis = QStringLiteral("basis");
const QString kPendingDays = QStringLiteral("pending-days");
const QString kKind = QStringLiteral("kind");
const QString kValue = QStringLiteral("value");
const QString kCost = QStringLiteral("cost");
const QString kMinBalance = QStringLiteral("min-balance");
const QString kLimit = QStringLiteral("limit");
const QString kActive = QStringLiteral("active");
const QString kPoints = QStringLiteral("points");
const QString kReason = QStringLiteral("reason");
const QString kTable = QStringLiteral("table");
const QString kCsv = QStringLiteral("csv");

QStringList formats()
{
    return {kTable, kCsv};
}

struct Action
{
    const char *name;
    int arguments; // positional arguments after the action (the word "set" counts for tier)
    QStringList options;
};

// One entry per action, with the options it takes (--format with --output where listed).
const std::vector<Action> &actions()
{
    static const std::vector<Action> all = {
        {"award", 0, {kAsOf}},
        {"balances", 0, {kAsOf, kFormat, kOutput}},
        {"ledger", 1, {kFormat, kOutput}},
        {"expire", 0, {kAsOf}},
        {"tiers", 0, {}},
        {"tier", 2, {kThreshold, kMultiplier}},
        {"settings", 0, {kExpiryDays, kBasis, kPendingDays}},
        {"rewards", 0, {}},
        {"reward", 2, {kKind, kValue, kCost, kMinBalance, kLimit, kActive}},
        {"redeem", 2, {}},
        {"adjust", 1, {kPoints, kReason}},
    };
    return all;
}

// Columns padded to their widest cell, two spaces apart; numbers right-aligned.
QString table(const QStringList &header, const std::vector<QStringList> &rows,
              const QList<bool> &numeric)
{
    QList<qsizetype> widths;
    for (const QString &cell : header)
        widths << cell.size();
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    const auto line = [&](const QStringList &cells) -> QString {
        QString out;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                out += QStringLiteral("  ");
            if (numeric.value(i))
                out += cells[i].rightJustified(widths[i]);
            else
                out += i + 1 < cells.size() ? cells[i].leftJustified(widths[i]) : cells[i];
        }
        return out + QLatin1Char('\n');
    };
    QString out = line(header);
    for (const QStringList &row : rows)
        out += line(row);
    return out;
}

Status writeText(QIODevice &device, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    if (device.write(bytes) != bytes.size())
        return fail(device.errorString());
    return {};
}

QString isoTime(qint64 seconds)
{
    return CsvExporter::formatTimestamp(seconds);
}

// A whole number from 0 to `max`, or nullopt.
std::optional<qint64> wholeNumber(const QString &text, qint64 max)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    const QString trimmed = text.trimmed();
    if (!digits.match(trimmed).hasMatch())
        return std::nullopt;
    const qint64 value = trimmed.toLongLong();
    if (value > max)
        return std::nullopt;
    return value;
}

QString perkText(const LoyaltyTierPerk &perk)
{
    switch (perk.type) {
    case LoyaltyPerkType::Bool:
        return perk.value == QLatin1String("true") ? perk.label : QString();
    case LoyaltyPerkType::Int:
        return perk.label + QLatin1Char(' ') + perk.value;
    case LoyaltyPerkType::Money:
        return perk.label + QLatin1Char(' ') + money::toPlain(perk.value.toLongLong());
    }
    return {};
}

} // namespace

QString LoyaltyCommand::name() const
{
    return QStringLiteral("loyalty");
}

QString LoyaltyCommand::summary() const
{
    return tr("Loyalty points: award, balances, ledger EMAIL, expire, tiers, tier set NAME "
              "--threshold N --multiplier X, settings, rewards, reward set NAME, redeem EMAIL "
              "REWARD, adjust EMAIL --points N --reason TEXT");
}

QList<QCommandLineOption> LoyaltyCommand::options() const
{
    return {
        QCommandLineOption(kAsOf,
                           tr("award, expire, balances: as of this moment, a date (2026-06-30, "
                              "the end of that UTC day) or an ISO time (default: now)"),
                           QStringLiteral("T")),
        FormatOption::option(tr("Output format of balances and ledger: table or csv"), formats(),
                             kTable),
        QCommandLineOption(kOutput,
                           tr("Write the balances or the ledger to FILE instead of stdout"),
                           QStringLiteral("FILE")),
        QCommandLineOption(kThreshold,
                           tr("tier set: the qualifying points from which the tier is held"),
                           QStringLiteral("N")),
        QCommandLineOption(kMultiplier,
                           tr("tier set: the points multiplier, an exact decimal such as 1.25"),
                           QStringLiteral("X")),
        QCommandLineOption(kExpiryDays,
                           tr("settings: points expire this many days after they were earned (0: "
                              "never)"),
                           QStringLiteral("N")),
        QCommandLineOption(
            kBasis,
            tr("settings: what the tier is decided on: %1").arg(keyList<LoyaltyBasis>(u"|")),
            QStringLiteral("BASIS")),
        QCommandLineOption(kPendingDays,
                           tr("settings: earned points become usable this many days after the "
                              "order (0: at once)"),
                           QStringLiteral("N")),
        QCommandLineOption(
            kKind, tr("reward set: what the reward is: %1").arg(keyList<LoyaltyRewardKind>(u"|")),
            QStringLiteral("KIND")),
        QCommandLineOption(kValue,
                           tr("reward set: the amount off (5.00), the percentage off (10), or "
                              "the SKU of the free product"),
                           QStringLiteral("V")),
        QCommandLineOption(kCost, tr("reward set: what the reward costs in points"),
                           QStringLiteral("N")),
        QCommandLineOption(kMinBalance,
                           tr("reward set: the balance a customer needs to redeem it (0: none)"),
                           QStringLiteral("N")),
        QCommandLineOption(kLimit,
                           tr("reward set: how often one customer may redeem it (0: no limit)"),
                           QStringLiteral("N")),
        QCommandLineOption(kActive, tr("reward set: whether the reward is offered: yes or no"),
                           QStringLiteral("yes|no")),
        QCommandLineOption(kPoints, tr("adjust: the points to add, or to take with a minus (-50)"),
                           QStringLiteral("N")),
        QCommandLineOption(kReason, tr("adjust: why, kept in the ledger"), QStringLiteral("TEXT")),
    };
}

QString LoyaltyCommand::positionalSyntax() const
{
    return QStringLiteral("award|balances|ledger EMAIL|expire|tiers|tier set NAME|settings|"
                          "rewards|reward set NAME|redeem EMAIL REWARD|adjust EMAIL");
}

int LoyaltyCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                        Console &console)
{
    const QStringList positional = arguments.positionalArguments();
    const QString actionName = positional.value(0);
    const Action *action = nullptr;
    QStringList actionNames;
    for (const Action &candidate : actions()) {
        actionNames << QLatin1String(candidate.name);
        if (actionName == QLatin1String(candidate.name))
            action = &candidate;
    }
    if (!action) {
        return console.usageError(tr("loyalty: give one of %1, as in loyalty balances")
                                      .arg(actionNames.join(QStringLiteral(", "))));
    }
    const QString label = QStringLiteral("loyalty ") + actionName;
    if (positional.size() != 1 + action->arguments) {
        const QString expected
            = actionName == QLatin1String("ledger") || actionName == QLatin1String("adjust")
                  ? tr("one customer email")
              : actionName == QLatin1String("tier")   ? tr("set and a tier name")
              : actionName == QLatin1String("reward") ? tr("set and a reward name")
              : actionName == QLatin1String("redeem") ? tr("a customer email and a reward name")
                                                      : tr("no arguments");
        return console.usageError(tr("%1: takes %2").arg(label, expected));
    }
    if (actionName == QLatin1String("tier") && positional.value(1) != QLatin1String("set")) {
        return console.usageError(
            tr("loyalty tier: \"%1\" is not an action; use loyalty tier set NAME --threshold N "
               "--multiplier X")
                .arg(positional.value(1)));
    }
    if (actionName == QLatin1String("reward") && positional.value(1) != QLatin1String("set")) {
        return console.usageError(
            tr("loyalty reward: \"%1\" is not an action; use loyalty reward set NAME --kind K "
               "--cost N")
                .arg(positional.value(1)));
    }
    for (const QCommandLineOption &option : options()) {
        const QString optionName = option.names().first();
        if (arguments.isSet(optionName) && !action->options.contains(optionName)) {
            return console.usageError(tr("%1: --%2 does not apply here").arg(label, optionName));
        }
    }

    // Option values are checked before the database is opened.
    const auto format = FormatOption::value(arguments, name(), formats());
    if (!format)
        return console.usageError(format.error());
    const bool csv = *format == kCsv;
    const QString output = arguments.value(kOutput);
    if (arguments.isSet(kOutput) && output.isEmpty())
        return console.usageError(tr("%1: --output needs a file name").arg(label));
    qint64 asOf = QDateTime::currentSecsSinceEpoch();
    if (arguments.isSet(kAsOf)) {
        auto parsed = LoyaltyService::parseAsOf(arguments.value(kAsOf));
        if (!parsed)
            return console.usageError(tr("%1: --as-of %2").arg(label, parsed.error()));
        asOf = *parsed;
    }
    std::optional<qint64> threshold;
    if (arguments.isSet(kThreshold)) {
        threshold = wholeNumber(arguments.value(kThreshold), 1'000'000'000'000);
        if (!threshold) {
            return console.usageError(tr("%1: --threshold \"%2\" is not a whole number of points "
                                         "from 0")
                                          .arg(label, arguments.value(kThreshold)));
        }
    }
    std::optional<qint64> multiplier;
    if (arguments.isSet(kMultiplier)) {
        auto parsed = LoyaltyMultiplier::parse(arguments.value(kMultiplier));
        if (!parsed)
            return console.usageError(tr("%1: --multiplier %2").arg(label, parsed.error()));
        multiplier = *parsed;
    }
    if (actionName == QLatin1String("tier") && !threshold && !multiplier) {
        return console.usageError(tr("%1: give --threshold N, --multiplier X or both").arg(label));
    }
    const auto days = [&](const QString &option, std::optional<int> *out) -> bool {
        if (!arguments.isSet(option))
            return true;
        const auto value = wholeNumber(arguments.value(option), LoyaltyStore::kMaxDays);
        if (!value)
            return false;
        *out = int(*value);
        return true;
    };
    std::optional<int> expiryDays;
    std::optional<int> pendingDays;
    for (const auto &[option, out] :
         {std::pair{kExpiryDays, &expiryDays}, std::pair{kPendingDays, &pendingDays}}) {
        if (!days(option, out)) {
            return console.usageError(tr("%1: --%2 \"%3\" is not a number of days from 0 to %4")
                                          .arg(label, option, arguments.value(option))
                                          .arg(LoyaltyStore::kMaxDays));
        }
    }
    std::optional<LoyaltyBasis> basis;
    if (arguments.isSet(kBasis)) {
        basis = fromKey<LoyaltyBasis>(arguments.value(kBasis).trimmed().toLower());
        if (!basis) {
            return console.usageError(
                tr("%1: --basis \"%2\" is not a tier basis; use %3")
                    .arg(label, arguments.value(kBasis), keyList<LoyaltyBasis>(u"|")));
        }
    }

    LoyaltyRewardEdit rewardEdit;
    rewardEdit.name = positional.value(2);
    if (arguments.isSet(kKind)) {
        rewardEdit.kind = fromKey<LoyaltyRewardKind>(arguments.value(kKind).trimmed().toLower());
        if (!rewardEdit.kind) {
            return console.usageError(
                tr("%1: --kind \"%2\" is not a kind of reward; use %3")
                    .arg(label, arguments.value(kKind), keyList<LoyaltyRewardKind>(u"|")));
        }
    }
    if (arguments.isSet(kValue))
        rewardEdit.value = arguments.value(kValue);
    const auto points = [&](const QString &option, qint64 min, std::optional<qint64> *out) {
        if (!arguments.isSet(option))
            return true;
        const auto value = wholeNumber(arguments.value(option), 1'000'000'000'000);
        if (!value || *value < min)
            return false;
        *out = *value;
        return true;
    };
    std::optional<qint64> limit;
    for (const auto &[option, min, out] :
         {std::tuple{kCost, qint64(1), &rewardEdit.pointsCost},
          std::tuple{kMinBalance, qint64(0), &rewardEdit.minBalance},
          std::tuple{kLimit, qint64(0), &limit}}) {
        if (!points(option, min, out)) {
            return console.usageError(tr("%1: --%2 \"%3\" is not a whole number from %4")
                                          .arg(label, option, arguments.value(option))
                                          .arg(min));
        }
    }
    if (limit) {
        if (*limit > 1'000'000) {
            return console.usageError(
                tr("%1: --limit %2 is more than 1,000,000 redemptions").arg(label).arg(*limit));
        }
        rewardEdit.perCustomerLimit = int(*limit);
    }
    if (arguments.isSet(kActive)) {
        const QString active = arguments.value(kActive).trimmed().toLower();
        if (active != QLatin1String("yes") && active != QLatin1String("no")) {
            return console.usageError(tr("%1: --active \"%2\" is neither yes nor no")
                                          .arg(label, arguments.value(kActive)));
        }
        rewardEdit.active = active == QLatin1String("yes");
    }
    qint64 adjustPoints = 0;
    if (actionName == QLatin1String("adjust")) {
        static const QRegularExpression signedNumber(QStringLiteral("^[+-]?[0-9]{1,12}$"));
        const QString text = arguments.value(kPoints).trimmed();
        if (!signedNumber.match(text).hasMatch() || text.toLongLong() == 0) {
            return console.usageError(
                tr("%1: --points \"%2\" is not a whole number of points other than 0, such as "
                   "50 or -50")
                    .arg(label, text));
        }
        adjustPoints = text.toLongLong();
        if (arguments.value(kReason).trimmed().isEmpty()) {
            return console.usageError(
                tr("%1: --reason is needed: why the points change, kept in the ledger").arg(label));
        }
    }

    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false});
    if (!db)
        return db.exitCode();
    const QString where = db.where();
    const auto failed = [&](const QString &message) {
        return console.dataError(tr("%1: %2").arg(where, message));
    };
    int lastTenth = -1;
    const auto progress = [&](int percent, const QString &stage) {
        // One line per tenth: enough to see it move, little enough for a log.
        if (percent / 10 != lastTenth) {
            lastTenth = percent / 10;
            console.progress(tr("%1: %2 (%3%)").arg(label, stage).arg(percent));
        }
        return true;
    };

    if (actionName == QLatin1String("award")) {
        auto report = LoyaltyService::award(*db, asOf, progress);
        if (!report)
            return failed(report.error());
        console.print(tr("Credited %1 orders with %2 points and reversed %3 orders (%4 points) "
                         "as of %5; %6 customers' ledgers changed.\n")
                          .arg(report->creditedOrders)
                          .arg(report->creditedPoints)
                          .arg(report->reversedOrders)
                          .arg(report->reversedPoints)
                          .arg(isoTime(asOf))
                          .arg(report->customers));
        return Console::Success;
    }
    if (actionName == QLatin1String("expire")) {
        auto report = LoyaltyService::expire(*db, asOf, progress);
        if (!report)
            return failed(report.error());
        auto settings = LoyaltyStore::settings(*db);
        if (settings && settings->expiryDays == 0) {
            console.print(tr("Points do not expire (loyalty settings --expiry-days N turns "
                             "expiry on); nothing was written.\n"));
            return Console::Success;
        }
        console.print(tr("Expired %1 points of %2 customers as of %3.\n")
                          .arg(report->points)
                          .arg(report->customers)
                          .arg(isoTime(asOf)));
        return Console::Success;
    }
    if (actionName == QLatin1String("balances")) {
        auto rows = LoyaltyService::balances(*db, asOf);
        if (!rows)
            return failed(rows.error());
        auto written = console.writeResult(output, [&](QIODevice &device) -> Status {
            if (csv) {
                CsvWriter writer(&device);
                for (const char *column : {"email", "balance", "qualifying_points", "tier"})
                    writer.addPlain(column);
                if (auto ended = writer.endRow(); !ended)
                    return ended;
                for (const LoyaltyBalanceRow &row : *rows) {
                    writer.addText(row.email);
                    writer.addPlain(QByteArray::number(row.standing.balance));
                    writer.addPlain(QByteArray::number(row.standing.qualifying));
                    writer.addText(row.tier);
                    if (auto ended = writer.endRow(); !ended)
                        return ended;
                }
                return writer.flush();
            }
            std::vector<QStringList> cells;
            for (const LoyaltyBalanceRow &row : *rows) {
                cells.push_back({row.email, QString::number(row.standing.balance),
                                 QString::number(row.standing.qualifying), row.tier});
            }
            return writeText(device,
                             table({tr("Email"), tr("Balance"), tr("Qualifying"), tr("Tier")},
                                   cells, {false, true, true, false}));
        });
        if (!written)
            return failed(written.error());
        if (!output.isEmpty()) {
            console.print(tr("Balances of %1 customers as of %2 written to %3.\n")
                              .arg(rows->size())
                              .arg(isoTime(asOf), output));
        }
        return Console::Success;
    }
    if (actionName == QLatin1String("ledger")) {
        auto ledger = LoyaltyService::ledger(*db, positional.value(1), asOf);
        if (!ledger)
            return failed(ledger.error());
        auto written = console.writeResult(output, [&](QIODevice &device) -> Status {
            if (csv) {
                CsvWriter writer(&device);
                for (const char *column :
                     {"created_at", "kind", "delta", "balance", "source", "note"})
                    writer.addPlain(column);
                if (auto ended = writer.endRow(); !ended)
                    return ended;
                for (const LoyaltyLedgerLine &line : ledger->lines) {
                    writer.addPlain(isoTime(line.entry.at).toLatin1());
                    writer.addPlain(keyOf(line.entry.kind).toLatin1());
                    writer.addPlain(QByteArray::number(line.entry.delta));
                    writer.addPlain(QByteArray::number(line.balance));
                    writer.addText(line.entry.source);
                    writer.addText(line.entry.note);
                    if (auto ended = writer.endRow(); !ended)
                        return ended;
                }
                return writer.flush();
            }
            std::vector<QStringList> cells;
            for (const LoyaltyLedgerLine &line : ledger->lines) {
                cells.push_back({isoTime(line.entry.at), keyOf(line.entry.kind),
                                 QString::number(line.entry.delta), QString::number(line.balance),
                                 line.entry.source, line.entry.note});
            }
            QString text = table(
                {tr("Date"), tr("Kind"), tr("Points"), tr("Balance"), tr("Source"), tr("Note")},
                cells, {false, false, true, true, false, false});
            text += tr("%1: balance %2, qualifying %3, tier %4\n")
                        .arg(ledger->email)
                        .arg(ledger->standing.balance)
                        .arg(ledger->standing.qualifying)
                        .arg(ledger->tier.isEmpty() ? tr("(none)") : ledger->tier);
            return writeText(device, text);
        });
        if (!written)
            return failed(written.error());
        return Console::Success;
    }
    if (actionName == QLatin1String("tier")) {
        const QString tierName = positional.value(2);
        if (auto saved = LoyaltyService::setTier(*db, tierName, threshold, multiplier); !saved)
            return failed(saved.error());
        auto tiers = LoyaltyStore::tiers(*db);
        if (!tiers)
            return failed(tiers.error());
        for (const LoyaltyTier &tier : *tiers) {
            if (tier.name.compare(tierName.trimmed(), Qt::CaseInsensitive) == 0) {
                console.print(tr("Tier %1: from %2 points, x%3.\n")
                                  .arg(tier.name)
                                  .arg(tier.threshold)
                                  .arg(LoyaltyMultiplier::text(tier.multiplierBp)));
            }
        }
        return Console::Success;
    }
    if (actionName == QLatin1String("tiers")) {
        auto tiers = LoyaltyStore::tiers(*db);
        if (!tiers)
            return failed(tiers.error());
        auto perks = LoyaltyStore::tierPerks(*db);
        if (!perks)
            return failed(perks.error());
        std::vector<QStringList> cells;
        for (const LoyaltyTier &tier : *tiers) {
            QStringList texts;
            for (const LoyaltyTierPerk &perk : *perks) {
                if (perk.tierId == tier.id) {
                    if (const QString text = perkText(perk); !text.isEmpty())
                        texts << text;
                }
            }
            cells.push_back({tier.name, QString::number(tier.threshold),
                             QLatin1Char('x') + LoyaltyMultiplier::text(tier.multiplierBp),
                             texts.join(QStringLiteral(", "))});
        }
        console.print(table({tr("Tier"), tr("From points"), tr("Multiplier"), tr("Perks")}, cells,
                            {false, true, true, false}));
        return Console::Success;
    }

    if (actionName == QLatin1String("rewards")) {
        auto rewards = LoyaltyService::rewards(*db);
        if (!rewards)
            return failed(rewards.error());
        if (rewards->empty()) {
            console.print(tr("There are no rewards yet: loyalty reward set NAME --kind K --cost N "
                             "[--value V] adds one.\n"));
            return Console::Success;
        }
        std::vector<QStringList> cells;
        for (const LoyaltyReward &reward : *rewards) {
            cells.push_back({reward.name, LoyaltyService::rewardText(reward),
                             QString::number(reward.pointsCost), QString::number(reward.minBalance),
                             reward.perCustomerLimit > 0 ? QString::number(reward.perCustomerLimit)
                                                         : tr("none"),
                             reward.active ? tr("yes") : tr("no")});
        }
        console.print(table(
            {tr("Reward"), tr("Gives"), tr("Cost"), tr("Min. balance"), tr("Limit"), tr("Active")},
            cells, {false, false, true, true, true, false}));
        return Console::Success;
    }
    if (actionName == QLatin1String("reward")) {
        auto reward = LoyaltyService::saveReward(*db, rewardEdit);
        if (!reward)
            return failed(reward.error());
        console.print(
            tr("Reward %1: %2 for %3 points%4%5%6.\n")
                .arg(reward->name, LoyaltyService::rewardText(*reward))
                .arg(reward->pointsCost)
                .arg(reward->minBalance > 0 ? tr(", from a balance of %1").arg(reward->minBalance)
                                            : QString())
                .arg(reward->perCustomerLimit > 0
                         ? tr(", at most %n per customer", nullptr, reward->perCustomerLimit)
                         : QString())
                .arg(reward->active ? QString() : tr(", not offered (inactive)")));
        return Console::Success;
    }
    if (actionName == QLatin1String("redeem")) {
        auto redemption = LoyaltyService::redeem(*db, positional.value(1), positional.value(2),
                                                 QDateTime::currentSecsSinceEpoch());
        if (!redemption)
            return failed(redemption.error());
        if (redemption->expiredFirst > 0) {
            console.print(tr("%1 points past their expiry date were written off first.\n")
                              .arg(redemption->expiredFirst));
        }
        console.print(tr("Redeemed %1 for %2: %3 points; reward code %4; balance now %5.\n")
                          .arg(redemption->reward, redemption->email)
                          .arg(redemption->points)
                          .arg(redemption->code)
                          .arg(redemption->balanceAfter));
        return Console::Success;
    }
    if (actionName == QLatin1String("adjust")) {
        auto adjustment
            = LoyaltyService::adjust(*db, positional.value(1), adjustPoints,
                                     arguments.value(kReason), QDateTime::currentSecsSinceEpoch());
        if (!adjustment)
            return failed(adjustment.error());
        if (adjustment->expiredFirst > 0) {
            console.print(tr("%1 points past their expiry date were written off first.\n")
                              .arg(adjustment->expiredFirst));
        }
        console.print(tr("Adjusted %1 by %2 points; balance now %3.\n")
                          .arg(adjustment->email)
                          .arg(adjustment->delta > 0
                                   ? QLatin1Char('+') + QString::number(adjustment->delta)
                                   : QString::number(adjustment->delta))
                          .arg(adjustment->balanceAfter));
        return Console::Success;
    }

    // settings
    auto settings = LoyaltyService::updateSettings(*db, expiryDays, basis, pendingDays);
    if (!settings)
        return failed(settings.error());
    console.print(tr("Points expire: %1\n")
                      .arg(settings->expiryDays == 0
                               ? tr("never")
                               : tr("%1 days after they were earned").arg(settings->expiryDays)));
    console.print(tr("Tier basis: %1\n").arg(keyOf(settings->basis)));
    console.print(tr("Pending days: %1\n").arg(settings->pendingDays));
    return Console::Success;
}

} // namespace md
