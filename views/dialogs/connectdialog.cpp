#include "connectdialog.h"
#include "common/tone.h"

#include "ui_connectdialog.h"

#include <QPushButton>

namespace md {

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    m_ui->introLabel->setText(tr("Open a shop database on a PostgreSQL server, shared by your "
                                 "team. Ask whoever runs the server for these details."));
    m_ui->keyringNote->setText(tr("The password is never written to MerchantDesk's settings. "
                                  "Without a keyring, set the environment variable "
                                  "MERCHANTDESK_DB_PASSWORD instead."));
    m_ui->hostEdit->setText(QStringLiteral("localhost"));
    // libpq's own names are what a server administrator will tell the user.
    m_ui->sslCombo->addItem(tr("Default (use it when the server offers it)"), QString());
    m_ui->sslCombo->addItem(tr("disable: never"), QStringLiteral("disable"));
    m_ui->sslCombo->addItem(tr("prefer: when available"), QStringLiteral("prefer"));
    m_ui->sslCombo->addItem(tr("require: always"), QStringLiteral("require"));
    m_ui->sslCombo->addItem(tr("verify-ca: always, check the certificate"),
                            QStringLiteral("verify-ca"));
    m_ui->sslCombo->addItem(tr("verify-full: always, check certificate and host name"),
                            QStringLiteral("verify-full"));
    m_ui->errorLabel->hide();
    tone::apply(m_ui->errorLabel, tone::Tone::Error);
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::setSpec(const DatabaseSpec &spec)
{
    m_ui->hostEdit->setText(spec.host);
    m_ui->portSpin->setValue(spec.port);
    m_ui->databaseEdit->setText(spec.database);
    m_ui->userEdit->setText(spec.user);
    m_ui->passwordEdit->setText(spec.password);
    const int ssl = m_ui->sslCombo->findData(spec.sslMode);
    m_ui->sslCombo->setCurrentIndex(ssl >= 0 ? ssl : 0);
}

DatabaseSpec ConnectDialog::spec() const
{
    DatabaseSpec spec;
    spec.backend = Backend::Postgres;
    spec.host = m_ui->hostEdit->text().trimmed();
    spec.port = m_ui->portSpin->value();
    spec.database = m_ui->databaseEdit->text().trimmed();
    spec.user = m_ui->userEdit->text().trimmed();
    spec.password = m_ui->passwordEdit->text();
    spec.sslMode = m_ui->sslCombo->currentData().toString();
    return spec;
}

bool ConnectDialog::rememberPassword() const
{
    return m_ui->rememberCheck->isChecked() && !m_ui->passwordEdit->text().isEmpty();
}

void ConnectDialog::accept()
{
    const auto missing = [this](QLineEdit *edit, const QString &what) {
        if (!edit->text().trimmed().isEmpty())
            return false;
        m_ui->errorLabel->setText(what);
        m_ui->errorLabel->show();
        edit->setFocus();
        return true;
    };
    if (missing(m_ui->hostEdit, tr("Enter the server's name or address."))
        || missing(m_ui->databaseEdit, tr("Enter the name of the database on the server."))
        || missing(m_ui->userEdit, tr("Enter the user name for the server."))) {
        return;
    }
    if (m_ui->rememberCheck->isChecked() && m_ui->passwordEdit->text().isEmpty()) {
        m_ui->errorLabel->setText(tr("Enter the password to remember, or untick "
                                     "\"Remember the password\"."));
        m_ui->errorLabel->show();
        m_ui->passwordEdit->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace md
