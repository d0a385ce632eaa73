// The Segments page on the demo shop, offscreen, on both backends: the list shows the built-in
// segments with the counts SegmentService gives, the live count follows an edit in the builder
// (and an invalid rule shows its JSON-path message in the error tone instead), the members table
// is SegmentService::members, save / duplicate / rename / delete reach the database, deleting a
// segment a campaign uses is refused naming the campaign, the chart counts twelve month ends and
// the CSV export writes every member.

#include "common/tone.h"
#include "db/sql.h"
#include "demo/demoshop.h"
#include "marketing/rfmpanel.h"
#include "marketing/rfmservice.h"
#include "marketing/segmentbuildermodel.h"
#include "marketing/segmentbuilderpanel.h"
#include "marketing/segmentexport.h"
#include "marketing/segmentsizechart.h"
#include "marketing/segmentspage.h"
#include "testdb.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace md;

namespace {

const QDate kAsOf(2026, 6, 30);

QStringList column(const QTableWidget *table, int column)
{
    QStringList out;
    for (int row = 0; row < table->rowCount(); ++row)
        out << (table->item(row, column) ? table->item(row, column)->text() : QString());
    return out;
}

} // namespace

// init's built-in segments: five by rule and one per RFM group but Others.
constexpr int kBuiltIns = 16;

class tst_SegmentsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsTheBuiltInsWithTheirCounts();
    void liveCountFollowsTheBuilder();
    void invalidRuleShowsItsPath();
    void membersAreTheServicesMembers();
    void chartCountsTwelveMonthEnds();
    void savesRenamesDuplicatesDeletes();
    void campaignKeepsItsSegment();
    void exportsTheMembers();
    void rfmTabAnalysesEveryBuyer();

private:
    // A page on the scratch database, as of kAsOf, with its list read.
    std::unique_ptr<SegmentsPage> openPage();
    qint64 asOf() const { return *SegmentService::parseAsOf(kAsOf.toString(Qt::ISODate)); }
    qint64 countOf(const QByteArray &json) const;

    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::optional<Database> m_db;
    QTemporaryDir m_dir;
};

void tst_SegmentsPage::initTestCase()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    DemoOptions options;
    options.asOf = kAsOf;
    MD_VERIFY(DemoShop::generate(*db, options));
    auto builtIns = SegmentService::createBuiltIns(*db);
    MD_VERIFY(builtIns);
    QCOMPARE(*builtIns, kBuiltIns);
    m_db.emplace(std::move(*db));
}

void tst_SegmentsPage::cleanupTestCase()
{
    m_db.reset();
    m_scratch.reset();
}

std::unique_ptr<SegmentsPage> tst_SegmentsPage::openPage()
{
    auto page = std::make_unique<SegmentsPage>(m_scratch->spec());
    page->resize(1280, 800);
    page->setAsOfDate(kAsOf);
    return page;
}

qint64 tst_SegmentsPage::countOf(const QByteArray &json) const
{
    auto rule = SegmentRule::parse(json);
    if (!rule)
        return -2;
    auto count = SegmentService::count(*m_db, *rule, asOf());
    return count ? *count : -3;
}

void tst_SegmentsPage::listsTheBuiltInsWithTheirCounts()
{
    auto page = openPage();
    auto listed = SegmentService::list(*m_db, asOf());
    MD_VERIFY(listed);
    QStringList names;
    QStringList counts;
    for (const SegmentSummary &summary : *listed) {
        names << summary.record.name;
        auto count = SegmentService::count(*m_db, summary.record.name, asOf());
        MD_VERIFY(count);
        counts << QLocale().toString(*count);
    }
    QCOMPARE(names.size(), kBuiltIns);
    QTRY_COMPARE_WITH_TIMEOUT(column(page->segmentTable(), 0), names, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(column(page->segmentTable(), 1), counts, 30000);
    // The first segment is in the builder, counted.
    QCOMPARE(page->currentName(), names.first());
    QTRY_COMPARE_WITH_TIMEOUT(page->liveCount(),
                              SegmentService::count(*m_db, names.first(), asOf()).value(), 30000);
    QVERIFY(page->liveCountLabel()->text().contains(QLocale().toString(page->liveCount())));
}

void tst_SegmentsPage::liveCountFollowsTheBuilder()
{
    auto page = openPage();
    QAbstractItemModelTester tester(page->builderModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(page->selectSegment(QStringLiteral("Frequent buyers")), 30000);
    const qint64 frequent
        = SegmentService::count(*m_db, QStringLiteral("Frequent buyers"), asOf()).value();
    QTRY_COMPARE_WITH_TIMEOUT(page->liveCount(), frequent, 30000);

    // Two completed orders instead of five, typed into the value's spin box.
    SegmentBuilderModel *model = page->builderModel();
    const QModelIndex orders = model->index(0, 0, model->rootIndex());
    page->builder()->select(orders);
    auto *spin = page->builder()->findChild<QSpinBox *>(QStringLiteral("valueWhole"));
    QVERIFY(spin);
    QCOMPARE(spin->value(), 5);
    spin->setValue(2);
    QCOMPARE(page->liveCount(), -1);
    QCOMPARE(page->liveCountLabel()->text(), QStringLiteral("Counting…"));
    const qint64 expected = countOf(R"({"all":[{"field":"orders_count","op":">=","value":2},)"
                                    R"({"field":"last_order","op":"within_days","value":365}]})");
    QVERIFY(expected > frequent);
    QTRY_COMPARE_WITH_TIMEOUT(page->liveCount(), expected, 30000);

    // A quick second edit supersedes the first: only the last rule's count is shown.
    spin->setValue(3);
    spin->setValue(4);
    const qint64 four = countOf(R"({"all":[{"field":"orders_count","op":">=","value":4},)"
                                R"({"field":"last_order","op":"within_days","value":365}]})");
    QTRY_COMPARE_WITH_TIMEOUT(page->liveCount(), four, 30000);

    // The field's combo: "Total spent" takes "at least 100.00".
    page->builder()->select(orders);
    auto *field = page->builder()->findChild<QComboBox *>(QStringLiteral("conditionField"));
    QVERIFY(field);
    field->setCurrentIndex(field->findData(int(SegmentField::TotalSpent)));
    emit field->activated(field->currentIndex());
    QCOMPARE(model->op(orders), SegmentOperator::GreaterOrEqual);
    const qint64 spent = countOf(R"({"all":[{"field":"total_spent","op":">=","value":100},)"
                                 R"({"field":"last_order","op":"within_days","value":365}]})");
    QTRY_COMPARE_WITH_TIMEOUT(page->liveCount(), spent, 30000);
    QCOMPARE(page->liveCountLabel()->palette().color(QPalette::WindowText),
             page->palette().color(QPalette::WindowText));
}

void tst_SegmentsPage::invalidRuleShowsItsPath()
{
    auto page = openPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->selectSegment(QStringLiteral("Frequent buyers")), 30000);
    SegmentBuilderModel *model = page->builderModel();
    // A category with no value yet.
    const QModelIndex second = model->index(1, 0, model->rootIndex());
    page->builder()->select(second);
    auto *field = page->builder()->findChild<QComboBox *>(QStringLiteral("conditionField"));
    field->setCurrentIndex(field->findData(int(SegmentField::BoughtCategory)));
    emit field->activated(field->currentIndex());
    QTRY_VERIFY_WITH_TIMEOUT(
        page->liveCountLabel()->text().contains(QLatin1String("all[1].value: missing")), 30000);
    QCOMPARE(page->liveCount(), -1);
    QCOMPARE(page->liveCountLabel()->palette().color(QPalette::WindowText),
             tone::colour(tone::Tone::Error, page->palette()));
    QCOMPARE(page->memberTable()->rowCount(), 0); // no members of an earlier rule stay behind
    // Saving is refused with the same message, and the line at fault is selected.
    QSignalSpy written(page.get(), &SegmentsPage::written);
    page->saveAs(page->currentName());
    QCOMPARE(written.count(), 1);
    QCOMPARE(written.at(0).at(0).toBool(), false);
    QVERIFY(page->messageLabel()->text().contains(QLatin1String("all[1].value: missing")));
    QCOMPARE(page->builder()->current(), second);

    // Typing a category makes it count again.
    auto *text = page->builder()->findChild<QLineEdit *>(QStringLiteral("valueText"));
    QVERIFY(text);
    auto category = sql::scalar(m_db->sql(), QStringLiteral("SELECT MIN(category) FROM products "
                                                            "WHERE category <> ''"));
    MD_VERIFY(category);
    text->setText(category->toString());
    const qint64 expected
        = countOf(QStringLiteral(R"({"all":[{"field":"orders_count","op":">=","value":5},)"
                                 R"({"field":"bought_category","op":"=","value":"%1"}]})")
                      .arg(category->toString())
                      .toUtf8());
    QTRY_COMPARE_WITH_TIMEOUT(page->liveCount(), expected, 30000);
    QCOMPARE(page->liveCountLabel()->palette().color(QPalette::WindowText),
             page->palette().color(QPalette::WindowText));
}

void tst_SegmentsPage::membersAreTheServicesMembers()
{
    auto page = openPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->selectSegment(QStringLiteral("Lapsed")), 30000);
    auto members = SegmentService::members(*m_db, QStringLiteral("Lapsed"), asOf(),
                                           SegmentsPage::kMemberRows);
    MD_VERIFY(members);
    QVERIFY(!members->rows.empty());
    const qint64 total = SegmentService::count(*m_db, QStringLiteral("Lapsed"), asOf()).value();
    QTRY_COMPARE_WITH_TIMEOUT(page->liveCount(), total, 30000);
    QTableWidget *table = page->memberTable();
    QCOMPARE(table->rowCount(), int(members->rows.size()));
    QCOMPARE(table->columnCount(), 3 + int(members->fields.size()));
    QCOMPARE(table->horizontalHeaderItem(3)->text(),
             SegmentFields::label(SegmentField::OrdersCount));
    QCOMPARE(table->horizontalHeaderItem(4)->text(), SegmentFields::label(SegmentField::LastOrder));
    for (size_t i = 0; i < members->rows.size(); ++i) {
        const SegmentMember &member = members->rows[i];
        const int row = int(i);
        QCOMPARE(table->item(row, 0)->text(), member.email);
        QCOMPARE(table->item(row, 1)->text(), member.firstName);
        QCOMPARE(table->item(row, 2)->text(), member.lastName);
        // The machine text of the command line, shown in the locale: a count, a local time.
        QCOMPARE(table->item(row, 3)->text(), QLocale().toString(member.values.at(0).toLongLong()));
        const QDateTime last = QDateTime::fromString(member.values.at(1), Qt::ISODate);
        QVERIFY2(last.isValid(), qPrintable(member.values.at(1)));
        QCOMPARE(table->item(row, 4)->text(),
                 QLocale().toString(last.toLocalTime(), QLocale::ShortFormat));
    }
}

void tst_SegmentsPage::chartCountsTwelveMonthEnds()
{
    auto page = openPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->selectSegment(QStringLiteral("High value")), 30000);
    QStandardItemModel *sizes = page->sizeChart()->model();
    QTRY_COMPARE_WITH_TIMEOUT(sizes->rowCount(), SegmentSizeChart::kMonths, 60000);
    const QList<QDate> days = SegmentSizeChart::monthEnds(kAsOf);
    QCOMPARE(days.size(), 12);
    QCOMPARE(days.first(), QDate(2025, 7, 31));
    QCOMPARE(days.at(7), QDate(2026, 2, 28));
    QCOMPARE(days.last(), kAsOf);
    for (int i = 0; i < days.size(); ++i) {
        const qint64 moment = *SegmentService::parseAsOf(days.at(i).toString(Qt::ISODate));
        auto count = SegmentService::count(*m_db, QStringLiteral("High value"), moment);
        MD_VERIFY(count);
        QCOMPARE(sizes->item(i)->data(Qt::DisplayRole).toDouble(), double(*count));
    }
    QCOMPARE(page->sizeChart()->monthLabels().first(),
             QLocale().toString(QDate(2025, 7, 31), QStringLiteral("MMM yyyy")));
    QCOMPARE(page->sizeChart()->monthLabels().size(), 12);

    // A new segment has no history yet.
    page->newSegment();
    QCOMPARE(sizes->rowCount(), 0);
    QVERIFY(page->sizeChart()->note().startsWith(QLatin1String("Save the segment")));
}

void tst_SegmentsPage::savesRenamesDuplicatesDeletes()
{
    auto page = openPage();
    QSignalSpy written(page.get(), &SegmentsPage::written);
    QTRY_COMPARE_WITH_TIMEOUT(page->segmentTable()->rowCount(), kBuiltIns, 30000);

    // A new segment: "accepts marketing".
    page->newSegment();
    SegmentBuilderModel *model = page->builderModel();
    const QModelIndex first = model->index(0, 0, model->rootIndex());
    QVERIFY(model->setField(first, SegmentField::AcceptsMarketing));
    page->saveAs(QStringLiteral("Marketing OK"));
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 30000);
    QCOMPARE(written.takeFirst().at(0).toBool(), true);
    QCOMPARE(page->currentName(), QStringLiteral("Marketing OK"));
    auto stored = SegmentService::find(*m_db, QStringLiteral("Marketing OK"));
    MD_VERIFY(stored);
    QCOMPARE(stored->definition,
             QStringLiteral(R"({"all":[{"field":"accepts_marketing","op":"=","value":true}]})"));
    QTRY_VERIFY_WITH_TIMEOUT(
        column(page->segmentTable(), 0).contains(QStringLiteral("Marketing OK")), 30000);

    // An update of the same segment.
    QVERIFY(model->setOperator(model->index(0, 0, model->rootIndex()), SegmentOperator::NotEqual));
    page->saveAs(page->currentName());
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 30000);
    QCOMPARE(written.takeFirst().at(0).toBool(), true);
    QCOMPARE(SegmentService::find(*m_db, QStringLiteral("Marketing OK"))->definition,
             QStringLiteral(R"({"all":[{"field":"accepts_marketing","op":"!=","value":true}]})"));

    // A name already taken is refused with the service's message.
    page->renameTo(QStringLiteral("Lapsed"));
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 30000);
    QCOMPARE(written.takeFirst().at(0).toBool(), false);
    QVERIFY2(page->messageLabel()->text().contains(
                 QLatin1String("There is already a segment named \"Lapsed\"")),
             qPrintable(page->messageLabel()->text()));

    page->renameTo(QStringLiteral("No marketing"));
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 30000);
    QCOMPARE(written.takeFirst().at(0).toBool(), true);
    QCOMPARE(page->currentName(), QStringLiteral("No marketing"));
    QVERIFY(!SegmentService::find(*m_db, QStringLiteral("Marketing OK")));
    MD_VERIFY(SegmentService::find(*m_db, QStringLiteral("No marketing")));

    page->duplicateAs(QStringLiteral("No marketing 2"));
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 30000);
    QCOMPARE(written.takeFirst().at(0).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(page->currentName(), QStringLiteral("No marketing 2"), 30000);
    QCOMPARE(SegmentService::find(*m_db, QStringLiteral("No marketing 2"))->definition,
             SegmentService::find(*m_db, QStringLiteral("No marketing"))->definition);
    QTRY_COMPARE_WITH_TIMEOUT(page->segmentTable()->rowCount(), kBuiltIns + 2, 30000);

    page->removeCurrent();
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 30000);
    QCOMPARE(written.takeFirst().at(0).toBool(), true);
    QVERIFY(!SegmentService::find(*m_db, QStringLiteral("No marketing 2")));
    QTRY_COMPARE_WITH_TIMEOUT(page->segmentTable()->rowCount(), kBuiltIns + 1, 30000);
    QVERIFY(!column(page->segmentTable(), 0).contains(QStringLiteral("No marketing 2")));
    QTRY_VERIFY_WITH_TIMEOUT(!page->currentName().isEmpty(), 30000);

    QVERIFY(page->selectSegment(QStringLiteral("No marketing")));
    page->removeCurrent();
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(page->segmentTable()->rowCount(), kBuiltIns, 30000);
}

void tst_SegmentsPage::campaignKeepsItsSegment()
{
    auto high = SegmentService::find(*m_db, QStringLiteral("High value"));
    MD_VERIFY(high);
    MD_VERIFY(sql::exec(m_db->sql(),
                        QStringLiteral("INSERT INTO campaigns (name, segment_id, created_at) "
                                       "VALUES (?, ?, ?)"),
                        {QStringLiteral("Summer VIP letter"), high->id, qint64(1780000000)}));
    auto page = openPage();
    QSignalSpy written(page.get(), &SegmentsPage::written);
    QTRY_VERIFY_WITH_TIMEOUT(page->selectSegment(QStringLiteral("High value")), 30000);
    page->removeCurrent();
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 30000);
    QCOMPARE(written.at(0).at(0).toBool(), false);
    QVERIFY(!page->messageLabel()->isHidden());
    QVERIFY2(page->messageLabel()->text().contains(QLatin1String("Summer VIP letter")),
             qPrintable(page->messageLabel()->text()));
    QCOMPARE(page->messageLabel()->palette().color(QPalette::WindowText),
             tone::colour(tone::Tone::Error, page->palette()));
    MD_VERIFY(SegmentService::find(*m_db, QStringLiteral("High value")));
    QCOMPARE(page->currentName(), QStringLiteral("High value"));
    MD_VERIFY(sql::exec(m_db->sql(), QStringLiteral("DELETE FROM campaigns")));
}

void tst_SegmentsPage::exportsTheMembers()
{
    auto page = openPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->selectSegment(QStringLiteral("Lapsed")), 30000);
    QSignalSpy exported(page.get(), &SegmentsPage::exported);
    const QString path = m_dir.filePath(QStringLiteral("lapsed.csv"));
    page->exportTo(path);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000);
    QCOMPARE(exported.at(0).at(0).toBool(), true);
    auto members = SegmentService::members(*m_db, QStringLiteral("Lapsed"), asOf());
    MD_VERIFY(members);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), int(members->rows.size()) + 1);
    QCOMPARE(QString::fromUtf8(lines.first()).trimmed(),
             SegmentExport::columns(*members).join(QLatin1Char(',')));
    QVERIFY(lines.at(1).startsWith(members->rows.front().email.toUtf8()));
    QVERIFY(page->messageLabel()->text().contains(path));

    // A folder that does not exist: the message names the file.
    page->exportTo(QStringLiteral("/nonexistent-folder/x.csv"));
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 2, 30000);
    QCOMPARE(exported.at(1).at(0).toBool(), false);
    QVERIFY2(page->messageLabel()->text().contains(QLatin1String("/nonexistent-folder/x.csv")),
             qPrintable(page->messageLabel()->text()));
}

void tst_SegmentsPage::rfmTabAnalysesEveryBuyer()
{
    auto page = openPage();
    // The RFM overview reads every order, so it is only made when its tab is first shown.
    QVERIFY(!page->rfmPanel());
    page->tabs()->setCurrentIndex(1);
    RfmPanel *panel = page->rfmPanel();
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isComputing() && panel->analysis(), 30000);

    // The panel analyses as of today; every demo order is older, so it sees the buyers the
    // service sees as of the demo's day.
    auto expected = RfmService::analyse(*m_db, asOf());
    MD_VERIFY(expected);
    QVERIFY(!expected->customers.empty());
    qint64 painted = 0;
    for (const auto &row : panel->shownGrid()) {
        for (qint64 cell : row)
            painted += cell;
    }
    QCOMPARE(painted, qint64(expected->customers.size()));
    page->tabs()->setCurrentIndex(0);
    page->tabs()->setCurrentIndex(1);
    QCOMPARE(page->rfmPanel(), panel); // made once
}

QTEST_MAIN(tst_SegmentsPage)
#include "tst_segmentspage.moc"
