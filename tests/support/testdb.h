#pragma once

// Test support: which backend this run tests (MERCHANTDESK_TEST_BACKEND) and a scratch database
// per test: a file in a temporary folder, or a PostgreSQL database created for the test and
// dropped afterwards, so tests can run in parallel against one server.

#include "db/database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace md::test {

Backend backend();
QString backendName();

class ScratchDatabase
{
public:
    ScratchDatabase();
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    // False (with error()) when the backend cannot be reached; tests QVERIFY2 on it.
    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    const DatabaseSpec &spec() const { return m_spec; }
    // What --db takes: the SQLite path or the full URL with password.
    QString location() const { return m_spec.toString(true); }

    Result<Database> open(Database::Options options = {}) const;

private:
    DatabaseSpec m_spec;
    QString m_error;
    std::unique_ptr<QTemporaryDir> m_dir;
    DatabaseSpec m_admin; // PostgreSQL: the server connection that creates and drops
};

} // namespace md::test

// For QVERIFY2 on Status/Result values: QVERIFY2(ok(x), msg(x)).
#define MD_VERIFY(expr)                                                                            \
    do {                                                                                           \
        const auto &md_result_ = (expr);                                                           \
        QVERIFY2(md_result_.ok(), qPrintable(md_result_.error()));                                 \
    } while (false)
