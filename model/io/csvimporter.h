#pragma once

// Imports a CSV file into one entity, for the command line and the import wizard alike:
//
//     auto importer = CsvImporter::open(path, *EntityCatalog::find("products"));
//     importer->settings();  importer->format();  importer->mapping();   // detected, changeable
//     auto preview = importer->preview(20);
//     auto summary = importer->run(db, options, progress);   // options.dryRun to validate
//
// run() reads the file once, checks and types every row, stages the valid ones and merges them
// into the table in one transaction. All or nothing by default: any problem rolls everything
// back and the summary lists the problems as "line:column: field: reason". With a rejects file
// the valid rows go in and the others are written there with the reason. A cancelled or failed
// import leaves the database exactly as it was. run() is const and uses only the database it is
// given, so the wizard can call it on a worker thread with a connection of that thread.

#include "columnmapping.h"
#include "csvsettings.h"
#include "entitydescriptor.h"
#include "importoptions.h"
#include "importpreview.h"
#include "importprogress.h"
#include "importsummary.h"

#include "core/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace md {

class Database;

class CsvImporter
{
    Q_DECLARE_TR_FUNCTIONS(md::CsvImporter)

public:
    // Return false to cancel.
    using ProgressCallback = std::function<bool(const ImportProgress &)>;

    // Sniffs the file: encoding, delimiter, decimal symbol, header, format and column mapping.
    static Result<CsvImporter> open(const QString &path, const EntityDescriptor &entity);

    const QString &path() const { return m_path; }
    const EntityDescriptor &entity() const { return *m_entity; }

    const CsvSettings &settings() const { return m_settings; }
    // Re-reads the header with other settings and maps its columns again.
    Status setSettings(const CsvSettings &settings);

    const QStringList &header() const { return m_header; }
    ImportFormat detectedFormat() const { return m_detected; }
    // Auto: the detected one.
    ImportFormat format() const { return m_format == ImportFormat::Auto ? m_detected : m_format; }
    void setFormat(ImportFormat format) { m_format = format; }

    // The native format's columns → fields (ignored for Shopify and WooCommerce files).
    const ColumnMapping &mapping() const { return m_mapping; }
    void setMapping(const ColumnMapping &mapping) { m_mapping = mapping; }

    Result<ImportPreview> preview(int rows = 20) const;
    Result<ImportSummary> run(const Database &db, const ImportOptions &options,
                              const ProgressCallback &progress = {}) const;

private:
    CsvImporter() = default;
    Status readHeader();

    QString m_path;
    const EntityDescriptor *m_entity = nullptr;
    CsvSettings m_settings;
    QStringList m_header;
    qint64 m_headerLine = 1;
    ImportFormat m_detected = ImportFormat::Native;
    ImportFormat m_format = ImportFormat::Auto;
    ColumnMapping m_mapping;
};

} // namespace md
