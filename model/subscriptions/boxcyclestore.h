#pragma once

// Storage around the box composer: reads what a cycle needs (products in stock, the
// subscribers entitled to a box with their plan's box features, what each received in their
// last 3 boxes), confirms a composed cycle in one transaction (boxes recorded, stock taken), and
// writes the picking list.

#include "boxcomposer.h"
#include "db/database.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QString>

#include <vector>

namespace md {

struct BoxCycleInput
{
    QString cycle;         // "2026-12"
    qint64 cycleStart = 0; // first second of the month, UTC
    quint64 seed = 0;
    std::vector<BoxProduct> products;
    std::vector<QString> productSku;   // parallel to products
    std::vector<QString> productTitle; // parallel to products
    std::vector<BoxSubscriber> subscribers;
    std::vector<QString> email;    // parallel to subscribers
    std::vector<QString> planName; // parallel to subscribers
};

struct BoxCycleSummary
{
    int boxes = 0;
    int unfilled = 0;
    qint64 items = 0;
};

class BoxCycleStore
{
    Q_DECLARE_TR_FUNCTIONS(md::BoxCycleStore)

public:
    // "YYYY-MM" to the first second of that month (UTC); an error names the expected form.
    static Result<qint64> cycleStart(const QString &cycle);
    // The seed a cycle uses unless one is given: the same cycle composes the same way.
    static quint64 defaultSeed(const QString &cycle);

    static Result<BoxCycleInput> load(const Database &db, const QString &cycle, quint64 seed);
    static Result<bool> isConfirmed(const Database &db, const QString &cycle);

    // Records every box and its items and takes the units from stock, all in one transaction.
    // Refused when the cycle was confirmed already or stock fell below what the boxes hold.
    static Result<BoxCycleSummary> confirm(const Database &db, const BoxCycleInput &input,
                                           const BoxComposition &composition, qint64 at);

    // cycle,customer_email,plan,sku,title,exclusive: one line per item, boxes in priority order.
    static Status writePickingList(QIODevice *device, const BoxCycleInput &input,
                                   const BoxComposition &composition);
};

} // namespace md
