#pragma once

// What the Customers page lists: contact, consent and, per customer, the number of orders and the
// completed revenue (correlated subqueries: shown, not sortable).

#include "db/pagedquerymodel.h"

#include <QCoreApplication>

namespace md {

class CustomerQuery
{
    Q_DECLARE_TR_FUNCTIONS(md::CustomerQuery)

public:
    enum Column {
        Email,
        FirstName,
        LastName,
        CustomerSince,
        Marketing,
        Unsubscribed,
        Orders,
        TotalSpent
    };

    static PagedQuerySpec spec();
};

} // namespace md
