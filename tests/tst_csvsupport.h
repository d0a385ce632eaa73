#pragma once

// Shared by the CSV test suites: a digest of everything a database holds (equal digests: the
// database was not changed), a small shop full of awkward values for round trips, and the
// sample files under tests/data/csv.

#include "db/database.h"

#include <QByteArray>
#include <QString>

namespace md::test {

// Every row of every table, sorted, hashed: ids, timestamps and all.
QString databaseDigest(const Database &db);
// Row counts per table as "table=count" lines, for messages.
QString tableCounts(const Database &db);
// Plans, features, customers, products, orders, lines, events, subscriptions, ledger, tiers and
// suppressions with formula-like, quoted, multi-line and non-ASCII text.
Status fillAwkwardShop(const Database &db);
// A file under tests/data/csv.
QString csvDataFile(const QString &name);
// Writes `bytes` to `path`; false when it cannot.
bool writeFile(const QString &path, const QByteArray &bytes);
QByteArray readFile(const QString &path);

} // namespace md::test
