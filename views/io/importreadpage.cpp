#include "importreadpage.h"
#include "common/tone.h"

#include "importjob.h"
#include "importpreviewmodel.h"

#include "core/appsettings.h"
#include "io/csvreader.h"
#include "io/importprofile.h"

#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace md {

ImportReadPage::ImportReadPage(ImportJob &job, QWidget *parent)
    : ImportPage(job, parent)
{
    setObjectName(QStringLiteral("readPage"));
    setTitle(tr("Check how the file is read"));
    setSubTitle(tr("MerchantDesk detected the settings below. If the preview looks wrong, "
                   "change them; choose which column of the file fills which field on the "
                   "right."));

    m_detectedLabel = noteLabel(QString(), this);
    m_detectedLabel->setObjectName(QStringLiteral("detectedLabel"));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("MerchantDesk / spreadsheet columns"),
                      QVariant::fromValue(int(ImportFormat::Native)));
    m_format->addItem(tr("Shopify product export"),
                      QVariant::fromValue(int(ImportFormat::Shopify)));
    m_format->addItem(tr("WooCommerce product export"),
                      QVariant::fromValue(int(ImportFormat::WooCommerce)));

    m_delimiter = new QComboBox(this);
    m_delimiter->setObjectName(QStringLiteral("delimiterCombo"));
    m_delimiter->addItem(tr("Comma ( , )"), QVariant::fromValue(int(',')));
    m_delimiter->addItem(tr("Semicolon ( ; )"), QVariant::fromValue(int(';')));
    m_delimiter->addItem(tr("Tab"), QVariant::fromValue(int('\t')));
    m_delimiter->addItem(tr("Vertical bar ( | )"), QVariant::fromValue(int('|')));

    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("encodingCombo"));
    m_encoding->addItem(tr("UTF-8 (Unicode)"), QVariant::fromValue(int(TextEncoding::Utf8)));
    m_encoding->addItem(tr("UTF-16 little-endian"),
                        QVariant::fromValue(int(TextEncoding::Utf16LE)));
    m_encoding->addItem(tr("UTF-16 big-endian"), QVariant::fromValue(int(TextEncoding::Utf16BE)));
    m_encoding->addItem(tr("Windows-1252 (Western European)"),
                        QVariant::fromValue(int(TextEncoding::Windows1252)));

    m_decimal = new QComboBox(this);
    m_decimal->setObjectName(QStringLiteral("decimalCombo"));
    m_decimal->addItem(tr("Point: 1,234.56"), QStringLiteral("."));
    m_decimal->addItem(tr("Comma: 1.234,56"), QStringLiteral(","));

    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    m_profile->setMinimumContentsLength(16);
    auto *save = new QPushButton(tr("&Save as Profile…"), this);
    save->setObjectName(QStringLiteral("saveProfileButton"));
    save->setToolTip(tr("Remember these settings and columns under a name for the next "
                        "file of this kind"));
    m_deleteProfile = new QPushButton(tr("&Delete Profile"), this);
    m_deleteProfile->setObjectName(QStringLiteral("deleteProfileButton"));

    auto *settings = new QGridLayout;
    settings->addWidget(new QLabel(tr("F&ormat:"), this), 0, 0);
    settings->addWidget(m_format, 0, 1);
    settings->addWidget(new QLabel(tr("&Delimiter:"), this), 0, 2);
    settings->addWidget(m_delimiter, 0, 3);
    settings->addWidget(new QLabel(tr("&Encoding:"), this), 1, 0);
    settings->addWidget(m_encoding, 1, 1);
    settings->addWidget(new QLabel(tr("De&cimal symbol:"), this), 1, 2);
    settings->addWidget(m_decimal, 1, 3);
    settings->addWidget(new QLabel(tr("&Profile:"), this), 2, 0);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(save);
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
    m_preview = new QTableView(this);
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setModel(m_previewModel);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    m_preview->verticalHeader()->hide();
    m_preview->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_mapping = new QTableWidget(0, 2, this);
    m_mapping->setObjectName(QStringLiteral("mappingTable"));
    m_mapping->setHorizontalHeaderLabels({tr("Field"), tr("Column in the file")});
    m_mapping->verticalHeader()->hide();
    m_mapping->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_mapping->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_mapping->setSelectionMode(QAbstractItemView::NoSelection);
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_preview);
    splitter->addWidget(m_mapping);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_readStatus = noteLabel(QString(), this);
    m_readStatus->setObjectName(QStringLiteral("readStatus"));
    m_readStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_detectedLabel);
    layout->addLayout(settings);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_readStatus);

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
    connect(save, &QPushButton::clicked, this, &ImportReadPage::saveProfile);
    connect(m_deleteProfile, &QPushButton::clicked, this, &ImportReadPage::deleteProfile);
}

void ImportReadPage::initializePage()
{
    m_readError.clear();
    fillReadControls();
    fillProfiles();
    const QString last = AppSettings::lastImportProfile(m_job.importer->entity().name);
    const int index = last.isEmpty() ? -1 : m_profile->findData(last);
    if (index > 0) {
        m_profile->setCurrentIndex(index); // applies it
    } else {
        fillMappingTable();
        refreshPreview();
    }
}

bool ImportReadPage::isComplete() const
{
    return m_job.importer && m_readError.isEmpty() && m_previewOk && mappingIsUsable();
}

bool ImportReadPage::validatePage()
{
    m_job.profile = m_profile->currentData().toString();
    return true;
}

void ImportReadPage::fillReadControls()
{
    m_updating = true;
    const CsvSettings &settings = m_job.importer->settings();
    m_format->setCurrentIndex(m_format->findData(int(m_job.importer->format())));
    m_delimiter->setCurrentIndex(m_delimiter->findData(int(settings.delimiter)));
    m_encoding->setCurrentIndex(m_encoding->findData(int(settings.encoding)));
    m_decimal->setCurrentIndex(m_decimal->findData(QString(settings.decimalSymbol)));
    m_updating = false;

    const CsvSettings &found = m_job.detected->settings();
    const auto itemText = [](QComboBox *combo, const QVariant &data) {
        return combo->itemText(combo->findData(data));
    };
    m_detectedLabel->setText(tr("<b>%1</b>: detected %2; delimiter %3; %4; decimal %5.")
                                 .arg(QFileInfo(m_job.importer->path()).fileName().toHtmlEscaped(),
                                      itemText(m_format, int(m_job.detected->detectedFormat())),
                                      itemText(m_delimiter, int(found.delimiter)),
                                      itemText(m_encoding, int(found.encoding)),
                                      itemText(m_decimal, QString(found.decimalSymbol))));
}

void ImportReadPage::fillProfiles()
{
    m_updating = true;
    m_profile->clear();
    m_profile->addItem(tr("None (as detected)"), QString());
    for (const QString &name : AppSettings::importProfileNames(m_job.importer->entity().name))
        m_profile->addItem(name, name);
    m_deleteProfile->setEnabled(false);
    m_updating = false;
}

void ImportReadPage::fillMappingTable()
{
    const EntityDescriptor &entity = m_job.importer->entity();
    const QStringList &header = m_job.importer->header();
    const ColumnMapping &mapping = m_job.importer->mapping();
    const bool native = m_job.importer->format() == ImportFormat::Native;
    // Shopify and WooCommerce files are read by their own rules: show the columns they use.
    QStringList fieldOfColumn;
    if (!native) {
        if (auto preview = m_job.importer->preview(kPreviewRows))
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

void ImportReadPage::mappingChanged(int field)
{
    const int chosen
        = qobject_cast<QComboBox *>(m_mapping->cellWidget(field, 1))->currentData().toInt();
    m_updating = true;
    // A column fills one field: taking it for this field releases it from any other.
    for (int f = 0; f < m_mapping->rowCount(); ++f) {
        auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(f, 1));
        if (f != field && chosen >= 0 && combo->currentData().toInt() == chosen)
            combo->setCurrentIndex(0);
    }
    m_updating = false;
    ColumnMapping mapping = m_job.importer->mapping();
    for (qsizetype column = 0; column < mapping.columnCount(); ++column)
        mapping.setField(column, -1);
    for (int f = 0; f < m_mapping->rowCount(); ++f) {
        const int column
            = qobject_cast<QComboBox *>(m_mapping->cellWidget(f, 1))->currentData().toInt();
        if (column >= 0)
            mapping.setField(column, f);
    }
    m_job.importer->setMapping(mapping);
    refreshPreview();
}

void ImportReadPage::settingsChanged()
{
    CsvSettings settings = m_job.importer->settings();
    settings.delimiter = char(m_delimiter->currentData().toInt());
    settings.encoding = TextEncoding(m_encoding->currentData().toInt());
    settings.decimalSymbol = m_decimal->currentData().toString().front();
    const ImportFormat format = ImportFormat(m_format->currentData().toInt());
    if (auto read = m_job.importer->setSettings(settings); !read) {
        m_readError = tr("With these settings the file cannot be read: %1").arg(read.error());
        m_previewModel->setPreview({});
        m_previewOk = false;
        tone::apply(m_readStatus, tone::Tone::Error);
        m_readStatus->setText(m_readError);
        changed();
        return;
    }
    m_readError.clear();
    // setSettings re-reads the header and detects its format again; the owner's choice stays.
    m_job.importer->setFormat(format);
    fillMappingTable();
    refreshPreview();
}

void ImportReadPage::formatChanged()
{
    m_job.importer->setFormat(ImportFormat(m_format->currentData().toInt()));
    fillMappingTable();
    refreshPreview();
}

void ImportReadPage::profileChosen()
{
    const QString name = m_profile->currentData().toString();
    m_deleteProfile->setEnabled(!name.isEmpty());
    *m_job.importer = *m_job.detected;
    QStringList missing;
    if (!name.isEmpty()) {
        if (const auto profile = ImportProfile::load(m_job.importer->entity().name, name))
            missing = profile->applyTo(*m_job.importer);
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

void ImportReadPage::saveProfile()
{
    const QString current = m_profile->currentData().toString();
    bool ok = false;
    const QString name
        = QInputDialog::getText(
              this, tr("Save Import Profile"),
              tr("Name for these settings and columns (for example the "
                 "supplier's name):"),
              QLineEdit::Normal,
              current.isEmpty() ? QFileInfo(m_job.importer->path()).completeBaseName() : current,
              &ok)
              .trimmed();
    if (!ok || name.isEmpty())
        return;
    ImportProfile::fromImporter(name, *m_job.importer).save(m_job.importer->entity().name);
    fillProfiles();
    m_updating = true;
    m_profile->setCurrentIndex(m_profile->findData(name));
    m_deleteProfile->setEnabled(true);
    m_updating = false;
}

void ImportReadPage::deleteProfile()
{
    const QString name = m_profile->currentData().toString();
    if (name.isEmpty())
        return;
    AppSettings::removeImportProfile(m_job.importer->entity().name, name);
    fillProfiles(); // "None" again; the settings in use stay as they are
}

bool ImportReadPage::mappingIsUsable() const
{
    if (!m_job.importer || m_job.importer->format() != ImportFormat::Native)
        return true;
    return m_job.importer->mapping().check(m_job.importer->entity(), m_job.importer->header()).ok();
}

void ImportReadPage::refreshPreview()
{
    tone::apply(m_readStatus, tone::Tone::Normal);
    auto preview = m_job.importer->preview(kPreviewRows);
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
        raw.header = m_job.importer->header();
        raw.fieldOfColumn = QStringList(raw.header.size(), QString());
        for (qsizetype column = 0; column < m_job.importer->mapping().columnCount(); ++column) {
            const int field = m_job.importer->mapping().fieldOf(column);
            if (field >= 0)
                raw.fieldOfColumn[column] = m_job.importer->entity().fields[size_t(field)].name;
        }
        CsvReader reader(m_job.importer->settings());
        CsvRecord record;
        bool header = false;
        if (reader.open(m_job.importer->path())) {
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
        tone::apply(m_readStatus, tone::Tone::Error);
        m_readStatus->setText(preview.error());
    }
    m_preview->resizeColumnsToContents();
    for (int column = 0; column < m_previewModel->columnCount(); ++column) {
        if (m_preview->columnWidth(column) > 260)
            m_preview->setColumnWidth(column, 260);
    }
    changed();
}

} // namespace md
