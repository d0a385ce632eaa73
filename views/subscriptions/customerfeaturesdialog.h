#pragma once

// A customer's effective plan features now, each with why: the entitlement check's answer for
// every feature, as the shop's support would read it.

#include "db/database.h"

#include <QDialog>

class QTableWidget;

namespace md {

class CustomerFeaturesDialog : public QDialog
{
    Q_OBJECT

public:
    CustomerFeaturesDialog(const Database &db, qint64 customerId, const QString &email,
                           QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

} // namespace md
