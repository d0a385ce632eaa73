#pragma once

// Reads one cell of a CSV file as the type its field wants: money to cents (exactly, never
// through a double), ISO 8601 times to UTC epoch seconds, flags, choices, e-mail addresses.
// Errors are sentences about the value ("\"12,5x\" is not an amount of money"); the caller
// adds line, column and field.

#include "cellvalue.h"
#include "csvsettings.h"
#include "fielddescriptor.h"

#include "core/result.h"

#include <QCoreApplication>

namespace md {

class ValueParser
{
    Q_DECLARE_TR_FUNCTIONS(md::ValueParser)

public:
    explicit ValueParser(const CsvSettings &settings = {}, qint64 now = 0);

    // The value of a non-empty cell.
    Result<CellValue> parse(const FieldDescriptor &field, const QString &text) const;
    // What an empty cell stands for under Empty::Default (and a new row under Empty::Keep).
    CellValue defaultValue(const FieldDescriptor &field) const;
    // The import's time: what "now" stands for.
    qint64 now() const { return m_now; }
    const CsvSettings &settings() const { return m_settings; }

    Result<qint64> money(QStringView text) const;
    Result<qint64> integer(QStringView text) const;
    Result<double> decimal(QStringView text) const;
    static Result<qint64> timestamp(QStringView text);
    static Result<qint64> flag(QStringView text);

private:
    Status checkSign(const FieldDescriptor &field, bool negative, bool zero,
                     const QString &text) const;

    CsvSettings m_settings;
    qint64 m_now;
};

} // namespace md
