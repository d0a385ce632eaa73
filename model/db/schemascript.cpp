#include "schemascript.h"

#include "dialect.h"

namespace md {

QStringList schemaStatements(const Dialect &dialect, const char *script)
{
    QStringList statements;
    const QString all = dialect.ddl(QString::fromUtf8(script));
    for (const QString &statement : all.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString trimmed = statement.trimmed();
        if (!trimmed.isEmpty())
            statements << trimmed;
    }
    return statements;
}

} // namespace md
