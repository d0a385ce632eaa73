#include "segmentbuilderpanel.h"

#include "marketing/rfmscoring.h"

#include "marketing/segmentbuildermodel.h"
#include "subscriptions/subscriptionstatus.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>

namespace md {

namespace {

using Kind = SegmentBuilderModel::Kind;
using Op = SegmentOperator;
using Type = SegmentValueType;

QJsonValue moneyJson(double value)
{
    return QJsonValue(std::round(value * 100.0) / 100.0);
}

double moneyOf(const QJsonValue &value)
{
    return value.isString() ? value.toString().toDouble() : value.toDouble();
}

} // namespace

SegmentBuilderPanel::SegmentBuilderPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new SegmentBuilderModel(this))
{
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("segmentRuleTree"));
    m_tree->setModel(m_model);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(SegmentBuilderModel::NodeColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(SegmentBuilderModel::OperatorColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->setToolTip(tr("The rule: pick a line to change it below"));

    m_addCondition = new QPushButton(tr("Add &condition"), this);
    m_addCondition->setObjectName(QStringLiteral("addCondition"));
    m_addCondition->setToolTip(tr("Add a condition to the selected group"));
    connect(m_addCondition, &QPushButton::clicked, this, &SegmentBuilderPanel::addCondition);
    m_addGroup = new QPushButton(tr("Add &group"), this);
    m_addGroup->setObjectName(QStringLiteral("addGroup"));
    m_addGroup->setToolTip(tr("Add a group (any of / all of / not) to the selected group"));
    connect(m_addGroup, &QPushButton::clicked, this, &SegmentBuilderPanel::addGroup);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeNode"));
    m_remove->setToolTip(tr("Remove the selected line and everything under it"));
    connect(m_remove, &QPushButton::clicked, this, &SegmentBuilderPanel::removeCurrent);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addCondition);
    buttons->addWidget(m_addGroup);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    // The group editor.
    auto *groupEditor = new QWidget(this);
    m_kind = new QComboBox(groupEditor);
    m_kind->setObjectName(QStringLiteral("groupKind"));
    for (Kind kind : {Kind::All, Kind::Any, Kind::Not})
        m_kind->addItem(SegmentBuilderModel::kindLabel(kind), int(kind));
    m_kindHint = new QLabel(groupEditor);
    m_kindHint->setWordWrap(true);
    auto *groupRow = new QHBoxLayout(groupEditor);
    groupRow->setContentsMargins(0, 0, 0, 0);
    groupRow->addWidget(new QLabel(tr("Group:"), groupEditor));
    groupRow->addWidget(m_kind);
    groupRow->addWidget(m_kindHint, 1);
    connect(m_kind, &QComboBox::activated, this, [this] {
        if (m_filling)
            return;
        const QModelIndex index = current();
        m_model->setGroupKind(index, Kind(m_kind->currentData().toInt()));
        select(index);
    });

    // The condition editor: field, comparison, value.
    auto *conditionEditor = new QWidget(this);
    m_field = new QComboBox(conditionEditor);
    m_field->setObjectName(QStringLiteral("conditionField"));
    for (const SegmentFieldInfo &info : SegmentFields::all())
        m_field->addItem(SegmentFields::label(info.field), int(info.field));
    m_operator = new QComboBox(conditionEditor);
    m_operator->setObjectName(QStringLiteral("conditionOperator"));
    m_valueHost = new QWidget(conditionEditor);
    auto *valueLayout = new QHBoxLayout(m_valueHost);
    valueLayout->setContentsMargins(0, 0, 0, 0);
    m_valueHint = new QLabel(conditionEditor);
    m_valueHint->setWordWrap(true);
    auto *conditionLayout = new QVBoxLayout(conditionEditor);
    conditionLayout->setContentsMargins(0, 0, 0, 0);
    auto *conditionRow = new QHBoxLayout;
    conditionRow->addWidget(m_field);
    conditionRow->addWidget(m_operator);
    conditionRow->addWidget(m_valueHost, 1);
    conditionLayout->addLayout(conditionRow);
    conditionLayout->addWidget(m_valueHint);
    connect(m_field, &QComboBox::activated, this, [this] {
        if (m_filling)
            return;
        m_model->setField(current(), SegmentField(m_field->currentData().toInt()));
        showEditor();
    });
    connect(m_operator, &QComboBox::activated, this, [this] {
        if (m_filling)
            return;
        m_model->setOperator(current(), SegmentOperator(m_operator->currentData().toInt()));
        showEditor();
    });

    m_editors = new QStackedWidget(this);
    m_editors->addWidget(groupEditor);
    m_editors->addWidget(conditionEditor);
    m_editors->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_editors);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SegmentBuilderPanel::showEditor);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        select(m_model->rootIndex());
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent) { m_tree->expandRecursively(parent); });
    m_tree->expandAll();
    select(m_model->index(0, 0, m_model->rootIndex()));
}

QString SegmentBuilderPanel::dateFormat()
{
    // A short "03.12.26" saves too little for a date field: the whole year is shown.
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

void SegmentBuilderPanel::setChoices(const SegmentChoices &choices)
{
    m_choices = choices;
    showEditor();
}

void SegmentBuilderPanel::select(const QModelIndex &index)
{
    const QModelIndex target = index.isValid() ? index.siblingAtColumn(0) : m_model->rootIndex();
    m_tree->selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    m_tree->scrollTo(target);
    showEditor();
}

QModelIndex SegmentBuilderPanel::current() const
{
    const QModelIndex index = m_tree->selectionModel()->currentIndex();
    return index.isValid() ? index.siblingAtColumn(0) : m_model->rootIndex();
}

void SegmentBuilderPanel::addCondition()
{
    const QModelIndex added = m_model->addCondition(current());
    if (added.isValid())
        select(added);
}

void SegmentBuilderPanel::addGroup()
{
    const QModelIndex added = m_model->addGroup(current());
    if (added.isValid())
        select(m_model->index(0, 0, added));
}

void SegmentBuilderPanel::removeCurrent()
{
    const QModelIndex index = current();
    const QModelIndex group = index.parent();
    const int row = index.row();
    if (!m_model->removeNode(index))
        return;
    const int rows = m_model->rowCount(group);
    select(rows > 0 ? m_model->index(qMin(row, rows - 1), 0, group) : group);
}

void SegmentBuilderPanel::updateButtons()
{
    const QModelIndex index = current();
    QModelIndex group = m_model->isGroup(index) ? index : index.parent();
    const bool full = m_model->kind(group) == Kind::Not && m_model->rowCount(group) > 0;
    m_addCondition->setEnabled(!full);
    m_addGroup->setEnabled(!full);
    m_remove->setEnabled(m_model->canRemove(index));
    if (!m_remove->isEnabled()) {
        m_remove->setToolTip(index == m_model->rootIndex()
                                 ? tr("The top group stays; change its kind or remove the lines "
                                      "under it")
                                 : tr("A \"Not this\" group holds exactly one line; remove the "
                                      "group or change its kind instead"));
    } else {
        m_remove->setToolTip(tr("Remove the selected line and everything under it"));
    }
}

void SegmentBuilderPanel::showEditor()
{
    const QModelIndex index = current();
    m_filling = true;
    if (m_model->isGroup(index)) {
        m_editors->setCurrentIndex(0);
        const Kind kind = m_model->kind(index);
        m_kind->setCurrentIndex(m_kind->findData(int(kind)));
        switch (kind) {
        case Kind::All:
            m_kindHint->setText(tr("A customer is in when every line under it matches."));
            break;
        case Kind::Any:
            m_kindHint->setText(tr("A customer is in when at least one line under it matches."));
            break;
        default:
            m_kindHint->setText(tr("A customer is in when the one line under it does not match."));
            break;
        }
    } else {
        m_editors->setCurrentIndex(1);
        const SegmentField field = m_model->field(index);
        m_field->setCurrentIndex(m_field->findData(int(field)));
        m_operator->clear();
        for (SegmentOperator op : SegmentFields::info(field).operators)
            m_operator->addItem(SegmentBuilderModel::operatorLabel(op), int(op));
        m_operator->setCurrentIndex(m_operator->findData(int(m_model->op(index))));
        buildValueEditor();
    }
    m_filling = false;
    updateButtons();
}

void SegmentBuilderPanel::setValue(const QJsonValue &value)
{
    if (!m_filling)
        m_model->setValue(current(), value);
}

QWidget *SegmentBuilderPanel::wholeEditor(int min, int max, const QJsonValue &value,
                                          const QString &suffix, const QString &name)
{
    auto *spin = new QSpinBox(m_valueHost);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setSuffix(suffix);
    spin->setValue(value.isDouble() ? value.toInt() : min);
    spin->setAccelerated(true);
    return spin;
}

QWidget *SegmentBuilderPanel::moneyEditor(const QJsonValue &value, const QString &name)
{
    // As the plan dialog edits a price: two decimals, turned into exact cents by the rule.
    auto *spin = new QDoubleSpinBox(m_valueHost);
    spin->setObjectName(name);
    spin->setRange(0, 1000000000);
    spin->setDecimals(2);
    spin->setValue(moneyOf(value));
    return spin;
}

void SegmentBuilderPanel::buildValueEditor()
{
    delete m_value;
    m_value = new QWidget(m_valueHost);
    m_valueHost->layout()->addWidget(m_value);
    auto *row = new QHBoxLayout(m_value);
    row->setContentsMargins(0, 0, 0, 0);
    m_valueHint->clear();
    m_valueHint->hide();

    const QModelIndex index = current();
    const SegmentField field = m_model->field(index);
    const Type type = SegmentFields::info(field).type;
    const Op op = m_model->op(index);
    const QJsonValue value = m_model->value(index);

    const auto wholeInto = [this, row](QSpinBox *spin) {
        row->addWidget(spin, 1);
        connect(spin, &QSpinBox::valueChanged, this, [this](int v) { setValue(QJsonValue(v)); });
    };

    if (op == Op::WithinDays || op == Op::NotWithinDays) {
        wholeInto(static_cast<QSpinBox *>(
            wholeEditor(0, 100000, value, tr(" days"), QStringLiteral("valueWhole"))));
        return;
    }
    if (op == Op::TopPercent) {
        wholeInto(static_cast<QSpinBox *>(
            wholeEditor(1, 100, value, tr(" %"), QStringLiteral("valueWhole"))));
        m_valueHint->setText(tr("Of the customers who spent anything, those in the top share by "
                                "total spent (ties included)."));
        m_valueHint->show();
        return;
    }
    if (op == Op::Before || op == Op::After) {
        auto *date = new QDateEdit(m_value);
        date->setObjectName(QStringLiteral("valueDate"));
        date->setCalendarPopup(true);
        date->setDisplayFormat(dateFormat());
        const QDate read = QDate::fromString(value.toString().left(10), Qt::ISODate);
        date->setDate(read.isValid() ? read : QDate::currentDate());
        row->addWidget(date, 1);
        connect(date, &QDateEdit::dateChanged, this,
                [this](QDate d) { setValue(d.toString(Qt::ISODate)); });
        return;
    }

    switch (type) {
    case Type::Count:
    case Type::Hours: {
        const QString suffix = type == Type::Hours ? tr(" hours") : QString();
        if (op == Op::Between) {
            const QJsonArray pair = value.toArray();
            auto *low = static_cast<QSpinBox *>(
                wholeEditor(0, 1000000000, pair.at(0), suffix, QStringLiteral("valueLow")));
            auto *high = static_cast<QSpinBox *>(
                wholeEditor(0, 1000000000, pair.at(1), suffix, QStringLiteral("valueHigh")));
            row->addWidget(low, 1);
            row->addWidget(new QLabel(tr("and"), m_value));
            row->addWidget(high, 1);
            const auto write = [this, low, high] {
                setValue(QJsonArray{low->value(), high->value()});
            };
            connect(low, &QSpinBox::valueChanged, this, write);
            connect(high, &QSpinBox::valueChanged, this, write);
            return;
        }
        wholeInto(static_cast<QSpinBox *>(
            wholeEditor(0, 1000000000, value, suffix, QStringLiteral("valueWhole"))));
        return;
    }
    case Type::Money: {
        if (op == Op::Between) {
            const QJsonArray pair = value.toArray();
            auto *low = static_cast<QDoubleSpinBox *>(
                moneyEditor(pair.at(0), QStringLiteral("valueLow")));
            auto *high = static_cast<QDoubleSpinBox *>(
                moneyEditor(pair.at(1), QStringLiteral("valueHigh")));
            row->addWidget(low, 1);
            row->addWidget(new QLabel(tr("and"), m_value));
            row->addWidget(high, 1);
            const auto write = [this, low, high] {
                setValue(QJsonArray{moneyJson(low->value()), moneyJson(high->value())});
            };
            connect(low, &QDoubleSpinBox::valueChanged, this, write);
            connect(high, &QDoubleSpinBox::valueChanged, this, write);
            return;
        }
        auto *spin
            = static_cast<QDoubleSpinBox *>(moneyEditor(value, QStringLiteral("valueMoney")));
        row->addWidget(spin, 1);
        connect(spin, &QDoubleSpinBox::valueChanged, this,
                [this](double v) { setValue(moneyJson(v)); });
        return;
    }
    case Type::Bool: {
        auto *combo = new QComboBox(m_value);
        combo->setObjectName(QStringLiteral("valueChoice"));
        combo->addItem(tr("yes"), true);
        combo->addItem(tr("no"), false);
        combo->setCurrentIndex(value.toBool(true) ? 0 : 1);
        row->addWidget(combo, 1);
        connect(combo, &QComboBox::activated, this,
                [this, combo] { setValue(combo->currentData().toBool()); });
        return;
    }
    case Type::SubStatus:
    case Type::RfmGroup:
    case Type::Plan:
        if (op != Op::In) {
            auto *combo = new QComboBox(m_value);
            combo->setObjectName(QStringLiteral("valueChoice"));
            if (type == Type::RfmGroup) {
                for (const RfmGroupRange &range : RfmScoring::groupRanges())
                    combo->addItem(RfmScoring::label(range.group), keyOf(range.group));
            } else if (type == Type::SubStatus) {
                for (SubscriptionStatus status :
                     {SubscriptionStatus::Active, SubscriptionStatus::Paused,
                      SubscriptionStatus::PastDue, SubscriptionStatus::Cancelled}) {
                    combo->addItem(SubscriptionStatusInfo::label(status), keyOf(status));
                }
            } else {
                for (const QString &plan : m_choices.plans)
                    combo->addItem(plan, plan);
                if (m_choices.plans.isEmpty()) {
                    m_valueHint->setText(tr("The shop has no plans yet (see the Plans page)."));
                    m_valueHint->show();
                }
            }
            const QString chosen = value.toString();
            if (!chosen.isEmpty() && combo->findData(chosen) < 0)
                combo->addItem(chosen, chosen); // a plan since deleted, kept as written
            combo->setCurrentIndex(chosen.isEmpty() ? -1 : combo->findData(chosen));
            row->addWidget(combo, 1);
            connect(combo, &QComboBox::activated, this,
                    [this, combo] { setValue(combo->currentData().toString()); });
            return;
        }
        break;
    case Type::Date:
    case Type::Sku:
    case Type::Category:
    case Type::Text:
        break;
    }

    // Text: one value, or for "is one of" a list separated by commas.
    auto *edit = new QLineEdit(m_value);
    edit->setObjectName(QStringLiteral("valueText"));
    QStringList completions;
    if (type == Type::Sku)
        completions = m_choices.skus;
    else if (type == Type::Category)
        completions = m_choices.categories;
    else if (type == Type::Plan)
        completions = m_choices.plans;
    else if (type == Type::SubStatus)
        completions = keyList<SubscriptionStatus>().split(QStringLiteral(", "));
    else if (type == Type::RfmGroup)
        completions = keyList<RfmGroup>().split(QStringLiteral(", "));
    if (!completions.isEmpty()) {
        auto *completer = new QCompleter(completions, edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        edit->setCompleter(completer);
    }
    if (op == Op::In) {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items << item.toString();
        edit->setText(items.join(QStringLiteral(", ")));
        edit->setPlaceholderText(tr("several, separated by commas"));
        m_valueHint->setText(
            type == Type::SubStatus
                ? tr("Status keys, separated by commas: %1").arg(keyList<SubscriptionStatus>())
            : type == Type::RfmGroup
                ? tr("Group keys, separated by commas: %1").arg(keyList<RfmGroup>())
                : tr("Separate the values with commas."));
        m_valueHint->show();
    } else {
        edit->setText(value.toString());
        if (type == Type::Sku)
            edit->setPlaceholderText(tr("a product's SKU"));
        else if (type == Type::Category)
            edit->setPlaceholderText(tr("a product category"));
        else if (field == SegmentField::EmailDomain)
            edit->setPlaceholderText(tr("such as example.com"));
    }
    row->addWidget(edit, 1);
    const auto write = [this, edit, op] {
        const QString text = edit->text();
        if (op != Op::In) {
            setValue(text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                              : QJsonValue(text.trimmed()));
            return;
        }
        QJsonArray items;
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                items.append(part.trimmed());
        }
        setValue(items.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(items));
    };
    connect(edit, &QLineEdit::textChanged, this, write);
}

} // namespace md
