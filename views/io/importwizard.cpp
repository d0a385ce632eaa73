#include "importwizard.h"

#include "csvtransfer.h"
#include "importtask.h"

#include "core/appsettings.h"
#include "importpreviewmodel.h"
#include "io/csvreader.h"
#include "io/entitycatalog.h"
#include "io/importprofile.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <functional>

namespace md {

namespace {

// A wizard page whose completeness, validation and set-up the wizard decides.
class WizardStep : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;

    std::function<bool()> complete;
    std::function<bool()> validate;
    std::function<void()> initialize;

    bool isComplete() const override { return complete ? complete() : true; }
    bool validatePage() override { return validate ? validate() : true; }
    void initializePage() override
    {
        if (initialize)
            initialize();
    }
    void changed() { emit completeChanged(); }
};

WizardStep *step(QWizardPage *page)
{
    return static_cast<WizardStep *>(page);
}

QString fileFilter()
{
    return ImportWizard::tr("CSV files (*.csv *.txt *.tsv);;All files (*)");
}

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QString errorStyle()
{
    return QStringLiteral("color: #a40000;");
}

} // namespace

ImportWizard::ImportWizard(const DatabaseSpec &database, const QString &entity, QWidget *parent)
    : QWizard(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setButtonText(QWizard::CommitButton, tr("&Import"));
    setPage(FilePage, createFilePage());
    setPage(ReadPage, createReadPage());
    setPage(OptionsPage, createOptionsPage());
    setPage(RunPage, createRunPage());
    setPage(SummaryPage, createSummaryPage());
    if (const EntityDescriptor *preset = EntityCatalog::find(entity)) {
        m_entity->setCurrentIndex(m_entity->findData(preset->name));
        setWindowTitle(tr("Import %1").arg(CsvTransfer::entityTitle(preset->name)));
    }
    resize(1060, 680);
}

ImportWizard::~ImportWizard() = default;

// --- choose the file

QWizardPage *ImportWizard::createFilePage()
{
    auto *page = new WizardStep(this);
    page->setObjectName(QStringLiteral("filePage"));
    page->setTitle(tr("Choose the file"));
    page->setSubTitle(tr("MerchantDesk reads CSV files: its own exports, spreadsheets saved as "
                         "CSV, and product exports from Shopify and WooCommerce."));

    m_entity = new QComboBox(page);
    m_entity->setObjectName(QStringLiteral("entityCombo"));
    for (const EntityDescriptor &entity : EntityCatalog::all())
        m_entity->addItem(CsvTransfer::entityTitle(entity.name), entity.name);

    m_file = new QLineEdit(page);
    m_file->setObjectName(QStringLiteral("fileEdit"));
    m_file->setPlaceholderText(tr("The CSV file to import"));
    auto *browse = new QPushButton(tr("&Browse…"), page);
    browse->setObjectName(QStringLiteral("browseButton"));
    connect(browse, &QPushButton::clicked, this, &ImportWizard::browseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    m_fileError = noteLabel(QString(), page);
    m_fileError->setObjectName(QStringLiteral("fileError"));
    m_fileError->setStyleSheet(errorStyle());
    m_fileError->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *fileLabel = new QLabel(tr("&File:"), page);
    fileLabel->setBuddy(m_file);
    auto *columns = noteLabel(QString(), page);
    columns->setObjectName(QStringLiteral("entityColumns"));
    const auto describe = [this, columns] {
        const EntityDescriptor *entity = chosenEntity();
        if (!entity)
            return;
        QStringList required;
        QStringList optional;
        for (const FieldDescriptor &field : entity->fields) {
            (field.empty == FieldDescriptor::Empty::Required ? required : optional) << field.name;
        }
        QString text
            = tr("The file's first row names its columns. A file of %1 needs the "
                 "columns <b>%2</b>.")
                  .arg(CsvTransfer::entityTitle(entity->name), required.join(QStringLiteral(", ")));
        if (!optional.isEmpty())
            text += QLatin1Char(' ')
                    + tr("It may also have %1.").arg(optional.join(QStringLiteral(", ")));
        if (entity->name == QLatin1String("products"))
            text += QLatin1Char(' ')
                    + tr("Shopify and WooCommerce product exports are read "
                         "as they are.");
        text += QStringLiteral("<br>")
                + tr("Columns with other names can be matched to these "
                     "on the next page.");
        columns->setText(text);
    };
    describe();
    connect(m_entity, &QComboBox::currentIndexChanged, page, describe);

    auto *form = new QFormLayout;
    form->addRow(tr("&Import into:"), m_entity);
    form->addRow(fileLabel, fileRow);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(columns);
    layout->addWidget(m_fileError);
    layout->addStretch(1);

    page->complete = [this] {
        return QFileInfo(m_file->text().trimmed()).isFile();
    };
    page->validate = [this] {
        return openFile();
    };
    connect(m_file, &QLineEdit::textChanged, page, [this, page] {
        m_fileError->clear();
        page->changed();
    });
    connect(m_entity, &QComboBox::currentIndexChanged, page, [this] { m_fileError->clear(); });
    return page;
}

const EntityDescriptor *ImportWizard::chosenEntity() const
{
    return EntityCatalog::find(m_entity->currentData().toString());
}

void ImportWizard::setFilePath(const QString &path)
{
    m_file->setText(QDir::toNativeSeparators(path));
}

void ImportWizard::browseFile()
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

bool ImportWizard::openFile()
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
    m_importer = *opened;
    m_detected = *opened;
    m_summary.reset();
    m_runError.clear();
    setWindowTitle(tr("Import %1").arg(CsvTransfer::entityTitle(entity->name)));
    return true;
}

// --- how the file is read: format, text settings, profile, preview and mapping

QWizardPage *ImportWizard::createReadPage()
{
    auto *page = new WizardStep(this);
    page->setObjectName(QStringLiteral("readPage"));
    page->setTitle(tr("Check how the file is read"));
    page->setSubTitle(tr("MerchantDesk detected the settings below. If the preview looks wrong, "
                         "change them; choose which column of the file fills which field on the "
                         "right."));

    m_detectedLabel = noteLabel(QString(), page);
    m_detectedLabel->setObjectName(QStringLiteral("detectedLabel"));

    m_format = new QComboBox(page);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("MerchantDesk / spreadsheet columns"),
                      QVariant::fromValue(int(ImportFormat::Native)));
    m_format->addItem(tr("Shopify product export"),
                      QVariant::fromValue(int(ImportFormat::Shopify)));
    m_format->addItem(tr("WooCommerce product export"),
                      QVariant::fromValue(int(ImportFormat::WooCommerce)));

    m_delimiter = new QComboBox(page);
    m_delimiter->setObjectName(QStringLiteral("delimiterCombo"));
    m_delimiter->addItem(tr("Comma ( , )"), QVariant::fromValue(int(',')));
    m_delimiter->addItem(tr("Semicolon ( ; )"), QVariant::fromValue(int(';')));
    m_delimiter->addItem(tr("Tab"), QVariant::fromValue(int('\t')));
    m_delimiter->addItem(tr("Vertical bar ( | )"), QVariant::fromValue(int('|')));

    m_encoding = new QComboBox(page);
    m_encoding->setObjectName(QStringLiteral("encodingCombo"));
    m_encoding->addItem(tr("UTF-8 (Unicode)"), QVariant::fromValue(int(TextEncoding::Utf8)));
    m_encoding->addItem(tr("UTF-16 little-endian"),
                        QVariant::fromValue(int(TextEncoding::Utf16LE)));
    m_encoding->addItem(tr("UTF-16 big-endian"), QVariant::fromValue(int(TextEncoding::Utf16BE)));
    m_encoding->addItem(tr("Windows-1252 (Western European)"),
                        QVariant::fromValue(int(TextEncoding::Windows1252)));

    m_decimal = new QComboBox(page);
    m_decimal->setObjectName(QStringLiteral("decimalCombo"));
    m_decimal->addItem(tr("Point: 1,234.56"), QStringLiteral("."));
    m_decimal->addItem(tr("Comma: 1.234,56"), QStringLiteral(","));

    m_profile = new QComboBox(page);
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    m_profile->setMinimumContentsLength(16);
    auto *saveProfile = new QPushButton(tr("&Save as Profile…"), page);
    saveProfile->setObjectName(QStringLiteral("saveProfileButton"));
    saveProfile->setToolTip(tr("Remember these settings and columns under a name for the next "
                               "file of this kind"));
    m_deleteProfile = new QPushButton(tr("&Delete Profile"), page);
    m_deleteProfile->setObjectName(QStringLiteral("deleteProfileButton"));

    auto *settings = new QGridLayout;
    settings->addWidget(new QLabel(tr("F&ormat:"), page), 0, 0);
    settings->addWidget(m_format, 0, 1);
    settings->addWidget(new QLabel(tr("&Delimiter:"), page), 0, 2);
    settings->addWidget(m_delimiter, 0, 3);
    settings->addWidget(new QLabel(tr("&Encoding:"), page), 1, 0);
    settings->addWidget(m_encoding, 1, 1);
    settings->addWidget(new QLabel(tr("De&cimal symbol:"), page), 1, 2);
    settings->addWidget(m_decimal, 1, 3);
    settings->addWidget(new QLabel(tr("&Profile:"), page), 2, 0);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(saveProfile);
    profileRow->addWidget(m_deleteProfile);
    settings->addLayout(profileRow, 2, 1, 1, 3);
    settings->setColumnStretch(1, 1);
    settings->setColumnStretch(3, 1);
    const QList<QPair<int, QWidget *>> buddies
        = {{0, m_format}, {1, m_delimiter}, {2, m_encoding}, {3, m_decimal}, {4, m_profile}};
    for (const auto &[index, widget] : buddies) {
        const int row = index == 4 ? 2 : index / 2;
        const int column = index == 4 ? 0 : (index % 2) * 2;
        if (auto *label = qobject_cast<QLabel *>(settings->itemAtPosition(row, column)->widget()))
            label->setBuddy(widget);
    }

    m_previewModel = new ImportPreviewModel(this);
    m_preview = new QTableView(page);
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setModel(m_previewModel);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    m_preview->verticalHeader()->hide();
    m_preview->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_mapping = new QTableWidget(0, 2, page);
    m_mapping->setObjectName(QStringLiteral("mappingTable"));
    m_mapping->setHorizontalHeaderLabels({tr("Field"), tr("Column in the file")});
    m_mapping->verticalHeader()->hide();
    m_mapping->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_mapping->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_mapping->setSelectionMode(QAbstractItemView::NoSelection);
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->addWidget(m_preview);
    splitter->addWidget(m_mapping);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_readStatus = noteLabel(QString(), page);
    m_readStatus->setObjectName(QStringLiteral("readStatus"));
    m_readStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_detectedLabel);
    layout->addLayout(settings);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_readStatus);

    page->initialize = [this] {
        fillReadControls();
        fillProfiles();
        const QString last = AppSettings::lastImportProfile(m_importer->entity().name);
        const int index = last.isEmpty() ? -1 : m_profile->findData(last);
        if (index > 0) {
            m_profile->setCurrentIndex(index); // applies it
        } else {
            fillMappingTable();
            refreshPreview();
        }
    };
    page->complete = [this] {
        return m_importer && m_readError.isEmpty() && m_previewOk && mappingIsUsable();
    };
    for (QComboBox *combo : {m_delimiter, m_encoding, m_decimal}) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updating)
                settingsChanged();
        });
    }
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            formatChanged();
    });
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            profileChosen();
    });
    connect(saveProfile, &QPushButton::clicked, this, &ImportWizard::saveProfile);
    connect(m_deleteProfile, &QPushButton::clicked, this, &ImportWizard::deleteProfile);
    return page;
}

void ImportWizard::fillReadControls()
{
    m_updating = true;
    const CsvSettings &settings = m_importer->settings();
    m_format->setCurrentIndex(m_format->findData(int(m_importer->format())));
    m_delimiter->setCurrentIndex(m_delimiter->findData(int(settings.delimiter)));
    m_encoding->setCurrentIndex(m_encoding->findData(int(settings.encoding)));
    m_decimal->setCurrentIndex(m_decimal->findData(QString(settings.decimalSymbol)));
    m_updating = false;

    const CsvSettings &found = m_detected->settings();
    const auto itemText = [](QComboBox *combo, const QVariant &data) {
        return combo->itemText(combo->findData(data));
    };
    m_detectedLabel->setText(tr("<b>%1</b>: detected %2; delimiter %3; %4; decimal %5.")
                                 .arg(QFileInfo(m_importer->path()).fileName().toHtmlEscaped(),
                                      itemText(m_format, int(m_detected->detectedFormat())),
                                      itemText(m_delimiter, int(found.delimiter)),
                                      itemText(m_encoding, int(found.encoding)),
                                      itemText(m_decimal, QString(found.decimalSymbol))));
}

void ImportWizard::fillProfiles()
{
    m_updating = true;
    m_profile->clear();
    m_profile->addItem(tr("None (as detected)"), QString());
    for (const QString &name : AppSettings::importProfileNames(m_importer->entity().name))
        m_profile->addItem(name, name);
    m_deleteProfile->setEnabled(false);
    m_updating = false;
}

void ImportWizard::fillMappingTable()
{
    const EntityDescriptor &entity = m_importer->entity();
    const QStringList &header = m_importer->header();
    const ColumnMapping &mapping = m_importer->mapping();
    const bool native = m_importer->format() == ImportFormat::Native;
    // Shopify and WooCommerce files are read by their own rules: show the columns they use.
    QStringList fieldOfColumn;
    if (!native) {
        if (auto preview = m_importer->preview(kPreviewRows))
            fieldOfColumn = preview->fieldOfColumn;
    }
    m_mapping->setRowCount(int(entity.fields.size()));
    for (int f = 0; f < int(entity.fields.size()); ++f) {
        const FieldDescriptor &field = entity.fields[size_t(f)];
        const bool required = field.empty == FieldDescriptor::Empty::Required;
        auto *name
            = new QTableWidgetItem(required ? tr("%1 (required)").arg(field.name) : field.name);
        if (required) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
        }
        m_mapping->setItem(f, 0, name);
        auto *combo = new QComboBox(m_mapping);
        combo->setObjectName(QStringLiteral("mapping_") + field.name);
        combo->addItem(tr("(not imported)"), -1);
        for (qsizetype column = 0; column < header.size(); ++column) {
            combo->addItem(tr("%1: %2").arg(column + 1).arg(header.at(column)), int(column));
        }
        const int column
            = native ? int(mapping.columnOf(f)) : int(fieldOfColumn.indexOf(field.name));
        combo->setCurrentIndex(combo->findData(column));
        combo->setEnabled(native);
        if (!native)
            combo->setToolTip(tr("Shopify and WooCommerce files are read by their own column "
                                 "names"));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, f] {
            if (!m_updating)
                mappingChanged(f);
        });
        m_mapping->setCellWidget(f, 1, combo);
    }
}

void ImportWizard::mappingChanged(int field)
{
    auto *changed = qobject_cast<QComboBox *>(m_mapping->cellWidget(field, 1));
    const int chosen = changed->currentData().toInt();
    m_updating = true;
    // A column fills one field: taking it for this field releases it from any other.
    for (int f = 0; f < m_mapping->rowCount(); ++f) {
        auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(f, 1));
        if (f != field && chosen >= 0 && combo->currentData().toInt() == chosen)
            combo->setCurrentIndex(0);
    }
    m_updating = false;
    ColumnMapping mapping = m_importer->mapping();
    for (qsizetype column = 0; column < mapping.columnCount(); ++column)
        mapping.setField(column, -1);
    for (int f = 0; f < m_mapping->rowCount(); ++f) {
        const int column
            = qobject_cast<QComboBox *>(m_mapping->cellWidget(f, 1))->currentData().toInt();
        if (column >= 0)
            mapping.setField(column, f);
    }
    m_importer->setMapping(mapping);
    refreshPreview();
}

void ImportWizard::settingsChanged()
{
    CsvSettings settings = m_importer->settings();
    settings.delimiter = char(m_delimiter->currentData().toInt());
    settings.encoding = TextEncoding(m_encoding->currentData().toInt());
    settings.decimalSymbol = m_decimal->currentData().toString().front();
    const ImportFormat format = ImportFormat(m_format->currentData().toInt());
    if (auto read = m_importer->setSettings(settings); !read) {
        m_readError = tr("With these settings the file cannot be read: %1").arg(read.error());
        m_previewModel->setPreview({});
        m_previewOk = false;
        m_readStatus->setStyleSheet(errorStyle());
        m_readStatus->setText(m_readError);
        step(currentPage())->changed();
        return;
    }
    m_readError.clear();
    // setSettings re-reads the header and detects its format again; the owner's choice stays.
    m_importer->setFormat(format);
    fillMappingTable();
    refreshPreview();
}

void ImportWizard::formatChanged()
{
    m_importer->setFormat(ImportFormat(m_format->currentData().toInt()));
    fillMappingTable();
    refreshPreview();
}

void ImportWizard::profileChosen()
{
    const QString name = m_profile->currentData().toString();
    m_deleteProfile->setEnabled(!name.isEmpty());
    *m_importer = *m_detected;
    QStringList missing;
    if (!name.isEmpty()) {
        if (const auto profile = ImportProfile::load(m_importer->entity().name, name))
            missing = profile->applyTo(*m_importer);
    }
    m_readError.clear();
    fillReadControls();
    fillMappingTable();
    refreshPreview();
    if (!missing.isEmpty()) {
        m_readStatus->setText(m_readStatus->text() + QLatin1Char(' ')
                              + tr("The profile's columns for %1 are not in this file.")
                                    .arg(missing.join(QStringLiteral(", "))));
    }
}

void ImportWizard::saveProfile()
{
    const QString current = m_profile->currentData().toString();
    bool ok = false;
    const QString name
        = QInputDialog::getText(
              this, tr("Save Import Profile"),
              tr("Name for these settings and columns (for example the "
                 "supplier's name):"),
              QLineEdit::Normal,
              current.isEmpty() ? QFileInfo(m_importer->path()).completeBaseName() : current, &ok)
              .trimmed();
    if (!ok || name.isEmpty())
        return;
    ImportProfile::fromImporter(name, *m_importer).save(m_importer->entity().name);
    fillProfiles();
    m_updating = true;
    m_profile->setCurrentIndex(m_profile->findData(name));
    m_deleteProfile->setEnabled(true);
    m_updating = false;
}

void ImportWizard::deleteProfile()
{
    const QString name = m_profile->currentData().toString();
    if (name.isEmpty())
        return;
    AppSettings::removeImportProfile(m_importer->entity().name, name);
    fillProfiles(); // "None" again; the settings in use stay as they are
}

bool ImportWizard::mappingIsUsable() const
{
    if (!m_importer || m_importer->format() != ImportFormat::Native)
        return true;
    return m_importer->mapping().check(m_importer->entity(), m_importer->header()).ok();
}

void ImportWizard::refreshPreview()
{
    m_readStatus->setStyleSheet(QString());
    auto preview = m_importer->preview(kPreviewRows);
    m_previewOk = preview.ok();
    if (preview) {
        m_previewModel->setPreview(*preview);
        const int problems = m_previewModel->rowsWithProblems();
        const QString shown
            = tr("The first %n row(s) of the file are shown.", nullptr, m_previewModel->rowCount());
        if (problems > 0) {
            m_readStatus->setText(shown + QLatin1Char(' ')
                                  + tr("%n of them have problems (in red); Validate on the next "
                                       "page checks the whole file.",
                                       nullptr, problems));
        } else {
            m_readStatus->setText(shown + QLatin1Char(' ')
                                  + tr("Nothing in them stops the import."));
        }
    } else {
        // The rows as they are, so the owner sees what to map while the mapping is incomplete.
        ImportPreview raw;
        raw.header = m_importer->header();
        raw.fieldOfColumn = QStringList(raw.header.size(), QString());
        for (qsizetype column = 0; column < m_importer->mapping().columnCount(); ++column) {
            const int field = m_importer->mapping().fieldOf(column);
            if (field >= 0)
                raw.fieldOfColumn[column] = m_importer->entity().fields[size_t(field)].name;
        }
        CsvReader reader(m_importer->settings());
        CsvRecord record;
        bool header = false;
        if (reader.open(m_importer->path())) {
            while (int(raw.rows.size()) < kPreviewRows && reader.next(record)) {
                if (record.isBlank())
                    continue;
                if (!header) {
                    header = true;
                    continue;
                }
                raw.rows.push_back({record.line(), record.texts(), {}, {}, {}});
            }
        }
        m_previewModel->setPreview(raw);
        m_readStatus->setStyleSheet(errorStyle());
        m_readStatus->setText(preview.error());
    }
    m_preview->resizeColumnsToContents();
    for (int column = 0; column < m_previewModel->columnCount(); ++column) {
        if (m_preview->columnWidth(column) > 260)
            m_preview->setColumnWidth(column, 260);
    }
    if (QWizardPage *page = this->page(ReadPage))
        step(page)->changed();
}

// --- options and validation

QWizardPage *ImportWizard::createOptionsPage()
{
    auto *page = new WizardStep(this);
    page->setObjectName(QStringLiteral("optionsPage"));
    page->setTitle(tr("Choose how to import"));
    page->setSubTitle(tr("Validate checks the whole file without changing anything. Import "
                         "writes everything or, if any row has a problem, nothing."));
    page->setCommitPage(true);

    auto *modes = new QGroupBox(tr("Rows whose key is already stored"), page);
    m_mode = new QButtonGroup(page);
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
        = new QCheckBox(tr("Import the valid rows and write the &rejected ones to:"), page);
    m_useRejects->setObjectName(QStringLiteral("rejectsCheck"));
    m_rejects = new QLineEdit(page);
    m_rejects->setObjectName(QStringLiteral("rejectsEdit"));
    m_rejects->setEnabled(false);
    auto *browse = new QPushButton(tr("Bro&wse…"), page);
    browse->setEnabled(false);
    auto *rejectsRow = new QHBoxLayout;
    rejectsRow->addWidget(m_rejects, 1);
    rejectsRow->addWidget(browse);

    m_validate = new QPushButton(tr("&Validate"), page);
    m_validate->setObjectName(QStringLiteral("validateButton"));
    m_validateProgress = new QProgressBar(page);
    m_validateProgress->setObjectName(QStringLiteral("validateProgress"));
    m_validateProgress->setRange(0, 100);
    m_validateProgress->hide();
    m_validateStatus = noteLabel(QString(), page);
    m_validateStatus->setObjectName(QStringLiteral("validateStatus"));
    m_problems = new QListWidget(page);
    m_problems->setObjectName(QStringLiteral("problemList"));
    m_problems->setAlternatingRowColors(true);
    auto *validateRow = new QHBoxLayout;
    validateRow->addWidget(m_validate);
    validateRow->addWidget(m_validateProgress, 1);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(modes);
    layout->addWidget(m_useRejects);
    layout->addLayout(rejectsRow);
    layout->addSpacing(8);
    layout->addLayout(validateRow);
    layout->addWidget(m_validateStatus);
    layout->addWidget(m_problems, 1);

    connect(m_useRejects, &QCheckBox::toggled, page, [this, page, browse](bool on) {
        m_rejects->setEnabled(on);
        browse->setEnabled(on);
        if (on && m_rejects->text().isEmpty() && m_importer) {
            const QFileInfo source(m_importer->path());
            m_rejects->setText(QDir::toNativeSeparators(source.absoluteDir().filePath(
                source.completeBaseName() + QStringLiteral("-rejected.csv"))));
        }
        page->changed();
    });
    connect(m_rejects, &QLineEdit::textChanged, page, &WizardStep::changed);
    connect(browse, &QPushButton::clicked, this, &ImportWizard::browseRejects);
    connect(m_validate, &QPushButton::clicked, this, &ImportWizard::validate);

    page->initialize = [this] {
        const EntityDescriptor &entity = m_importer->entity();
        // The modes the entity takes: inventory only updates, the ledger is never replaced.
        m_mode->button(int(ImportMode::Insert))
            ->setEnabled(entity.kind != EntityDescriptor::Kind::UpdateOnly);
        m_mode->button(int(ImportMode::Replace))
            ->setEnabled(entity.kind != EntityDescriptor::Kind::UpdateOnly && !entity.appendOnly);
        if (!m_mode->checkedButton()->isEnabled())
            m_mode->button(int(ImportMode::Upsert))->setChecked(true);
        m_problems->clear();
        m_validateStatus->clear();
        m_validateStatus->setStyleSheet(QString());
    };
    page->complete = [this] {
        return !m_validation
               && (!m_useRejects->isChecked() || !m_rejects->text().trimmed().isEmpty());
    };
    page->validate = [this] {
        return confirmMode();
    };
    return page;
}

void ImportWizard::browseRejects()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("File for the Rejected Rows"),
                                       QDir::fromNativeSeparators(m_rejects->text()), fileFilter());
    if (!path.isEmpty())
        m_rejects->setText(QDir::toNativeSeparators(path));
}

ImportOptions ImportWizard::options(bool dryRun) const
{
    ImportOptions options;
    options.mode = ImportMode(m_mode->checkedId());
    options.dryRun = dryRun;
    if (m_useRejects->isChecked())
        options.rejectsPath = QDir::fromNativeSeparators(m_rejects->text().trimmed());
    return options;
}

void ImportWizard::validate()
{
    if (m_validation) {
        m_validation->cancel();
        m_validateStatus->setText(tr("Stopping…"));
        return;
    }
    ImportOptions dryRun = options(true);
    dryRun.rejectsPath.clear(); // a dry run lists the problems; it writes no file
    m_problems->clear();
    m_validateStatus->setStyleSheet(QString());
    m_validateStatus->setText(tr("Checking the whole file…"));
    m_validateProgress->setValue(0);
    m_validateProgress->show();
    m_validate->setText(tr("&Stop"));
    m_validation = std::make_unique<ImportTask>(m_database, *m_importer, dryRun);
    connect(m_validation.get(), &ImportTask::progress, m_validateProgress, &QProgressBar::setValue);
    connect(m_validation.get(), &ImportTask::finished, this, &ImportWizard::validationFinished);
    m_validation->start();
    step(page(OptionsPage))->changed();
}

void ImportWizard::validationFinished()
{
    std::unique_ptr<ImportTask> task = std::move(m_validation);
    m_validate->setText(tr("&Validate"));
    m_validateProgress->hide();
    step(page(OptionsPage))->changed();
    const auto &result = *task->result();
    if (!result) {
        m_validateStatus->setStyleSheet(errorStyle());
        m_validateStatus->setText(
            task->isCancelled() ? tr("Validation stopped; nothing was changed.")
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
        m_validateStatus->setStyleSheet(errorStyle());
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

bool ImportWizard::confirmMode()
{
    if (m_mode->checkedId() != int(ImportMode::Replace))
        return true;
    const QString title = CsvTransfer::entityTitle(m_importer->entity().name);
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

// --- the import itself

QWizardPage *ImportWizard::createRunPage()
{
    auto *page = new WizardStep(this);
    page->setObjectName(QStringLiteral("runPage"));
    page->setTitle(tr("Importing"));
    page->setSubTitle(tr("Cancel stops the import and undoes it: the database stays as it was."));
    m_runLabel = noteLabel(QString(), page);
    m_runLabel->setObjectName(QStringLiteral("runLabel"));
    m_runProgress = new QProgressBar(page);
    m_runProgress->setObjectName(QStringLiteral("runProgress"));
    m_runProgress->setRange(0, 100);
    m_cancelRun = new QPushButton(tr("&Cancel Import"), page);
    m_cancelRun->setObjectName(QStringLiteral("cancelImportButton"));
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(m_runLabel);
    layout->addWidget(m_runProgress);
    layout->addWidget(m_cancelRun, 0, Qt::AlignRight);
    layout->addStretch(2);
    connect(m_cancelRun, &QPushButton::clicked, this, [this] {
        if (m_run) {
            m_run->cancel();
            m_cancelRun->setEnabled(false);
            m_runLabel->setText(tr("Cancelling: undoing what was written…"));
        }
    });
    page->initialize = [this] {
        startRun();
    };
    page->complete = [this] {
        return !m_run;
    };
    return page;
}

void ImportWizard::startRun()
{
    m_summary.reset();
    m_runError.clear();
    AppSettings::setLastImportProfile(m_importer->entity().name,
                                      m_profile->currentData().toString());
    m_runProgress->setValue(0);
    m_cancelRun->setEnabled(true);
    m_runLabel->setText(tr("Importing %1…").arg(QFileInfo(m_importer->path()).fileName()));
    m_run = std::make_unique<ImportTask>(m_database, *m_importer, options(false));
    connect(m_run.get(), &ImportTask::progress, this, [this](int percent, const QString &text) {
        m_runProgress->setValue(percent);
        if (m_cancelRun->isEnabled())
            m_runLabel->setText(text);
    });
    connect(m_run.get(), &ImportTask::finished, this, &ImportWizard::runFinished);
    m_run->start();
}

void ImportWizard::runFinished()
{
    std::unique_ptr<ImportTask> task = std::move(m_run);
    const auto &result = *task->result();
    if (result)
        m_summary = *result;
    else
        m_runError = result.error();
    step(page(RunPage))->changed();
    if (dataWritten())
        emit imported(m_importer->entity().name);
    next();
}

void ImportWizard::reject()
{
    if (m_run) {
        // Closing the window mid-import cancels it; the summary then says nothing was written.
        m_run->cancel();
        m_cancelRun->setEnabled(false);
        return;
    }
    m_validation.reset();
    QWizard::reject();
}

// --- summary

QWizardPage *ImportWizard::createSummaryPage()
{
    auto *page = new WizardStep(this);
    page->setObjectName(QStringLiteral("summaryPage"));
    page->setTitle(tr("Summary"));
    m_summaryHeadline = noteLabel(QString(), page);
    m_summaryHeadline->setObjectName(QStringLiteral("summaryHeadline"));
    QFont bold = m_summaryHeadline->font();
    bold.setBold(true);
    m_summaryHeadline->setFont(bold);
    m_summaryCounts = noteLabel(QString(), page);
    m_summaryCounts->setObjectName(QStringLiteral("summaryCounts"));
    m_summaryCounts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summaryProblems = new QListWidget(page);
    m_summaryProblems->setObjectName(QStringLiteral("summaryProblems"));
    m_summaryListLabel = new QLabel(tr("Problems and notes, by line of the file:"), page);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_summaryHeadline);
    layout->addWidget(m_summaryCounts);
    layout->addWidget(m_summaryListLabel);
    layout->addWidget(m_summaryProblems, 1);
    page->initialize = [this] {
        showSummary();
    };
    return page;
}

void ImportWizard::showSummary()
{
    m_summaryProblems->clear();
    m_summaryProblems->hide();
    m_summaryListLabel->hide();
    if (!m_summary) {
        m_summaryHeadline->setStyleSheet(errorStyle());
        m_summaryHeadline->setText(m_runError.contains(QLatin1String("cancelled"))
                                       ? tr("The import was cancelled. Nothing was written.")
                                       : tr("The import failed. Nothing was written."));
        m_summaryCounts->setText(m_runError);
        return;
    }
    const ImportSummary &summary = *m_summary;
    const QLocale locale;
    if (summary.refused) {
        m_summaryHeadline->setStyleSheet(errorStyle());
        m_summaryHeadline->setText(tr("Nothing was imported: the file has %n problem(s).", nullptr,
                                      int(summary.problemCount)));
        m_summaryCounts->setText(tr("Fix the rows below (line:column: reason) and import again, "
                                    "or choose to import the valid rows and write the rejected "
                                    "ones to a file."));
    } else {
        m_summaryHeadline->setStyleSheet(QString());
        m_summaryHeadline->setText(tr("%1 rows of %2 were imported into %3.")
                                       .arg(locale.toString(summary.inserted + summary.updated
                                                            + summary.unchanged + summary.kept),
                                            QFileInfo(summary.file).fileName(),
                                            CsvTransfer::entityTitle(summary.entity)));
        QStringList lines;
        const auto add = [&](const QString &label, qint64 count) {
            lines << QStringLiteral("<tr><td>%1</td><td align=\"right\">&nbsp;&nbsp;%2</td></tr>")
                         .arg(label.toHtmlEscaped(), locale.toString(count));
        };
        add(tr("Rows read"), summary.rows);
        add(tr("Inserted"), summary.inserted);
        add(tr("Updated"), summary.updated);
        add(tr("Unchanged"), summary.unchanged);
        if (summary.options.mode == ImportMode::Insert)
            add(tr("Kept (already stored)"), summary.kept);
        if (summary.options.mode == ImportMode::Replace)
            add(tr("Deleted (not in the file)"), summary.deleted);
        add(tr("Rejected"), summary.rejected);
        for (const auto &[reason, count] : summary.skipped)
            add(tr("Skipped: %1").arg(reason), count);
        QString text
            = QStringLiteral("<table>") + lines.join(QString()) + QStringLiteral("</table>");
        if (summary.rejected > 0) {
            text
                += QStringLiteral("<p>")
                   + tr("The rejected rows and their reasons are in %1.")
                         .arg(QDir::toNativeSeparators(summary.options.rejectsPath).toHtmlEscaped())
                   + QStringLiteral("</p>");
        }
        if (!summary.ignoredColumns.isEmpty()) {
            text += QStringLiteral("<p>")
                    + tr("Columns not imported: %1")
                          .arg(summary.ignoredColumns.join(QStringLiteral(", ")).toHtmlEscaped())
                    + QStringLiteral("</p>");
        }
        m_summaryCounts->setText(text);
    }
    for (const QString &problem : summary.problems)
        m_summaryProblems->addItem(problem);
    for (const QString &note : summary.notes)
        m_summaryProblems->addItem(note);
    if (summary.problemCount > summary.problems.size()) {
        m_summaryProblems->addItem(tr("… and %n more problem(s)", nullptr,
                                      int(summary.problemCount - summary.problems.size())));
    }
    m_summaryProblems->setVisible(m_summaryProblems->count() > 0);
    m_summaryListLabel->setVisible(m_summaryProblems->count() > 0);
}

} // namespace md
