#include "transaction.h"

#include "sql.h"

#include <QCoreApplication>
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
    if (!query.exec(m_dialect.beginTransaction())) {
        return fail(QCoreApplication::translate("md::Transaction", "Cannot start a transaction: %1")
                        .arg(sql::errorText(query)));
    }
    m_active = true;
    return {};
}

Status Transaction::commit()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const QString error = sql::errorText(query);
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
