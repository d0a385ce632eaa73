// The import wizard and the Export buttons against a real database (SQLite or PostgreSQL, per
// MERCHANTDESK_TEST_BACKEND), driven as the owner would: detection of a semicolon/decimal-comma
// file and of a Shopify export, the 20-row preview, a changed mapping that changes what is
// imported, a saved profile offered again, a bad file that names line:column and changes
// nothing, a cancelled import that rolls back (and is called cancelled in German too), replace
// asking first, and an export from a page.

#include "catalog/catalogpage.h"
#include "core/appsettings.h"
#include "core/translations.h"
#include "customers/customerspage.h"
#include "db/pagedquerymodel.h"
#include "db/sql.h"
#include "io/csvexporter.h"
#include "io/entitycatalog.h"
#include "io/importpreviewmodel.h"
#include "io/importrunpage.h"
#include "io/importsummarypage.h"
#include "io/importwizard.h"
#include "io/transferbuttons.h"
#include "testdb.h"
#include "tst_csvsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

#include <functional>

using namespace md;

namespace {

QVariant value(const Database &db, const QString &statement, const QVariantList &values = {})
{
    auto result = sql::scalar(db.sql(), statement, values);
    return result ? *result : QVariant(QStringLiteral("error: ") + result.error());
}

// Answers the modal dialogs that appear while `action` runs (file dialogs, message boxes,
// input dialogs): `handle` gets each new one and returns true once it dealt with it.
void withModalHandler(const std::function<bool(QWidget *)> &handle,
                      const std::function<void()> &action)
{
    QTimer timer;
    timer.setInterval(20);
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&timer, &QTimer::timeout, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        if (!handle(modal) && clock.elapsed() > 30000) {
            // A dialog the handler cannot answer: close it so the test fails, not hangs.
            qWarning("withModalHandler: closing %s, which the handler never answered",
                     modal->metaObject()->className());
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
        }
    });
    timer.start();
    action();
    timer.stop();
}

// The column chooser of a field in the mapping table (replaced combos linger until deleted).
QComboBox *mappingCombo(ImportWizard &wizard, const char *field)
{
    auto *table = wizard.findChild<QTableWidget *>(QStringLiteral("mappingTable"));
    const int row = wizard.importer()->entity().fieldIndex(QLatin1String(field));
    auto *combo = qobject_cast<QComboBox *>(table->cellWidget(row, 1));
    return combo && combo->objectName() == QStringLiteral("mapping_") + QLatin1String(field)
               ? combo
               : nullptr;
}

} // namespace

class tst_ImportWizard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void detectsSemicolonAndDecimalComma();
    void detectsShopifyExport();
    void previewShowsTwentyRows();
    void changedMappingChangesWhatIsImported();
    void changedDelimiterRereadsThePreview();
    void savedProfileIsOfferedAgain();
    void badFileNamesLineAndColumnAndChangesNothing();
    void rejectsFileImportsTheValidRows();
    void cancelRollsBack();
    void cancelInGermanIsCancelledNotFailed();
    void replaceAsksFirst();
    void exportFromPageWritesTheFile();
    void importFromPageReloadsIt();
    void everyStepHasWords();

private:
    QString write(const QByteArray &bytes, const QString &name = QStringLiteral("in.csv"));
    std::unique_ptr<ImportWizard> openWizard(const QString &entity, const QString &path);
    void importToSummary(ImportWizard &wizard);

    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_ImportWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MerchantDeskTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_importwizard_") + test::backendName());
}

void tst_ImportWizard::init()
{
    QSettings().clear();
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    m_db = std::make_unique<Database>(std::move(*db));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_ImportWizard::cleanup()
{
    m_db.reset();
    m_scratch.reset();
    m_dir.reset();
}

QString tst_ImportWizard::write(const QByteArray &bytes, const QString &name)
{
    const QString path = m_dir->filePath(name);
    return test::writeFile(path, bytes) ? path : QString();
}

std::unique_ptr<ImportWizard> tst_ImportWizard::openWizard(const QString &entity,
                                                           const QString &path)
{
    auto wizard = std::make_unique<ImportWizard>(m_scratch->spec(), entity);
    new QAbstractItemModelTester(wizard->previewModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 wizard.get());
    wizard->show();
    wizard->setFilePath(path);
    if (wizard->currentId() != ImportWizard::FilePage)
        return nullptr;
    wizard->next();
    return wizard;
}

void tst_ImportWizard::importToSummary(ImportWizard &wizard)
{
    if (wizard.currentId() == ImportWizard::ReadPage)
        wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::OptionsPage));
    wizard.next(); // the commit button: Import
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::SummaryPage), 60000);
}

void tst_ImportWizard::detectsSemicolonAndDecimalComma()
{
    const QString path = write("Artikelnummer;Name;Preis;Einkaufspreis;Farbe\n"
                               "D-1;Kaffeemühle;1.234,56;12,50;rot\n"
                               "D-2;\"Tasse; groß\";2,5;1;blau\n",
                               QStringLiteral("lieferant.csv"));
    auto wizard = openWizard(QStringLiteral("products"), path);
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ImportWizard::ReadPage));
    QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("delimiterCombo"))->currentData(),
             QVariant(int(';')));
    QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("decimalCombo"))->currentData(),
             QVariant(QStringLiteral(",")));
    QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("formatCombo"))->currentData(),
             QVariant(int(ImportFormat::Native)));
    const QString detected = wizard->findChild<QLabel *>(QStringLiteral("detectedLabel"))->text();
    QVERIFY2(detected.contains(QLatin1String("Semicolon"))
                 && detected.contains(QLatin1String("1.234,56"))
                 && detected.contains(QLatin1String("UTF-8")),
             qPrintable(detected));
    // "Preis" is no synonym: the owner maps it, as the wizard shows the missing column.
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QComboBox *sku = mappingCombo(*wizard, "sku");
    QComboBox *price = mappingCombo(*wizard, "base_price");
    QComboBox *cost = mappingCombo(*wizard, "cost");
    sku->setCurrentIndex(sku->findData(0));
    price->setCurrentIndex(price->findData(2));
    cost->setCurrentIndex(cost->findData(3));
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard->previewModel()->rowCount(), 2);
    QCOMPARE(
        wizard->previewModel()->index(1, ImportPreviewModel::modelColumnOf(1)).data().toString(),
        QStringLiteral("Tasse; groß"));
    QCOMPARE(wizard->previewModel()->headerData(ImportPreviewModel::modelColumnOf(2),
                                                Qt::Horizontal, ImportPreviewModel::FieldRole),
             QVariant(QStringLiteral("base_price")));

    importToSummary(*wizard);
    QVERIFY(wizard->summary());
    QCOMPARE(wizard->summary()->inserted, 2);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT base_price_cents FROM products WHERE sku = ?"),
                   {QStringLiteral("D-1")})
                 .toLongLong(),
             123456);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT cost_cents FROM products WHERE sku = ?"),
                   {QStringLiteral("D-1")})
                 .toLongLong(),
             1250);
    const QString counts = wizard->findChild<QLabel *>(QStringLiteral("summaryCounts"))->text();
    QVERIFY2(counts.contains(QLatin1String("Inserted")), qPrintable(counts));
}

void tst_ImportWizard::detectsShopifyExport()
{
    auto wizard = openWizard(QStringLiteral("products"),
                             test::csvDataFile(QStringLiteral("shopify_products_export.csv")));
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ImportWizard::ReadPage));
    QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("formatCombo"))->currentData(),
             QVariant(int(ImportFormat::Shopify)));
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("detectedLabel"))
                ->text()
                .contains(QLatin1String("Shopify product export")));
    // Shopify columns are read by their names: the mapping is not the owner's to change.
    QVERIFY(!mappingCombo(*wizard, "sku")->isEnabled());
    QVERIFY(mappingCombo(*wizard, "sku")->currentText().endsWith(QLatin1String("Variant SKU")));
    QVERIFY(wizard->previewModel()->rowCount() > 0);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    importToSummary(*wizard);
    QVERIFY(wizard->summary());
    QVERIFY2(!wizard->summary()->refused, qPrintable(wizard->summary()->problemReport()));
    QVERIFY(wizard->summary()->inserted > 0);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT COUNT(*) FROM products")).toLongLong(),
             wizard->summary()->inserted);
}

void tst_ImportWizard::previewShowsTwentyRows()
{
    QByteArray content = "sku,title,base_price\n";
    for (int i = 0; i < 45; ++i)
        content += "P-" + QByteArray::number(i) + ",Item " + QByteArray::number(i) + ",2.50\n";
    auto wizard = openWizard(QStringLiteral("products"), write(content));
    QVERIFY(wizard);
    ImportPreviewModel *model = wizard->previewModel();
    QCOMPARE(model->rowCount(), ImportWizard::kPreviewRows);
    QCOMPARE(model->index(0, 0).data().toLongLong(), 2); // file line
    QCOMPARE(model->index(19, ImportPreviewModel::modelColumnOf(0)).data().toString(),
             QStringLiteral("P-19"));
    QCOMPARE(model->index(0, model->checkColumn()).data().toString(), QStringLiteral("OK"));
}

void tst_ImportWizard::changedMappingChangesWhatIsImported()
{
    const QString path = write("sku,title,base_price,list_price\n"
                               "M-1,Mug,3.50,9.90\n");
    auto wizard = openWizard(QStringLiteral("products"), path);
    QVERIFY(wizard);
    QComboBox *price = mappingCombo(*wizard, "base_price");
    QCOMPARE(price->currentData(), QVariant(2)); // detected: the base_price column
    price->setCurrentIndex(price->findData(3));
    const auto fieldOf = [&](int column) {
        return wizard->previewModel()->headerData(ImportPreviewModel::modelColumnOf(column),
                                                  Qt::Horizontal, ImportPreviewModel::FieldRole);
    };
    QCOMPARE(fieldOf(3), QVariant(QStringLiteral("base_price")));
    QCOMPARE(fieldOf(2), QVariant(QString()));
    importToSummary(*wizard);
    QVERIFY(wizard->summary() && wizard->summary()->written);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT base_price_cents FROM products WHERE sku = ?"),
                   {QStringLiteral("M-1")})
                 .toLongLong(),
             990);
}

void tst_ImportWizard::changedDelimiterRereadsThePreview()
{
    auto wizard = openWizard(QStringLiteral("products"),
                             write("sku;title;base_price\nX-1;Mug;1\nX-2;Cup;2\n"));
    QVERIFY(wizard);
    QCOMPARE(wizard->previewModel()->columnCount(), 3 + 2);
    auto *delimiter = wizard->findChild<QComboBox *>(QStringLiteral("delimiterCombo"));
    delimiter->setCurrentIndex(delimiter->findData(int(',')));
    // One column now, with no SKU: nothing can go on, and the page says why.
    QCOMPARE(wizard->previewModel()->columnCount(), 1 + 2);
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("readStatus"))
                ->text()
                .contains(QLatin1String("no column for sku")));
    delimiter->setCurrentIndex(delimiter->findData(int(';')));
    QCOMPARE(wizard->previewModel()->columnCount(), 3 + 2);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
}

void tst_ImportWizard::savedProfileIsOfferedAgain()
{
    const QByteArray content = "code|label|amount|rrp\nS-1|Mug|3.50|9.90\n";
    {
        auto wizard = openWizard(QStringLiteral("products"), write(content));
        QVERIFY(wizard);
        QComboBox *title = mappingCombo(*wizard, "title");
        QComboBox *price = mappingCombo(*wizard, "base_price");
        title->setCurrentIndex(title->findData(1));
        price->setCurrentIndex(price->findData(3));
        withModalHandler(
            [](QWidget *modal) {
                auto *input = qobject_cast<QInputDialog *>(modal);
                if (!input)
                    return false;
                input->setTextValue(QStringLiteral("Supplier A/B"));
                input->accept();
                return true;
            },
            [&] {
                wizard->findChild<QPushButton *>(QStringLiteral("saveProfileButton"))->click();
            });
        auto *profiles = wizard->findChild<QComboBox *>(QStringLiteral("profileCombo"));
        QCOMPARE(profiles->currentText(), QStringLiteral("Supplier A/B"));
    }
    // Next month's file from the same supplier, its columns in another order.
    const QString path
        = write("rrp|amount|label|code\n12.00|4.00|Bowl|S-2\n", QStringLiteral("next.csv"));
    auto wizard = openWizard(QStringLiteral("products"), path);
    QVERIFY(wizard);
    auto *profiles = wizard->findChild<QComboBox *>(QStringLiteral("profileCombo"));
    QVERIFY(profiles->findText(QStringLiteral("Supplier A/B")) > 0);
    QCOMPARE(profiles->currentText(), QStringLiteral("Supplier A/B")); // the last one used
    QCOMPARE(mappingCombo(*wizard, "base_price")->currentData(), QVariant(0));
    QCOMPARE(mappingCombo(*wizard, "title")->currentData(), QVariant(2));
    importToSummary(*wizard);
    QVERIFY(wizard->summary() && wizard->summary()->written);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT base_price_cents FROM products WHERE sku = ?"),
                   {QStringLiteral("S-2")})
                 .toLongLong(),
             1200);

    // "None" goes back to what was detected.
    profiles->setCurrentIndex(0);
    QCOMPARE(mappingCombo(*wizard, "base_price")->currentData(), QVariant(-1));
}

void tst_ImportWizard::badFileNamesLineAndColumnAndChangesNothing()
{
    MD_VERIFY(test::fillAwkwardShop(*m_db));
    const QString before = test::databaseDigest(*m_db);
    const QString path = write("sku,title,base_price,stock_level\n"
                               "B-1,Mug,1.00,1\n"
                               "B-2,Bowl,cheap,2\n"
                               "B-3,Cup,2.00,-4\n");
    auto wizard = openWizard(QStringLiteral("products"), path);
    QVERIFY(wizard);
    QCOMPARE(wizard->previewModel()->rowsWithProblems(), 2);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ImportWizard::OptionsPage));
    wizard->findChild<QPushButton *>(QStringLiteral("validateButton"))->click();
    auto *problems = wizard->findChild<QListWidget *>(QStringLiteral("problemList"));
    QTRY_COMPARE_WITH_TIMEOUT(problems->count(), 2, 30000);
    QCOMPARE(problems->item(0)->text(),
             QStringLiteral("3:3: base_price: \"cheap\" is not an amount of money"));
    QVERIFY(problems->item(1)->text().startsWith(QLatin1String("4:4: stock_level: -4")));
    QCOMPARE(test::databaseDigest(*m_db), before);

    importToSummary(*wizard);
    QVERIFY(wizard->summary());
    QVERIFY(wizard->summary()->refused);
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("summaryHeadline"))
                ->text()
                .contains(QLatin1String("Nothing was imported")));
    QCOMPARE(wizard->findChild<QListWidget *>(QStringLiteral("summaryProblems"))->item(0)->text(),
             QStringLiteral("3:3: base_price: \"cheap\" is not an amount of money"));
    QCOMPARE(test::databaseDigest(*m_db), before);
}

void tst_ImportWizard::rejectsFileImportsTheValidRows()
{
    const QString path = write("sku,title,base_price\nR-1,Mug,1.00\nR-2,Bowl,cheap\n");
    auto wizard = openWizard(QStringLiteral("products"), path);
    QVERIFY(wizard);
    wizard->next();
    wizard->findChild<QCheckBox *>(QStringLiteral("rejectsCheck"))->setChecked(true);
    const QString rejects = m_dir->filePath(QStringLiteral("in-rejected.csv"));
    QCOMPARE(QDir::fromNativeSeparators(
                 wizard->findChild<QLineEdit *>(QStringLiteral("rejectsEdit"))->text()),
             rejects);
    importToSummary(*wizard);
    QVERIFY(wizard->summary() && wizard->summary()->written);
    QCOMPARE(wizard->summary()->inserted, 1);
    QCOMPARE(wizard->summary()->rejected, 1);
    QVERIFY(test::readFile(rejects).contains("R-2,Bowl,cheap"));
    QCOMPARE(value(*m_db, QStringLiteral("SELECT COUNT(*) FROM products")).toLongLong(), 1);
}

void tst_ImportWizard::cancelRollsBack()
{
    MD_VERIFY(test::fillAwkwardShop(*m_db));
    const QString before = test::databaseDigest(*m_db);
    QByteArray content = "sku,title,base_price\n";
    for (int i = 0; i < 60000; ++i)
        content += "C-" + QByteArray::number(i) + ",Item,1\n";
    auto wizard = openWizard(QStringLiteral("products"), write(content));
    QVERIFY(wizard);
    wizard->next();
    wizard->next(); // Import: the run starts on its worker thread
    QCOMPARE(wizard->currentId(), int(ImportWizard::RunPage));
    wizard->findChild<QPushButton *>(QStringLiteral("cancelImportButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::SummaryPage), 60000);
    QVERIFY(!wizard->summary());
    QVERIFY(!wizard->runError().isEmpty());
    QCOMPARE(wizard->outcome(), ImportOutcome::Cancelled);
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("summaryHeadline"))
                ->text()
                .contains(QLatin1String("cancelled")));
    QCOMPARE(test::databaseDigest(*m_db), before);
}

void tst_ImportWizard::cancelInGermanIsCancelledNotFailed()
{
    // German as the app starts it (main.cpp): the language setting, the catalogues, the locale.
    const QLocale locale;
    const QList<QTranslator *> installed = qApp->findChildren<QTranslator *>();
    const auto restore = qScopeGuard([&] {
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            if (!installed.contains(translator)) {
                QCoreApplication::removeTranslator(translator);
                delete translator;
            }
        }
        QLocale::setDefault(locale);
    });
    AppSettings::setLanguage(QStringLiteral("de"));
    QVERIFY(installTranslators(*qApp).startsWith(QLatin1String("de")));
    QLocale::setDefault(QLocale::German);
    QCOMPARE(CsvImporter::tr("The import was cancelled; nothing was written"),
             QStringLiteral("Der Import wurde abgebrochen; es wurde nichts geschrieben"));

    MD_VERIFY(test::fillAwkwardShop(*m_db));
    const QString before = test::databaseDigest(*m_db);
    // Large enough that the import is still reading when the first progress report arrives.
    QByteArray content = "sku,title,base_price\n";
    for (int i = 0; i < 200000; ++i)
        content += "G-" + QByteArray::number(i) + ",Artikel,1\n";
    auto wizard = openWizard(QStringLiteral("products"), write(content));
    QVERIFY(wizard);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ImportWizard::OptionsPage));
    auto *run = qobject_cast<ImportRunPage *>(wizard->page(ImportWizard::RunPage));
    QVERIFY(run);
    int reports = 0;
    connect(run, &ImportRunPage::progress, run, [&reports, run] {
        if (++reports == 1)
            run->findChild<QPushButton *>(QStringLiteral("cancelImportButton"))->click();
    });
    wizard->next(); // Import
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::SummaryPage), 60000);
    QVERIFY(reports > 0);

    // The importer says so in German, without the English word the summary once looked for.
    QVERIFY(!wizard->summary());
    QVERIFY2(wizard->runError().contains(QStringLiteral("abgebrochen")),
             qPrintable(wizard->runError()));
    QVERIFY(!wizard->runError().contains(QLatin1String("cancelled")));
    auto *summary = qobject_cast<ImportSummaryPage *>(wizard->currentPage());
    QVERIFY(summary);
    QCOMPARE(summary->outcome(), ImportOutcome::Cancelled);
    QCOMPARE(wizard->outcome(), ImportOutcome::Cancelled);
    const QString headline = wizard->findChild<QLabel *>(QStringLiteral("summaryHeadline"))->text();
    QCOMPARE(headline, ImportSummaryPage::tr("The import was cancelled. Nothing was written."));
    QVERIFY(headline != ImportSummaryPage::tr("The import failed. Nothing was written."));
    QCOMPARE(value(*m_db, QStringLiteral("SELECT COUNT(*) FROM products WHERE sku LIKE 'G-%'"))
                 .toLongLong(),
             0);
    QCOMPARE(test::databaseDigest(*m_db), before);
}

void tst_ImportWizard::replaceAsksFirst()
{
    MD_VERIFY(test::fillAwkwardShop(*m_db));
    const qint64 stored
        = value(*m_db, QStringLiteral("SELECT COUNT(*) FROM suppressions")).toLongLong();
    QVERIFY(stored > 0);
    auto wizard = openWizard(QStringLiteral("suppressions"),
                             write("email,reason\nnew@example.com,manual\n"));
    QVERIFY(wizard);
    wizard->next();
    wizard->findChild<QRadioButton *>(QStringLiteral("mode_replace"))->setChecked(true);
    QString question;
    const auto answer = [&](QMessageBox::ButtonRole role) {
        return [&question, role](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box)
                return false;
            question = box->text() + QLatin1Char(' ') + box->informativeText();
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == role)
                    button->click();
            }
            return true;
        };
    };
    withModalHandler(answer(QMessageBox::RejectRole), [&] { wizard->next(); });
    QVERIFY2(question.contains(QLatin1String("Email suppressions")), qPrintable(question));
    QCOMPARE(wizard->currentId(), int(ImportWizard::OptionsPage));
    QCOMPARE(value(*m_db, QStringLiteral("SELECT COUNT(*) FROM suppressions")).toLongLong(),
             stored);

    withModalHandler(answer(QMessageBox::DestructiveRole), [&] { wizard->next(); });
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::SummaryPage), 60000);
    QVERIFY(wizard->summary() && wizard->summary()->written);
    QCOMPARE(wizard->summary()->deleted, stored);
    QCOMPARE(value(*m_db, QStringLiteral("SELECT COUNT(*) FROM suppressions")).toLongLong(), 1);
}

void tst_ImportWizard::exportFromPageWritesTheFile()
{
    MD_VERIFY(test::fillAwkwardShop(*m_db));
    QByteArray expected;
    {
        QBuffer buffer(&expected);
        buffer.open(QIODevice::WriteOnly);
        auto rows = CsvExporter::exportTo(*m_db, *EntityCatalog::find(QStringLiteral("customers")),
                                          &buffer);
        MD_VERIFY(rows);
        QVERIFY(*rows > 0);
    }
    AppSettings::setLastTransferFolder(m_dir->path()); // where the file dialog starts
    CustomersPage page(m_scratch->spec());
    page.show();
    const QString path = m_dir->filePath(QStringLiteral("customers-out.csv"));
    QString message;
    withModalHandler(
        [&](QWidget *modal) {
            if (auto *dialog = qobject_cast<QFileDialog *>(modal)) {
                // Type the whole path into the name field, as a user may: selectedFiles() reads
                // it at once, where selectFile() waits for the folder to load, which under load
                // could take longer than the test.
                auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                if (name)
                    name->setText(path);
                else
                    dialog->selectFile(path);
                if (dialog->selectedFiles().value(0) != path)
                    return false;
                static_cast<QDialog *>(dialog)->accept(); // QFileDialog hides it
                return true;
            }
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                message = box->text();
                box->accept();
                return true;
            }
            return false;
        },
        [&] { page.transferButtons()->exportButton()->click(); });
    QVERIFY2(message.contains(QLatin1String("exported")), qPrintable(message));
    QVERIFY2(message.contains(QDir::toNativeSeparators(path)), qPrintable(message));
    QCOMPARE(test::readFile(path), expected);
    const qint64 rows = value(*m_db, QStringLiteral("SELECT COUNT(*) FROM customers")).toLongLong();
    QVERIFY2(message.contains(QString::number(rows)), qPrintable(message));
}

void tst_ImportWizard::importFromPageReloadsIt()
{
    CatalogPage page(m_scratch->spec());
    page.show();
    QTRY_VERIFY(!page.model()->isLoading());
    QCOMPARE(page.model()->rowCount(), 0);
    const QString path = write("sku,title,base_price\nN-1,Mug,1\nN-2,Cup,2\n");
    bool driven = false;
    withModalHandler(
        [&](QWidget *modal) {
            auto *wizard = qobject_cast<ImportWizard *>(modal);
            if (!wizard || driven)
                return false;
            driven = true;
            [&] {
                wizard->setFilePath(path);
                wizard->next();
                wizard->next();
                wizard->next();
                QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::SummaryPage),
                                          60000);
            }();
            wizard->accept();
            return true;
        },
        [&] {
            QToolButton *button = page.transferButtons()->importButton();
            // Catalog imports products or stock levels: the menu names them.
            QMenu *menu = button->menu();
            QVERIFY(menu);
            QAction *products = menu->findChild<QAction *>(QStringLiteral("importButton_products"));
            QVERIFY(products);
            products->trigger();
        });
    QVERIFY(driven);
    QTRY_COMPARE(page.model()->rowCount(), 2);
}

void tst_ImportWizard::everyStepHasWords()
{
    // Walks a WooCommerce export through every step. With MD_SCREENSHOT_DIR set, each step is
    // saved there as a PNG for the docs and for review.
    const QString shots = qEnvironmentVariable("MD_SCREENSHOT_DIR");
    ImportWizard wizard(m_scratch->spec(), QStringLiteral("products"));
    wizard.resize(1180, 720);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const auto shoot = [&](const char *name, bool settle = true) {
        QVERIFY(!wizard.currentPage()->title().isEmpty());
        if (!shots.isEmpty()) {
            if (settle)
                QApplication::processEvents();
            QVERIFY(wizard.grab().save(QDir(shots).filePath(QLatin1String(name) + u".png")));
        }
    };
    wizard.setFilePath(test::csvDataFile(QStringLiteral("woocommerce_products_export.csv")));
    shoot("import-1-file");
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::ReadPage));
    // The regular price fills base_price (and current_price when there is no sale price).
    QVERIFY2(mappingCombo(wizard, "base_price")->currentText().endsWith(u"Regular price"),
             qPrintable(mappingCombo(wizard, "base_price")->currentText()));
    QVERIFY(mappingCombo(wizard, "current_price")->currentText().endsWith(u"Sale price"));
    shoot("import-2-read");
    wizard.next();
    wizard.findChild<QPushButton *>(QStringLiteral("validateButton"))->click();
    auto *status = wizard.findChild<QLabel *>(QStringLiteral("validateStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("No problems")), 30000);
    shoot("import-3-options");
    wizard.next();
    if (wizard.currentId() == ImportWizard::RunPage)
        shoot("import-4-run", false); // before the worker's end moves on to the summary
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::SummaryPage), 60000);
    QVERIFY(wizard.summary() && wizard.summary()->written);
    QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("summaryCounts"))
                ->text()
                .contains(QLatin1String("Skipped: ")));
    shoot("import-5-summary");
}

QTEST_MAIN(tst_ImportWizard)
#include "tst_importwizard.moc"
