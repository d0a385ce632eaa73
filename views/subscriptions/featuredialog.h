#pragma once

// Adds or edits a feature: its key (what the program asks for), its label, its type (yes/no,
// whole number, choice with its options) and the default for plans that do not set it.

#include "subscriptions/featurevalue.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace md {

class FeatureDialog : public QDialog
{
    Q_OBJECT

public:
    FeatureDialog(const FeatureDef &feature, QWidget *parent = nullptr);
    FeatureDef feature() const;

private:
    FeatureDef m_feature;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_label = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_choices = nullptr;
    QLineEdit *m_default = nullptr;
    QSpinBox *m_order = nullptr;
};

} // namespace md
