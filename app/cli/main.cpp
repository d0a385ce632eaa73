#include "db/database.h"
#include <QCoreApplication>
#include <cstdio>
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    auto spec = md::DatabaseSpec::parse(QString::fromLocal8Bit(argv[1]));
    if (!spec) { fprintf(stderr, "%s\n", qPrintable(spec.error())); return 2; }
    auto db = md::Database::open(*spec);
    if (!db) { fprintf(stderr, "%s\n", qPrintable(db.error())); return 2; }
    auto counts = db->tableCounts();
    for (auto &[n, c] : *counts) printf("%s %lld\n", qPrintable(n), c);
}
