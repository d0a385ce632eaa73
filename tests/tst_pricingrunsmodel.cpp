// The runs of the Repricing page's "Runs and Undo" tab as a table model: the texts of each
// column, the alignment of the numbers, the tooltips, the run id and undo state behind every
// cell, and a reload that replaces the rows instead of leaving rows of the runs before.

#include "pricing/pricingrunsmodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace md;

namespace {

const QLocale kLocale(QLocale::English, QLocale::UnitedStates);
constexpr qint64 kStart = 1767225600; // 2026-01-01 00:00 UTC

PricingRunInfo run(qint64 id, PricingRunSource source, qint64 changes, qint64 undoneAt = -1,
                   qint64 undoOf = -1)
{
    PricingRunInfo info;
    info.id = id;
    info.source = source;
    info.startedBy = QStringLiteral("user%1").arg(id);
    info.startedAt = kStart + id * 3600;
    info.finishedAt = info.startedAt + 5;
    info.changeCount = changes;
    info.undoneAt = undoneAt;
    info.undoOfRunId = undoOf;
    return info;
}

QString shortTime(qint64 secs)
{
    return kLocale.toString(QDateTime::fromSecsSinceEpoch(secs).toLocalTime(),
                            QLocale::ShortFormat);
}

QString text(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class tst_PricingRunsModel : public QObject
{
    Q_OBJECT

private slots:
    void emptyModel();
    void columnsShowTheRuns();
    void rolesCarryTheRun();
    void reloadReplacesTheRows();
};

void tst_PricingRunsModel::emptyModel()
{
    PricingRunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(PricingRunsModel::ColumnCount));
    QCOMPARE(model.runAt(0), nullptr);
    QCOMPARE(model.rowOf(1), -1);
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column)
        headers << model.headerData(column, Qt::Horizontal).toString();
    QCOMPARE(headers, (QStringList{QStringLiteral("Run"), QStringLiteral("When"),
                                   QStringLiteral("Started from"), QStringLiteral("By"),
                                   QStringLiteral("Changes"), QStringLiteral("State")}));
}

void tst_PricingRunsModel::columnsShowTheRuns()
{
    PricingRunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Newest first, as the store returns them: an undo of run 1234, a schedule run, and run
    // 1234 itself, undone.
    const qint64 undoneAt = kStart + 90000;
    model.setRuns({run(1236, PricingRunSource::Undo, 3, -1, 1234),
                   run(1235, PricingRunSource::Schedule, 12000),
                   run(1234, PricingRunSource::Manual, 3, undoneAt)},
                  kLocale);
    using C = PricingRunsModel;
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(text(model, 0, C::Id), QStringLiteral("1,236"));
    QCOMPARE(text(model, 0, C::When), shortTime(kStart + 1236 * 3600));
    QCOMPARE(text(model, 0, C::Source), QStringLiteral("Undo"));
    QCOMPARE(text(model, 0, C::By), QStringLiteral("user1236"));
    QCOMPARE(text(model, 0, C::Changes), QStringLiteral("3"));
    QCOMPARE(text(model, 0, C::State), QStringLiteral("Undid run 1234"));
    QCOMPARE(text(model, 1, C::Source), QStringLiteral("Schedule"));
    QCOMPARE(text(model, 1, C::Changes), QStringLiteral("12,000"));
    QCOMPARE(text(model, 1, C::State), QStringLiteral("Applied"));
    QCOMPARE(text(model, 2, C::Source), QStringLiteral("Manual"));
    QCOMPARE(text(model, 2, C::State), QStringLiteral("Undone on %1").arg(shortTime(undoneAt)));

    // The numbers are right-aligned, the texts are not.
    const auto alignment = [&model](int column) {
        return model.index(0, column).data(Qt::TextAlignmentRole);
    };
    QCOMPARE(alignment(C::Id).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(alignment(C::Changes).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    QVERIFY(!alignment(C::Source).isValid());
    QVERIFY(!alignment(C::State).isValid());

    // Tooltips: the full times, and why a run can or cannot be undone.
    QVERIFY2(text(model, 1, C::When, Qt::ToolTipRole).startsWith(QLatin1String("Started ")),
             qPrintable(text(model, 1, C::When, Qt::ToolTipRole)));
    QVERIFY(text(model, 1, C::When, Qt::ToolTipRole).contains(QLatin1String(", finished ")));
    QCOMPARE(text(model, 0, C::State, Qt::ToolTipRole),
             QStringLiteral("An undo cannot be undone itself"));
    QCOMPARE(text(model, 1, C::State, Qt::ToolTipRole),
             QStringLiteral("Can be undone on this tab"));
    QCOMPARE(text(model, 2, C::State, Qt::ToolTipRole), QStringLiteral("Already undone"));
    QVERIFY(!model.index(0, C::By).data(Qt::ToolTipRole).isValid());

    // Read-only cells.
    QVERIFY(!(model.flags(model.index(0, C::Id)) & Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(0, C::Id)) & Qt::ItemIsSelectable);
}

void tst_PricingRunsModel::rolesCarryTheRun()
{
    PricingRunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns({run(8, PricingRunSource::Cli, 2), run(7, PricingRunSource::Manual, 4, kStart)},
                  kLocale);
    for (int column = 0; column < model.columnCount(); ++column) {
        QCOMPARE(model.index(0, column).data(PricingRunsModel::RunIdRole).toLongLong(), 8);
        QCOMPARE(model.index(1, column).data(PricingRunsModel::RunIdRole).toLongLong(), 7);
        QCOMPARE(model.index(0, column).data(PricingRunsModel::CanUndoRole).toBool(), true);
        QCOMPARE(model.index(1, column).data(PricingRunsModel::CanUndoRole).toBool(), false);
    }
    QCOMPARE(text(model, 0, PricingRunsModel::Source), QStringLiteral("Command line"));
    QVERIFY(model.runAt(1));
    QCOMPARE(model.runAt(1)->id, 7);
    QCOMPARE(model.runAt(1)->changeCount, 4);
    QCOMPARE(model.runAt(2), nullptr);
    QCOMPARE(model.runAt(-1), nullptr);
    QCOMPARE(model.rowOf(7), 1);
    QCOMPARE(model.rowOf(8), 0);
    QCOMPARE(model.rowOf(9), -1);
}

void tst_PricingRunsModel::reloadReplacesTheRows()
{
    PricingRunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns({run(3, PricingRunSource::Manual, 1), run(2, PricingRunSource::Manual, 1),
                   run(1, PricingRunSource::Manual, 1)},
                  kLocale);
    QCOMPARE(model.rowCount(), 3);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRuns({run(4, PricingRunSource::Schedule, 9)}, kLocale);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, PricingRunsModel::Id), QStringLiteral("4"));
    QCOMPARE(text(model, 0, PricingRunsModel::Changes), QStringLiteral("9"));
    QVERIFY(!model.index(1, 0).isValid());
    QCOMPARE(model.rowOf(3), -1);
    model.clear();
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.runAt(0), nullptr);
}

QTEST_MAIN(tst_PricingRunsModel)
#include "tst_pricingrunsmodel.moc"
