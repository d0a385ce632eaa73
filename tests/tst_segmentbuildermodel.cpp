// The Segments page's rule builder as an item model (QAbstractItemModelTester, Fatal): loading
// and writing back the rule of docs/segments.md, the edits (add, remove, group kind, field,
// operator, value) with the signals a view relies on, the not group's one node, and invalid
// trees reported with SegmentRule's own JSON-path messages.

#include "marketing/segmentbuildermodel.h"
#include "testdb.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace md;

namespace {

const QByteArray kExample = R"({"all": [
  {"field": "orders_count", "op": ">=", "value": 3},
  {"any": [{"field": "bought_category", "op": "=", "value": "Tea"},
           {"field": "total_spent", "op": ">", "value": 100.00}]},
  {"not": {"field": "last_order", "op": "within_days", "value": 90}}
]})";

using Kind = SegmentBuilderModel::Kind;
using Op = SegmentOperator;

QByteArray canonical(const QByteArray &json)
{
    auto parsed = SegmentRule::parse(json);
    return parsed ? parsed->toJson() : QByteArray("error: ") + parsed.error().toUtf8();
}

QByteArray built(const SegmentBuilderModel &model)
{
    auto rule = model.rule();
    return rule ? rule->toJson() : QByteArray("error: ") + rule.error().toUtf8();
}

} // namespace

class tst_SegmentBuilderModel : public QObject
{
    Q_OBJECT

private slots:
    void newRuleIsOneCondition();
    void roundTripsTheExample();
    void roundTrips_data();
    void roundTrips();
    void conditionAtTheRootGetsAGroup();
    void displaysTheTree();
    void fieldChangeResetsOperatorAndValue_data();
    void fieldChangeResetsOperatorAndValue();
    void operatorChangeReshapesTheValue_data();
    void operatorChangeReshapesTheValue();
    void addsAndRemovesNodes();
    void notKeepsExactlyOneNode();
    void invalidTreesNameTheirPath_data();
    void invalidTreesNameTheirPath();
    void setDataGoesThroughTheSameEdits();
    void badDefinitionLeavesTheModel();
};

void tst_SegmentBuilderModel::newRuleIsOneCondition()
{
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.kind(model.rootIndex()), Kind::All);
    QCOMPARE(model.rowCount(model.rootIndex()), 1);
    QCOMPARE(built(model), QByteArray(R"({"all":[{"field":"orders_count","op":">=","value":1}]})"));
    model.addCondition(model.rootIndex());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.reset();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(model.rootIndex()), 1);
}

void tst_SegmentBuilderModel::roundTripsTheExample()
{
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MD_VERIFY(model.setDefinition(kExample));
    const QModelIndex root = model.rootIndex();
    QCOMPARE(model.rowCount(root), 3);
    QCOMPARE(model.kind(model.index(1, 0, root)), Kind::Any);
    QCOMPARE(model.rowCount(model.index(1, 0, root)), 2);
    QCOMPARE(model.kind(model.index(2, 0, root)), Kind::Not);
    QCOMPARE(model.rowCount(model.index(2, 0, root)), 1);
    QCOMPARE(built(model), canonical(kExample));
    QCOMPARE(built(model),
             QByteArray(R"({"all":[{"field":"orders_count","op":">=","value":3},)"
                        R"({"any":[{"field":"bought_category","op":"=","value":"Tea"},)"
                        R"({"field":"total_spent","op":">","value":100}]},)"
                        R"({"not":{"field":"last_order","op":"within_days","value":90}}]})"));
    QCOMPARE(model.jsonPath(model.index(1, 0, model.index(1, 0, root))),
             QStringLiteral("all[1].any[1]"));
    QCOMPARE(model.jsonPath(model.index(0, 0, model.index(2, 0, root))),
             QStringLiteral("all[2].not"));
    QCOMPARE(model.jsonPath(root), QString());
}

void tst_SegmentBuilderModel::roundTrips_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("between money")
        << QByteArray(R"({"any":[{"field":"total_spent","op":"between","value":[10.5,"20"]}]})");
    QTest::newRow("in statuses") << QByteArray(
        R"({"all":[{"field":"subscription_status","op":"in","value":["active","paused"]}]})");
    QTest::newRow("dates") << QByteArray(
        R"({"all":[{"field":"created","op":"after","value":"2026-01-31"},)"
        R"({"field":"first_order","op":"before","value":"2026-06-30T10:00:00Z"}]})");
    QTest::newRow("bool and domain")
        << QByteArray(R"({"all":[{"field":"accepts_marketing","op":"=","value":false},)"
                      R"({"field":"email_domain","op":"contains","value":"Example"}]})");
    QTest::newRow("nested not") << QByteArray(
        R"({"not":{"any":[{"field":"unsubscribed","op":"=","value":true},)"
        R"({"not":{"field":"total_spent","op":"top_percent","value":5}}]}})");
}

void tst_SegmentBuilderModel::roundTrips()
{
    QFETCH(QByteArray, json);
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MD_VERIFY(model.setDefinition(json));
    QCOMPARE(built(model), canonical(json));
}

void tst_SegmentBuilderModel::conditionAtTheRootGetsAGroup()
{
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MD_VERIFY(model.setDefinition(R"({"field":"orders_count","op":"=","value":0})"));
    QCOMPARE(model.kind(model.rootIndex()), Kind::All);
    QCOMPARE(built(model), QByteArray(R"({"all":[{"field":"orders_count","op":"=","value":0}]})"));
}

void tst_SegmentBuilderModel::displaysTheTree()
{
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MD_VERIFY(model.setDefinition(kExample));
    const QModelIndex root = model.rootIndex();
    const auto cell = [&](const QModelIndex &row, int column) {
        return row.siblingAtColumn(column).data().toString();
    };
    QCOMPARE(cell(root, 0), QStringLiteral("All of these"));
    QCOMPARE(cell(root, 1), QString());
    const QModelIndex first = model.index(0, 0, root);
    QCOMPARE(cell(first, 0), QStringLiteral("Number of completed orders"));
    QCOMPARE(cell(first, 1), QStringLiteral("at least"));
    QCOMPARE(cell(first, 2), QStringLiteral("3"));
    QCOMPARE(cell(model.index(1, 0, model.index(1, 0, root)), 2), QStringLiteral("100.00"));
    const QModelIndex lastOrder = model.index(0, 0, model.index(2, 0, root));
    QCOMPARE(cell(model.index(2, 0, root), 0), QStringLiteral("Not this"));
    QCOMPARE(cell(lastOrder, 1), QStringLiteral("in the last"));
    QCOMPARE(cell(lastOrder, 2), QStringLiteral("90 days"));
    QCOMPARE(first.data(SegmentBuilderModel::FieldRole).toInt(), int(SegmentField::OrdersCount));
    QCOMPARE(first.data(SegmentBuilderModel::OperatorRole).toInt(), int(Op::GreaterOrEqual));
    QCOMPARE(first.data(SegmentBuilderModel::ValueRole).value<QJsonValue>(), QJsonValue(3));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Condition"));
    QVERIFY(!(model.flags(first) & Qt::ItemIsEditable));
}

void tst_SegmentBuilderModel::fieldChangeResetsOperatorAndValue_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<SegmentField>("field");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("count to category: = and no value")
        << QByteArray(R"({"field":"orders_count","op":">=","value":3})")
        << SegmentField::BoughtCategory << QByteArray(R"({"field":"bought_category","op":"="})");
    QTest::newRow("count to money: the type's usual value")
        << QByteArray(R"({"field":"orders_count","op":"<","value":3})") << SegmentField::TotalSpent
        << QByteArray(R"({"field":"total_spent","op":">=","value":100})");
    QTest::newRow("date to date keeps op and value")
        << QByteArray(R"({"field":"first_order","op":"not_within_days","value":45})")
        << SegmentField::LastOrder
        << QByteArray(R"({"field":"last_order","op":"not_within_days","value":45})");
    QTest::newRow("money to money without top_percent")
        << QByteArray(R"({"field":"total_spent","op":"top_percent","value":10})")
        << SegmentField::AvgOrderValue
        << QByteArray(R"({"field":"avg_order_value","op":">=","value":100})");
    QTest::newRow("to bool") << QByteArray(
        R"({"field":"email_domain","op":"in","value":["a.com"]})")
                             << SegmentField::Unsubscribed
                             << QByteArray(R"({"field":"unsubscribed","op":"=","value":true})");
    QTest::newRow("to status")
        << QByteArray(R"({"field":"created","op":"within_days","value":30})")
        << SegmentField::SubscriptionStatus
        << QByteArray(R"({"field":"subscription_status","op":"=","value":"active"})");
    QTest::newRow("to rfm group") << QByteArray(R"({"field":"orders_count","op":">=","value":3})")
                                  << SegmentField::RfmGroup
                                  << QByteArray(
                                         R"({"field":"rfm_group","op":"=","value":"champions"})");
    QTest::newRow("to hours") << QByteArray(R"({"field":"orders_count","op":"=","value":3})")
                              << SegmentField::CartAbandonedHours
                              << QByteArray(
                                     R"({"field":"cart_abandoned_hours","op":"<=","value":48})");
    QTest::newRow("sku to category keeps in and the list")
        << QByteArray(R"({"field":"bought_product","op":"in","value":["A-1"]})")
        << SegmentField::ViewedProduct
        << QByteArray(R"({"field":"viewed_product","op":"in","value":["A-1"]})");
}

void tst_SegmentBuilderModel::fieldChangeResetsOperatorAndValue()
{
    QFETCH(QByteArray, condition);
    QFETCH(SegmentField, field);
    QFETCH(QByteArray, expected);
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MD_VERIFY(model.setDefinition("{\"all\":[" + condition + "]}"));
    const QModelIndex node = model.index(0, 0, model.rootIndex());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy edited(&model, &SegmentBuilderModel::ruleEdited);
    QVERIFY(model.setField(node, field));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), node);
    QCOMPARE(changed.at(0).at(1).toModelIndex(), node.siblingAtColumn(2));
    QCOMPARE(edited.count(), 1);
    QCOMPARE(model.field(node), field);
    QVERIFY(SegmentFields::allows(field, model.op(node)));
    QCOMPARE(
        QJsonDocument(model.toJsonValue().toObject()[QLatin1String("all")].toArray()[0].toObject())
            .toJson(QJsonDocument::Compact),
        expected);
    // The same field again changes nothing.
    QVERIFY(model.setField(node, field));
    QCOMPARE(edited.count(), 1);
}

void tst_SegmentBuilderModel::operatorChangeReshapesTheValue_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<SegmentOperator>("op");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("one to between")
        << QByteArray(R"({"field":"orders_count","op":">=","value":3})") << Op::Between
        << QByteArray(R"({"field":"orders_count","op":"between","value":[3,3]})");
    QTest::newRow("between to one")
        << QByteArray(R"({"field":"total_spent","op":"between","value":[10,20]})") << Op::Less
        << QByteArray(R"({"field":"total_spent","op":"<","value":10})");
    QTest::newRow("text to in")
        << QByteArray(R"({"field":"bought_category","op":"=","value":"Tea"})") << Op::In
        << QByteArray(R"({"field":"bought_category","op":"in","value":["Tea"]})");
    QTest::newRow("in to text")
        << QByteArray(R"({"field":"bought_category","op":"in","value":["Tea","Coffee"]})")
        << Op::Contains
        << QByteArray(R"({"field":"bought_category","op":"contains","value":"Tea"})");
    QTest::newRow("days to date")
        << QByteArray(R"({"field":"created","op":"within_days","value":30})") << Op::Before
        << QByteArray(R"({"field":"created","op":"before","value":"2026-03-01"})");
    QTest::newRow("date to days")
        << QByteArray(R"({"field":"created","op":"after","value":"2026-01-01"})")
        << Op::NotWithinDays
        << QByteArray(R"({"field":"created","op":"not_within_days","value":30})");
    QTest::newRow("to top percent")
        << QByteArray(R"({"field":"total_spent","op":">","value":500})") << Op::TopPercent
        << QByteArray(R"({"field":"total_spent","op":"top_percent","value":10})");
}

void tst_SegmentBuilderModel::operatorChangeReshapesTheValue()
{
    QFETCH(QByteArray, condition);
    QFETCH(SegmentOperator, op);
    QFETCH(QByteArray, expected);
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setToday(QDate(2026, 3, 1));
    MD_VERIFY(model.setDefinition("{\"all\":[" + condition + "]}"));
    const QModelIndex node = model.index(0, 0, model.rootIndex());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setOperator(node, op));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(
        QJsonDocument(model.toJsonValue().toObject()[QLatin1String("all")].toArray()[0].toObject())
            .toJson(QJsonDocument::Compact),
        expected);
    QVERIFY(model.rule().ok());
    // An operator the field does not allow is refused and changes nothing.
    QVERIFY(!model.setOperator(node, Op::TopPercent) || op == Op::TopPercent
            || SegmentFields::allows(model.field(node), Op::TopPercent));
}

void tst_SegmentBuilderModel::addsAndRemovesNodes()
{
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MD_VERIFY(model.setDefinition(kExample));
    const QModelIndex root = model.rootIndex();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy edited(&model, &SegmentBuilderModel::ruleEdited);

    // A condition added "at" a condition goes to the end of that condition's group.
    const QModelIndex any = model.index(1, 0, root);
    const QModelIndex added = model.addCondition(model.index(0, 0, any));
    QVERIFY(added.isValid());
    QCOMPARE(added.parent(), any);
    QCOMPARE(added.row(), 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(0).toModelIndex(), any);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(model.rowCount(any), 3);

    // A new group holds one condition and checks.
    const QModelIndex group = model.addGroup(root, Kind::Any);
    QVERIFY(group.isValid());
    QCOMPARE(group.row(), 3);
    QCOMPARE(model.kind(group), Kind::Any);
    QCOMPARE(model.rowCount(group), 1);
    QVERIFY(model.rule().ok());
    QCOMPARE(edited.count(), 2);

    // The root cannot go; a node and everything under it can.
    QVERIFY(!model.canRemove(root));
    QVERIFY(!model.removeNode(root));
    QVERIFY(model.removeNode(any));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toModelIndex(), root);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(model.rowCount(root), 3);
    QCOMPARE(model.kind(model.index(1, 0, root)), Kind::Not);
    QCOMPARE(built(model),
             QByteArray(R"({"all":[{"field":"orders_count","op":">=","value":3},)"
                        R"({"not":{"field":"last_order","op":"within_days","value":90}},)"
                        R"({"any":[{"field":"orders_count","op":">=","value":1}]}]})"));
    QCOMPARE(edited.count(), 3);

    // Removing the last node of a group leaves an empty group, reported by the rule.
    QVERIFY(model.removeNode(model.index(0, 0, model.index(2, 0, root))));
    QCOMPARE(model.rowCount(model.index(2, 0, root)), 0);
    QCOMPARE(model.rule().error(),
             QStringLiteral("all[2].any: the group is empty; give it at least one condition"));
    // Changing the group's kind keeps it in place.
    QVERIFY(model.setGroupKind(model.index(2, 0, root), Kind::All));
    QCOMPARE(model.rule().error(),
             QStringLiteral("all[2].all: the group is empty; give it at least one condition"));
}

void tst_SegmentBuilderModel::notKeepsExactlyOneNode()
{
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MD_VERIFY(model.setDefinition(kExample));
    const QModelIndex root = model.rootIndex();
    const QModelIndex notGroup = model.index(2, 0, root);

    // Nothing more can go under it, and its one node cannot be taken away.
    QVERIFY(!model.addCondition(notGroup).isValid());
    QVERIFY(!model.addGroup(notGroup).isValid());
    QVERIFY(!model.canRemove(model.index(0, 0, notGroup)));
    QVERIFY(!model.removeNode(model.index(0, 0, notGroup)));
    QCOMPARE(model.rowCount(notGroup), 1);

    // A group of two becoming not: its two nodes move into an "all" group under it.
    const QModelIndex any = model.index(1, 0, root);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(model.setGroupKind(any, Kind::Not));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(any), 1);
    QCOMPARE(model.kind(model.index(0, 0, any)), Kind::All);
    QCOMPARE(model.rowCount(model.index(0, 0, any)), 2);
    QVERIFY(model.rule().ok());
    QVERIFY(built(model).contains(
        R"({"not":{"all":[{"field":"bought_category","op":"=","value":"Tea"},)"));

    // An empty group becoming not gets one condition.
    const QModelIndex group = model.addGroup(root, Kind::All);
    QVERIFY(model.removeNode(model.index(0, 0, group)));
    QVERIFY(model.setGroupKind(group, Kind::Not));
    QCOMPARE(model.rowCount(group), 1);
    QVERIFY(model.rule().ok());

    // Back from not: its one node stays, and more can be added.
    QVERIFY(model.setGroupKind(notGroup, Kind::Any));
    QCOMPARE(model.rowCount(notGroup), 1);
    QVERIFY(model.addCondition(notGroup).isValid());
    QCOMPARE(model.rowCount(notGroup), 2);
    QVERIFY(!model.setGroupKind(model.index(0, 0, notGroup), Kind::All)); // a condition
}

void tst_SegmentBuilderModel::invalidTreesNameTheirPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("edit");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("nodePath");
    // edit 0: the third condition's value goes missing; 1: it becomes ""; 2: it becomes 10.005
    const QByteArray json = R"({"all":[{"field":"orders_count","op":">=","value":3},)"
                            R"({"any":[{"field":"bought_category","op":"=","value":"Tea"},)"
                            R"({"field":"total_spent","op":">","value":100}]}]})";
    QTest::newRow("missing value")
        << json << 0
        << QStringLiteral("all[1].any[1].value: missing; a condition needs field, "
                          "op and value")
        << QStringLiteral("all[1].any[1]");
    QTest::newRow("empty text") << json << 1
                                << QStringLiteral("all[1].any[0].value: \"\" is not a non-empty "
                                                  "text")
                                << QStringLiteral("all[1].any[0]");
    QTest::newRow("money beyond cents")
        << json << 2
        << QStringLiteral("all[1].any[1].value: 10.005 is not an amount of money exact to the "
                          "cent, such as 99.95")
        << QStringLiteral("all[1].any[1]");
}

void tst_SegmentBuilderModel::invalidTreesNameTheirPath()
{
    QFETCH(QByteArray, json);
    QFETCH(int, edit);
    QFETCH(QString, message);
    QFETCH(QString, nodePath);
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MD_VERIFY(model.setDefinition(json));
    const QModelIndex any = model.index(1, 0, model.rootIndex());
    switch (edit) {
    case 0:
        QVERIFY(model.setValue(model.index(1, 0, any), QJsonValue::Undefined));
        break;
    case 1:
        QVERIFY(model.setValue(model.index(0, 0, any), QString()));
        break;
    default:
        QVERIFY(model.setValue(model.index(1, 0, any), 10.005));
        break;
    }
    const auto rule = model.rule();
    QVERIFY(!rule);
    QCOMPARE(rule.error(), message);
    // The page selects the node the message names.
    QCOMPARE(model.jsonPath(model.indexOfPath(rule.error())), nodePath);
}

void tst_SegmentBuilderModel::setDataGoesThroughTheSameEdits()
{
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QModelIndex node = model.index(0, 0, model.rootIndex());
    QVERIFY(model.setData(node, int(SegmentField::EmailDomain), SegmentBuilderModel::FieldRole));
    QVERIFY(model.setData(node, int(Op::Contains), SegmentBuilderModel::OperatorRole));
    QVERIFY(!model.setData(node, int(Op::Less), SegmentBuilderModel::OperatorRole));
    QVERIFY(model.setData(node, QVariant::fromValue(QJsonValue(QStringLiteral("Example.COM"))),
                          SegmentBuilderModel::ValueRole));
    QVERIFY(model.setData(model.rootIndex(), int(Kind::Any), SegmentBuilderModel::KindRole));
    QVERIFY(!model.setData(node, 99, SegmentBuilderModel::FieldRole));
    QCOMPARE(
        built(model),
        QByteArray(R"({"any":[{"field":"email_domain","op":"contains","value":"example.com"}]})"));
}

void tst_SegmentBuilderModel::badDefinitionLeavesTheModel()
{
    SegmentBuilderModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MD_VERIFY(model.setDefinition(kExample));
    const Status bad = model.setDefinition(R"({"all":[{"field":"nope","op":"=","value":1}]})");
    QVERIFY(!bad);
    QVERIFY2(bad.error().startsWith(QLatin1String("all[0].field: unknown field \"nope\"")),
             qPrintable(bad.error()));
    QCOMPARE(built(model), canonical(kExample));
}

QTEST_GUILESS_MAIN(tst_SegmentBuilderModel)
#include "tst_segmentbuildermodel.moc"
