#include "importoptionspage.h"
#include "common/tone.h"

#include "csvtransfer.h"
#include "importjob.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace md {

ImportOptionsPage::ImportOptionsPage(ImportJob &job, QWidget *parent)
    : ImportPage(job, parent)
    , m_validation(new Task<ImportSummary>(job.database, this))
{
    setObjectName(QStringLiteral("optionsPage"));
    setTitle(tr("Choose how to import"));
    setSubTitle(tr("Validate checks the whole file without changing anything. Import "
                   "writes everything or, if any row has a problem, nothing."));
    setCommitPage(true);

    auto *modes = new QGroupBox(tr("Rows whose key is already stored"), this);
    m_mode = new QButtonGroup(this);
    const QList<QPair<ImportMode, QString>> choices = {
        {ImportMode::Upsert, tr("&Update them with the file's values and add the new rows")},
        {ImportMode::Insert, tr("&Keep them as they are; only add the new rows")},
        {ImportMode::Replace, tr("&Replace everything: afterwards only the file's rows are "
                                 "stored, all others are deleted")},
    };
    auto *modeLayout = new QVBoxLayout(modes);
    for (const auto &[mode, text] : choices) {
        auto *button = new QRadioButton(text, modes);
        button->setObjectName(QStringLiteral("mode_") + keyOf(mode));
        m_mode->addButton(button, int(mode));
        modeLayout->addWidget(button);
    }
    m_mode->button(int(ImportMode::Upsert))->setChecked(true);

    m_useRejects
        = new QCheckBox(tr("Import the valid rows and write the &rejected ones to:"), this);
    m_useRejects->setObjectName(QStringLiteral("rejectsCheck"));
    m_rejects = new QLineEdit(this);
    m_rejects->setObjectName(QStringLiteral("rejectsEdit"));
    m_rejects->setEnabled(false);
    auto *browse = new QPushButton(tr("Bro&wse…"), this);
    browse->setEnabled(false);
    auto *rejectsRow = new QHBoxLayout;
    rejectsRow->addWidget(m_rejects, 1);
    rejectsRow->addWidget(browse);

    m_validate = new QPushButton(tr("&Validate"), this);
    m_validate->setObjectName(QStringLiteral("validateButton"));
    m_validateProgress = new QProgressBar(this);
    m_validateProgress->setObjectName(QStringLiteral("validateProgress"));
    m_validateProgress->setRange(0, 100);
    m_validateProgress->hide();
    m_validateStatus = noteLabel(QString(), this);
    m_validateStatus->setObjectName(QStringLiteral("validateStatus"));
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("problemList"));
    m_problems->setAlternatingRowColors(true);
    auto *validateRow = new QHBoxLayout;
    validateRow->addWidget(m_validate);
    validateRow->addWidget(m_validateProgress, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(modes);
    layout->addWidget(m_useRejects);
    layout->addLayout(rejectsRow);
    layout->addSpacing(8);
    layout->addLayout(validateRow);
    layout->addWidget(m_validateStatus);
    layout->addWidget(m_problems, 1);

    connect(m_useRejects, &QCheckBox::toggled, this, [this, browse](bool on) {
        m_rejects->setEnabled(on);
        browse->setEnabled(on);
        if (on && m_rejects->text().isEmpty() && m_job.importer) {
            const QFileInfo source(m_job.importer->path());
            m_rejects->setText(QDir::toNativeSeparators(source.absoluteDir().filePath(
                source.completeBaseName() + QStringLiteral("-rejected.csv"))));
        }
        changed();
    });
    connect(m_rejects, &QLineEdit::textChanged, this, &ImportOptionsPage::changed);
    connect(browse, &QPushButton::clicked, this, &ImportOptionsPage::browseRejects);
    connect(m_validate, &QPushButton::clicked, this, &ImportOptionsPage::validate);
    connect(m_validation, &TaskBase::progress, m_validateProgress, &QProgressBar::setValue);
    connect(m_validation, &TaskBase::finished, this, &ImportOptionsPage::validationFinished);
}

void ImportOptionsPage::initializePage()
{
    const EntityDescriptor &entity = m_job.importer->entity();
    // The modes the entity takes: inventory only updates, the ledger is never replaced.
    m_mode->button(int(ImportMode::Insert))
        ->setEnabled(entity.kind != EntityDescriptor::Kind::UpdateOnly);
    m_mode->button(int(ImportMode::Replace))
        ->setEnabled(entity.kind != EntityDescriptor::Kind::UpdateOnly && !entity.appendOnly);
    if (!m_mode->checkedButton()->isEnabled())
        m_mode->button(int(ImportMode::Upsert))->setChecked(true);
    m_problems->clear();
    m_validateStatus->clear();
    tone::apply(m_validateStatus, tone::Tone::Normal);
}

void ImportOptionsPage::cleanupPage()
{
    // Back to the read page: the mapping may change, so this check would answer for another.
    stopValidation();
    QWizardPage::cleanupPage();
}

bool ImportOptionsPage::isComplete() const
{
    return !m_validation->isRunning()
           && (!m_useRejects->isChecked() || !m_rejects->text().trimmed().isEmpty());
}

bool ImportOptionsPage::validatePage()
{
    if (!confirmReplace())
        return false;
    m_job.options = chosenOptions();
    return true;
}

void ImportOptionsPage::stopValidation()
{
    if (!m_validation->isRunning())
        return;
    m_validation->cancel();
    m_validateStatus->setText(tr("Stopping…"));
}

void ImportOptionsPage::browseRejects()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("File for the Rejected Rows"),
                                       QDir::fromNativeSeparators(m_rejects->text()), fileFilter());
    if (!path.isEmpty())
        m_rejects->setText(QDir::toNativeSeparators(path));
}

ImportOptions ImportOptionsPage::chosenOptions() const
{
    ImportOptions options;
    options.mode = ImportMode(m_mode->checkedId());
    if (m_useRejects->isChecked())
        options.rejectsPath = QDir::fromNativeSeparators(m_rejects->text().trimmed());
    return options;
}

void ImportOptionsPage::validate()
{
    if (m_validation->isRunning()) {
        stopValidation();
        return;
    }
    ImportOptions dryRun = chosenOptions();
    dryRun.dryRun = true;
    dryRun.rejectsPath.clear(); // a dry run lists the problems; it writes no file
    m_problems->clear();
    tone::apply(m_validateStatus, tone::Tone::Normal);
    m_validateStatus->setText(tr("Checking the whole file…"));
    m_validateProgress->setValue(0);
    m_validateProgress->show();
    m_validate->setText(tr("&Stop"));
    m_validation->start(ImportJob::work(*m_job.importer, dryRun));
    changed();
}

void ImportOptionsPage::validationFinished()
{
    m_validate->setText(tr("&Validate"));
    m_validateProgress->hide();
    changed();
    const Result<ImportSummary> &result = *m_validation->result();
    if (!result) {
        tone::apply(m_validateStatus, tone::Tone::Error);
        m_validateStatus->setText(
            m_validation->wasCancelled()
                ? tr("Validation stopped; nothing was changed.")
                : tr("The file could not be checked: %1").arg(result.error()));
        return;
    }
    const ImportSummary &summary = *result;
    for (const QString &problem : summary.problems)
        m_problems->addItem(problem);
    if (summary.problemCount > summary.problems.size()) {
        m_problems->addItem(tr("… and %n more problem(s)", nullptr,
                               int(summary.problemCount - summary.problems.size())));
    }
    if (summary.problemCount > 0) {
        tone::apply(m_validateStatus, tone::Tone::Error);
        m_validateStatus->setText(
            m_useRejects->isChecked()
                ? tr("%n row problem(s) found (line:column: reason). These rows would be written "
                     "to the rejects file; the others imported.",
                     nullptr, int(summary.problemCount))
                : tr("%n problem(s) found (line:column: reason). As it is, the import would "
                     "write nothing: fix the file, or import the valid rows and write the "
                     "rejected ones to a file.",
                     nullptr, int(summary.problemCount)));
        return;
    }
    QString text
        = tr("No problems found in %n row(s).", nullptr, int(summary.rows)) + QLatin1Char(' ')
          + tr("The import would add %1, update %2 and leave %3 unchanged.")
                .arg(QLocale().toString(summary.inserted), QLocale().toString(summary.updated),
                     QLocale().toString(summary.unchanged + summary.kept));
    if (summary.deleted > 0)
        text += QLatin1Char(' ')
                + tr("It would delete %n stored row(s).", nullptr, int(summary.deleted));
    m_validateStatus->setText(text);
}

bool ImportOptionsPage::confirmReplace()
{
    if (m_mode->checkedId() != int(ImportMode::Replace))
        return true;
    const QString title = CsvTransfer::entityTitle(m_job.importer->entity().name);
    QMessageBox box(QMessageBox::Warning, tr("Replace All %1?").arg(title),
                    tr("Replace all %1 with the rows of this file?").arg(title),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("replaceConfirmation"));
    box.setInformativeText(tr("Every stored row of %1 that is not in the file will be deleted. "
                              "Validate first to see how many.")
                               .arg(title));
    QPushButton *replace = box.addButton(tr("&Replace"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == replace;
}

} // namespace md
