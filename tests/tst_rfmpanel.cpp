// The RFM panel on a seeded shop (both backends, offscreen): it computes off the GUI thread,
// saying so, and then paints the grid and lists the groups exactly as RfmService::analyse has
// them for the chosen day.

#include "db/sql.h"
#include "db/transaction.h"
#include "marketing/rfmpanel.h"
#include "marketing/segmentbuilderpanel.h"
#include "marketing/segmentservice.h"
#include "testdb.h"

#include <QDateEdit>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

using namespace md;

namespace {

constexpr qint64 kAsOf = 1782863999; // 2026-06-30T23:59:59Z
constexpr qint64 kDay = 86400;

Status seed(const Database &db)
{
    Transaction transaction(db.sql(), db.dialect());
    if (auto begun = transaction.begin(); !begun)
        return begun;
    QRandomGenerator random(5);
    int order = 0;
    for (qint64 id = 1; id <= 60; ++id) {
        if (auto s = sql::exec(
                db.sql(),
                QStringLiteral("INSERT INTO customers (id, email, created_at) VALUES (?, ?, ?)"),
                {id, QStringLiteral("c%1@example.com").arg(id), kAsOf - 400 * kDay});
            !s) {
            return s;
        }
        const int count = random.bounded(7);
        for (int i = 0; i < count; ++i) {
            // Some orders fall after the day analysed, some are cancelled: both left out.
            const qint64 at = kAsOf - random.bounded(300 * kDay) + 20 * kDay;
            const char *status = random.bounded(5) == 0 ? "cancelled" : "completed";
            if (auto s = sql::exec(db.sql(),
                                   QStringLiteral("INSERT INTO orders (order_number, customer_id, "
                                                  "ordered_at, status, total_cents) "
                                                  "VALUES (?, ?, ?, ?, ?)"),
                                   {QStringLiteral("P%1").arg(++order), id, at,
                                    QString::fromLatin1(status), random.bounded(30000)});
                !s) {
                return s;
            }
        }
    }
    return transaction.commit();
}

} // namespace

class tst_RfmPanel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheServicesAnalysis();
};

void tst_RfmPanel::showsTheServicesAnalysis()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    {
        auto db = scratch.open();
        MD_VERIFY(db);
        MD_VERIFY(seed(*db));
    }
    auto db = scratch.open();
    MD_VERIFY(db);
    auto expected = RfmService::analyse(*db, kAsOf);
    MD_VERIFY(expected);
    QVERIFY(expected->customers.size() > 20);

    RfmPanel panel(scratch.spec());
    panel.resize(900, 500);
    panel.show();
    QSignalSpy updated(&panel, &RfmPanel::updated);
    auto *status = panel.findChild<QLabel *>(QStringLiteral("rfmStatus"));
    QVERIFY(status);
    auto *asOf = panel.findChild<QDateEdit *>(QStringLiteral("rfmAsOf"));
    QVERIFY(asOf);
    asOf->setDate(QDate(2026, 6, 30)); // the end of that UTC day: kAsOf
    QCOMPARE(status->text(), QStringLiteral("Computing…"));
    QVERIFY(panel.isComputing());
    while (!panel.analysis() || panel.analysis()->asOf != kAsOf)
        QVERIFY(updated.wait(60000));
    QVERIFY(!panel.isComputing());
    QCOMPARE(status->text(),
             QStringLiteral("Customers with a completed order up to the end of %1 (UTC): %2")
                 .arg(QLocale().toString(QDate(2026, 6, 30), SegmentBuilderPanel::dateFormat()))
                 .arg(expected->customers.size()));
    // The same whole-year date as the Segments tab's, never "6/30/26" beside "6/30/2026".
    QVERIFY2(status->text().contains(QLatin1String("2026")), qPrintable(status->text()));
    QCOMPARE(asOf->displayFormat(), SegmentBuilderPanel::dateFormat());

    QCOMPARE(panel.shownGrid(), expected->grid);
    qint64 painted = 0;
    for (const auto &row : panel.shownGrid()) {
        for (qint64 cell : row)
            painted += cell;
    }
    QCOMPARE(painted, qint64(expected->customers.size()));

    auto *table = panel.findChild<QTableWidget *>(QStringLiteral("rfmGroups"));
    QVERIFY(table);
    QCOMPARE(table->rowCount(), int(expected->groups.size()));
    const QLocale locale;
    for (int row = 0; row < table->rowCount(); ++row) {
        const RfmGroupSummary &group = expected->groups[size_t(row)];
        QCOMPARE(table->item(row, 0)->text(), RfmScoring::label(group.group));
        QCOMPARE(table->item(row, 1)->text(), locale.toString(group.customers));
        QCOMPARE(table->item(row, 2)->text(),
                 locale.toString(group.customerShare * 100.0, 'f', 1) + QStringLiteral(" %"));
        QCOMPARE(table->item(row, 3)->text(),
                 locale.toString(group.revenueShare * 100.0, 'f', 1) + QStringLiteral(" %"));
    }
    // Something is in at least two groups, so a table of one repeated row would fail.
    int used = 0;
    for (const RfmGroupSummary &group : expected->groups)
        used += group.customers > 0 ? 1 : 0;
    QVERIFY(used >= 2);

    // The heat map paints (a grab exercises paintEvent with the counts).
    const QImage image = panel.findChild<QWidget *>(QStringLiteral("rfmHeatMap"))->grab().toImage();
    QVERIFY(!image.isNull());
}

QTEST_MAIN(tst_RfmPanel)
#include "tst_rfmpanel.moc"
