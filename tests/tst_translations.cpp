// The German catalogue: every message of translations/merchantdesk_de.ts is translated and keeps
// its placeholders and accelerator, and the compiled catalogue is reached through the very calls
// the code makes, so a message filed under a context the code does not ask for fails here.

#include "catalog/catalogpage.h"
#include "catalog/catalogquery.h"
#include "clirun.h"
#include "dashboard/dashboardpage.h"
#include "db/database.h"
#include "db/instancelock.h"
#include "db/sqlitebackup.h"
#include "dialogs/backupprogress.h"
#include "mainwindow.h"
#include "sales/customerquery.h"
#include "sales/dashboardmetrics.h"
#include "sales/orderquery.h"
#include "startup.h"
#include "testdb.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <utility>

using namespace md;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString type; // "unfinished", "vanished", "obsolete" or empty
    bool numerus = false;
    QStringList forms; // one translation, or one per plural form
};

// Reads <translation>: plain text, or <numerusform> children for plural messages.
void readTranslation(QXmlStreamReader &xml, TsMessage &message)
{
    message.type = xml.attributes().value(QLatin1String("type")).toString();
    QString text;
    while (xml.readNext() != QXmlStreamReader::EndElement || xml.name() != u"translation") {
        if (xml.atEnd())
            return;
        if (xml.isStartElement() && xml.name() == u"numerusform")
            message.forms << xml.readElementText();
        else if (xml.isCharacters())
            text += xml.text();
    }
    if (!message.numerus)
        message.forms << text;
}

QList<TsMessage> parseTs(const QByteArray &data, QString *error)
{
    QList<TsMessage> messages;
    QXmlStreamReader xml(data);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"context") {
            context.clear();
        } else if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            TsMessage message;
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
            while (xml.readNext() != QXmlStreamReader::EndElement || xml.name() != u"message") {
                if (xml.atEnd())
                    break;
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == u"source")
                    message.source = xml.readElementText();
                else if (xml.name() == u"translation")
                    readTranslation(xml, message);
                else
                    xml.skipCurrentElement();
            }
            messages << message;
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
        return {};
    }
    return messages;
}

// %1 … %99, %L1, %n and %Ln, as a sorted list so that order in the sentence may change.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

// "&&" is a literal ampersand; "& " is plain text.
bool hasAccelerator(QString text)
{
    static const QRegularExpression mnemonic(QStringLiteral("&\\S"));
    text.remove(QStringLiteral("&&"));
    return text.contains(mnemonic);
}

QStringList problemsOf(const TsMessage &message)
{
    QStringList problems;
    if (!message.type.isEmpty())
        problems << QStringLiteral("marked %1").arg(message.type);
    if (message.numerus && message.forms.size() != 2) {
        problems << QStringLiteral("has %1 plural forms; German needs 2").arg(message.forms.size());
    }
    const QStringList expected = placeholders(message.source);
    for (const QString &form : message.forms) {
        if (form.trimmed().isEmpty()) {
            problems << QStringLiteral("empty translation");
            continue;
        }
        if (placeholders(form) != expected) {
            problems << QStringLiteral("placeholders %1 in \"%2\", the source has %3")
                            .arg(placeholders(form).join(QLatin1Char(' ')), form,
                                 expected.join(QLatin1Char(' ')));
        }
        if (hasAccelerator(form) != hasAccelerator(message.source)) {
            problems << (hasAccelerator(message.source)
                             ? QStringLiteral("\"%1\" lost the & accelerator").arg(form)
                             : QStringLiteral("\"%1\" adds an & accelerator").arg(form));
        }
    }
    if (message.forms.isEmpty())
        problems << QStringLiteral("no translation");
    return problems;
}

QStringList problemsIn(const QList<TsMessage> &messages)
{
    QStringList all;
    for (const TsMessage &message : messages) {
        for (const QString &problem : problemsOf(message))
            all << QStringLiteral("%1: \"%2\": %3").arg(message.context, message.source, problem);
    }
    return all;
}

QByteArray tsWith(const QByteArray &message)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n"
           "<TS version=\"2.1\" language=\"de_DE\">\n<context>\n<name>md::Sample</name>\n"
           + message + "\n</context>\n</TS>\n";
}

QByteArray readTsFile(QString *error, const QString &path = QStringLiteral(MD_TS_FILE))
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    return file.readAll();
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void checkerJudgesMessages_data();
    void checkerJudgesMessages();
    void germanCatalogueIsComplete();

    void widgetClassesSpeakGerman();
    void declaredTrClassesSpeakGerman();
    void errorsFromModelCodeArriveInGerman();
    void pluralFormsFollowTheCount();
    void englishPluralsReadAsEnglish();
    void commandLineFollowsTheLanguageSetting();

private:
    QTranslator m_german;
};

void tst_Translations::initTestCase()
{
    QVERIFY2(m_german.load(QStringLiteral(":/i18n/merchantdesk_de.qm")),
             "the compiled German catalogue is not embedded under :/i18n");
    QVERIFY(QCoreApplication::installTranslator(&m_german));
}

void tst_Translations::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_german);
}

void tst_Translations::checkerJudgesMessages_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("problem"); // a part of the expected complaint; empty: none

    QTest::newRow("complete") << QByteArray("<message><source>Cannot open %1: %2</source>"
                                            "<translation>%1 kann nicht geöffnet werden: %2"
                                            "</translation></message>")
                              << QString();
    QTest::newRow("placeholders in another order")
        << QByteArray("<message><source>%1 of %2</source>"
                      "<translation>%2: %1</translation></message>")
        << QString();
    QTest::newRow("accelerator moved to another letter")
        << QByteArray("<message><source>&amp;File</source>"
                      "<translation>&amp;Datei</translation></message>")
        << QString();
    QTest::newRow("plural with both forms")
        << QByteArray("<message numerus=\"yes\"><source>%n row(s)</source><translation>"
                      "<numerusform>%n Zeile</numerusform><numerusform>%n Zeilen</numerusform>"
                      "</translation></message>")
        << QString();
    QTest::newRow("unfinished") << QByteArray("<message><source>Quit</source><translation "
                                              "type=\"unfinished\">Beenden</translation>"
                                              "</message>")
                                << QStringLiteral("marked unfinished");
    QTest::newRow("empty") << QByteArray("<message><source>Quit</source>"
                                         "<translation></translation></message>")
                           << QStringLiteral("empty translation");
    QTest::newRow("placeholder dropped")
        << QByteArray("<message><source>Cannot open %1: %2</source>"
                      "<translation>Kann nicht öffnen: %2</translation></message>")
        << QStringLiteral("the source has %1 %2");
    QTest::newRow("placeholder doubled instead of the next")
        << QByteArray("<message><source>%1 of %2</source>"
                      "<translation>%1 von %1</translation></message>")
        << QStringLiteral("placeholders %1 %1");
    QTest::newRow("localised placeholder lost its L")
        << QByteArray("<message><source>%L1 rows</source>"
                      "<translation>%1 Zeilen</translation></message>")
        << QStringLiteral("the source has %L1");
    QTest::newRow("plural form without %n")
        << QByteArray("<message numerus=\"yes\"><source>%n row(s)</source><translation>"
                      "<numerusform>eine Zeile</numerusform><numerusform>%n Zeilen"
                      "</numerusform></translation></message>")
        << QStringLiteral("the source has %n");
    QTest::newRow("plural with one form")
        << QByteArray("<message numerus=\"yes\"><source>%n row(s)</source><translation>"
                      "<numerusform>%n Zeilen</numerusform></translation></message>")
        << QStringLiteral("has 1 plural forms");
    QTest::newRow("accelerator lost") << QByteArray("<message><source>&amp;Quit</source>"
                                                    "<translation>Beenden</translation></message>")
                                      << QStringLiteral("lost the & accelerator");
    QTest::newRow("accelerator added")
        << QByteArray("<message><source>Quit</source>"
                      "<translation>&amp;Beenden</translation></message>")
        << QStringLiteral("adds an & accelerator");
    QTest::newRow("literal ampersand is no accelerator")
        << QByteArray("<message><source>Save &amp;&amp; Quit</source>"
                      "<translation>&amp;Speichern und beenden</translation></message>")
        << QStringLiteral("adds an & accelerator");
}

void tst_Translations::checkerJudgesMessages()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, problem);

    QString error;
    const QList<TsMessage> messages = parseTs(tsWith(message), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().context, QStringLiteral("md::Sample"));
    const QStringList problems = problemsIn(messages);
    if (problem.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    } else {
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(QStringLiteral("md::Sample: \"")),
                 qPrintable(problems.first()));
        QVERIFY2(problems.first().contains(problem), qPrintable(problems.first()));
    }
}

void tst_Translations::germanCatalogueIsComplete()
{
    QString error;
    const QByteArray data = readTsFile(&error);
    QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral(MD_TS_FILE ": ") + error));
    const QList<TsMessage> messages = parseTs(data, &error);
    QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral(MD_TS_FILE ": ") + error));
    QVERIFY(data.contains("language=\"de_DE\""));

    QSet<QString> contexts;
    for (const TsMessage &message : messages)
        contexts.insert(message.context);
    // lupdate files a tr() it cannot place under the bare namespace; the code never asks for it.
    QVERIFY2(!contexts.contains(QStringLiteral("md")),
             "messages sit in the context \"md\": a tr() outside a class that declares it");
    for (const char *expected :
         {"md::MainWindow", "md::CatalogPage", "md::CatalogQuery", "md::Database",
          "md::InstanceLock", "md::SqliteBackup", "md::DashboardMetrics", "md::BackupProgress",
          "md::Startup", "md::CommandLine"}) {
        QVERIFY2(contexts.contains(QLatin1String(expected)), expected);
    }

    const QStringList problems = problemsIn(messages);
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 of %2 messages need work:\n%3")
                                                .arg(problems.size())
                                                .arg(messages.size())
                                                .arg(problems.join(QLatin1Char('\n')))));
}

void tst_Translations::widgetClassesSpeakGerman()
{
    QCOMPARE(CatalogPage::tr("Catalog"), QStringLiteral("Katalog"));
    QCOMPARE(DashboardPage::tr("Dashboard"), QStringLiteral("Übersicht"));
    QCOMPARE(MainWindow::tr("&File"), QStringLiteral("&Datei"));
    QCOMPARE(MainWindow::tr("&Back Up Database…"), QStringLiteral("Datenbank &sichern…"));
}

void tst_Translations::declaredTrClassesSpeakGerman()
{
    const PagedQuerySpec catalog = CatalogQuery::spec();
    QCOMPARE(catalog.columns.at(CatalogQuery::Sku).title, QStringLiteral("Artikelnummer"));
    QCOMPARE(catalog.columns.at(CatalogQuery::Cost).title, QStringLiteral("Einkaufspreis"));
    QCOMPARE(catalog.columns.at(CatalogQuery::Demand).title, QStringLiteral("Nachfragewert"));
    QCOMPARE(CustomerQuery::spec().columns.at(CustomerQuery::CustomerSince).title,
             QStringLiteral("Kunde seit"));
    QCOMPARE(OrderQuery::statusLabel(QStringLiteral("cancelled")), QStringLiteral("Storniert"));
    QCOMPARE(OrderQuery::lines().columns.at(OrderQuery::LineUnitPrice).title,
             QStringLiteral("Stückpreis"));
    QCOMPARE(BackupProgress::tr("Back Up Database"), QStringLiteral("Datenbank sichern"));
    QCOMPARE(Startup::tr("Quit"), QStringLiteral("Beenden"));
    // main.cpp names the context as a string; it must match the class's own.
    QCOMPARE(QCoreApplication::translate("md::Startup", "database"), QStringLiteral("Datenbank"));
}

void tst_Translations::errorsFromModelCodeArriveInGerman()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    auto folder = DatabaseSpec::parse(dir.path());
    MD_VERIFY(folder);
    auto refused = Database::open(*folder);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("ist ein Ordner, keine Datenbankdatei")),
             qPrintable(refused.error()));

    // A database without the schema: the dashboard's helper outside the class reports the
    // missing orders table through DashboardMetrics' context.
    auto bare = DatabaseSpec::parse(dir.filePath(QStringLiteral("bare.sqlite")));
    MD_VERIFY(bare);
    auto db = Database::open(*bare, Database::Options{.migrate = false, .createIfMissing = true});
    MD_VERIFY(db);
    auto figures = DashboardMetrics::compute(*db, 1'700'000'000);
    QVERIFY(!figures);
    QVERIFY2(figures.error().startsWith(QStringLiteral("Die Bestellungen können nicht summiert")),
             qPrintable(figures.error()));

    auto first = InstanceLock::acquire(*bare);
    MD_VERIFY(first);
    auto second = InstanceLock::acquire(*bare);
    QVERIFY(!second);
    QVERIFY2(second.error().contains(QStringLiteral("ist bereits in MerchantDesk geöffnet")),
             qPrintable(second.error()));

    auto backup = SqliteBackup::run(dir.filePath(QStringLiteral("missing.sqlite")),
                                    dir.filePath(QStringLiteral("copy.sqlite")));
    QVERIFY(!backup);
    QVERIFY2(backup.error().contains(QStringLiteral("die Datei existiert nicht")),
             qPrintable(backup.error()));
}

void tst_Translations::pluralFormsFollowTheCount()
{
    const char *source = "... and %n more problem(s)";
    QCOMPARE(QCoreApplication::translate("md::ImportSummary", source, nullptr, 1),
             QStringLiteral("... und 1 weiteres Problem"));
    QCOMPARE(QCoreApplication::translate("md::ImportSummary", source, nullptr, 3),
             QStringLiteral("... und 3 weitere Probleme"));
}

void tst_Translations::englishPluralsReadAsEnglish()
{
    // The English catalogue holds the plural messages only, each with a singular and a plural
    // that keep the source's placeholders and drop its "(s)".
    QString error;
    const QByteArray data = readTsFile(&error, QStringLiteral(MD_EN_TS_FILE));
    QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral(MD_EN_TS_FILE ": ") + error));
    const QList<TsMessage> messages = parseTs(data, &error);
    QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral(MD_EN_TS_FILE ": ") + error));
    QVERIFY(!messages.isEmpty());
    const QStringList problems = problemsIn(messages);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    for (const TsMessage &message : messages) {
        QVERIFY2(message.numerus, qPrintable(message.source));
        QCOMPARE(message.forms.size(), 2);
        for (const QString &form : message.forms)
            QVERIFY2(!form.contains(QLatin1String("(s)")), qPrintable(form));
    }

    QTranslator english;
    QVERIFY2(english.load(QStringLiteral(":/i18n/merchantdesk_en.qm")),
             "the compiled English plural catalogue is not embedded under :/i18n");
    const char *source = "%n subscription(s)";
    QCOMPARE(english.translate("md::SubscriptionsPage", source, nullptr, 1),
             QStringLiteral("%n subscription"));
    QCOMPARE(english.translate("md::SubscriptionsPage", source, nullptr, 182),
             QStringLiteral("%n subscriptions"));
    QCOMPARE(english.translate("md::SubscriptionsPage", source, nullptr, 0),
             QStringLiteral("%n subscriptions"));
    // Everything else falls through to the source text.
    QVERIFY(english.translate("md::MainWindow", "Quit").isEmpty());
}

void tst_Translations::commandLineFollowsTheLanguageSetting()
{
    QVERIFY2(QFile::exists(test::cliProgram()),
             "MERCHANTDESK_CLI does not name the built merchantdesk-cli");

    // The CLI reads the language chosen in Preferences from the user's settings; a private
    // configuration folder keeps the real one out of it.
    QTemporaryDir config;
    QVERIFY(config.isValid());
    const auto run = [&](const QString &language) {
        QSettings settings(config.filePath(QStringLiteral("MerchantDesk/MerchantDesk.conf")),
                           QSettings::IniFormat);
        settings.setValue(QStringLiteral("ui/language"), language);
        settings.sync();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        const test::CliRun run = test::runCli({QStringLiteral("frobnicate")}, env);
        return std::pair(run.exitCode, run.err);
    };

    const auto [englishCode, english] = run(QStringLiteral("en"));
    QCOMPARE(englishCode, 1);
    QVERIFY2(english.contains(QStringLiteral("Unknown command \"frobnicate\"")),
             qPrintable(english));

    const auto [germanCode, german] = run(QStringLiteral("de"));
    QCOMPARE(germanCode, 1);
    QVERIFY2(german.contains(QStringLiteral("Unbekannter Befehl „frobnicate“")),
             qPrintable(german));
    QVERIFY2(german.contains(QStringLiteral("Siehe ")), qPrintable(german));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
