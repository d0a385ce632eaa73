#include "formulaguard.h"

namespace md {

bool FormulaGuard::needsGuard(QStringView text)
{
    if (text.isEmpty())
        return false;
    const char16_t first = text.front().unicode();
    if (isTrigger(first))
        return true;
    // "'=x" must come back as "'=x", not "=x": guard the quote as well.
    return first == u'\'' && text.size() > 1
           && (isTrigger(text[1].unicode()) || text[1] == QLatin1Char('\''));
}

bool FormulaGuard::needsGuard(QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return false;
    if (isTrigger(char16_t(utf8[0])))
        return true;
    return utf8[0] == '\'' && utf8.size() > 1 && (isTrigger(char16_t(utf8[1])) || utf8[1] == '\'');
}

QString FormulaGuard::neutralise(const QString &text)
{
    return needsGuard(text) ? QLatin1Char('\'') + text : text;
}

QByteArrayView FormulaGuard::restore(QByteArrayView utf8)
{
    if (utf8.size() > 1 && utf8[0] == '\'' && (isTrigger(char16_t(utf8[1])) || utf8[1] == '\''))
        return utf8.sliced(1);
    return utf8;
}

QString FormulaGuard::restore(const QString &text)
{
    if (text.size() > 1 && text[0] == QLatin1Char('\'')
        && (isTrigger(text[1].unicode()) || text[1] == QLatin1Char('\''))) {
        return text.mid(1);
    }
    return text;
}

} // namespace md
