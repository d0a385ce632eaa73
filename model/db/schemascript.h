#pragma once

// Shared by the schema_vN.cpp files: a migration's script as the statements to run.

#include <QStringList>

namespace md {

class Dialect;

// The script's statements (each ending in ';', none containing one) with the dialect's type
// tokens expanded (Dialect::ddl), trimmed, empty ones dropped.
QStringList schemaStatements(const Dialect &dialect, const char *script);

} // namespace md
