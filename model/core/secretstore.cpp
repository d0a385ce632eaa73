#include "secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace md {

namespace {

// Runs a keychain job to its end and returns its error, if any.
QString runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() == QKeychain::NoError)
        return {};
    return job.errorString();
}

} // namespace

QString SecretStore::serviceName()
{
    return QStringLiteral("MerchantDesk");
}

Result<QString> SecretStore::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(serviceName());
    job.setKey(key);
    const QString error = runJob(job);
    if (job.error() == QKeychain::EntryNotFound)
        return QString();
    if (!error.isEmpty())
        return fail(tr("The system keyring is not available: %1").arg(error));
    return job.textData();
}

Status SecretStore::write(const QString &key, const QString &secret)
{
    QKeychain::WritePasswordJob job(serviceName());
    job.setKey(key);
    job.setTextData(secret);
    const QString error = runJob(job);
    if (!error.isEmpty())
        return fail(tr("Cannot store the password in the system keyring: %1").arg(error));
    return {};
}

Status SecretStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(serviceName());
    job.setKey(key);
    const QString error = runJob(job);
    if (!error.isEmpty() && job.error() != QKeychain::EntryNotFound)
        return fail(tr("Cannot remove the password from the system keyring: %1").arg(error));
    return {};
}

} // namespace md
