#include "transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace md {

Transaction::Transaction(QSqlDatabase db, const Dialect &dialect)
    : m_db(std::move(db))
    , m_dialect(dialect)
{}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Status Transaction::begin()
{
    QSqlQuery query(m_db);
    const QString sql
        = m_dialect.isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    if (!query.exec(sql)) {
        return fail(QCoreApplication::translate("md::Transaction", "Cannot start a transaction: %1")
                        .arg(query.lastError().text().trimmed()));
    }
    m_active = true;
    return {};
}

Status Transaction::commit()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const QString error = query.lastError().text().trimmed();
        rollback();
        return fail(QCoreApplication::translate("md::Transaction", "Cannot commit: %1").arg(error));
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace md
