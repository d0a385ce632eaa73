#include "bulkwriter.h"

#include "database.h"
#include "dialect.h"
#include "nativeconnection.h"
#include "sql.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstring>

namespace md {

namespace {

QString columnList(const QStringList &columns)
{
    QStringList quoted;
    for (const QString &column : columns)
        quoted << Dialect::quoteIdentifier(column);
    return quoted.join(QLatin1String(", "));
}

class SqliteWriter final : public BulkWriter
{
public:
    SqliteWriter(sqlite3 *db, sqlite3_stmt *statement, QString table)
        : m_db(db)
        , m_statement(statement)
        , m_table(std::move(table))
    {}
    ~SqliteWriter() override { sqlite3_finalize(m_statement); }

    void addInt(qint64 value) override { sqlite3_bind_int64(m_statement, ++m_column, value); }
    void addReal(double value) override { sqlite3_bind_double(m_statement, ++m_column, value); }
    void addNull() override { sqlite3_bind_null(m_statement, ++m_column); }
    void addText(QStringView value) override
    {
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text(m_statement, ++m_column, utf8.constData(), int(utf8.size()),
                          SQLITE_TRANSIENT);
    }

    Status endRow() override
    {
        m_column = 0;
        const int rc = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        if (rc != SQLITE_DONE) {
            return fail(BulkWriter::tr("Writing row %1 of %2 failed: %3")
                            .arg(m_rows + 1)
                            .arg(m_table, QString::fromUtf8(sqlite3_errmsg(m_db))));
        }
        ++m_rows;
        return {};
    }

    Status finish() override { return {}; }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    QString m_table;
    int m_column = 0;
};

class CopyWriter final : public BulkWriter
{
public:
    CopyWriter(PGconn *conn, QString table)
        : m_conn(conn)
        , m_table(std::move(table))
    {
        m_buffer.reserve(kChunk + 4096);
    }
    ~CopyWriter() override
    {
        if (!m_finished) {
            // Abandoned (an error elsewhere): end the COPY so the connection stays usable; the
            // caller's transaction is rolled back anyway.
            PQputCopyEnd(m_conn, "abandoned");
            (void)drainResults();
        }
    }

    void addInt(qint64 value) override
    {
        separator();
        m_buffer += QByteArray::number(value);
    }
    void addReal(double value) override
    {
        separator();
        m_buffer += QByteArray::number(value, 'g', 17);
    }
    void addNull() override
    {
        separator();
        m_buffer += "\\N";
    }
    void addText(QStringView value) override
    {
        separator();
        const QByteArray utf8 = value.toUtf8();
        // COPY's text format: backslash escapes for the delimiter, line breaks and itself.
        for (const char c : utf8) {
            switch (c) {
            case '\\':
                m_buffer += "\\\\";
                break;
            case '\t':
                m_buffer += "\\t";
                break;
            case '\n':
                m_buffer += "\\n";
                break;
            case '\r':
                m_buffer += "\\r";
                break;
            default:
                m_buffer += c;
            }
        }
    }

    Status endRow() override
    {
        m_buffer += '\n';
        m_first = true;
        ++m_rows;
        if (m_buffer.size() >= kChunk)
            return flush();
        return {};
    }

    Status finish() override
    {
        if (auto flushed = flush(); !flushed)
            return flushed;
        m_finished = true;
        if (PQputCopyEnd(m_conn, nullptr) != 1)
            return fail(error());
        return drainResults();
    }

private:
    static constexpr qsizetype kChunk = 1 << 20;

    void separator()
    {
        if (!m_first)
            m_buffer += '\t';
        m_first = false;
    }

    Status flush()
    {
        if (m_buffer.isEmpty())
            return {};
        if (PQputCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) != 1)
            return fail(error());
        m_buffer.clear();
        return {};
    }

    Status drainResults()
    {
        QString message;
        while (PGresult *result = PQgetResult(m_conn)) {
            if (PQresultStatus(result) != PGRES_COMMAND_OK && message.isEmpty())
                message = sql::postgresErrorText(PQresultErrorMessage(result));
            PQclear(result);
        }
        if (!message.isEmpty())
            return fail(BulkWriter::tr("Writing %1 failed: %2").arg(m_table, message));
        return {};
    }

    QString error() const
    {
        return BulkWriter::tr("Writing %1 failed: %2")
            .arg(m_table, sql::postgresErrorText(PQerrorMessage(m_conn)));
    }

    PGconn *m_conn;
    QString m_table;
    QByteArray m_buffer;
    bool m_first = true;
    bool m_finished = false;
};

} // namespace

Result<std::unique_ptr<BulkWriter>> BulkWriter::open(const Database &db, const QString &table,
                                                     const QStringList &columns)
{
    const QString target = Dialect::quoteIdentifier(table) + QStringLiteral(" (")
                           + columnList(columns) + QLatin1Char(')');
    if (db.dialect().isPostgres()) {
        PGconn *conn = NativeConnection::postgres(db);
        if (!conn)
            return fail(tr("The PostgreSQL driver does not expose its connection handle"));
        const QByteArray copy = "COPY " + target.toUtf8() + " FROM STDIN";
        PGresult *result = PQexec(conn, copy.constData());
        const bool ready = PQresultStatus(result) == PGRES_COPY_IN;
        const QString message = sql::postgresErrorText(PQresultErrorMessage(result));
        PQclear(result);
        if (!ready)
            return fail(tr("Cannot start writing %1: %2").arg(table, message));
        return std::unique_ptr<BulkWriter>(new CopyWriter(conn, table));
    }

    sqlite3 *handle = NativeConnection::sqlite(db);
    if (!handle)
        return fail(tr("The SQLite driver does not expose its database handle"));
    QStringList placeholders;
    for (qsizetype i = 0; i < columns.size(); ++i)
        placeholders << QStringLiteral("?");
    const QByteArray insert = "INSERT INTO " + target.toUtf8() + " VALUES ("
                              + placeholders.join(QLatin1Char(',')).toUtf8() + ")";
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, insert.constData(), int(insert.size()), &statement, nullptr)
        != SQLITE_OK) {
        return fail(tr("Cannot start writing %1: %2")
                        .arg(table, QString::fromUtf8(sqlite3_errmsg(handle))));
    }
    return std::unique_ptr<BulkWriter>(new SqliteWriter(handle, statement, table));
}

} // namespace md
