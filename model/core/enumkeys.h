#pragma once

// The one way to map an enum to the key it has in storage, files and on the command line, and
// back: a constexpr table of {value, key} pairs. Keys are stable ASCII and never translated;
// text for people is a separate, tr()-ed label. A value may have more keys than one: the first
// is the one written, the others are aliases still read (".99" and "99").
//
// A table is declared once next to its enum, as a function found by argument-dependent lookup:
//     constexpr auto enumKeys(Colour) { return keyTable<Colour>({{Colour::Red, "red"}, ...}); }
// and then used as keyOf(Colour::Red), fromKey<Colour>(text), keyList<Colour>(). An enum with a
// second key set (a different column) keeps that table in a named constant and calls its
// members.

#include <QString>
#include <QStringList>

#include <array>
#include <cstddef>
#include <optional>

namespace md {

template<typename E> struct EnumKey
{
    E value;
    const char *key; // ASCII, stable
};

template<typename E, std::size_t N> struct EnumKeys
{
    std::array<EnumKey<E>, N> pairs;

    // The first key listed for `value`; empty when the value has none.
    QString keyOf(E value) const
    {
        for (const EnumKey<E> &pair : pairs) {
            if (pair.value == value)
                return QString::fromLatin1(pair.key);
        }
        return {};
    }

    // Exact match against every key, aliases included.
    std::optional<E> fromKey(QStringView text) const
    {
        for (const EnumKey<E> &pair : pairs) {
            if (text == QLatin1String(pair.key))
                return pair.value;
        }
        return std::nullopt;
    }

    // The keys written, one per value in table order (no aliases): for "use one of ..." messages.
    QStringList keys() const
    {
        QStringList out;
        for (std::size_t i = 0; i < N; ++i) {
            if (isFirstOfItsValue(i))
                out << QString::fromLatin1(pairs[i].key);
        }
        return out;
    }

    // keys() joined: "manual, schedule, cli, undo" or "table|csv|json".
    QString keyList(QStringView separator = u", ") const { return keys().join(separator); }

    // True when every value in [0, count) has a key: a static_assert next to the table keeps
    // a new enum value from going unkeyed.
    constexpr bool coversFirst(int count) const
    {
        for (int v = 0; v < count; ++v) {
            bool found = false;
            for (const EnumKey<E> &pair : pairs)
                found = found || static_cast<int>(pair.value) == v;
            if (!found)
                return false;
        }
        return true;
    }

private:
    bool isFirstOfItsValue(std::size_t index) const
    {
        for (std::size_t i = 0; i < index; ++i) {
            if (pairs[i].value == pairs[index].value)
                return false;
        }
        return true;
    }
};

// keyTable<Colour>({{Colour::Red, "red"}, {Colour::Blue, "blue"}}): the size is counted.
template<typename E, std::size_t N> constexpr EnumKeys<E, N> keyTable(const EnumKey<E> (&pairs)[N])
{
    EnumKeys<E, N> table{};
    for (std::size_t i = 0; i < N; ++i)
        table.pairs[i] = pairs[i];
    return table;
}

template<typename E> QString keyOf(E value)
{
    return enumKeys(E{}).keyOf(value);
}

template<typename E> std::optional<E> fromKey(QStringView text)
{
    return enumKeys(E{}).fromKey(text);
}

template<typename E> QStringList keysOf()
{
    return enumKeys(E{}).keys();
}

template<typename E> QString keyList(QStringView separator = u", ")
{
    return enumKeys(E{}).keyList(separator);
}

} // namespace md
