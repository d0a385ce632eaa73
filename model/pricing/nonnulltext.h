#pragma once

// QtSql binds a null QString as SQL NULL; columns declared NOT NULL DEFAULT '' want "" instead.

#include <QString>
#include <QVariant>

namespace md {

inline QVariant nonNullText(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

} // namespace md
