#include "crosssellcommand.h"

#include "console.h"
#include "crosssell/crosssellexport.h"
#include "crosssell/crosssellservice.h"
#include "databaseopener.h"
#include "formatoption.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace md {

namespace {

const QString kMinSupport = QStringLiteral("min-support");
const QString kMinConfidence = QStringLiteral("min-confidence");
const QString kMinLift = QStringLiteral("min-lift");
const QString kSince = QStringLiteral("since");
const QString kTable = QStringLiteral("table");
const QString kCsv = QStringLiteral("csv");
const QString kOutput = QStringLiteral("output");
const QString kPairsOnly = QStringLiteral("pairs-only");

QStringList formats()
{
    return {kTable, kCsv};
}

QString cell(const QString &text, int width)
{
    const QString cut = text.size() > width ? QString(text.left(width - 1) + QChar(0x2026)) : text;
    return cut.leftJustified(width);
}

} // namespace

QString CrossSellCommand::name() const
{
    return QStringLiteral("crosssell");
}

QString CrossSellCommand::summary() const
{
    return tr("Mine frequently-bought-together rules from the completed orders, store them and "
              "list them by lift");
}

QList<QCommandLineOption> CrossSellCommand::options() const
{
    return {
        QCommandLineOption(kMinSupport,
                           tr("Minimum support: below 1 a share of the orders (0.01 = 1 %), 1 or "
                              "more a number of orders"),
                           QStringLiteral("S"), QStringLiteral("0.01")),
        QCommandLineOption(kMinConfidence, tr("Minimum confidence, 0 to 1"), QStringLiteral("C"),
                           QStringLiteral("0.1")),
        QCommandLineOption(kMinLift, tr("Minimum lift"), QStringLiteral("L"), QStringLiteral("1")),
        QCommandLineOption(kSince, tr("Only orders placed on or after this date (YYYY-MM-DD, UTC)"),
                           QStringLiteral("DATE")),
        FormatOption::option(tr("Output format: table or csv"), formats(), kTable),
        QCommandLineOption(kOutput, tr("Write the rules to FILE instead of stdout"),
                           QStringLiteral("FILE")),
        QCommandLineOption(kPairsOnly, tr("Mine the pair rules only: no bundles of three, no "
                                          "\"viewed this, bought that\" rules")),
    };
}

int CrossSellCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                          Console &console)
{
    MiningParameters parameters;
    const auto number = [&](const QString &option, double *out) {
        bool ok = false;
        *out = arguments.value(option).toDouble(&ok);
        return ok;
    };
    if (!number(kMinSupport, &parameters.minSupport)) {
        return console.usageError(tr("crosssell: --min-support \"%1\" is not a number")
                                      .arg(arguments.value(kMinSupport)));
    }
    if (!number(kMinConfidence, &parameters.minConfidence)) {
        return console.usageError(tr("crosssell: --min-confidence \"%1\" is not a number")
                                      .arg(arguments.value(kMinConfidence)));
    }
    if (!number(kMinLift, &parameters.minLift)) {
        return console.usageError(
            tr("crosssell: --min-lift \"%1\" is not a number").arg(arguments.value(kMinLift)));
    }
    if (arguments.isSet(kSince)) {
        const QDate date = QDate::fromString(arguments.value(kSince), Qt::ISODate);
        if (!date.isValid()) {
            return console.usageError(
                tr("crosssell: --since \"%1\" is not a date; write it as YYYY-MM-DD")
                    .arg(arguments.value(kSince)));
        }
        parameters.sinceAt = QDateTime(date, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    }
    if (auto valid = parameters.validate(); !valid)
        return console.usageError(tr("crosssell: %1").arg(valid.error()));
    const auto format = FormatOption::value(arguments, name(), formats());
    if (!format)
        return console.usageError(format.error());
    const bool csv = *format == kCsv;
    const QString output = arguments.value(kOutput);
    if (arguments.isSet(kOutput) && output.isEmpty())
        return console.usageError(tr("crosssell: --output needs a file name"));
    if (arguments.isSet(kPairsOnly)) {
        parameters.bundles = false;
        parameters.viewed = false;
    }

    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false});
    if (!db)
        return db.exitCode();
    const QString where = db.where();

    int lastStep = -1;
    auto mined = CrossSellService::run(
        *db, parameters, CrossSellSource::Cli, [&](int percent, const QString &stage) {
            if (percent / 20 != lastStep) {
                lastStep = percent / 20;
                console.progress(tr("crosssell: %1 (%2%)").arg(stage).arg(percent));
            }
            return true;
        });
    if (!mined)
        return console.dataError(tr("%1: %2").arg(where, mined.error()));
    auto rows = CrossSellStore::rules(*db, mined->run.id);
    if (!rows)
        return console.dataError(tr("%1: %2").arg(where, rows.error()));
    std::erase_if(*rows, [](const RuleRow &row) { return row.kind != RuleRow::Kind::Bought; });

    const QString summary
        = tr("%1 rules and %2 bundles from %3 orders (a pair needs %4 orders), stored as run %5.")
              .arg(mined->bought.rules.size())
              .arg(mined->bought.bundles.size())
              .arg(mined->bought.baskets)
              .arg(mined->bought.minCount)
              .arg(mined->run.id);

    const auto writeRules = [&](QIODevice &device) -> Status {
        if (csv)
            return CrossSellExport::writeRules(*rows, &device);
        QString text = cell(tr("If bought"), 32) + QLatin1Char(' ') + cell(tr("also buy"), 32)
                       + QStringLiteral(" %1 %2 %3 %4\n")
                             .arg(tr("Orders"), 8)
                             .arg(tr("Support"), 9)
                             .arg(tr("Confidence"), 10)
                             .arg(tr("Lift"), 7);
        for (const RuleRow &row : *rows) {
            text += cell(row.antecedent.sku + QStringLiteral(" ") + row.antecedent.title, 32)
                    + QLatin1Char(' ')
                    + cell(row.consequent.sku + QStringLiteral(" ") + row.consequent.title, 32)
                    + QStringLiteral(" %1 %2 %3 %4\n")
                          .arg(row.rule.count, 8)
                          .arg(row.rule.support, 9, 'f', 4)
                          .arg(row.rule.confidence, 10, 'f', 4)
                          .arg(row.rule.lift, 7, 'f', 2);
        }
        const QByteArray bytes = text.toUtf8();
        if (device.write(bytes) != bytes.size())
            return fail(device.errorString());
        return {};
    };
    if (auto written = console.writeResult(output, writeRules); !written) {
        return console.dataError(tr("crosssell: %1 (the rules were stored as run %2)")
                                     .arg(written.error())
                                     .arg(mined->run.id));
    }
    if (!output.isEmpty())
        console.print(summary + QLatin1Char('\n'));
    else if (csv)
        console.progress(summary);
    else
        console.print(QLatin1Char('\n') + summary + QLatin1Char('\n'));
    return Console::Success;
}

} // namespace md
