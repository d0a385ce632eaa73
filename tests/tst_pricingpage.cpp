// The Repricing page on a small known shop: the preview shows the engine's decisions, the
// filters, the search and the totals narrow them, applying the ticked changes changes the prices
// and records a run, undo puts them back (and reports a product changed since), and the rule
// editor refuses bad input naming the field and stores good input.

#include "db/sql.h"
#include "pricing/pricingpage.h"
#include "pricing/pricingpreviewmodel.h"
#include "pricing/pricingproposalstore.h"
#include "pricing/pricingrulestore.h"
#include "pricing/pricingrunsmodel.h"
#include "pricing/pricingrunstore.h"
#include "pricing/pricingservice.h"
#include "pricing/proposaldialog.h"
#include "pricing/ruleeditor.h"
#include "pricing/scheduleeditor.h"
#include "schedule/jobscheduler.h"
#include "schedule/schedulestore.h"
#include "schedule/standardjobs.h"
#include "seedproducts.h"
#include "testdb.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace md;

namespace {

// The same five products as tst_pricingpreview, whose decisions are worked out there:
// A-100 +15 % to 11.50, B-200 -15 % (capped) to 10.20, C-300 held, D-400 +6.25 % to 8.50,
// E-500 skipped (no cost, no minimum price).
Status seed(const Database &db)
{
    struct Row
    {
        const char *sku;
        std::optional<qint64> cost;
        qint64 base;
        qint64 current;
        int stock;
        double demand;
    };
    const Row rows[] = {
        {"A-100", 500, 1000, 1000, 5, 3.0},          {"B-200", 500, 1000, 1200, 50, 0.0},
        {"C-300", 500, 1000, 1500, 150, 2.0},        {"D-400", 200, 800, 800, 20, 1.25},
        {"E-500", std::nullopt, 1000, 1000, 5, 2.0},
    };
    std::vector<test::SeedProduct> products;
    for (const Row &row : rows) {
        const QString sku = QString::fromLatin1(row.sku);
        products.push_back({.sku = sku,
                            .title = QStringLiteral("Tea %1").arg(sku),
                            .category = QStringLiteral("Tea"),
                            .costCents = row.cost,
                            .basePriceCents = row.base,
                            .currentPriceCents = row.current,
                            .stockLevel = row.stock,
                            .demandScore = row.demand});
    }
    return test::seedProducts(db, products);
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->data(model->index(row, column)).toString();
}

QStringList column(const QAbstractItemModel *model, int column)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values << cell(model, row, column);
    return values;
}

QStringList names(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list << QString::fromUtf8(text);
    return list;
}

} // namespace

class tst_RepricingPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void previewShowsTheDecisions();
    void filtersSearchAndTotals();
    void applyChangesPricesAndUndoRestores();
    void invalidRulesAreRefusedNamingTheField_data();
    void invalidRulesAreRefusedNamingTheField();
    void rulesAreSavedAndUsed();
    void lockedProductsAreLeftAlone();
    void scheduleEditorSavesThroughTheScheduler();
    void pendingProposalIsShownAndApplied();

private:
    bool computePreview();
    QStringList prices();

    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::unique_ptr<PricingPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QStringList m_questions;
};

void tst_RepricingPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_RepricingPage::init()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    {
        auto db = m_scratch->open();
        MD_VERIFY(db);
        MD_VERIFY(seed(*db));
    }
    m_page = std::make_unique<PricingPage>(m_scratch->spec());
    m_questions.clear();
    m_page->setConfirm([this](const QString &, const QString &question) {
        m_questions << question;
        return true;
    });
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_page->previewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void tst_RepricingPage::cleanup()
{
    m_tester.reset();
    m_page.reset();
    m_scratch.reset();
}

bool tst_RepricingPage::computePreview()
{
    QSignalSpy shown(m_page.get(), &PricingPage::previewShown);
    if (!m_page->computePreview())
        return false;
    return shown.wait(30000);
}

QStringList tst_RepricingPage::prices()
{
    auto db = m_scratch->open();
    if (!db)
        return {db.error()};
    auto rows = sql::select(db->sql(), QStringLiteral("SELECT sku, current_price_cents FROM "
                                                      "products ORDER BY sku"));
    if (!rows)
        return {rows.error()};
    QStringList seen;
    while (rows->next())
        seen << rows->value(0).toString() + QLatin1Char('=') + rows->value(1).toString();
    return seen;
}

void tst_RepricingPage::previewShowsTheDecisions()
{
    QVERIFY(!m_page->applyButton()->isEnabled()); // nothing to apply before a preview
    QVERIFY(computePreview());
    const PricingPreviewModel *model = m_page->previewModel();
    using C = PricingPreviewModel;
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(column(model, C::Sku), (names({"A-100", "B-200", "D-400"})));
    QCOMPARE(column(model, C::ProposedPrice), (names({"11.50", "10.20", "8.50"})));
    QCOMPARE(cell(model, 0, C::ChangePct), QStringLiteral("+15.0 %"));
    QCOMPARE(cell(model, 1, C::ChangePct), QStringLiteral("-15.0 %"));
    QCOMPARE(cell(model, 1, C::Limit), QStringLiteral("cap"));
    QCOMPARE(cell(model, 0, C::Reason), QStringLiteral("Low stock (5), demand 3.00: +15.0 %"));
    QCOMPARE(cell(model, 0, C::LowestRecentPrice), QStringLiteral("10.00"));
    QCOMPARE(m_page->previewTable()->model(), model);
    // Every change starts ticked; the button says how many.
    QCOMPARE(model->checkedCount(), 3);
    QVERIFY(m_page->applyButton()->isEnabled());
    QVERIFY2(m_page->applyButton()->text().contains(QLatin1String("(3)")),
             qPrintable(m_page->applyButton()->text()));
    QVERIFY2(m_page->lastMessage().contains(QLatin1String("5 products")),
             qPrintable(m_page->lastMessage()));
    QVERIFY(m_page->lastMessage().contains(QLatin1String("3 prices would change")));

    // Selecting a row shows that product's history: no changes yet, its price now.
    m_page->previewTable()->selectRow(1);
    QCOMPARE(m_page->historyModel()->rowCount(), 2);
    QCOMPARE(m_page->historySeries()->count(), 2);
    QCOMPARE(m_page->historySeries()->at(1).y(), 12.0);
}

void tst_RepricingPage::filtersSearchAndTotals()
{
    QVERIFY(computePreview());
    const PricingPreviewModel *model = m_page->previewModel();
    QComboBox *filter = m_page->filterBox();
    const auto choose = [filter](PricingPreviewModel::Filter which) {
        filter->setCurrentIndex(filter->findData(int(which)));
    };
    const QString totals = m_page->totalsLabel()->text();
    QVERIFY2(totals.contains(QLatin1String("3 rows, 2 up, 1 down, 1 capped")), qPrintable(totals));
    // (15 + 6.25 - 15) / 3 = +2.08 %
    QVERIFY2(totals.contains(QLatin1String("average change +2.1 %")), qPrintable(totals));

    choose(PricingPreviewModel::Filter::Increases);
    QCOMPARE(column(model, PricingPreviewModel::Sku), (names({"A-100", "D-400"})));
    QVERIFY(m_page->totalsLabel()->text().contains(QLatin1String("2 rows, 2 up, 0 down")));
    QVERIFY(m_page->totalsLabel()->text().contains(QLatin1String("average change +10.6 %")));
    choose(PricingPreviewModel::Filter::Decreases);
    QCOMPARE(column(model, PricingPreviewModel::Sku), names({"B-200"}));
    choose(PricingPreviewModel::Filter::Capped);
    QCOMPARE(column(model, PricingPreviewModel::Sku), names({"B-200"}));
    choose(PricingPreviewModel::Filter::Everything);
    QCOMPARE(model->rowCount(), 5);
    QVERIFY(m_page->totalsLabel()->text().contains(QLatin1String("1 unchanged, 1 skipped")));

    m_page->searchField()->setText(QStringLiteral("tea d"));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(cell(model, 0, PricingPreviewModel::Sku), QStringLiteral("D-400"));
    QVERIFY(m_page->totalsLabel()->text().contains(QLatin1String("1 rows, 1 up")));
    m_page->searchField()->clear();
    QTRY_COMPARE(model->rowCount(), 5);
}

void tst_RepricingPage::applyChangesPricesAndUndoRestores()
{
    QVERIFY(computePreview());
    PricingPreviewModel *model = m_page->previewModel();
    // Approve two of the three: D-400 stays as it is.
    QVERIFY(model->setData(model->index(2, PricingPreviewModel::Sku), Qt::Unchecked,
                           Qt::CheckStateRole));
    QVERIFY(m_page->applyButton()->text().contains(QLatin1String("(2)")));

    QSignalSpy applied(m_page.get(), &PricingPage::applied);
    QVERIFY(m_page->applyChecked());
    QCOMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.first().contains(QLatin1String("Prices that change: 2 (1 up, 1 down)")),
             qPrintable(m_questions.first()));
    QVERIFY(applied.wait(30000));
    const auto report = applied.first().first().value<PricingRunReport>();
    QCOMPARE(report.changed, 2);
    QVERIFY(report.conflicts.empty());
    QCOMPARE(prices(),
             (names({"A-100=1150", "B-200=1020", "C-300=1500", "D-400=800", "E-500=1000"})));
    // The preview is spent; the run is listed, newest first, as a manual run of two changes.
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!m_page->applyButton()->isEnabled());
    PricingRunsModel *runs = m_page->runsModel();
    QAbstractItemModelTester runsTester(runs,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_page->runsTable()->model(), runs);
    QCOMPARE(runs->rowCount(), 1);
    QCOMPARE(runs->index(0, 0).data(PricingRunsModel::RunIdRole).toLongLong(), report.runId);
    QCOMPARE(cell(runs, 0, PricingRunsModel::Source), QStringLiteral("Manual"));
    QCOMPARE(cell(runs, 0, PricingRunsModel::Changes), QStringLiteral("2"));
    QCOMPARE(cell(runs, 0, PricingRunsModel::State), QStringLiteral("Applied"));
    QVERIFY(runs->index(0, PricingRunsModel::State).data(PricingRunsModel::CanUndoRole).toBool());
    m_page->runsTable()->selectRow(0);
    QCOMPARE(m_page->runsTable()->selectionModel()->selectedRows().size(), 1);
    QVERIFY(m_page->findChild<QPushButton *>(QStringLiteral("undoRun"))->isEnabled());
    QCOMPARE(m_page->runChangesTable()->rowCount(), 2);
    QCOMPARE(m_page->runChangesTable()->item(0, 0)->text(), QStringLiteral("A-100"));

    // Someone changes B-200 by hand in between: undo leaves it alone and says so.
    {
        auto db = m_scratch->open();
        MD_VERIFY(db);
        MD_VERIFY(
            sql::exec(db->sql(), QStringLiteral("UPDATE products SET current_price_cents = 999 "
                                                "WHERE sku = 'B-200'")));
    }
    QSignalSpy undone(m_page.get(), &PricingPage::undone);
    QVERIFY(m_page->undoSelectedRun());
    QCOMPARE(m_questions.size(), 2);
    QVERIFY(undone.wait(30000));
    const auto undo = undone.first().first().value<PricingRunReport>();
    QCOMPARE(undo.changed, 1);
    QCOMPARE(undo.conflicts.size(), size_t(1));
    QCOMPARE(undo.conflicts.front().sku, QStringLiteral("B-200"));
    QVERIFY2(m_page->lastMessage().contains(QLatin1String("prices restored: 1")),
             qPrintable(m_page->lastMessage()));
    QVERIFY2(m_page->lastMessage().contains(QLatin1String("B-200: now 9.99 (expected 10.20)")),
             qPrintable(m_page->lastMessage()));
    QCOMPARE(prices(),
             (names({"A-100=1000", "B-200=999", "C-300=1500", "D-400=800", "E-500=1000"})));
    // Both runs listed, newest first, with nothing left of the rows before: the undo, then
    // the run it undid, which can no longer be undone.
    QCOMPARE(runs->rowCount(), 2);
    QCOMPARE(runs->index(0, 0).data(PricingRunsModel::RunIdRole).toLongLong(), undo.runId);
    QCOMPARE(cell(runs, 0, PricingRunsModel::Source), QStringLiteral("Undo"));
    QCOMPARE(cell(runs, 0, PricingRunsModel::State),
             QStringLiteral("Undid run %1").arg(report.runId));
    QCOMPARE(cell(runs, 0, PricingRunsModel::Changes), QStringLiteral("1"));
    QCOMPARE(runs->index(1, 0).data(PricingRunsModel::RunIdRole).toLongLong(), report.runId);
    QVERIFY(cell(runs, 1, PricingRunsModel::State).startsWith(QLatin1String("Undone")));
    QVERIFY(!runs->index(1, 0).data(PricingRunsModel::CanUndoRole).toBool());
    // The undone run stays selected across the reload, and shows its own changes.
    QCOMPARE(m_page->runsTable()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(m_page->runsTable()->selectionModel()->selectedRows().constFirst().row(), 1);
    QCOMPARE(m_page->runChangesTable()->rowCount(), 2);
    QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("undoRun"))->isEnabled());
    // The undo run itself cannot be undone either.
    m_page->runsTable()->selectRow(0);
    QCOMPARE(m_page->runChangesTable()->rowCount(), 1);
    QCOMPARE(m_page->runChangesTable()->item(0, 0)->text(), QStringLiteral("A-100"));
    QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("undoRun"))->isEnabled());
    // An undo, too, leaves no preview behind: its old prices are not the shop's any more.
    QCOMPARE(model->rowCount(), 0);

    // The history chart of A-100: up to 11.50 and back to 10.00, then now.
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto id = sql::scalar(db->sql(), QStringLiteral("SELECT id FROM products WHERE sku = 'A-100'"));
    MD_VERIFY(id);
    m_page->showHistory(id->toLongLong(), QStringLiteral("A-100"));
    QLineSeries *series = m_page->historySeries();
    QCOMPARE(series->count(), 5);
    QCOMPARE(series->at(0).y(), 10.0);
    QCOMPARE(series->at(1).y(), 11.5);
    QCOMPARE(series->at(3).y(), 10.0);
    QCOMPARE(series->at(4).y(), 10.0);
}

void tst_RepricingPage::invalidRulesAreRefusedNamingTheField_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named");
    const auto row = [](const char *name, const char *key, const char *text, const char *named) {
        QTest::newRow(name) << QString::fromUtf8(key) << QString::fromUtf8(text)
                            << QString::fromUtf8(named);
    };
    row("negative threshold", "pricing.low_stock_threshold", "-1", "Low stock threshold");
    row("missing step", "pricing.demand_step_pct", "", "Price step per demand point (%)");
    row("text as percent", "pricing.max_step_pct", "abc", "Largest move per run (%)");
    row("negative margin", "pricing.min_margin_pct", "-5", "Minimum margin over cost (%)");
    row("fraction of hours", "pricing.cooldown_hours", "1.5", "Cool-down (hours)");
    row("high below low", "pricing.high_stock_threshold", "10",
        "High stock threshold (10) must not be below");
}

void tst_RepricingPage::invalidRulesAreRefusedNamingTheField()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(QString, named);
    auto *edit = m_page->ruleEditor()->findChild<QLineEdit *>(key);
    QVERIFY(edit);
    edit->setText(text);
    QVERIFY(!m_page->saveRules());
    QLabel *error = m_page->ruleEditor()->errorLabel();
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(named), qPrintable(error->text()));
    QVERIFY2(m_page->lastMessage().contains(named), qPrintable(m_page->lastMessage()));
    QVERIFY(!edit->styleSheet().isEmpty()); // the field is marked
    // Nothing stored, and no preview from rules that do not parse.
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto stored = PricingRuleStore::load(*db);
    MD_VERIFY(stored);
    QVERIFY(*stored == PricingRules::defaults());
    QVERIFY(!m_page->computePreview());
    QVERIFY(!m_page->isBusy());
}

void tst_RepricingPage::rulesAreSavedAndUsed()
{
    RuleEditor *editor = m_page->ruleEditor();
    editor->findChild<QLineEdit *>(QStringLiteral("pricing.max_step_pct"))
        ->setText(QStringLiteral("10"));
    QVERIFY(m_page->saveRules());
    QVERIFY(editor->errorLabel()->isHidden());
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto stored = PricingRuleStore::load(*db);
    MD_VERIFY(stored);
    QCOMPARE(stored->maxStepBp, 1000);
    // What 0 means stands beside the fields where it is no count of anything.
    QCOMPARE(
        editor->findChild<QLabel *>(QStringLiteral("pricing.max_changes_per_run.note"))->text(),
        QStringLiteral("0 = no limit"));
    QCOMPARE(editor->findChild<QLabel *>(QStringLiteral("pricing.cooldown_hours.note"))->text(),
             QStringLiteral("0 = off"));

    // The preview uses them: A-100 capped at +10 %.
    QVERIFY(computePreview());
    QCOMPARE(cell(m_page->previewModel(), 0, PricingPreviewModel::ProposedPrice),
             QStringLiteral("11.00"));
    QCOMPARE(cell(m_page->previewModel(), 0, PricingPreviewModel::Limit), QStringLiteral("cap"));
}

void tst_RepricingPage::lockedProductsAreLeftAlone()
{
    QVERIFY(computePreview());
    m_page->previewTable()->selectRow(0);
    m_page->findChild<QPushButton *>(QStringLiteral("lockSelected"))->click();
    auto *locked = m_page->findChild<QListWidget *>(QStringLiteral("lockedProducts"));
    QCOMPARE(locked->count(), 1);
    QVERIFY(locked->item(0)->text().startsWith(QLatin1String("A-100")));
    QVERIFY(computePreview());
    QCOMPARE(column(m_page->previewModel(), PricingPreviewModel::Sku), (names({"B-200", "D-400"})));

    locked->item(0)->setSelected(true);
    m_page->findChild<QPushButton *>(QStringLiteral("unlockSelected"))->click();
    QCOMPARE(locked->count(), 0);
    QVERIFY(computePreview());
    QCOMPARE(m_page->previewModel()->rowCount(), 3);
}

void tst_RepricingPage::scheduleEditorSavesThroughTheScheduler()
{
    ScheduleEditor *editor = m_page->scheduleEditor();
    QVERIFY(!editor->activeBox()->isEnabled()); // no scheduler yet
    JobScheduler scheduler(m_scratch->spec(), StandardJobs::runner());
    MD_VERIFY(scheduler.start());
    m_page->setScheduler(&scheduler);
    QVERIFY(editor->activeBox()->isEnabled());
    QVERIFY(!editor->activeBox()->isChecked());

    editor->activeBox()->setChecked(true);
    editor->timesButton()->setChecked(true);
    editor->timesField()->setText(QStringLiteral("25:00"));
    QVERIFY(!editor->save());
    QVERIFY2(editor->messageLabel()->text().startsWith(QLatin1String("Times of day:")),
             qPrintable(editor->messageLabel()->text()));

    editor->timesField()->setText(QStringLiteral("14:30, 02:00"));
    editor->applyButton()->setChecked(true);
    QVERIFY(editor->save());
    const JobSchedule saved = scheduler.schedule(QStringLiteral("reprice"));
    QVERIFY(saved.enabled);
    QCOMPARE(saved.kind, JobSchedule::Kind::TimesOfDay);
    QCOMPARE(saved.timesText(), QStringLiteral("02:00,14:30"));
    QCOMPARE(saved.mode, JobSchedule::Mode::Apply);
    QVERIFY(scheduler.nextRunAt(QStringLiteral("reprice")).isValid());
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto stored = ScheduleStore::load(*db, QStringLiteral("reprice"));
    MD_VERIFY(stored);
    QVERIFY(stored->enabled);

    // Every 6 hours, preview only.
    editor->intervalButton()->setChecked(true);
    editor->hoursBox()->setValue(6);
    editor->previewButton()->setChecked(true);
    QVERIFY(editor->save());
    QCOMPARE(scheduler.schedule(QStringLiteral("reprice")).intervalMinutes, 360);
    QCOMPARE(scheduler.schedule(QStringLiteral("reprice")).mode, JobSchedule::Mode::Preview);
    m_page->setScheduler(nullptr);
}

void tst_RepricingPage::pendingProposalIsShownAndApplied()
{
    auto banner = m_page->findChild<QWidget *>(QStringLiteral("proposalBanner"));
    QVERIFY(banner && banner->isHidden());
    QCOMPARE(m_page->pendingProposalId(), -1);
    {
        // What a scheduled run set to "prepare for approval" leaves: the three changes.
        auto db = m_scratch->open();
        MD_VERIFY(db);
        auto preview = PricingService::preview(*db, QDateTime::currentSecsSinceEpoch());
        MD_VERIFY(preview);
        MD_VERIFY(PricingProposalStore::create(*db, **preview, {}, PricingRunSource::Schedule,
                                               QStringLiteral("scheduler"),
                                               QDateTime::currentSecsSinceEpoch()));
        // D-400 changes by hand after the proposal was made: its item is stale.
        MD_VERIFY(sql::exec(db->sql(), QStringLiteral("UPDATE products SET current_price_cents "
                                                      "= 805 WHERE sku = 'D-400'")));
    }
    m_page->reloadProposal();
    QVERIFY(m_page->pendingProposalId() > 0);
    QVERIFY(!banner->isHidden());
    auto *text = banner->findChild<QLabel *>();
    QVERIFY2(text->text().contains(QLatin1String("for your approval: 3")),
             qPrintable(text->text()));

    // The dialog's table: stale items start unticked, the rest ticked.
    auto db = m_scratch->open();
    MD_VERIFY(db);
    auto items = PricingProposalStore::items(*db, m_page->pendingProposalId());
    MD_VERIFY(items);
    ProposalDialog dialog(*items);
    ProposalTableModel *model = dialog.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->checkedCount(), 2);
    QCOMPARE(cell(model, 2, ProposalTableModel::Sku), QStringLiteral("D-400"));
    QCOMPARE(cell(model, 2, ProposalTableModel::Now), QStringLiteral("8.05 (changed)"));
    QVERIFY(model->setData(model->index(1, ProposalTableModel::Sku), Qt::Unchecked,
                           Qt::CheckStateRole));
    const std::vector<qint64> approved = dialog.approvedProductIds();
    QCOMPARE(approved.size(), size_t(1)); // A-100 only

    QSignalSpy applied(m_page.get(), &PricingPage::applied);
    QVERIFY(m_page->applyProposal(approved));
    QVERIFY(applied.wait(30000));
    QCOMPARE(applied.first().first().value<PricingRunReport>().changed, 1);
    QCOMPARE(prices(),
             names({"A-100=1150", "B-200=1200", "C-300=1500", "D-400=805", "E-500=1000"}));
    // The proposal is decided: the banner goes, the run is listed as a scheduled one.
    QCOMPARE(m_page->pendingProposalId(), -1);
    QVERIFY(banner->isHidden());
    QCOMPARE(m_page->runsModel()->rowCount(), 1);
    QCOMPARE(cell(m_page->runsModel(), 0, PricingRunsModel::Source), QStringLiteral("Schedule"));
}

QTEST_MAIN(tst_RepricingPage)
#include "tst_pricingpage.moc"
