#pragma once

// The demo shop's catalogue: categories, products with their price history, and who sells how
// much (Zipf-shaped popularity within each category). Everything follows from the seed; the few
// numbers every order needs (price at a time, creation time, popularity) stay in compact arrays.

#include "aliassampler.h"
#include "demosetup.h"

#include <QString>

#include <utility>
#include <vector>

namespace md {

class DemoRandom;

class DemoCatalog
{
public:
    struct Category
    {
        QString name; // "Coffee", or "Coffee / Whole Beans" at large scale
        int top = 0;  // index into DemoVocabulary::categories()
        int sub = -1; // sub-category, -1 when the category is a whole top category
        int first = 0;
        int count = 0;
        int topFirst = 0; // first slot of the top category: SKU numbers count from there
        double popularity = 0;
    };

    struct PricingRun
    {
        qint64 startedAt = 0;
        qint64 finishedAt = 0;
        const char *source = "";
        const char *startedBy = "";
        const char *parameters = "";
        int changeCount = 0;
    };

    struct PricingChange
    {
        qint64 at = 0;
        int run = 0; // index into priceRuns()
        qint64 oldPrice = 0;
        qint64 newPrice = 0;
        const char *reason = "";
    };

    struct Product
    {
        qint64 id = 0;
        int category = 0;
        qint64 costCents = 0;
        qint64 basePriceCents = 0;
        qint64 currentPriceCents = 0;
        qint64 minPriceCents = -1; // -1: not set
        qint64 maxPriceCents = -1;
        int stockLevel = 0;
        double demandScore = 0;
        bool exclusive = false;
        qint64 createdAt = 0;
        qint64 updatedAt = 0;
        std::vector<PricingChange> changes; // oldest first
    };

    // Product A pulls product B into a basket about half of the time.
    struct PlantedPair
    {
        int slotA = 0;
        int slotB = 0;
    };

    explicit DemoCatalog(const DemoSetup &setup);

    int productCount() const { return int(m_idOfSlot.size()); }
    const std::vector<Category> &categories() const { return m_categories; }
    const std::vector<PricingRun> &priceRuns() const { return m_runs; }
    const std::vector<PlantedPair> &plantedPairs() const { return m_planted; }

    // Slots number the products category by category; ids are a shuffle of them, so the
    // catalogue sorted by id mixes categories the way a shop's growing catalogue does.
    qint64 idOfSlot(int slot) const { return m_idOfSlot[size_t(slot)]; }
    int slotOfId(qint64 id) const { return m_slotOfId[size_t(id - 1)]; }
    int categoryOfSlot(int slot) const;

    Product product(qint64 id) const;
    QString title(qint64 id) const;
    QString sku(int slot) const;

    qint64 createdAt(int slot) const { return m_created[size_t(slot)]; }
    qint64 priceAt(int slot, qint64 at) const;

    int drawCategory(DemoRandom &random) const;
    // A product of the category by popularity that already existed at the time; -1 when the
    // draws keep hitting products launched later.
    int drawFromCategory(DemoRandom &random, int category, qint64 at) const;
    // Any product, all equally likely (a wholesale buyer's broad assortment).
    int drawAny(DemoRandom &random, qint64 at) const;

private:
    void layOutCategories();
    void shuffleIds();
    void plantPairs();
    void buildPriceRuns();
    qint64 createdAtOfId(qint64 id) const;
    static qint64 shopPrice(double cents);

    DemoSetup m_setup;
    std::vector<Category> m_categories;
    std::vector<AliasSampler> m_zipf; // per category, over sales ranks
    AliasSampler m_categoryDraw;
    std::vector<qint32> m_bySales;    // first + rank → slot
    std::vector<qint32> m_rankOfSlot; // 0 = best seller of its category
    std::vector<qint32> m_categoryOfSlot;
    std::vector<qint64> m_idOfSlot;
    std::vector<qint32> m_slotOfId;
    std::vector<qint64> m_created;
    std::vector<qint64> m_current;
    std::vector<qint32> m_changeBegin; // per slot into m_changes, plus one past the end
    std::vector<PricingChange> m_changes;
    std::vector<PricingRun> m_runs;
    std::vector<PlantedPair> m_planted;
    std::vector<std::pair<int, int>> m_plantedNouns; // slot → sub-category its title names
};

} // namespace md
