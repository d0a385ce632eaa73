#include "reasontemplate.h"

namespace md {

ReasonTemplate::ReasonTemplate(const QString &text)
{
    Piece piece;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1) >= QLatin1Char('1')
            && text.at(i + 1) <= QLatin1Char('9')) {
            piece.argument = text.at(i + 1).unicode() - u'1';
            m_pieces.push_back(std::move(piece));
            piece = Piece();
            ++i;
        } else {
            piece.literal += c;
        }
    }
    if (!piece.literal.isEmpty() || m_pieces.empty())
        m_pieces.push_back(std::move(piece));
}

void ReasonTemplate::appendTo(QString &out, std::initializer_list<QStringView> args) const
{
    for (const Piece &piece : m_pieces) {
        out += piece.literal;
        if (piece.argument >= 0 && size_t(piece.argument) < args.size())
            out += *(args.begin() + piece.argument);
    }
}

} // namespace md
