#include "preferencesdialog.h"

#include "core/appsettings.h"
#include "ui_preferencesdialog.h"

namespace md {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    m_ui->languageCombo->addItem(tr("System default"), QString());
    // Each language under its own name, so a user who cannot read the current one finds theirs.
    for (const auto &[code, name] : AppSettings::availableLanguages())
        m_ui->languageCombo->addItem(name, code);
    const int current = m_ui->languageCombo->findData(AppSettings::language());
    m_ui->languageCombo->setCurrentIndex(current >= 0 ? current : 0);
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::accept()
{
    AppSettings::setLanguage(m_ui->languageCombo->currentData().toString());
    QDialog::accept();
}

} // namespace md
