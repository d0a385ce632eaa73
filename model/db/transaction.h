#pragma once

// RAII transaction guard: begins on begin(), rolls back in the destructor unless commit() was
// called, so an early return or an error can never leave half of a change behind.

#include "core/result.h"
#include "dialect.h"

#include <QSqlDatabase>

namespace md {

class Transaction
{
public:
    Transaction(QSqlDatabase db, const Dialect &dialect);
    ~Transaction();

    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // SQLite takes the write lock at once (BEGIN IMMEDIATE), so two writers queue on the busy
    // timeout instead of failing halfway through with "database is locked".
    Status begin();
    Status commit();
    void rollback();
    bool isActive() const { return m_active; }

private:
    QSqlDatabase m_db;
    Dialect m_dialect;
    bool m_active = false;
};

} // namespace md
