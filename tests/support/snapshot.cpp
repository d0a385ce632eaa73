#include "snapshot.h"

#include "testdb.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>

namespace md::test {

QStringList folderSnapshot(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QByteArray hash = "unreadable";
        if (file.open(QIODevice::ReadOnly))
            hash = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
        const QFileInfo info(path);
        files << QStringLiteral("%1 %2 %3 %4")
                     .arg(info.fileName())
                     .arg(info.size())
                     .arg(QString::fromLatin1(hash))
                     .arg(info.lastModified().toMSecsSinceEpoch());
    }
    files.sort();
    return files;
}

QStringList postgresSnapshot(const DatabaseSpec &spec, const QStringList &extraQueries)
{
    QStringList rows;
    const QString name = QStringLiteral("md_test_snapshot");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(spec.host);
        db.setPort(spec.port);
        db.setDatabaseName(spec.database);
        db.setUserName(spec.user);
        db.setPassword(spec.password);
        if (!db.open()) {
            rows << QStringLiteral("cannot connect: ") + db.lastError().text();
        } else {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT table_name FROM information_schema.tables "
                                      "WHERE table_schema = current_schema() ORDER BY 1"));
            while (query.next())
                rows << QStringLiteral("table ") + query.value(0).toString();
            if (query.exec(QStringLiteral("SELECT version, name, applied_at "
                                          "FROM schema_migrations ORDER BY version"))) {
                while (query.next()) {
                    rows << QStringLiteral("migration %1 %2 %3")
                                .arg(query.value(0).toString(), query.value(1).toString(),
                                     query.value(2).toString());
                }
            }
            for (const QString &statement : extraQueries) {
                if (!query.exec(statement))
                    continue; // the table may not exist: the table list above says so
                while (query.next()) {
                    QStringList values;
                    for (int i = 0; i < query.record().count(); ++i)
                        values << query.value(i).toString();
                    rows << statement + QLatin1String(": ") + values.join(QLatin1Char(' '));
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QStringList snapshot(const ScratchDatabase &scratch, const QStringList &extraQueries)
{
    if (scratch.spec().isPostgres())
        return postgresSnapshot(scratch.spec(), extraQueries);
    return folderSnapshot(QFileInfo(scratch.spec().path).absolutePath());
}

int closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 9; // discard: not served on a test machine
    const int port = server.serverPort();
    server.close();
    return port;
}

} // namespace md::test
