#include "importrunpage.h"

#include "importjob.h"

#include "core/appsettings.h"

#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace md {

ImportRunPage::ImportRunPage(ImportJob &job, QWidget *parent)
    : ImportPage(job, parent)
    , m_run(new Task<ImportSummary>(job.database, this))
{
    setObjectName(QStringLiteral("runPage"));
    setTitle(tr("Importing"));
    setSubTitle(tr("Cancel stops the import and undoes it: the database stays as it was."));
    m_runLabel = noteLabel(QString(), this);
    m_runLabel->setObjectName(QStringLiteral("runLabel"));
    m_runProgress = new QProgressBar(this);
    m_runProgress->setObjectName(QStringLiteral("runProgress"));
    m_runProgress->setRange(0, 100);
    m_cancelRun = new QPushButton(tr("&Cancel Import"), this);
    m_cancelRun->setObjectName(QStringLiteral("cancelImportButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_runLabel);
    layout->addWidget(m_runProgress);
    layout->addWidget(m_cancelRun, 0, Qt::AlignRight);
    layout->addStretch(2);

    connect(m_cancelRun, &QPushButton::clicked, this, &ImportRunPage::cancel);
    connect(m_run, &TaskBase::progress, this, [this](int percent, const QString &stage) {
        m_runProgress->setValue(percent);
        if (m_cancelRun->isEnabled())
            m_runLabel->setText(stage);
        emit progress(percent, stage);
    });
    connect(m_run, &TaskBase::finished, this, &ImportRunPage::runFinished);
}

bool ImportRunPage::isRunning() const
{
    return m_run->isRunning();
}

void ImportRunPage::cancel()
{
    if (!m_run->isRunning())
        return;
    m_run->cancel();
    m_cancelRun->setEnabled(false);
    m_runLabel->setText(tr("Cancelling: undoing what was written…"));
}

void ImportRunPage::initializePage()
{
    m_job.clearRun();
    AppSettings::setLastImportProfile(m_job.importer->entity().name, m_job.profile);
    m_runProgress->setValue(0);
    m_cancelRun->setEnabled(true);
    m_runLabel->setText(tr("Importing %1…").arg(QFileInfo(m_job.importer->path()).fileName()));
    m_run->start(ImportJob::work(*m_job.importer, m_job.options));
    changed();
}

bool ImportRunPage::isComplete() const
{
    return !m_run->isRunning();
}

void ImportRunPage::runFinished()
{
    m_job.finish(*m_run->result(), m_run->wasCancelled());
    m_cancelRun->setEnabled(false);
    changed();
    emit finished();
}

} // namespace md
