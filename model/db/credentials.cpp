#include "credentials.h"

#include "core/secretstore.h"

#include <QCoreApplication>

namespace md {

QString resolvePassword(DatabaseSpec &spec)
{
    if (!spec.isPostgres() || !spec.password.isEmpty())
        return {};
    const QString fromEnvironment = qEnvironmentVariable("MERCHANTDESK_DB_PASSWORD");
    if (!fromEnvironment.isEmpty()) {
        spec.password = fromEnvironment;
        return {};
    }
    auto stored = SecretStore::read(spec.secretKey());
    if (!stored) {
        return QCoreApplication::translate("md::Credentials",
                                           "%1. Set MERCHANTDESK_DB_PASSWORD to give the "
                                           "PostgreSQL password without a keyring.")
            .arg(stored.error());
    }
    spec.password = *stored;
    return {};
}

} // namespace md
