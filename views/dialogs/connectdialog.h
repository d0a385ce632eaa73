#pragma once

// Asks for a PostgreSQL server, database, user and password, and whether the password may be kept
// in the system keyring. It only gathers the details: the window connects and reports.

#include "db/databasespec.h"

#include <QDialog>

#include <memory>

namespace md {

namespace Ui {
class ConnectDialog;
}

class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectDialog(QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // Fills the fields from a server used before (the password stays empty unless given).
    void setSpec(const DatabaseSpec &spec);
    DatabaseSpec spec() const;
    bool rememberPassword() const;

    void accept() override;

private:
    std::unique_ptr<Ui::ConnectDialog> m_ui;
};

} // namespace md
