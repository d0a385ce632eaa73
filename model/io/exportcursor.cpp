#include "exportcursor.h"

#include "db/database.h"

#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <charconv>
#include <cstring>
#include <vector>

namespace md {

namespace {

template<typename Handle>
Handle *nativeHandle(const Database &db, std::initializer_list<const char *> typeNames)
{
    const QVariant handle = db.sql().driver()->handle();
    if (!handle.isValid())
        return nullptr;
    for (const char *name : typeNames) {
        if (std::strcmp(handle.typeName(), name) == 0)
            return *static_cast<Handle *const *>(handle.constData());
    }
    return nullptr;
}

class SqliteCursor final : public ExportCursor
{
public:
    SqliteCursor(sqlite3 *db, sqlite3_stmt *statement)
        : m_db(db)
        , m_statement(statement)
    {}
    ~SqliteCursor() override { sqlite3_finalize(m_statement); }

    bool next() override
    {
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    bool isNull(int column) const override
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    qint64 integer(int column) const override { return sqlite3_column_int64(m_statement, column); }
    double real(int column) const override { return sqlite3_column_double(m_statement, column); }
    QByteArrayView text(int column) const override
    {
        const auto *data =
            reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QByteArrayView(data, sqlite3_column_bytes(m_statement, column));
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
};

// Reads COPY's text format: one row per PQgetCopyData, fields split by tabs, \N for NULL and
// backslash escapes for tabs, line breaks and backslashes inside text.
class CopyCursor final : public ExportCursor
{
public:
    CopyCursor(PGconn *conn, int columns)
        : m_conn(conn)
        , m_fields(size_t(columns))
        , m_nulls(size_t(columns))
    {}
    ~CopyCursor() override
    {
        if (m_done)
            return;
        // Stopped early (cancelled or failed): ask the server to stop, then drain what is on
        // the way so the connection can be used again.
        if (PGcancel *cancel = PQgetCancel(m_conn)) {
            char message[256];
            PQcancel(cancel, message, sizeof message);
            PQfreeCancel(cancel);
        }
        char *buffer = nullptr;
        while (PQgetCopyData(m_conn, &buffer, 0) > 0)
            PQfreemem(buffer);
        while (PGresult *result = PQgetResult(m_conn))
            PQclear(result);
    }

    bool next() override
    {
        if (m_done)
            return false;
        char *buffer = nullptr;
        const int length = PQgetCopyData(m_conn, &buffer, 0);
        if (length < 0) {
            m_done = true;
            while (PGresult *result = PQgetResult(m_conn)) {
                if (PQresultStatus(result) != PGRES_COMMAND_OK && m_error.isEmpty())
                    m_error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
                PQclear(result);
            }
            if (length == -2 && m_error.isEmpty())
                m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
            return false;
        }
        split(buffer, length);
        PQfreemem(buffer);
        if (!m_error.isEmpty()) {
            return false;
        }
        return true;
    }
    bool isNull(int column) const override { return m_nulls[size_t(column)]; }
    qint64 integer(int column) const override
    {
        const QByteArray &field = m_fields[size_t(column)];
        qint64 value = 0;
        std::from_chars(field.constData(), field.constData() + field.size(), value);
        return value;
    }
    double real(int column) const override
    {
        const QByteArray &field = m_fields[size_t(column)];
        double value = 0;
        std::from_chars(field.constData(), field.constData() + field.size(), value);
        return value;
    }
    QByteArrayView text(int column) const override { return m_fields[size_t(column)]; }

private:
    void split(const char *row, int length)
    {
        const char *p = row;
        const char *end = row + length;
        if (end > p && end[-1] == '\n')
            --end;
        for (size_t column = 0; column < m_fields.size(); ++column) {
            QByteArray &field = m_fields[column];
            field.clear();
            const char *stop = static_cast<const char *>(std::memchr(p, '\t', size_t(end - p)));
            if (!stop)
                stop = end;
            m_nulls[column] = stop - p == 2 && p[0] == '\\' && p[1] == 'N';
            if (!m_nulls[column])
                unescape(p, stop, field);
            p = stop < end ? stop + 1 : end;
        }
    }

    static void unescape(const char *p, const char *end, QByteArray &out)
    {
        if (!std::memchr(p, '\\', size_t(end - p))) {
            out.append(p, end - p);
            return;
        }
        while (p < end) {
            if (*p != '\\' || p + 1 == end) {
                out += *p++;
                continue;
            }
            const char c = p[1];
            p += 2;
            switch (c) {
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'v':
                out += '\v';
                break;
            default:
                if (c >= '0' && c <= '7') {
                    int value = c - '0';
                    for (int i = 0; i < 2 && p < end && *p >= '0' && *p <= '7'; ++i)
                        value = value * 8 + (*p++ - '0');
                    out += char(value);
                } else {
                    out += c;
                }
            }
        }
    }

    PGconn *m_conn;
    std::vector<QByteArray> m_fields;
    std::vector<bool> m_nulls;
    bool m_done = false;
};

} // namespace

Result<std::unique_ptr<ExportCursor>> ExportCursor::open(const Database &db, const QString &select,
                                                         int columns)
{
    if (db.dialect().isPostgres()) {
        PGconn *conn = nativeHandle<PGconn>(db, {"PGconn*", "pg_conn*"});
        if (!conn)
            return fail(tr("The PostgreSQL driver does not expose its connection handle"));
        const QByteArray copy = "COPY (" + select.toUtf8() + ") TO STDOUT";
        PGresult *result = PQexec(conn, copy.constData());
        const bool ready = PQresultStatus(result) == PGRES_COPY_OUT;
        const QString message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
        if (!ready)
            return fail(message);
        return std::unique_ptr<ExportCursor>(new CopyCursor(conn, columns));
    }
    sqlite3 *handle = nativeHandle<sqlite3>(db, {"sqlite3*"});
    if (!handle)
        return fail(tr("The SQLite driver does not expose its database handle"));
    const QByteArray statement = select.toUtf8();
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v2(handle, statement.constData(), int(statement.size()), &prepared,
                           nullptr) != SQLITE_OK) {
        return fail(QString::fromUtf8(sqlite3_errmsg(handle)));
    }
    return std::unique_ptr<ExportCursor>(new SqliteCursor(handle, prepared));
}

} // namespace md
