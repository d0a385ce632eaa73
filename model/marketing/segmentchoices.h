#pragma once

// What the Segments page's value editors offer: the shop's SKUs, product categories and plan
// names, read once for completers and lists (the rule itself accepts any text). Subscription
// statuses are SubscriptionStatus's keys.

#include "core/result.h"

#include <QCoreApplication>
#include <QStringList>

namespace md {

class Database;

struct SegmentChoices
{
    Q_DECLARE_TR_FUNCTIONS(md::SegmentChoices)

public:
    QStringList skus;       // sorted
    QStringList categories; // sorted, without the empty category
    QStringList plans;      // by display order, then name
    static Result<SegmentChoices> load(const Database &db);
};

} // namespace md
