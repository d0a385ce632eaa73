#include "importfilepage.h"
#include "common/tone.h"

#include "csvtransfer.h"
#include "importjob.h"

#include "core/appsettings.h"
#include "io/entitycatalog.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace md {

ImportFilePage::ImportFilePage(ImportJob &job, QWidget *parent)
    : ImportPage(job, parent)
{
    setObjectName(QStringLiteral("filePage"));
    setTitle(tr("Choose the file"));
    setSubTitle(tr("MerchantDesk reads CSV files: its own exports, spreadsheets saved as "
                   "CSV, and product exports from Shopify and WooCommerce."));

    m_entity = new QComboBox(this);
    m_entity->setObjectName(QStringLiteral("entityCombo"));
    for (const EntityDescriptor &entity : EntityCatalog::all())
        m_entity->addItem(CsvTransfer::entityTitle(entity.name), entity.name);

    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("fileEdit"));
    m_file->setPlaceholderText(tr("The CSV file to import"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    connect(browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    m_fileError = noteLabel(QString(), this);
    m_fileError->setObjectName(QStringLiteral("fileError"));
    tone::apply(m_fileError, tone::Tone::Error);
    m_fileError->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    m_columns = noteLabel(QString(), this);
    m_columns->setObjectName(QStringLiteral("entityColumns"));
    describeEntity();

    auto *form = new QFormLayout;
    form->addRow(tr("&Import into:"), m_entity);
    form->addRow(fileLabel, fileRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_columns);
    layout->addWidget(m_fileError);
    layout->addStretch(1);

    connect(m_entity, &QComboBox::currentIndexChanged, this, [this] {
        describeEntity();
        m_fileError->clear();
    });
    connect(m_file, &QLineEdit::textChanged, this, [this] {
        m_fileError->clear();
        changed();
    });
}

bool ImportFilePage::selectEntity(const QString &name)
{
    const int index = m_entity->findData(name);
    if (index < 0)
        return false;
    m_entity->setCurrentIndex(index);
    return true;
}

QString ImportFilePage::entity() const
{
    return m_entity->currentData().toString();
}

const EntityDescriptor *ImportFilePage::chosenEntity() const
{
    return EntityCatalog::find(entity());
}

void ImportFilePage::setFilePath(const QString &path)
{
    m_file->setText(QDir::toNativeSeparators(path));
}

void ImportFilePage::describeEntity()
{
    const EntityDescriptor *entity = chosenEntity();
    if (!entity)
        return;
    QStringList required;
    QStringList optional;
    for (const FieldDescriptor &field : entity->fields)
        (field.empty == FieldDescriptor::Empty::Required ? required : optional) << field.name;
    QString text
        = tr("The file's first row names its columns. A file of %1 needs the "
             "columns <b>%2</b>.")
              .arg(CsvTransfer::entityTitle(entity->name), required.join(QStringLiteral(", ")));
    if (!optional.isEmpty())
        text += QLatin1Char(' ')
                + tr("It may also have %1.").arg(optional.join(QStringLiteral(", ")));
    if (entity->name == QLatin1String("products"))
        text += QLatin1Char(' ')
                + tr("Shopify and WooCommerce product exports are read as they are.");
    text += QStringLiteral("<br>")
            + tr("Columns with other names can be matched to these on the next page.");
    m_columns->setText(text);
}

void ImportFilePage::browse()
{
    QString folder = AppSettings::lastTransferFolder();
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Choose the File to Import"), folder, fileFilter());
    if (path.isEmpty())
        return;
    AppSettings::setLastTransferFolder(QFileInfo(path).absolutePath());
    setFilePath(path);
}

bool ImportFilePage::isComplete() const
{
    return QFileInfo(m_file->text().trimmed()).isFile();
}

bool ImportFilePage::validatePage()
{
    const EntityDescriptor *entity = chosenEntity();
    if (!entity)
        return false;
    auto opened = CsvImporter::open(QDir::fromNativeSeparators(m_file->text().trimmed()), *entity);
    if (!opened) {
        m_fileError->setText(tr("This file cannot be imported: %1").arg(opened.error()));
        return false;
    }
    m_fileError->clear();
    m_job.open(*opened);
    return true;
}

} // namespace md
