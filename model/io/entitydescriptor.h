#pragma once

// Everything the CSV import and export know about one entity (products, customers, ...): its
// table, its fields in file order, its natural key and how rows are matched. One descriptor per
// entity in EntityCatalog replaces a copy of the import and export code per entity.

#include "cellvalue.h"
#include "core/result.h"
#include "fielddescriptor.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace md {

struct EntityDescriptor
{
    enum class Kind {
        Keyed,      // rows matched by their natural key: inserted, updated or unchanged
        UpdateOnly, // updates rows that must exist already (inventory: stock by SKU)
        Log,        // facts without a key (events, ledger): a row equal to a stored one is
                    // unchanged, others are added
    };
    // Reports a problem with the value of one field of a row.
    using Report = std::function<void(int field, const QString &message)>;
    // Rules between fields of one row, checked before anything is written, so the owner reads
    // "max_price is below min_price" instead of the database's constraint name.
    using RowCheck = std::function<void(const std::vector<CellValue> &row, const Report &)>;

    QString name;
    QStringList aliases;
    QString table;
    Kind kind = Kind::Keyed;
    // The database enforces the natural key (UNIQUE or PRIMARY KEY), so rows can be merged with
    // INSERT ... ON CONFLICT: one index probe per row instead of two.
    bool uniqueKey = false;
    bool appendOnly = false; // the table refuses updates and deletes (points ledger)
    std::vector<FieldDescriptor> fields;
    QStringList stampOnInsert; // columns set to the import's time on a new row
    QString stampOnUpdate;     // column set to the import's time when a row changes
    QString exportOrder;       // ORDER BY of the export, on the table aliased t
    RowCheck check;

    int fieldIndex(const QString &fieldName) const
    {
        for (size_t i = 0; i < fields.size(); ++i) {
            if (fields[i].name == fieldName)
                return int(i);
        }
        return -1;
    }
    std::vector<int> keyFields() const
    {
        std::vector<int> keys;
        for (size_t i = 0; i < fields.size(); ++i) {
            if (fields[i].key)
                keys.push_back(int(i));
        }
        return keys;
    }
    // A foreign key into the entity's own table (a plan's parent plan): resolved after the
    // file's own rows are in.
    bool isSelfReference(int field) const
    {
        return fields[size_t(field)].refTable == table && kind == Kind::Keyed;
    }
};

} // namespace md
