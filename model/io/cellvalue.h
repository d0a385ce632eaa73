#pragma once

// One typed value of an imported row on its way to the staging table: NULL, a whole number
// (cents, seconds, counts, flags), a double (scores) or text.

#include <QString>

#include <variant>

namespace md {

using CellValue = std::variant<std::monostate, qint64, double, QString>;

inline bool isNull(const CellValue &value)
{
    return std::holds_alternative<std::monostate>(value);
}

} // namespace md
