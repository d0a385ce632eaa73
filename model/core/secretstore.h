#pragma once

// Secrets (database and mail passwords, API tokens) live in the system keyring through QtKeychain,
// never in plaintext settings. Where no keyring runs (a server, cron), an environment variable is
// the fallback and the error message says which one.

#include "result.h"
#include <QCoreApplication>

#include <QString>

namespace md {

class SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(md::SecretStore)

public:
    // Blocks on a local event loop until the keyring answers (it is usually instant).
    static Result<QString> read(const QString &key);
    static Status write(const QString &key, const QString &secret);
    static Status remove(const QString &key);

    static QString serviceName();
};

} // namespace md
