#include "csvimporter.h"

#include "csvreader.h"
#include "csvsniffer.h"
#include "csvwriter.h"
#include "problemlist.h"
#include "rowadapter.h"
#include "rowconverter.h"
#include "stagingtable.h"

#include "db/database.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "subscriptions/planhistory.h"

#include <QDateTime>
#include <QHash>
#include <QSaveFile>

#include <map>

namespace md {

namespace {

// What other tables derive from an entity's rows, brought up to date in the import's transaction
// after the rows are written, with the import's time. Here rather than in the entity catalogue,
// which stays free of database code (the CSV fuzzer builds it on its own).
Status followDerivedTables(const Database &db, const QString &entity, qint64 at)
{
    // A row that moved a subscription to another plan is a plan change at the import's time.
    if (entity == QLatin1String("subscriptions"))
        return PlanHistory::sync(db, at);
    return {};
}

constexpr qint64 kProgressEveryRows = 4096;

// A larger page cache while the import runs: the table's indexes are updated in random order,
// and SQLite's default 2 MB cache makes that a disk-bound job. Restored afterwards.
class SqliteCacheBoost
{
public:
    explicit SqliteCacheBoost(const Database &db)
        : m_db(db)
    {
        if (db.dialect().isPostgres())
            return;
        auto previous = sql::scalar(db.sql(), QStringLiteral("PRAGMA cache_size"));
        if (!previous)
            return;
        m_previous = previous->toLongLong();
        m_active = sql::exec(db.sql(), QStringLiteral("PRAGMA cache_size = -262144")).ok();
    }
    ~SqliteCacheBoost()
    {
        if (m_active) {
            (void)sql::exec(m_db.sql(), QStringLiteral("PRAGMA cache_size = %1").arg(m_previous));
        }
    }
    SqliteCacheBoost(const SqliteCacheBoost &) = delete;
    SqliteCacheBoost &operator=(const SqliteCacheBoost &) = delete;

private:
    const Database &m_db;
    qint64 m_previous = 0;
    bool m_active = false;
};

// The rows the import refuses in rejects mode: the file's own header and cells, plus why.
class RejectsFile
{
public:
    Status open(const QString &path, const QStringList &header, char delimiter)
    {
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::WriteOnly)) {
            return fail(CsvImporter::tr("Cannot write the rejects file %1: %2")
                            .arg(path, m_file.errorString()));
        }
        m_writer = std::make_unique<CsvWriter>(&m_file, delimiter);
        for (const QString &name : header)
            m_writer->addCell(name);
        m_writer->addText(CsvImporter::tr("error"));
        return m_writer->endRow();
    }
    bool isOpen() const { return m_writer != nullptr; }
    Status write(const CsvRecord &record, const QString &reason)
    {
        for (qsizetype i = 0; i < record.size(); ++i)
            m_writer->addCell(record.text(i));
        m_writer->addText(reason);
        ++m_count;
        return m_writer->endRow();
    }
    Status commit()
    {
        if (auto flushed = m_writer->flush(); !flushed)
            return flushed;
        if (!m_file.commit()) {
            return fail(CsvImporter::tr("Cannot write the rejects file %1: %2")
                            .arg(m_file.fileName(), m_file.errorString()));
        }
        return {};
    }
    qint64 count() const { return m_count; }

private:
    QSaveFile m_file;
    std::unique_ptr<CsvWriter> m_writer;
    qint64 m_count = 0;
};

// Adds a value of a staged row to the staging table's writer.
void addValue(BulkWriter &writer, const CellValue &value)
{
    if (const auto *number = std::get_if<qint64>(&value))
        writer.addInt(*number);
    else if (const auto *real = std::get_if<double>(&value))
        writer.addReal(*real);
    else if (const auto *text = std::get_if<QString>(&value))
        writer.addText(*text);
    else
        writer.addNull();
}

} // namespace

Result<CsvImporter> CsvImporter::open(const QString &path, const EntityDescriptor &entity)
{
    auto sniffed = CsvSniffer::sniffFile(path);
    if (!sniffed)
        return fail(sniffed.error());
    CsvImporter importer;
    importer.m_path = path;
    importer.m_entity = &entity;
    importer.m_settings = sniffed->settings;
    if (auto header = importer.readHeader(); !header)
        return fail(header.error());
    return importer;
}

Status CsvImporter::setSettings(const CsvSettings &settings)
{
    m_settings = settings;
    return readHeader();
}

Status CsvImporter::readHeader()
{
    CsvReader reader(m_settings);
    if (auto opened = reader.open(m_path); !opened)
        return opened;
    CsvRecord record;
    while (reader.next(record)) {
        if (record.isBlank())
            continue;
        m_header = record.texts();
        m_headerLine = record.line();
        m_detected = RowAdapter::detect(m_header);
        m_mapping = ColumnMapping::fromHeader(m_header, *m_entity);
        return {};
    }
    if (reader.hasError())
        return fail(tr("%1:%2").arg(m_path, reader.error()));
    return fail(tr("%1: the file is empty").arg(m_path));
}

Result<ImportPreview> CsvImporter::preview(int rows) const
{
    ValueParser parser(m_settings, QDateTime::currentSecsSinceEpoch());
    auto adapter = RowAdapter::create(format(), m_header, *m_entity, m_mapping, parser);
    if (!adapter)
        return fail(tr("%1: %2").arg(m_path, adapter.error()));
    RowConverter converter(*m_entity, (*adapter)->fieldUse(), parser, m_header);

    ImportPreview preview;
    preview.header = m_header;
    preview.fieldOfColumn = QStringList(m_header.size(), QString());
    CsvReader reader(m_settings);
    if (auto opened = reader.open(m_path); !opened)
        return fail(opened.error());
    CsvRecord record;
    SourceRow source;
    std::vector<CellValue> values;
    bool headerSeen = false;
    while (int(preview.rows.size()) < rows && reader.next(record)) {
        if (record.isBlank())
            continue;
        if (!headerSeen) {
            headerSeen = true;
            continue;
        }
        ImportPreview::Row row;
        row.line = record.line();
        row.cells = record.texts();
        if (record.size() != m_header.size()) {
            row.problems << RowConverter::describe(
                record.line(), {int(qMin(record.size(), m_header.size())) + 1, QString(),
                                tr("the row has %1 fields, the header %2")
                                    .arg(record.size())
                                    .arg(m_header.size())});
            preview.rows.push_back(row);
            continue;
        }
        (*adapter)->convert(record, source);
        if (source.outcome == SourceRow::Outcome::Skip) {
            row.skipped = source.reason;
        } else if (source.outcome == SourceRow::Outcome::Reject) {
            row.problems << RowConverter::describe(record.line(),
                                                   {source.column, QString(), source.reason});
        } else {
            row.note = source.warning;
            std::vector<RowConverter::Problem> problems;
            converter.convert(source, values, problems);
            for (const auto &problem : problems)
                row.problems << RowConverter::describe(record.line(), problem);
            // A column may fill two fields (WooCommerce's regular price is the current price
            // too when there is no sale price): it is named for the first, in field order, so
            // rows without a sale do not hide where base_price comes from.
            for (size_t f = 0; f < source.columns.size(); ++f) {
                const int column = source.columns[f];
                if (column > 0 && column <= m_header.size()
                    && preview.fieldOfColumn[column - 1].isEmpty()) {
                    preview.fieldOfColumn[column - 1] = m_entity->fields[f].name;
                }
            }
        }
        preview.rows.push_back(row);
    }
    if (reader.hasError() && int(preview.rows.size()) < rows) {
        ImportPreview::Row row;
        row.line = reader.errorLine();
        row.problems << reader.error();
        preview.rows.push_back(row);
    }
    return preview;
}

Result<ImportSummary> CsvImporter::run(const Database &db, const ImportOptions &options,
                                       const ProgressCallback &progress) const
{
    const EntityDescriptor &entity = *m_entity;
    if (entity.kind == EntityDescriptor::Kind::UpdateOnly && options.mode != ImportMode::Upsert) {
        return fail(
            tr("%1 only updates stored rows; it takes the upsert mode only").arg(entity.name));
    }
    if (entity.appendOnly && options.mode == ImportMode::Replace)
        return fail(tr("%1 is append-only: it cannot be replaced").arg(entity.name));

    ImportSummary summary;
    summary.entity = entity.name;
    summary.file = m_path;
    summary.settings = m_settings;
    summary.options = options;

    const ValueParser parser(m_settings, QDateTime::currentSecsSinceEpoch());
    auto created = RowAdapter::create(format(), m_header, entity, m_mapping, parser);
    if (!created)
        return fail(tr("%1: %2").arg(m_path, created.error()));
    RowAdapter &adapter = **created;
    summary.format = adapter.format();
    summary.ignoredColumns = adapter.ignoredColumns();
    const RowConverter converter(entity, adapter.fieldUse(), parser, m_header);
    const std::vector<int> keys = entity.keyFields();
    const bool checkDuplicates = entity.kind != EntityDescriptor::Kind::Log;

    CsvReader reader(m_settings);
    if (auto opened = reader.open(m_path); !opened)
        return fail(opened.error());

    SqliteCacheBoost cache(db);
    Transaction transaction(db.sql(), db.dialect());
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.error());
    StagingTable stage(db, entity, adapter.fieldUse(), parser);
    if (auto made = stage.create(); !made)
        return fail(made.error());
    auto opened = stage.writer();
    if (!opened)
        return fail(opened.error());
    std::unique_ptr<BulkWriter> writer = std::move(*opened);

    RejectsFile rejects;
    if (!options.rejectsPath.isEmpty()) {
        if (auto ready = rejects.open(options.rejectsPath, m_header, m_settings.delimiter); !ready)
            return fail(ready.error());
    }

    ProblemList problems;
    ProblemList notes;
    std::vector<std::pair<QString, qint64>> skipped;
    const auto countSkip = [&](const QString &reason) {
        for (auto &[known, count] : skipped) {
            if (known == reason) {
                ++count;
                return;
            }
        }
        skipped.emplace_back(reason, 1);
    };
    // Duplicate keys: a 64-bit hash per staged row, checked exactly against the staging table
    // only when two hashes meet.
    QHash<size_t, qint64> lineOfKey;
    std::vector<std::pair<qint64, qint64>> suspects;
    std::vector<int> columnOfField(entity.fields.size(), 0);
    bool fatal = false;
    qint64 staged = 0;

    const auto reportProgress = [&](ImportProgress::Stage stage) {
        if (!progress)
            return true;
        return progress(
            ImportProgress{stage, reader.bytesRead(), reader.totalBytes(), summary.rows});
    };
    const auto cancelled = [&] {
        return fail(tr("The import was cancelled; nothing was written"));
    };
    const auto reject = [&](const CsvRecord &record, const QStringList &reasons) -> Status {
        if (!rejects.isOpen())
            return {};
        return rejects.write(record, reasons.join(QStringLiteral("; ")));
    };

    CsvRecord record;
    SourceRow source;
    std::vector<CellValue> values;
    std::vector<RowConverter::Problem> rowProblems;
    bool headerSeen = false;
    while (reader.next(record)) {
        if (record.isBlank())
            continue;
        if (!headerSeen) {
            headerSeen = true;
            continue;
        }
        ++summary.rows;
        if (summary.rows % kProgressEveryRows == 0
            && !reportProgress(ImportProgress::Stage::Reading))
            return cancelled();
        const qint64 line = record.line();
        if (record.size() != m_header.size()) {
            const QString problem = RowConverter::describe(
                line, {int(qMin(record.size(), m_header.size())) + 1, QString(),
                       tr("the row has %1 fields, the header %2")
                           .arg(record.size())
                           .arg(m_header.size())});
            problems.add(line, problem);
            if (auto written = reject(record, {problem}); !written)
                return fail(written.error());
            continue;
        }
        // Release the previous row's values first, so the adapter can reuse its buffers.
        values.clear();
        adapter.convert(record, source);
        if (source.outcome == SourceRow::Outcome::Skip) {
            countSkip(source.reason);
            if (source.note)
                notes.add(line, tr("%1: %2").arg(line).arg(source.reason));
            continue;
        }
        if (source.outcome == SourceRow::Outcome::Reject) {
            const QString problem
                = RowConverter::describe(line, {source.column, QString(), source.reason});
            problems.add(line, problem);
            if (auto written = reject(record, {problem}); !written)
                return fail(written.error());
            continue;
        }
        rowProblems.clear();
        if (!converter.convert(source, values, rowProblems)) {
            QStringList texts;
            for (const auto &problem : rowProblems) {
                texts << RowConverter::describe(line, problem);
                problems.add(line, texts.back());
            }
            if (auto written = reject(record, texts); !written)
                return fail(written.error());
            continue;
        }
        if (!source.warning.isEmpty())
            notes.add(line, tr("%1: %2").arg(line).arg(source.warning));
        if (staged == 0) {
            for (size_t f = 0; f < columnOfField.size(); ++f)
                columnOfField[f] = source.columns[f];
        }
        if (checkDuplicates) {
            const size_t hash = qHash(StagingTable::keyText(values, keys), size_t(0x6d64637376));
            const auto earlier = lineOfKey.constFind(hash);
            if (earlier != lineOfKey.constEnd())
                suspects.emplace_back(line, *earlier);
            else
                lineOfKey.insert(hash, line);
        }
        writer->addInt(line);
        for (const CellValue &value : values)
            addValue(*writer, value);
        if (auto written = writer->endRow(); !written)
            return fail(written.error());
        ++staged;
    }
    if (reader.hasError()) {
        // The parser cannot find the next record after a broken one: the file as a whole is
        // refused, whatever the mode.
        problems.add(reader.errorLine(), reader.error());
        fatal = true;
    } else if (summary.rows == 0) {
        problems.add(m_headerLine + 1,
                     tr("%1: the file has a header but no rows").arg(m_headerLine + 1));
        fatal = true;
    }
    if (auto finished = writer->finish(); !finished)
        return fail(finished.error());
    writer.reset();
    lineOfKey.clear();
    if (!reportProgress(ImportProgress::Stage::Checking))
        return cancelled();
    if (auto analyzed = stage.analyze(); !analyzed)
        return fail(analyzed.error());

    // Problems only the staged rows as a whole show: duplicates and unknown keys.
    std::map<qint64, QStringList> rejectLater;
    const auto fieldName = [&](int field) {
        const int column = columnOfField[size_t(field)];
        return column > 0 && column <= m_header.size() ? m_header.at(column - 1).trimmed()
                                                       : entity.fields[size_t(field)].name;
    };
    if (!suspects.empty()) {
        std::vector<qint64> lines;
        for (const auto &[line, first] : suspects) {
            lines.push_back(line);
            lines.push_back(first);
        }
        auto found = stage.keysOf(lines);
        if (!found)
            return fail(found.error());
        std::map<qint64, QString> keyOfLine(found->begin(), found->end());
        const int keyField = keys.front();
        for (const auto &[line, first] : suspects) {
            const QString key = keyOfLine[line];
            if (key != keyOfLine[first])
                continue;
            QString shown = key;
            shown.replace(QChar(0x1F), QStringLiteral(", "));
            const RowConverter::Problem problem{
                columnOfField[size_t(keyField)], fieldName(keyField),
                tr("\"%1\" is also on line %2; a key may appear once in a file")
                    .arg(shown)
                    .arg(first)};
            problems.add(line, RowConverter::describe(line, problem));
            rejectLater[line] << RowConverter::describe(line, problem);
            rejectLater[first] << RowConverter::describe(
                first, {problem.column, problem.field,
                        tr("\"%1\" is also on line %2; a key may appear once in a file")
                            .arg(shown)
                            .arg(line)});
        }
    }
    const Status checked = stage.findUnknownKeys([&](qint64 line, int field, const QString &key) {
        const FieldDescriptor &descriptor = entity.fields[size_t(field)];
        const QString reason
            = descriptor.isReference()
                  ? tr("%1 has no %2 \"%3\"").arg(descriptor.refTable, descriptor.refKey, key)
                  : tr("%1 has no %2 \"%3\"").arg(entity.table, descriptor.column, key);
        const QString text = RowConverter::describe(
            line, {columnOfField[size_t(field)], fieldName(field), reason});
        problems.add(line, text);
        rejectLater[line] << text;
    });
    if (!checked)
        return fail(checked.error());

    summary.problems = problems.listed();
    summary.problemCount = problems.count();
    summary.notes = notes.listed();
    summary.noteCount = notes.count();
    summary.skipped = skipped;
    if (fatal || (!problems.isEmpty() && !rejects.isOpen())) {
        summary.refused = true;
        return summary; // the transaction rolls back, the rejects file is discarded
    }

    if (!rejectLater.empty()) {
        std::vector<qint64> lines;
        for (const auto &[line, reasons] : rejectLater)
            lines.push_back(line);
        if (auto removed = stage.removeLines(lines); !removed)
            return fail(removed.error());
        staged -= qint64(lines.size());
    }
    if (!reportProgress(ImportProgress::Stage::Writing))
        return cancelled();
    auto counts = stage.apply(options.mode, staged);
    if (!counts)
        return fail(tr("%1: %2").arg(m_path, counts.error()));
    summary.inserted = counts->inserted;
    summary.updated = counts->updated;
    summary.unchanged = counts->unchanged;
    summary.kept = counts->kept;
    summary.deleted = counts->deleted;
    if (auto dropped = stage.drop(); !dropped)
        return fail(dropped.error());
    if (auto followed = followDerivedTables(db, entity.name, QDateTime::currentSecsSinceEpoch());
        !followed) {
        return fail(tr("%1: %2").arg(m_path, followed.error()));
    }

    if (!rejectLater.empty()) {
        // The rows refused only after staging: read the file again for their cells.
        CsvReader again(m_settings);
        if (auto reopened = again.open(m_path); !reopened)
            return fail(reopened.error());
        auto next = rejectLater.begin();
        while (next != rejectLater.end() && again.next(record)) {
            if (record.line() != next->first)
                continue;
            if (auto written = rejects.write(record, next->second.join(QStringLiteral("; ")));
                !written) {
                return fail(written.error());
            }
            ++next;
        }
    }
    summary.rejected = rejects.count();
    if (options.dryRun) {
        transaction.rollback();
    } else {
        if (auto committed = transaction.commit(); !committed)
            return fail(committed.error());
        summary.written = true;
    }
    if (rejects.isOpen()) {
        if (auto saved = rejects.commit(); !saved) {
            return fail(summary.written ? tr("%1 (the valid rows were imported)").arg(saved.error())
                                        : saved.error());
        }
    }
    return summary;
}

} // namespace md
