#pragma once

// Spreadsheet formula injection guard. Export puts a "'" in front of a text cell a spreadsheet
// would run as a formula (=, +, -, @, tab, CR, LF first) and in front of a cell that already
// starts with "'" and one of those characters or another "'"; import drops exactly one leading
// "'" followed by one of them. restore(neutralise(x)) == x for every text x.

#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace md {

class FormulaGuard
{
public:
    static bool needsGuard(QStringView text);
    static bool needsGuard(QByteArrayView utf8);
    static QString neutralise(const QString &text);
    static QByteArrayView restore(QByteArrayView utf8);
    static QString restore(const QString &text);

    static bool isTrigger(char16_t c)
    {
        return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r'
               || c == u'\n';
    }
};

} // namespace md
