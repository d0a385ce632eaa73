#include "segmentcommand.h"

#include "console.h"
#include "databaseopener.h"
#include "formatoption.h"
#include "io/csvwriter.h"
#include "marketing/rfmexport.h"
#include "marketing/rfmservice.h"
#include "marketing/segmentexport.h"
#include "marketing/segmentservice.h"

#include <QDateTime>
#include <QFile>
#include <QTimeZone>

#include <algorithm>
#include <functional>

namespace md {

namespace {

const QString kDefinition = QStringLiteral("definition");
const QString kDescription = QStringLiteral("description");
const QString kAsOf = QStringLiteral("as-of");
const QString kOutput = QStringLiteral("output");
const QString kTable = QStringLiteral("table");
const QString kCsv = QStringLiteral("csv");

QStringList formats()
{
    return {kTable, kCsv};
}

// Columns padded to their widest cell, two spaces apart.
QString table(const QStringList &header, const std::vector<QStringList> &rows)
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

struct Action
{
    const char *name;
    int names; // positional arguments after the action: segment names
    bool definition;
    bool asOf;
    bool output;
};

// One entry per action.
const Action kActions[] = {
    {"list", 0, false, true, true},        {"create", 1, true, false, false},
    {"update", 1, true, false, false},     {"rename", 2, false, false, false},
    {"duplicate", 2, false, false, false}, {"delete", 1, false, false, false},
    {"count", 1, false, true, false},      {"members", 1, false, true, true},
    {"rfm", 0, false, true, true},
};

QString percent(double share)
{
    return QStringLiteral("%1 %").arg(share * 100.0, 0, 'f', 1);
}

// The groups with their customers and shares, then the recency x frequency grid.
QString rfmSummary(const RfmAnalysis &analysis)
{
    std::vector<QStringList> rows;
    for (const RfmGroupSummary &group : analysis.groups) {
        rows.push_back({RfmScoring::label(group.group), QString::number(group.customers),
                        percent(group.customerShare), percent(group.revenueShare)});
    }
    QString out = SegmentCommand::tr("RFM groups of %1 customers as of %2\n\n")
                      .arg(analysis.customers.size())
                      .arg(QDateTime::fromSecsSinceEpoch(analysis.asOf, QTimeZone::utc())
                               .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'")));
    out += table({SegmentCommand::tr("Group"), SegmentCommand::tr("Customers"),
                  SegmentCommand::tr("Share of customers"), SegmentCommand::tr("Revenue share")},
                 rows);
    out += QLatin1Char('\n')
           + SegmentCommand::tr("Customers by recency score (rows, 5 = bought most recently) and "
                                "frequency score (columns, 5 = most orders)\n");
    std::vector<QStringList> grid;
    for (int r = 5; r >= 1; --r) {
        QStringList row{QStringLiteral("R%1").arg(r)};
        for (int f = 1; f <= 5; ++f)
            row << QString::number(analysis.grid[size_t(r - 1)][size_t(f - 1)]);
        grid.push_back(row);
    }
    return out
           + table({QString(), QStringLiteral("F1"), QStringLiteral("F2"), QStringLiteral("F3"),
                    QStringLiteral("F4"), QStringLiteral("F5")},
                   grid);
}

} // namespace

QString SegmentCommand::name() const
{
    return QStringLiteral("segment");
}

QString SegmentCommand::summary() const
{
    return tr("Customer segments: list, create NAME --definition JSON|@FILE, update NAME "
              "--definition ..., rename NAME NEW, duplicate NAME NEW, delete NAME, count NAME, "
              "members NAME, rfm (RFM scores and groups of every customer)");
}

QList<QCommandLineOption> SegmentCommand::options() const
{
    return {
        QCommandLineOption(kDefinition,
                           tr("The segment's rule as JSON, or @FILE to read it from a file "
                              "(docs/segments.md describes the format)"),
                           QStringLiteral("JSON|@FILE")),
        QCommandLineOption(kDescription, tr("create: a description of the segment"),
                           QStringLiteral("TEXT")),
        QCommandLineOption(kAsOf,
                           tr("Evaluate as of this moment: a date (2026-06-30, the end of that "
                              "UTC day) or an ISO time (default: now)"),
                           QStringLiteral("T")),
        FormatOption::option(tr("Output format of list, members and rfm: table or csv"), formats(),
                             kTable),
        QCommandLineOption(
            kOutput, tr("Write the list, the members or the RFM scores to FILE instead of stdout"),
            QStringLiteral("FILE")),
    };
}

QString SegmentCommand::positionalSyntax() const
{
    return QStringLiteral(
        "list|create|update|rename|duplicate|delete|count|members|rfm [NAME] [NEW]");
}

int SegmentCommand::run(const QCommandLineParser &arguments, const DatabaseOpener &database,
                        Console &console)
{
    const QStringList positional = arguments.positionalArguments();
    const QString actionName = positional.value(0);
    const Action *action = nullptr;
    for (const Action &candidate : kActions) {
        if (actionName == QLatin1String(candidate.name))
            action = &candidate;
    }
    QStringList actionNames;
    for (const Action &candidate : kActions)
        actionNames << QLatin1String(candidate.name);
    if (!action) {
        return console.usageError(tr("segment: give one of %1, as in segment count \"High value\"")
                                      .arg(actionNames.join(QStringLiteral(", "))));
    }
    if (positional.size() != 1 + action->names) {
        const QString expected = action->names == 0   ? tr("no name")
                                 : action->names == 1 ? tr("one segment name")
                                                      : tr("a segment name and a new name");
        return console.usageError(
            tr("segment %1: takes %2").arg(QLatin1String(action->name), expected));
    }
    const QString segmentName = positional.value(1);
    const QString newName = positional.value(2);
    const auto refuse = [&](const QString &option) {
        return console.usageError(
            tr("segment %1: --%2 does not apply here").arg(QLatin1String(action->name), option));
    };
    if (arguments.isSet(kDefinition) && !action->definition)
        return refuse(kDefinition);
    if (arguments.isSet(kDescription) && actionName != QLatin1String("create"))
        return refuse(kDescription);
    if (arguments.isSet(kAsOf) && !action->asOf)
        return refuse(kAsOf);
    if (arguments.isSet(kOutput) && !action->output)
        return refuse(kOutput);
    if (action->definition && !arguments.isSet(kDefinition)) {
        return console.usageError(
            tr("segment %1: --definition JSON|@FILE is needed").arg(QLatin1String(action->name)));
    }
    const auto format = FormatOption::value(arguments, name(), formats());
    if (!format)
        return console.usageError(format.error());
    const bool csv = *format == kCsv;
    const QString output = arguments.value(kOutput);
    if (arguments.isSet(kOutput) && output.isEmpty())
        return console.usageError(tr("segment: --output needs a file name"));

    qint64 asOf = QDateTime::currentSecsSinceEpoch();
    if (arguments.isSet(kAsOf)) {
        auto parsed = SegmentService::parseAsOf(arguments.value(kAsOf));
        if (!parsed)
            return console.usageError(tr("segment: --as-of %1").arg(parsed.error()));
        asOf = *parsed;
    }

    // The definition is read and checked before the database is opened: a bad rule is
    // reported the same whether or not the database can be reached.
    QByteArray definition;
    if (action->definition) {
        const QString value = arguments.value(kDefinition);
        if (value.startsWith(QLatin1Char('@'))) {
            QFile file(value.mid(1));
            if (!file.open(QIODevice::ReadOnly)) {
                return console.dataError(
                    tr("segment: cannot read %1: %2").arg(file.fileName(), file.errorString()));
            }
            definition = file.readAll();
        } else {
            definition = value.toUtf8();
        }
        if (auto parsed = SegmentRule::parse(definition); !parsed)
            return console.dataError(tr("segment %1: %2").arg(segmentName, parsed.error()));
    }

    auto db = database.open(console, Database::Options{.migrate = true, .createIfMissing = false});
    if (!db)
        return db.exitCode();
    const QString where = db.where();
    const auto failed = [&](const QString &message) {
        return console.dataError(tr("%1: %2").arg(where, message));
    };

    if (actionName == QLatin1String("list")) {
        auto segments = SegmentService::list(*db, asOf);
        if (!segments)
            return failed(segments.error());
        auto written = console.writeResult(output, [&](QIODevice &device) -> Status {
            if (csv) {
                CsvWriter writer(&device);
                for (const char *column : {"name", "count", "description", "definition"})
                    writer.addPlain(column);
                if (auto ended = writer.endRow(); !ended)
                    return ended;
                for (const SegmentSummary &segment : *segments) {
                    writer.addText(segment.record.name);
                    if (segment.error.isEmpty())
                        writer.addPlain(QByteArray::number(segment.count));
                    else
                        writer.addEmpty();
                    writer.addText(segment.record.description);
                    writer.addText(segment.record.definition);
                    if (auto ended = writer.endRow(); !ended)
                        return ended;
                }
                return writer.flush();
            }
            std::vector<QStringList> rows;
            for (const SegmentSummary &segment : *segments) {
                rows.push_back({segment.record.name,
                                segment.error.isEmpty() ? QString::number(segment.count)
                                                        : tr("(invalid: %1)").arg(segment.error),
                                segment.record.description});
            }
            return writeText(device,
                             table({tr("Segment"), tr("Customers"), tr("Description")}, rows));
        });
        if (!written)
            return failed(written.error());
        return Console::Success;
    }
    if (actionName == QLatin1String("create")) {
        auto created
            = SegmentService::create(*db, segmentName, definition, arguments.value(kDescription));
        if (!created)
            return failed(created.error());
        console.print(tr("Created the segment \"%1\".\n").arg(created->name));
        return Console::Success;
    }
    if (actionName == QLatin1String("update")) {
        auto updated = SegmentService::update(*db, segmentName, definition);
        if (!updated)
            return failed(updated.error());
        console.print(tr("Updated the segment \"%1\".\n").arg(updated->name));
        return Console::Success;
    }
    if (actionName == QLatin1String("rename")) {
        auto renamed = SegmentService::rename(*db, segmentName, newName);
        if (!renamed)
            return failed(renamed.error());
        console.print(
            tr("Renamed the segment \"%1\" to \"%2\".\n").arg(segmentName, renamed->name));
        return Console::Success;
    }
    if (actionName == QLatin1String("duplicate")) {
        auto copy = SegmentService::duplicate(*db, segmentName, newName);
        if (!copy)
            return failed(copy.error());
        console.print(tr("Copied the segment \"%1\" to \"%2\".\n").arg(segmentName, copy->name));
        return Console::Success;
    }
    if (actionName == QLatin1String("delete")) {
        if (auto removed = SegmentService::remove(*db, segmentName); !removed)
            return failed(removed.error());
        console.print(tr("Deleted the segment \"%1\".\n").arg(segmentName));
        return Console::Success;
    }
    if (actionName == QLatin1String("count")) {
        auto counted = SegmentService::count(*db, segmentName, asOf);
        if (!counted)
            return failed(counted.error());
        console.print(QString::number(*counted) + QLatin1Char('\n'));
        return Console::Success;
    }

    if (actionName == QLatin1String("rfm")) {
        auto analysis = RfmService::analyse(*db, asOf);
        if (!analysis)
            return failed(analysis.error());
        auto written = console.writeResult(output, [&](QIODevice &device) -> Status {
            if (csv)
                return RfmExport::writeCustomers(*analysis, &device);
            return writeText(device, rfmSummary(*analysis));
        });
        if (!written)
            return failed(written.error());
        if (!output.isEmpty()) {
            console.print(tr("RFM scores of %1 customers written to %2.\n")
                              .arg(analysis->customers.size())
                              .arg(output));
        }
        return Console::Success;
    }

    auto members = SegmentService::members(*db, segmentName, asOf);
    if (!members)
        return failed(members.error());
    auto written = console.writeResult(output, [&](QIODevice &device) -> Status {
        if (csv)
            return SegmentExport::writeMembers(*members, &device);
        std::vector<QStringList> rows;
        for (const SegmentMember &member : members->rows)
            rows.push_back(QStringList{member.email, member.firstName, member.lastName}
                           + member.values);
        return writeText(device, table(SegmentExport::columns(*members), rows));
    });
    if (!written)
        return failed(written.error());
    if (!output.isEmpty()) {
        console.print(tr("%1 members of \"%2\" written to %3.\n")
                          .arg(members->rows.size())
                          .arg(segmentName, output));
    }
    return Console::Success;
}

} // namespace md
