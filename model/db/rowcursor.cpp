#include "rowcursor.h"

#include "database.h"
#include "nativeconnection.h"
#include "sql.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <charconv>
#include <vector>

namespace md {

namespace {

class SqliteCursor final : public RowCursor
{
public:
    SqliteCursor(sqlite3 *db, sqlite3_stmt *statement)
        : m_db(db)
        , m_statement(statement)
    {}
    ~SqliteCursor() override { sqlite3_finalize(m_statement); }

    bool next() override
    {
        if (m_done)
            return false;
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW)
            return true;
        m_done = true;
        if (rc != SQLITE_DONE)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    QString error() const override { return m_error; }
    bool isNull(int column) const override
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    qint64 toInt(int column) const override { return sqlite3_column_int64(m_statement, column); }
    double toReal(int column) const override { return sqlite3_column_double(m_statement, column); }
    QByteArrayView utf8(int column) const override
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QByteArrayView(text, sqlite3_column_bytes(m_statement, column));
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    QString m_error;
    bool m_done = false;
};

// Shared by both PostgreSQL cursors: the fields of the current row as views.
class PgRow
{
public:
    bool isNull(int column) const { return m_fields[size_t(column)].null; }
    QByteArrayView utf8(int column) const
    {
        const Field &field = m_fields[size_t(column)];
        return QByteArrayView(field.data, field.size);
    }
    qint64 toInt(int column) const
    {
        // Digits with an optional sign: what PostgreSQL prints for integers.
        const QByteArrayView text = utf8(column);
        qint64 value = 0;
        bool negative = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (i == 0 && c == '-')
                negative = true;
            else if (c >= '0' && c <= '9')
                value = value * 10 + (c - '0');
            else
                return qint64(toReal(column));
        }
        return negative ? -value : value;
    }
    double toReal(int column) const
    {
        // from_chars, not strtod: the GUI runs under the user's LC_NUMERIC, and a German
        // locale would read "3.25" as 3.
        const QByteArrayView text = utf8(column);
        double value = 0;
        std::from_chars(text.data(), text.data() + text.size(), value);
        return value;
    }

protected:
    struct Field
    {
        const char *data = nullptr;
        qsizetype size = 0;
        bool null = true;
    };
    std::vector<Field> m_fields;
};

// COPY (SELECT ...) TO STDOUT in text format: tab-separated lines, \N for NULL, backslash
// escapes inside values.
class PgCopyCursor final
    : public RowCursor
    , private PgRow
{
public:
    explicit PgCopyCursor(PGconn *conn)
        : m_conn(conn)
    {}
    ~PgCopyCursor() override
    {
        freeLine();
        if (!m_done) {
            // Abandoned halfway (cancelled): ask the server to stop, then drain.
            if (PGcancel *cancel = PQgetCancel(m_conn)) {
                char buffer[256];
                PQcancel(cancel, buffer, int(sizeof buffer));
                PQfreeCancel(cancel);
            }
            char *line = nullptr;
            while (PQgetCopyData(m_conn, &line, 0) > 0)
                PQfreemem(line);
            finish();
        }
    }

    bool next() override
    {
        if (m_done)
            return false;
        freeLine();
        const int length = PQgetCopyData(m_conn, &m_line, 0);
        if (length > 0) {
            split(m_line, length);
            return true;
        }
        m_line = nullptr;
        if (length == -2)
            m_error = sql::postgresErrorText(PQerrorMessage(m_conn));
        finish();
        return false;
    }
    QString error() const override { return m_error; }
    bool isNull(int column) const override { return PgRow::isNull(column); }
    qint64 toInt(int column) const override { return PgRow::toInt(column); }
    double toReal(int column) const override { return PgRow::toReal(column); }
    QByteArrayView utf8(int column) const override { return PgRow::utf8(column); }

private:
    void freeLine()
    {
        if (m_line)
            PQfreemem(m_line);
        m_line = nullptr;
    }

    void finish()
    {
        m_done = true;
        while (PGresult *result = PQgetResult(m_conn)) {
            if (PQresultStatus(result) != PGRES_COMMAND_OK && m_error.isEmpty())
                m_error = sql::postgresErrorText(PQresultErrorMessage(result));
            PQclear(result);
        }
    }

    // Splits a line in place; a value with escapes is decoded into m_unescaped.
    void split(char *line, int length)
    {
        m_fields.clear();
        m_unescaped.clear();
        int end = length;
        if (end > 0 && line[end - 1] == '\n')
            --end;
        int start = 0;
        while (true) {
            int stop = start;
            bool escaped = false;
            while (stop < end && line[stop] != '\t') {
                escaped = escaped || line[stop] == '\\';
                ++stop;
            }
            Field field;
            const int size = stop - start;
            if (size == 2 && line[start] == '\\' && line[start + 1] == 'N') {
                field.null = true;
            } else {
                field.null = false;
                field.data = line + start;
                field.size = size;
                if (escaped)
                    unescape(field);
            }
            m_fields.push_back(field);
            if (stop >= end)
                break;
            start = stop + 1;
        }
        // Pointers into m_unescaped are fixed up once it stops growing.
        for (const auto &[index, offset] : m_pending)
            m_fields[index].data = m_unescaped.constData() + offset;
        m_pending.clear();
    }

    void unescape(Field &field)
    {
        const qsizetype offset = m_unescaped.size();
        for (qsizetype i = 0; i < field.size; ++i) {
            char c = field.data[i];
            if (c == '\\' && i + 1 < field.size) {
                const char e = field.data[++i];
                switch (e) {
                case 't':
                    c = '\t';
                    break;
                case 'n':
                    c = '\n';
                    break;
                case 'r':
                    c = '\r';
                    break;
                case 'b':
                    c = '\b';
                    break;
                case 'f':
                    c = '\f';
                    break;
                case 'v':
                    c = '\v';
                    break;
                default:
                    c = e;
                    break;
                }
            }
            m_unescaped.append(c);
        }
        field.size = m_unescaped.size() - offset;
        m_pending.emplace_back(m_fields.size(), offset);
    }

    PGconn *m_conn;
    char *m_line = nullptr;
    QByteArray m_unescaped;
    std::vector<std::pair<size_t, qsizetype>> m_pending;
    QString m_error;
    bool m_done = false;
};

// Single-row mode: the query runs with bound values, rows arrive one PGresult at a time.
class PgSingleRowCursor final
    : public RowCursor
    , private PgRow
{
public:
    explicit PgSingleRowCursor(PGconn *conn)
        : m_conn(conn)
    {}
    ~PgSingleRowCursor() override
    {
        clear();
        if (!m_done) {
            if (PGcancel *cancel = PQgetCancel(m_conn)) {
                char buffer[256];
                PQcancel(cancel, buffer, int(sizeof buffer));
                PQfreeCancel(cancel);
            }
            while (PGresult *result = PQgetResult(m_conn))
                PQclear(result);
        }
    }

    bool next() override
    {
        if (m_done)
            return false;
        clear();
        m_result = PQgetResult(m_conn);
        if (m_result && PQresultStatus(m_result) == PGRES_SINGLE_TUPLE) {
            const int columns = PQnfields(m_result);
            m_fields.resize(size_t(columns));
            for (int c = 0; c < columns; ++c) {
                Field &field = m_fields[size_t(c)];
                field.null = PQgetisnull(m_result, 0, c);
                field.data = PQgetvalue(m_result, 0, c);
                field.size = PQgetlength(m_result, 0, c);
            }
            return true;
        }
        if (m_result && PQresultStatus(m_result) != PGRES_TUPLES_OK)
            m_error = sql::postgresErrorText(PQresultErrorMessage(m_result));
        clear();
        while (PGresult *rest = PQgetResult(m_conn))
            PQclear(rest);
        m_done = true;
        return false;
    }
    QString error() const override { return m_error; }
    bool isNull(int column) const override { return PgRow::isNull(column); }
    qint64 toInt(int column) const override { return PgRow::toInt(column); }
    double toReal(int column) const override { return PgRow::toReal(column); }
    QByteArrayView utf8(int column) const override { return PgRow::utf8(column); }

private:
    void clear()
    {
        if (m_result)
            PQclear(m_result);
        m_result = nullptr;
    }

    PGconn *m_conn;
    PGresult *m_result = nullptr;
    QString m_error;
    bool m_done = false;
};

// "? … ?" → "$1 … $2", leaving quoted text alone.
QByteArray numberedPlaceholders(const QString &select)
{
    const QByteArray utf8 = select.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 16);
    int number = 0;
    char quote = 0;
    for (const char c : utf8) {
        if (quote) {
            if (c == quote)
                quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$' + QByteArray::number(++number);
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

Result<std::unique_ptr<RowCursor>> RowCursor::open(const Database &db, const QString &select,
                                                   const QVariantList &values)
{
    if (db.dialect().isPostgres()) {
        PGconn *conn = NativeConnection::postgres(db);
        if (!conn)
            return fail(tr("The PostgreSQL driver does not expose its connection handle"));
        if (values.isEmpty()) {
            const QByteArray copy = "COPY (" + select.toUtf8() + ") TO STDOUT";
            PGresult *result = PQexec(conn, copy.constData());
            const bool ready = PQresultStatus(result) == PGRES_COPY_OUT;
            const QString message = sql::postgresErrorText(PQresultErrorMessage(result));
            PQclear(result);
            if (!ready)
                return fail(message);
            return std::unique_ptr<RowCursor>(new PgCopyCursor(conn));
        }
        std::vector<QByteArray> texts;
        std::vector<const char *> pointers;
        texts.reserve(size_t(values.size()));
        for (const QVariant &value : values) {
            if (value.isNull()) {
                texts.emplace_back();
                pointers.push_back(nullptr);
            } else {
                texts.push_back(value.toString().toUtf8());
                pointers.push_back(texts.back().constData());
            }
        }
        const QByteArray statement = numberedPlaceholders(select);
        if (!PQsendQueryParams(conn, statement.constData(), int(values.size()), nullptr,
                               pointers.data(), nullptr, nullptr, 0)) {
            return fail(sql::postgresErrorText(PQerrorMessage(conn)));
        }
        PQsetSingleRowMode(conn);
        return std::unique_ptr<RowCursor>(new PgSingleRowCursor(conn));
    }

    sqlite3 *handle = NativeConnection::sqlite(db);
    if (!handle)
        return fail(tr("The SQLite driver does not expose its database handle"));
    const QByteArray statement = select.toUtf8();
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v2(handle, statement.constData(), int(statement.size()), &prepared, nullptr)
        != SQLITE_OK) {
        return fail(QString::fromUtf8(sqlite3_errmsg(handle)));
    }
    int index = 0;
    for (const QVariant &value : values) {
        ++index;
        if (value.isNull()) {
            sqlite3_bind_null(prepared, index);
        } else if (value.typeId() == QMetaType::QString) {
            const QByteArray text = value.toString().toUtf8();
            sqlite3_bind_text(prepared, index, text.constData(), int(text.size()),
                              SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_int64(prepared, index, value.toLongLong());
        }
    }
    return std::unique_ptr<RowCursor>(new SqliteCursor(handle, prepared));
}

} // namespace md
