#include "nativeconnection.h"

#include "database.h"

#include <QSqlDriver>
#include <QVariant>

#include <cstring>
#include <initializer_list>

namespace md {

namespace {

template<typename Handle>
Handle *handleOf(const Database &db, std::initializer_list<const char *> typeNames)
{
    const QVariant handle = db.sql().driver()->handle();
    if (!handle.isValid() || !handle.typeName())
        return nullptr;
    for (const char *name : typeNames) {
        if (std::strcmp(handle.typeName(), name) == 0)
            return *static_cast<Handle *const *>(handle.constData());
    }
    return nullptr;
}

} // namespace

sqlite3 *NativeConnection::sqlite(const Database &db)
{
    return handleOf<sqlite3>(db, {"sqlite3*"});
}

pg_conn *NativeConnection::postgres(const Database &db)
{
    return handleOf<pg_conn>(db, {"PGconn*", "pg_conn*"});
}

} // namespace md
