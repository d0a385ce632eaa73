#pragma once

// A translated sentence with %1..%9 placeholders, split once into literal pieces and argument
// slots, so filling it a million times costs appends instead of QString::arg()'s scans.

#include <QString>
#include <QStringView>

#include <initializer_list>
#include <vector>

namespace md {

class ReasonTemplate
{
public:
    ReasonTemplate() = default;
    explicit ReasonTemplate(const QString &text);

    // Appends the sentence with `args` in its slots to `out`.
    void appendTo(QString &out, std::initializer_list<QStringView> args = {}) const;
    QString fill(std::initializer_list<QStringView> args = {}) const
    {
        QString out;
        appendTo(out, args);
        return out;
    }

private:
    struct Piece
    {
        QString literal;
        int argument = -1; // 0-based slot after the literal; -1: none
    };
    std::vector<Piece> m_pieces;
};

} // namespace md
