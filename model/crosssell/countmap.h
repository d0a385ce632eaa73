#pragma once

// An open-addressing hash map from a 64-bit key to a 32-bit count: the pair and triple counters
// of the miner. Half the memory of std::unordered_map and no allocation per key, so ten million
// distinct pairs cost about 200 MB at worst and usually far less (it grows at half load).

#include <QtGlobal>

#include <cstdint>
#include <vector>

namespace md {

class CountMap
{
public:
    explicit CountMap(size_t expected = 1024) { rehash(capacityFor(expected)); }

    // Adds `by` to the count of `key` (a new key starts at 0).
    void add(quint64 key, quint32 by = 1)
    {
        if ((m_size + 1) * 2 > m_keys.size())
            rehash(m_keys.size() * 2);
        size_t slot = find(key);
        if (m_keys[slot] != key) {
            m_keys[slot] = key;
            m_counts[slot] = 0;
            ++m_size;
        }
        m_counts[slot] += by;
    }

    quint32 value(quint64 key) const
    {
        const size_t slot = find(key);
        return m_keys[slot] == key ? m_counts[slot] : 0;
    }

    size_t size() const { return m_size; }

    // Calls f(key, count) for every key.
    template<typename F> void forEach(F &&f) const
    {
        for (size_t i = 0; i < m_keys.size(); ++i) {
            if (m_keys[i] != kEmpty)
                f(m_keys[i], m_counts[i]);
        }
    }

    // The key no caller may use: the miner's keys never have all bits set.
    static constexpr quint64 kEmpty = ~quint64(0);

private:
    static size_t capacityFor(size_t expected)
    {
        size_t capacity = 16;
        while (capacity < expected * 2)
            capacity *= 2;
        return capacity;
    }

    static quint64 mix(quint64 key)
    {
        // splitmix64's finaliser: pairs of small ids spread over the whole table.
        key ^= key >> 30;
        key *= 0xbf58476d1ce4e5b9ULL;
        key ^= key >> 27;
        key *= 0x94d049bb133111ebULL;
        key ^= key >> 31;
        return key;
    }

    size_t find(quint64 key) const
    {
        const size_t mask = m_keys.size() - 1;
        size_t slot = size_t(mix(key)) & mask;
        while (m_keys[slot] != kEmpty && m_keys[slot] != key)
            slot = (slot + 1) & mask;
        return slot;
    }

    void rehash(size_t capacity)
    {
        std::vector<quint64> keys(capacity, kEmpty);
        std::vector<quint32> counts(capacity, 0);
        keys.swap(m_keys);
        counts.swap(m_counts);
        m_size = 0;
        for (size_t i = 0; i < keys.size(); ++i) {
            if (keys[i] != kEmpty) {
                const size_t slot = find(keys[i]);
                m_keys[slot] = keys[i];
                m_counts[slot] = counts[i];
                ++m_size;
            }
        }
    }

    std::vector<quint64> m_keys;
    std::vector<quint32> m_counts;
    size_t m_size = 0;
};

} // namespace md
