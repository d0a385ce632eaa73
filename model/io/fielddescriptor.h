#pragma once

// One column of an entity's CSV file: its header name and synonyms, its type, the database
// column it fills, what an empty cell means, and the natural key it refers to when it is a
// foreign key. EntityCatalog holds the table of them; import, export and docs read it.

#include <QString>
#include <QStringList>

namespace md {

struct FieldDescriptor
{
    enum class Type {
        Text,       // any text, kept as it is
        Key,        // a natural key (SKU, order number, plan name): trimmed
        Email,      // trimmed and lower-cased, must look like an address
        Money,      // currency units in the file, integer cents in the database
        Integer,    // a whole number
        Decimal,    // a decimal number stored as a double (scores)
        Multiplier, // at most 4 decimals in the file, exact basis points in the database
        Flag,       // 0/1, true/false, yes/no
        Timestamp,  // ISO 8601 in the file, UTC epoch seconds in the database
        Choice,     // one of `choices`
    };
    // What an empty cell (or a column missing from the file, for a new row) means.
    enum class Empty {
        Required, // an error
        Null,     // NULL
        Default,  // `defaultValue`
        Keep,     // keep the stored value; a new row gets `defaultValue` ("now" for a time)
        CopyOf,   // the value of the field `copyOf` (current_price defaults to base_price)
    };
    enum class Sign { Any, NonNegative, Positive, NonZero };

    QString name = {};
    Type type = Type::Text;
    QString column = {};
    Empty empty = Empty::Null;
    QString defaultValue = {};
    QStringList synonyms = {};
    QStringList choices = {};
    Sign sign = Sign::NonNegative;
    int maxLength = 0;
    // A foreign key by natural key: the file holds refTable.refKey, the column refTable.id.
    QString refTable = {};
    QString refKey = {};
    bool key = false; // part of the entity's natural key
    QString copyOf = {};

    bool isReference() const { return !refTable.isEmpty(); }
    bool isNumeric() const
    {
        return type == Type::Money || type == Type::Integer || type == Type::Decimal
               || type == Type::Multiplier || type == Type::Flag || type == Type::Timestamp;
    }
};

} // namespace md
