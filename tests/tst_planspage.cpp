// The Plans page's matrix model (checked by QAbstractItemModelTester) and its editors on both
// backends: typed values accepted and refused with the plan and feature named, inherited values
// and overrides, edits kept until Save writes them in one transaction or Discard drops them,
// the editor each type gets; and the Subscriptions page composing a month's boxes.

#include "db/sql.h"
#include "seedproducts.h"
#include "subscriptions/customerfeaturesdialog.h"
#include "subscriptions/planmatrixmodel.h"
#include "subscriptions/planspage.h"
#include "subscriptions/planstore.h"
#include "subscriptions/planvaluedelegate.h"
#include "subscriptions/subscriptionservice.h"
#include "subscriptions/subscriptionspage.h"
#include "testdb.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

#include <functional>

using namespace md;

namespace {

struct Ids
{
    qint64 basic = 0, premium = 0, items = 0, flag = 0, speed = 0;
};

Result<Ids> seed(const Database &db)
{
    Ids ids;
    FeatureDef items{0,
                     QStringLiteral("target_item_count"),
                     QStringLiteral("Items per box"),
                     FeatureType::Int,
                     {},
                     QStringLiteral("1"),
                     1};
    FeatureDef flag{0,
                    QStringLiteral("exclusive_item"),
                    QStringLiteral("Exclusive item"),
                    FeatureType::Bool,
                    {},
                    QStringLiteral("false"),
                    2};
    FeatureDef speed{0,
                     QStringLiteral("shipping_speed"),
                     QStringLiteral("Shipping speed"),
                     FeatureType::Choice,
                     {QStringLiteral("standard"), QStringLiteral("priority")},
                     QStringLiteral("standard"),
                     3};
    auto a = PlanStore::saveFeature(db, items);
    auto b = PlanStore::saveFeature(db, flag);
    auto c = PlanStore::saveFeature(db, speed);
    if (!a || !b || !c)
        return fail(QStringLiteral("features"));
    ids.items = *a;
    ids.flag = *b;
    ids.speed = *c;
    PlanDef basic;
    basic.name = QStringLiteral("Basic Box");
    basic.priceCents = 2999;
    basic.displayOrder = 1;
    auto basicId = PlanStore::savePlan(db, basic);
    if (!basicId)
        return fail(basicId.error());
    PlanDef premium;
    premium.name = QStringLiteral("Premium Box");
    premium.priceCents = 5999;
    premium.displayOrder = 2;
    premium.parentId = *basicId;
    auto premiumId = PlanStore::savePlan(db, premium);
    if (!premiumId)
        return fail(premiumId.error());
    ids.basic = *basicId;
    ids.premium = *premiumId;
    auto matrix = PlanStore::load(db);
    if (!matrix)
        return fail(matrix.error());
    if (auto saved = PlanStore::saveValues(db, *matrix,
                                           {{ids.basic, ids.items, QStringLiteral("4")},
                                            {ids.premium, ids.items, QStringLiteral("6")},
                                            {ids.premium, ids.flag, QStringLiteral("true")}});
        !saved) {
        return fail(saved.error());
    }
    return ids;
}

// Answers the message box `action` opens by clicking its button with `role`; returns its text.
QString answerMessageBox(QMessageBox::ButtonRole role, const std::function<void()> &action)
{
    QString text;
    QTimer timer;
    timer.setInterval(20);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        text = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == role) {
                button->click();
                return;
            }
        }
    });
    timer.start();
    action();
    return text;
}

} // namespace

class tst_PlansPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void modelShapeAndRoles();
    void refusedValueNamesPlanAndFeature();
    void editsSavedTogetherOrDiscarded();
    void overrideAndInheritAgain();
    void delegateEditorPerType();
    void pageShowsMatrix();
    void subscriptionsPageComposes();
    void deleteFeatureFromPage();
    void toolbarFitsInGerman_data();
    void toolbarFitsInGerman();
    void settingsAreThisTestsOwn();

private:
    std::unique_ptr<test::ScratchDatabase> m_scratch;
    std::optional<Database> m_db;
    Ids m_ids;
};

void tst_PlansPage::init()
{
    m_scratch = std::make_unique<test::ScratchDatabase>();
    QVERIFY2(m_scratch->isValid(), qPrintable(m_scratch->error()));
    auto db = m_scratch->open();
    MD_VERIFY(db);
    m_db.emplace(std::move(*db));
    auto ids = seed(*m_db);
    MD_VERIFY(ids);
    m_ids = *ids;
}

void tst_PlansPage::cleanup()
{
    m_db.reset();
    m_scratch.reset();
}

void tst_PlansPage::modelShapeAndRoles()
{
    PlanMatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto matrix = PlanStore::load(*m_db);
    MD_VERIFY(matrix);
    model.setMatrix(*matrix);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("Items per box"));
    QVERIFY(
        model.headerData(1, Qt::Horizontal).toString().startsWith(QLatin1String("Premium Box")));
    QVERIFY(model.headerData(1, Qt::Horizontal).toString().contains(QLatin1String("Basic Box")));
    // Items: both set; exclusive: Basic inherits the default, Premium sets it; speed: default.
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("6"));
    QCOMPARE(model.index(0, 1).data(PlanMatrixModel::InheritedRole).toBool(), false);
    QCOMPARE(model.index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(model.index(1, 0).data(PlanMatrixModel::InheritedRole).toBool(), true);
    QCOMPARE(model.index(1, 1).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(model.flags(model.index(1, 1)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(!model.flags(model.index(1, 1)).testFlag(Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(2, 1)).testFlag(Qt::ItemIsEditable));
    QCOMPARE(model.index(2, 1).data(PlanMatrixModel::ChoicesRole).toStringList(),
             (QStringList{QStringLiteral("standard"), QStringLiteral("priority")}));
    QCOMPARE(model.index(2, 1).data(Qt::ToolTipRole).toString(),
             QStringLiteral("The feature's default (no plan sets it)"));
}

void tst_PlansPage::refusedValueNamesPlanAndFeature()
{
    PlanMatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto matrix = PlanStore::load(*m_db);
    MD_VERIFY(matrix);
    model.setMatrix(*matrix);
    QSignalSpy refused(&model, &PlanMatrixModel::valueRefused);
    QVERIFY(!model.setData(model.index(0, 1), QStringLiteral("lots")));
    QVERIFY(!model.setData(model.index(2, 0), QStringLiteral("express")));
    QCOMPARE(refused.size(), 2);
    QCOMPARE(refused.at(0).at(0).toString(),
             QStringLiteral("Plan “Premium Box”, feature “Items per box”: “lots” is not a whole "
                            "number"));
    QVERIFY(refused.at(1).at(0).toString().startsWith(
        QStringLiteral("Plan “Basic Box”, feature “Shipping speed”")));
    QVERIFY(!model.isDirty());
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("6"));
}

void tst_PlansPage::editsSavedTogetherOrDiscarded()
{
    PlanMatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto matrix = PlanStore::load(*m_db);
    MD_VERIFY(matrix);
    model.setMatrix(*matrix);
    QSignalSpy dirty(&model, &PlanMatrixModel::dirtyChanged);
    QVERIFY(model.setData(model.index(0, 0), QStringLiteral("5")));
    QVERIFY(model.setData(model.index(1, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(2, 1), QStringLiteral("PRIORITY")));
    QCOMPARE(model.pendingEdits(), 3);
    QCOMPARE(dirty.size(), 1);
    // Nothing is written before Save.
    auto stored = PlanStore::load(*m_db);
    MD_VERIFY(stored);
    QCOMPARE(*stored->ownValue(m_ids.basic, m_ids.items), QStringLiteral("4"));
    model.discard();
    QVERIFY(!model.isDirty());
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("4"));

    QVERIFY(model.setData(model.index(0, 0), QStringLiteral("5")));
    QVERIFY(model.setData(model.index(2, 1), QStringLiteral("PRIORITY")));
    MD_VERIFY(model.save(*m_db));
    QVERIFY(!model.isDirty());
    stored = PlanStore::load(*m_db);
    MD_VERIFY(stored);
    QCOMPARE(*stored->ownValue(m_ids.basic, m_ids.items), QStringLiteral("5"));
    QCOMPARE(*stored->ownValue(m_ids.premium, m_ids.speed), QStringLiteral("priority"));
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("priority"));
}

void tst_PlansPage::overrideAndInheritAgain()
{
    PlanMatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto matrix = PlanStore::load(*m_db);
    MD_VERIFY(matrix);
    model.setMatrix(*matrix);
    // Premium inherits shipping from Basic: changing Basic changes Premium's cell too.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(2, 0), QStringLiteral("priority")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(2, 0));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(2, 1));
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("priority"));
    QCOMPARE(model.index(2, 1).data(PlanMatrixModel::InheritedRole).toBool(), true);
    QCOMPARE(model.index(2, 1).data(PlanMatrixModel::InheritedFromRole).toString(),
             QStringLiteral("Basic Box"));
    // Premium drops its own item count: it shows Basic's 4, greyed.
    model.clearOverride(model.index(0, 1));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("4"));
    QVERIFY(model.index(0, 1).data(PlanMatrixModel::InheritedRole).toBool());
    MD_VERIFY(model.save(*m_db));
    auto stored = PlanStore::load(*m_db);
    MD_VERIFY(stored);
    QVERIFY(!stored->ownValue(m_ids.premium, m_ids.items));
}

void tst_PlansPage::delegateEditorPerType()
{
    PlanMatrixModel model;
    auto matrix = PlanStore::load(*m_db);
    MD_VERIFY(matrix);
    model.setMatrix(*matrix);
    PlanValueDelegate delegate;
    QWidget parent;
    QStyleOptionViewItem option;
    std::unique_ptr<QWidget> spin(delegate.createEditor(&parent, option, model.index(0, 1)));
    auto *spinBox = qobject_cast<QSpinBox *>(spin.get());
    QVERIFY(spinBox);
    delegate.setEditorData(spinBox, model.index(0, 1));
    QCOMPARE(spinBox->value(), 6);
    spinBox->setValue(9);
    delegate.setModelData(spinBox, &model, model.index(0, 1));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("9"));

    std::unique_ptr<QWidget> combo(delegate.createEditor(&parent, option, model.index(2, 1)));
    auto *comboBox = qobject_cast<QComboBox *>(combo.get());
    QVERIFY(comboBox);
    QCOMPARE(comboBox->count(), 2);
    comboBox->setCurrentIndex(1);
    delegate.setModelData(comboBox, &model, model.index(2, 1));
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("priority"));
}

void tst_PlansPage::pageShowsMatrix()
{
    PlansPage page(m_scratch->spec());
    page.resize(900, 500);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.model()->columnCount(), 2);
    QVERIFY(!page.saveAction()->isEnabled());
    QVERIFY(!page.model()->setData(page.model()->index(0, 0), QStringLiteral("-2")));
    QVERIFY2(
        page.lastMessage().contains(QStringLiteral("Plan “Basic Box”, feature “Items per box”")),
        qPrintable(page.lastMessage()));
    QVERIFY(page.model()->setData(page.model()->index(0, 0), QStringLiteral("3")));
    QVERIFY(page.saveAction()->isEnabled());
    QVERIFY(page.save());
    QVERIFY(!page.saveAction()->isEnabled());
    auto stored = PlanStore::load(*m_db);
    MD_VERIFY(stored);
    QCOMPARE(*stored->ownValue(m_ids.basic, m_ids.items), QStringLiteral("3"));
}

void tst_PlansPage::subscriptionsPageComposes()
{
    std::vector<test::SeedProduct> products;
    for (int i = 0; i < 6; ++i) {
        products.push_back({.sku = QStringLiteral("P-%1").arg(i),
                            .title = QStringLiteral("Product %1").arg(i),
                            .basePriceCents = 100,
                            .currentPriceCents = 100,
                            .stockLevel = 5,
                            .exclusive = i == 0});
    }
    MD_VERIFY(test::seedProducts(*m_db, products));
    auto customer
        = sql::scalar(m_db->sql(), QStringLiteral("INSERT INTO customers (email, created_at) "
                                                  "VALUES ('sub@example.com', 0) RETURNING id"));
    MD_VERIFY(customer);
    MD_VERIFY(
        SubscriptionService::subscribe(*m_db, customer->toLongLong(), m_ids.basic, 1700000000));
    {
        // The customer's effective features, as the Customers page's dialog shows them.
        CustomerFeaturesDialog features(*m_db, customer->toLongLong(),
                                        QStringLiteral("sub@example.com"));
        QCOMPARE(features.table()->rowCount(), 3);
        QCOMPARE(features.table()->item(0, 0)->text(), QStringLiteral("Items per box"));
        QCOMPARE(features.table()->item(0, 1)->text(), QStringLiteral("4"));
        QCOMPARE(features.table()->item(0, 2)->text(), QStringLiteral("active on Basic Box"));
        QCOMPARE(features.table()->item(1, 1)->text(), QStringLiteral("No"));
        QCOMPARE(features.table()->item(2, 2)->text(),
                 QStringLiteral("feature not in plan Basic Box; the default applies"));
    }
    SubscriptionsPage page(m_scratch->spec());
    page.resize(1000, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setCycle(2030, 1);
    QSignalSpy composed(&page, &SubscriptionsPage::composed);
    page.compose();
    QVERIFY(composed.wait(30000));
    QCOMPARE(page.boxModel()->rowCount(), 1);
    QCOMPARE(page.boxModel()->index(0, 0).data().toString(), QStringLiteral("sub@example.com"));
    QCOMPARE(page.boxModel()->index(0, 2).data().toString(), QStringLiteral("4 item(s)"));
    QVERIFY2(page.boxSummary()->text().contains(QLatin1String("1 boxes with 4 items")),
             qPrintable(page.boxSummary()->text()));
    QVERIFY(page.confirmButton()->isEnabled());
    // The growth tab builds its chart from the subscriptions.
    page.tabs()->setCurrentIndex(2);
    QVERIFY(page.growthModel()->rowCount() == 12);
    QCOMPARE(page.growthModel()->columnCount(), 2 + 2);
}

void tst_PlansPage::deleteFeatureFromPage()
{
    PlansPage page(m_scratch->spec());
    page.resize(1000, 500);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(!page.deleteFeatureAction()->isEnabled()); // no cell chosen yet

    // Items per box is set on both plans: refused, with the plans named, nothing removed.
    page.table()->setCurrentIndex(page.model()->index(0, 0));
    QVERIFY(page.deleteFeatureAction()->isEnabled());
    const QString asked
        = answerMessageBox(QMessageBox::YesRole, [&] { page.deleteFeatureAction()->trigger(); });
    QVERIFY2(asked.contains(QStringLiteral("“Items per box”")), qPrintable(asked));
    QVERIFY2(page.lastMessage().contains(
                 QStringLiteral("“Items per box” is set on 2 plan(s): Basic Box, Premium Box")),
             qPrintable(page.lastMessage()));
    QCOMPARE(page.model()->rowCount(), 3);

    // Shipping speed is set nowhere: No keeps it, Yes deletes it.
    page.table()->setCurrentIndex(page.model()->index(2, 0));
    answerMessageBox(QMessageBox::NoRole, [&] { page.deleteFeatureAction()->trigger(); });
    QCOMPARE(page.model()->rowCount(), 3);
    answerMessageBox(QMessageBox::YesRole, [&] { page.deleteFeatureAction()->trigger(); });
    QCOMPARE(page.model()->rowCount(), 2);
    QCOMPARE(page.lastMessage(), QStringLiteral("Feature “Shipping speed” deleted."));
    auto stored = PlanStore::load(*m_db);
    MD_VERIFY(stored);
    QVERIFY(!stored->feature(m_ids.speed));
    QVERIFY(stored->feature(m_ids.items));
}

void tst_PlansPage::toolbarFitsInGerman_data()
{
    QTest::addColumn<bool>("german");
    QTest::newRow("English") << false;
    QTest::newRow("German") << true;
}

void tst_PlansPage::toolbarFitsInGerman()
{
    QFETCH(bool, german);
    QTranslator translator;
    if (german) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/merchantdesk_de.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    {
        PlansPage page(m_scratch->spec());
        // The catalogue is really in use, or the width below proves nothing.
        QCOMPARE(page.saveAction()->text() == QStringLiteral("&Save changes"), !german);
        const int width = page.minimumSizeHint().width();
        QVERIFY2(width <= 1200, qPrintable(QString::number(width)));
        page.resize(1200, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // Every action stays reachable: on the toolbar or in its More menu.
        QVERIFY(page.moreButton()->isVisible());
        const QString dir = qEnvironmentVariable("MD_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(page.grab().save(QDir(dir).filePath(german ? QStringLiteral("plans-de.png")
                                                               : QStringLiteral("plans-en.png"))));
        }
    }
    if (german)
        QCoreApplication::removeTranslator(&translator);
}

void tst_PlansPage::settingsAreThisTestsOwn()
{
    // CTest gives each registered test its own home (tests/CMakeLists.txt): the _sqlite and
    // _postgres runs never share a settings file, and neither touches the developer's.
    const QString file = QDir::cleanPath(QSettings().fileName());
    const QString own = QStringLiteral("/test-home/tst_planspage_%1/").arg(test::backendName());
    QVERIFY2(file.contains(own), qPrintable(file));
    QVERIFY2(file.startsWith(QDir::cleanPath(qEnvironmentVariable("HOME"))), qPrintable(file));
}

QTEST_MAIN(tst_PlansPage)
#include "tst_planspage.moc"
