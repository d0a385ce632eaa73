#pragma once

// Adds or edits a plan: name, price, billing interval, description, active, display order and
// the plan it inherits from.

#include "subscriptions/planmatrix.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace md {

class PlanDialog : public QDialog
{
    Q_OBJECT

public:
    PlanDialog(const PlanMatrix &matrix, const PlanDef &plan, QWidget *parent = nullptr);
    PlanDef plan() const;

private:
    PlanDef m_plan;
    QLineEdit *m_name = nullptr;
    QDoubleSpinBox *m_price = nullptr;
    QComboBox *m_interval = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QCheckBox *m_active = nullptr;
    QSpinBox *m_order = nullptr;
    QComboBox *m_parent = nullptr;
};

} // namespace md
