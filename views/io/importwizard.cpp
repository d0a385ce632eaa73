#include "importwizard.h"

#include "csvtransfer.h"
#include "importfilepage.h"
#include "importoptionspage.h"
#include "importreadpage.h"
#include "importrunpage.h"
#include "importsummarypage.h"

#include "io/entitycatalog.h"

namespace md {

static_assert(ImportWizard::kPreviewRows == ImportReadPage::kPreviewRows);

ImportWizard::ImportWizard(const DatabaseSpec &database, const QString &entity, QWidget *parent)
    : QWizard(parent)
    , m_job(database)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setButtonText(QWizard::CommitButton, tr("&Import"));

    m_filePage = new ImportFilePage(m_job, this);
    m_readPage = new ImportReadPage(m_job, this);
    m_optionsPage = new ImportOptionsPage(m_job, this);
    m_runPage = new ImportRunPage(m_job, this);
    m_summaryPage = new ImportSummaryPage(m_job, this);
    setPage(FilePage, m_filePage);
    setPage(ReadPage, m_readPage);
    setPage(OptionsPage, m_optionsPage);
    setPage(RunPage, m_runPage);
    setPage(SummaryPage, m_summaryPage);
    connect(m_runPage, &ImportRunPage::finished, this, &ImportWizard::runFinished);
    // The title names what is imported once it is known: preselected, or the file opened.
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == ReadPage && m_job.importer) {
            setWindowTitle(
                tr("Import %1").arg(CsvTransfer::entityTitle(m_job.importer->entity().name)));
        }
    });

    if (const EntityDescriptor *preset = EntityCatalog::find(entity)) {
        m_filePage->selectEntity(preset->name);
        setWindowTitle(tr("Import %1").arg(CsvTransfer::entityTitle(preset->name)));
    }
    resize(1060, 680);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::setFilePath(const QString &path)
{
    m_filePage->setFilePath(path);
}

QString ImportWizard::selectedEntity() const
{
    return m_filePage->entity();
}

ImportPreviewModel *ImportWizard::previewModel() const
{
    return m_readPage->previewModel();
}

void ImportWizard::runFinished()
{
    if (dataWritten())
        emit imported(m_job.importer->entity().name);
    next();
}

void ImportWizard::reject()
{
    if (m_runPage->isRunning()) {
        // Closing the window mid-import cancels it; the summary then says nothing was written.
        m_runPage->cancel();
        return;
    }
    m_optionsPage->stopValidation();
    QWizard::reject();
}

} // namespace md
