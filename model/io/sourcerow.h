#pragma once

// One record of the file as the entity's fields, still text: what a RowAdapter makes of a CSV
// record before the values are checked and typed. Shopify and WooCommerce rows may also be
// skipped (a variable product's parent row) or refused whole.

#include <QByteArrayView>
#include <QString>

#include <vector>

namespace md {

struct SourceRow
{
    enum class Outcome { Row, Skip, Reject };

    Outcome outcome = Outcome::Row;
    // Skip: why, counted in the summary ("variable product (a container)").
    // Reject: the problem.
    QString reason;
    // Skip: also list the line in the summary's notes (a row without SKU).
    bool note = false;
    // Reject: the 1-based column the problem is in (0: the row as a whole).
    int column = 0;
    // A row that is imported but changed on the way (a negative stock read as 0): listed in
    // the summary's notes.
    QString warning;

    // Per entity field.
    std::vector<QString> values;
    // False: the row gives nothing for the field (keep the stored value; a new row gets the
    // field's default).
    std::vector<bool> given;
    // The 1-based file column a field's value came from, for messages (0: derived).
    std::vector<int> columns;

    void reset(size_t fieldCount)
    {
        outcome = Outcome::Row;
        reason.clear();
        note = false;
        column = 0;
        warning.clear();
        // The values of fields not given are never read: no need to clear them.
        values.resize(fieldCount);
        given.assign(fieldCount, false);
        columns.assign(fieldCount, 0);
    }
    // As set(), reusing the field's buffer for plain ASCII (most cells of most files): the
    // import converts ten million cells for a million rows.
    void setUtf8(int field, QByteArrayView utf8, int column)
    {
        QString &value = values[size_t(field)];
        bool ascii = true;
        for (const char c : utf8)
            ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        if (ascii) {
            value.truncate(0);
            value.append(QLatin1StringView(utf8.data(), utf8.size()));
        } else {
            value = QString::fromUtf8(utf8);
        }
        given[size_t(field)] = true;
        columns[size_t(field)] = column;
    }
    void set(int field, const QString &value, int column)
    {
        values[size_t(field)] = value;
        given[size_t(field)] = true;
        columns[size_t(field)] = column;
    }
    void skip(const QString &why, bool listed)
    {
        outcome = Outcome::Skip;
        reason = why;
        note = listed;
    }
};

} // namespace md
