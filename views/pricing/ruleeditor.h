#pragma once

// The rule editor of the Repricing page: one input per field of PricingRules, built from the
// field list so a new rule field appears here by itself. Reading the rules back parses every
// field with PricingRules::setText, so the page refuses exactly what the command line and the
// store refuse, with the message that names the field.

#include "core/result.h"
#include "pricing/pricingrules.h"

#include <QWidget>

#include <map>

class QLabel;

namespace md {

class RuleEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RuleEditor(QWidget *parent = nullptr);

    void setRules(const PricingRules &rules);
    // The rules as typed: the first field that does not parse, or the first rule across fields
    // that fails, is refused with its message; that field gets the focus and a mark.
    Result<PricingRules> rules();
    // The input of a field (QLineEdit, QCheckBox, QComboBox or QPlainTextEdit), for tests.
    QWidget *input(PricingRules::Field field) const;
    QLabel *errorLabel() const { return m_error; }
    void showError(PricingRules::Field field, const QString &message);
    void clearError();

signals:
    void edited();

private:
    QString textOf(PricingRules::Field field) const;
    void setTextOf(PricingRules::Field field, const QString &text);

    std::map<PricingRules::Field, QWidget *> m_inputs;
    QLabel *m_error = nullptr;
};

} // namespace md
