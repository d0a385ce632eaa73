#pragma once

// "import ENTITY FILE": reads a CSV file into one entity (products, customers, ...) through
// CsvImporter, printing the summary on stdout. All or nothing unless --rejects is given.
// "import baskets FILE" reads a basket file for cross-sell instead (BasketImporter).

#include "command.h"

#include <QCoreApplication>

namespace md {

class ImportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::ImportCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    QString positionalSyntax() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;

private:
    int importBaskets(const QCommandLineParser &arguments, const QString &path,
                      const DatabaseOpener &database, Console &console);
};

} // namespace md
