#pragma once

// The client-library handles behind QtSql's connections, for the fast paths QtSql has no API
// for (streaming reads, prepared statements bound a million times). Null when the driver is not
// the expected one.

struct sqlite3;
struct pg_conn;

namespace md {

class Database;

class NativeConnection
{
public:
    static sqlite3 *sqlite(const Database &db);
    static pg_conn *postgres(const Database &db);
};

} // namespace md
