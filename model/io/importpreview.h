#pragma once

// The first rows of a file as the import would read them, for the wizard's preview table:
// the cells, the file line of each row, and what would happen to it (imported, skipped and
// why, or its problems), found without touching the database.

#include <QString>
#include <QStringList>

#include <vector>

namespace md {

struct ImportPreview
{
    struct Row
    {
        qint64 line = 0;
        QStringList cells;
        QString skipped;      // non-empty: the row is not one of the entity's (why)
        QStringList problems; // "line:column: field: reason"
        QString note;
    };

    QStringList header;
    std::vector<Row> rows;
    // Per header column: the field it fills, or empty.
    QStringList fieldOfColumn;
};

} // namespace md
