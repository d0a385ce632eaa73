#pragma once

// Runs one CsvImporter::run() (an import or a dry run) on a worker thread with its own database
// connection, reporting progress to the GUI thread. cancel() stops it at the next progress step;
// the import then rolls back and nothing is written.

#include "db/databasespec.h"
#include "io/csvimporter.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace md {

class ImportTask : public QObject
{
    Q_OBJECT

public:
    ImportTask(const DatabaseSpec &database, const CsvImporter &importer,
               const ImportOptions &options, QObject *parent = nullptr);
    // Cancels and waits for the worker: nothing is left half-written behind a closed window.
    ~ImportTask() override;

    void start();
    void cancel();
    bool isRunning() const;
    bool isCancelled() const { return m_cancelled->load(); }

    // After finished(): the summary, or why there is none (cancelled, the database failed).
    const std::optional<Result<ImportSummary>> &result() const { return m_result; }

signals:
    void progress(int percent, const QString &text);
    void finished();

private:
    DatabaseSpec m_database;
    CsvImporter m_importer;
    ImportOptions m_options;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    std::unique_ptr<QThread> m_thread;
    std::optional<Result<ImportSummary>> m_result;
};

} // namespace md
