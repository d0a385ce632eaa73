#pragma once

// Box composition for one shipping cycle, as a pure engine: products and subscribers in,
// boxes and unfillable boxes out. Rules:
//  - a box holds the plan's target_item_count items, num_exclusive_items of them exclusive
//    products when the plan's exclusive_item is on, the rest non-exclusive products;
//  - only products in stock, and every unit placed in a box is reserved, so the cycle never
//    promises more units of a product than there are;
//  - no product the subscriber received in their last 3 boxes;
//  - when stock runs short, higher tiers (monthly price) are filled first, then longer-standing
//    subscribers; a box that cannot be filled completely gets nothing and is reported with the
//    reason, so its units stay available to the next subscriber;
//  - the same inputs and seed give the same boxes.

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace md {

struct BoxProduct
{
    qint64 id = 0;
    qint64 stock = 0;
    bool exclusive = false;
};

struct BoxSubscriber
{
    qint64 subscriptionId = 0;
    qint64 tierCents = 0;               // the plan's monthly price: higher goes first
    qint64 startedAt = 0;               // earlier goes first among equal tiers
    int itemCount = 0;                  // target_item_count
    int exclusiveCount = 0;             // num_exclusive_items when exclusive_item is on, else 0
    std::vector<qint64> recentProducts; // received in the last 3 boxes, any order
};

enum class UnfilledReason { NotEnoughExclusive, NotEnoughRegular, BadPlan };

struct UnfilledBox
{
    int subscriber = 0; // index into the input
    UnfilledReason reason = UnfilledReason::NotEnoughRegular;
    int wanted = 0;    // items of that kind the box needed
    int available = 0; // eligible products of that kind left for this subscriber
};

struct BoxComposition
{
    // Box i belongs to subscriber boxSubscriber[i]; its products are
    // items[itemStart[i] .. itemStart[i + 1]), exclusives first. Flat arrays keep 100,000 boxes
    // small and quick to walk.
    std::vector<int> boxSubscriber;
    std::vector<qint64> itemStart; // size boxes + 1
    std::vector<qint64> items;     // product ids
    std::vector<bool> itemExclusive;
    std::vector<UnfilledBox> unfilled; // in priority order
    std::vector<int> order;            // subscriber indices in the order they were served

    int boxCount() const { return int(boxSubscriber.size()); }
};

class BoxComposer
{
    Q_DECLARE_TR_FUNCTIONS(md::BoxComposer)

public:
    static BoxComposition compose(const std::vector<BoxProduct> &products,
                                  const std::vector<BoxSubscriber> &subscribers, quint64 seed);

    static QString reasonText(const UnfilledBox &box);
};

} // namespace md
