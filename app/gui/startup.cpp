#include "startup.h"

#include "mainwindow.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

#include <cstdio>

namespace md {

Result<DatabaseSpec> Startup::chooseDatabase(const QString &dbOption)
{
    if (!dbOption.isNull())
        return DatabaseSpec::parse(dbOption);
    return DatabaseSpec::fromEnvironmentOrDefault();
}

void Startup::printError(const QString &message)
{
    std::fprintf(stderr, "merchantdesk: %s\n", qPrintable(message));
    std::fflush(stderr);
}

bool Startup::openFirstDatabase(MainWindow &window, const Result<DatabaseSpec> &spec)
{
    Status status = spec ? window.openDatabase(*spec) : Status(fail(spec.error()));
    while (!status) {
        printError(status.error());

        QMessageBox box(QMessageBox::Critical, tr("MerchantDesk"),
                        tr("The shop database could not be opened."));
        box.setInformativeText(status.error());
        QPushButton *open = box.addButton(tr("Open Another Database…"), QMessageBox::AcceptRole);
        QPushButton *create = box.addButton(tr("Create a New Database…"), QMessageBox::AcceptRole);
        QPushButton *connect = box.addButton(tr("Connect to PostgreSQL…"), QMessageBox::AcceptRole);
        QPushButton *quit = box.addButton(tr("Quit"), QMessageBox::RejectRole);
        box.setDefaultButton(open);
        box.setEscapeButton(quit);
        box.exec();

        std::optional<Status> next;
        if (box.clickedButton() == open)
            next = window.chooseAndOpen(MainWindow::Choice::OpenSqlite);
        else if (box.clickedButton() == create)
            next = window.chooseAndOpen(MainWindow::Choice::NewSqlite);
        else if (box.clickedButton() == connect)
            next = window.chooseAndOpen(MainWindow::Choice::ConnectPostgres);
        else
            return false;
        if (next) // a cancelled file dialog shows the same question again
            status = *next;
    }
    return true;
}

} // namespace md
