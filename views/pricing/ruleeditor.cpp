#include "ruleeditor.h"
#include "common/tone.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace md {

namespace {

using Field = PricingRules::Field;
using Kind = PricingRules::FieldKind;

QString hintOf(Field field)
{
    switch (field) {
    case Field::LowStockThreshold:
        return RuleEditor::tr("Below this stock a product counts as scarce: its price rises with "
                              "demand from the current price.");
    case Field::HighStockThreshold:
        return RuleEditor::tr("Above this stock the price is held (or marked down, see below).");
    case Field::DemandStep:
        return RuleEditor::tr("How much of the base price one point of demand adds.");
    case Field::MaxStep:
        return RuleEditor::tr("The most one run moves a price, up or down, in percent of the "
                              "current price.");
    case Field::MinMargin:
        return RuleEditor::tr("No price goes below cost plus this margin (nor below the "
                              "product's minimum price).");
    case Field::OverstockMarkdown:
        return RuleEditor::tr("Lower the price of products above the high threshold that have "
                              "no demand.");
    case Field::OverstockMarkdownPercent:
        return RuleEditor::tr("How much the markdown lowers the price.");
    case Field::CharmRounding:
        return RuleEditor::tr("Move new prices to the nearest price ending in .99 or .95.");
    case Field::CooldownHours:
        return RuleEditor::tr("Leave products alone whose price changed less than this many hours "
                              "ago; 0 is off.");
    case Field::MaxChangesPerRun:
        return RuleEditor::tr("Keep only this many of the largest changes per run; 0 is no "
                              "limit.");
    case Field::LockedCategories:
        return RuleEditor::tr("Products of these categories are never repriced; one category a "
                              "line.");
    }
    return {};
}

// What 0 means, shown beside the fields where 0 is not a number of anything.
QString zeroNote(Field field)
{
    switch (field) {
    case Field::CooldownHours:
        return RuleEditor::tr("0 = off");
    case Field::MaxChangesPerRun:
        return RuleEditor::tr("0 = no limit");
    default:
        return {};
    }
}

QString charmName(const QString &choice)
{
    if (choice == QLatin1String(".99"))
        return RuleEditor::tr("Prices ending in .99");
    if (choice == QLatin1String(".95"))
        return RuleEditor::tr("Prices ending in .95");
    return RuleEditor::tr("No charm rounding");
}

} // namespace

RuleEditor::RuleEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (Field field : PricingRules::fields()) {
        QWidget *input = nullptr;
        switch (PricingRules::kind(field)) {
        case Kind::WholeNumber:
        case Kind::Percent: {
            auto *edit = new QLineEdit(this);
            edit->setMaximumWidth(120);
            connect(edit, &QLineEdit::textEdited, this, &RuleEditor::edited);
            input = edit;
            break;
        }
        case Kind::Switch: {
            auto *box = new QCheckBox(tr("On"), this);
            connect(box, &QCheckBox::toggled, this, &RuleEditor::edited);
            input = box;
            break;
        }
        case Kind::Choice: {
            auto *combo = new QComboBox(this);
            for (const QString &choice : PricingRules::choices(field))
                combo->addItem(charmName(choice), choice);
            connect(combo, &QComboBox::activated, this, &RuleEditor::edited);
            input = combo;
            break;
        }
        case Kind::TextList: {
            auto *edit = new QPlainTextEdit(this);
            edit->setTabChangesFocus(true);
            edit->setMaximumHeight(80);
            edit->setPlaceholderText(tr("No locked categories"));
            connect(edit, &QPlainTextEdit::textChanged, this, &RuleEditor::edited);
            input = edit;
            break;
        }
        }
        input->setObjectName(PricingRules::key(field));
        input->setToolTip(hintOf(field));
        input->setWhatsThis(hintOf(field));
        m_inputs[field] = input;
        auto *label = new QLabel(PricingRules::label(field) + QLatin1Char(':'), this);
        label->setBuddy(input);
        label->setToolTip(hintOf(field));
        if (const QString note = zeroNote(field); !note.isEmpty()) {
            auto *row = new QHBoxLayout;
            row->addWidget(input);
            auto *noteLabel = new QLabel(note, this);
            noteLabel->setObjectName(PricingRules::key(field) + QStringLiteral(".note"));
            tone::apply(noteLabel, tone::Tone::Muted);
            row->addWidget(noteLabel);
            row->addStretch();
            form->addRow(label, row);
        } else {
            form->addRow(label, input);
        }
    }

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("ruleError"));
    m_error->setWordWrap(true);
    tone::apply(m_error, tone::Tone::Error);
    QFont bold = m_error->font();
    bold.setWeight(QFont::DemiBold);
    m_error->setFont(bold);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_error);
    setRules(PricingRules::defaults());
}

QWidget *RuleEditor::input(PricingRules::Field field) const
{
    const auto found = m_inputs.find(field);
    return found == m_inputs.end() ? nullptr : found->second;
}

QString RuleEditor::textOf(Field field) const
{
    QWidget *widget = input(field);
    if (auto *edit = qobject_cast<QLineEdit *>(widget))
        return edit->text();
    if (auto *box = qobject_cast<QCheckBox *>(widget))
        return box->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        return combo->currentData().toString();
    if (auto *text = qobject_cast<QPlainTextEdit *>(widget))
        return text->toPlainText();
    return {};
}

void RuleEditor::setTextOf(Field field, const QString &text)
{
    QWidget *widget = input(field);
    const QSignalBlocker blocker(widget);
    if (auto *edit = qobject_cast<QLineEdit *>(widget))
        edit->setText(text);
    else if (auto *box = qobject_cast<QCheckBox *>(widget))
        box->setChecked(text == QLatin1String("true"));
    else if (auto *combo = qobject_cast<QComboBox *>(widget))
        combo->setCurrentIndex(qMax(0, combo->findData(text)));
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
        plain->setPlainText(text);
}

void RuleEditor::setRules(const PricingRules &rules)
{
    clearError();
    for (Field field : PricingRules::fields())
        setTextOf(field, rules.text(field, locale()));
}

Result<PricingRules> RuleEditor::rules()
{
    clearError();
    PricingRules rules;
    for (Field field : PricingRules::fields()) {
        if (Status parsed = rules.setText(field, textOf(field), locale()); !parsed) {
            showError(field, parsed.error());
            return fail(parsed.error());
        }
    }
    const auto errors = rules.validate();
    if (!errors.isEmpty()) {
        showError(errors.constFirst().field, errors.constFirst().message);
        return fail(errors.constFirst().message);
    }
    return rules;
}

void RuleEditor::showError(Field field, const QString &message)
{
    m_error->setText(message);
    m_error->show();
    if (QWidget *widget = input(field)) {
        tone::markInvalid(widget, true);
        widget->setFocus(Qt::OtherFocusReason);
    }
}

void RuleEditor::clearError()
{
    m_error->clear();
    m_error->hide();
    for (const auto &entry : m_inputs)
        tone::markInvalid(entry.second, false);
}

} // namespace md
