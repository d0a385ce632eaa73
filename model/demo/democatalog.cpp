#include "democatalog.h"

#include "demorandom.h"
#include "demovocabulary.h"

#include <algorithm>
#include <cmath>

namespace md {

namespace {

constexpr double kZipfExponent = 1.1;
constexpr quint64 kIdShuffle = 0xffff0001;
constexpr quint64 kCategoryFactors = 0xffff0002;

// Where the planted pairs sit: (top category, sub-category, sales rank from 0) for A and for B.
// Popular products but not their category's best sellers, so the pull of A on B is what makes
// the pair stand out, not popularity alone.
struct PlantedSpec
{
    int top;
    int sub;
    int rank;
};
constexpr PlantedSpec kPlanted[][2] = {
    {{0, 0, 1}, {2, 3, 2}},  // whole beans → paper filters
    {{1, 0, 2}, {7, 16, 1}}, // loose leaf tea → shortbread
    {{3, 1, 1}, {3, 7, 3}},  // springform pan → cooling rack
    {{5, 0, 2}, {6, 13, 2}}, // soy candle → bath salts
    {{8, 0, 1}, {8, 4, 2}},  // dry dog food → dog treats
    {{4, 5, 2}, {4, 6, 1}},  // fountain pen → ink cartridges
};

} // namespace

DemoCatalog::DemoCatalog(const DemoSetup &setup)
    : m_setup(setup)
{
    layOutCategories();
    shuffleIds();
    plantPairs();
    buildPriceRuns();

    const int n = productCount();
    m_created.resize(size_t(n));
    m_current.resize(size_t(n));
    for (qint64 id = 1; id <= n; ++id)
        m_created[size_t(slotOfId(id))] = createdAtOfId(id);

    // Walk the products in slot order so each one's price history lands in one run of
    // m_changes; the full rows are regenerated from the same streams when they are written.
    m_changeBegin.resize(size_t(n) + 1);
    for (int slot = 0; slot < n; ++slot) {
        m_changeBegin[size_t(slot)] = qint32(m_changes.size());
        Product row = product(idOfSlot(slot));
        m_current[size_t(slot)] = row.currentPriceCents;
        for (const PricingChange &change : row.changes) {
            m_changes.push_back(change);
            ++m_runs[size_t(change.run)].changeCount;
        }
    }
    m_changeBegin[size_t(n)] = qint32(m_changes.size());
}

void DemoCatalog::layOutCategories()
{
    const auto &vocabulary = DemoVocabulary::categories();
    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::Layout), kCategoryFactors);
    std::vector<double> assortment;
    for (int top = 0; top < int(vocabulary.size()); ++top) {
        const auto &spec = vocabulary[size_t(top)];
        if (!m_setup.subcategories) {
            Category category;
            category.name = QString::fromUtf8(spec.name);
            category.top = top;
            category.popularity = spec.popularity;
            m_categories.push_back(category);
            assortment.push_back(spec.assortment);
            continue;
        }
        const int subs = int(spec.subcategories.size());
        for (int sub = 0; sub < subs; ++sub) {
            Category category;
            category.name = QString::fromUtf8(spec.name) + QStringLiteral(" / ")
                            + QString::fromUtf8(spec.subcategories[size_t(sub)].noun);
            category.top = top;
            category.sub = sub;
            // Some sub-categories sell far better than others of the same shelf.
            category.popularity = spec.popularity / subs * random.logNormal(1.0, 0.6);
            m_categories.push_back(category);
            assortment.push_back(spec.assortment / subs * (0.6 + 0.8 * random.uniform()));
        }
    }

    // Cumulative rounding gives exactly productCount slots, every category at least a few.
    double totalWeight = 0;
    for (double w : assortment)
        totalWeight += w;
    const int n = m_setup.productCount;
    double cumulative = 0;
    int first = 0;
    int topFirst = 0;
    for (size_t c = 0; c < m_categories.size(); ++c) {
        cumulative += assortment[c];
        const int end
            = c + 1 == m_categories.size() ? n : int(std::llround(n * cumulative / totalWeight));
        Category &category = m_categories[c];
        if (c == 0 || category.top != m_categories[c - 1].top)
            topFirst = first;
        category.first = first;
        category.count = end - first;
        category.topFirst = topFirst;
        first = end;
    }

    m_bySales.resize(size_t(n));
    m_rankOfSlot.resize(size_t(n));
    m_categoryOfSlot.resize(size_t(n));
    std::vector<double> popularity;
    for (size_t c = 0; c < m_categories.size(); ++c) {
        const Category &category = m_categories[c];
        popularity.push_back(category.popularity);
        // Which product of the category is the best seller is itself random.
        DemoRandom shuffle(m_setup.seed, m_setup.stream(DemoStream::Layout), c + 1);
        for (int r = 0; r < category.count; ++r)
            m_bySales[size_t(category.first + r)] = category.first + r;
        for (int r = category.count - 1; r > 0; --r) {
            const int other = int(shuffle.below(r + 1));
            std::swap(m_bySales[size_t(category.first + r)],
                      m_bySales[size_t(category.first + other)]);
        }
        std::vector<double> weights(size_t(category.count));
        for (int r = 0; r < category.count; ++r) {
            weights[size_t(r)] = 1.0 / std::pow(double(r + 1), kZipfExponent);
            const int slot = m_bySales[size_t(category.first + r)];
            m_rankOfSlot[size_t(slot)] = r;
            m_categoryOfSlot[size_t(slot)] = qint32(c);
        }
        m_zipf.emplace_back(weights);
    }
    m_categoryDraw = AliasSampler(popularity);
}

void DemoCatalog::shuffleIds()
{
    const int n = m_setup.productCount;
    m_slotOfId.resize(size_t(n));
    for (int i = 0; i < n; ++i)
        m_slotOfId[size_t(i)] = i;
    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::Layout), kIdShuffle);
    for (int i = n - 1; i > 0; --i)
        std::swap(m_slotOfId[size_t(i)], m_slotOfId[size_t(random.below(i + 1))]);
    m_idOfSlot.resize(size_t(n));
    for (int i = 0; i < n; ++i)
        m_idOfSlot[size_t(m_slotOfId[size_t(i)])] = i + 1;
}

void DemoCatalog::plantPairs()
{
    auto slotOf = [this](const PlantedSpec &spec) {
        for (size_t c = 0; c < m_categories.size(); ++c) {
            const Category &category = m_categories[c];
            if (category.top == spec.top && (category.sub < 0 || category.sub == spec.sub)) {
                const int slot = m_bySales[size_t(category.first + spec.rank)];
                m_plantedNouns.emplace_back(slot, spec.sub);
                return slot;
            }
        }
        return 0;
    };
    for (const auto &pair : kPlanted)
        m_planted.push_back({slotOf(pair[0]), slotOf(pair[1])});
}

void DemoCatalog::buildPriceRuns()
{
    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::PricingRuns));
    const int count = m_setup.priceRunCount;
    const qint64 span = 360 * DemoSetup::kDay;
    const qint64 start = m_setup.asOfEpoch - span;
    for (int i = 0; i < count; ++i) {
        PricingRun run;
        const qint64 day = start + span * i / count;
        const qint64 dayStart = day - day % DemoSetup::kDay;
        const int kind = random.pick({6.0, 3.0, 1.0});
        if (kind == 0) {
            run.source = "schedule";
            run.startedBy = "scheduler";
            run.parameters = R"({"rule":"scarcity","low_stock":20,"max_step_pct":15})";
            run.startedAt = dayStart + random.between(2 * 3600, 4 * 3600);
        } else if (kind == 1) {
            static const char *const people[] = {"anna", "jonas", "maria"};
            run.source = "manual";
            run.startedBy = people[random.below(3)];
            run.parameters = R"({"rule":"manual"})";
            run.startedAt = dayStart + random.between(9 * 3600, 17 * 3600);
        } else {
            run.source = "cli";
            run.startedBy = "cron";
            run.parameters = R"({"rule":"demand","max_step_pct":10})";
            run.startedAt = dayStart + random.between(1 * 3600, 5 * 3600);
        }
        run.finishedAt = run.startedAt + random.between(2, 90);
        m_runs.push_back(run);
    }
}

qint64 DemoCatalog::createdAtOfId(qint64 id) const
{
    for (const auto &planted : m_plantedNouns) {
        if (idOfSlot(planted.first) == id) // on sale from the very beginning
            return m_setup.customerStart() + id;
    }
    // Seven in ten products were there before the order history starts, the rest were launched
    // during it; ids follow the launch order.
    const qint64 n = m_setup.productCount;
    const qint64 launch = n * 7 / 10;
    quint64 hash = m_setup.seed ^ quint64(id) * 0x9e3779b97f4a7c15ULL;
    const double jitter = double(DemoRandom::splitmix(hash) >> 11) * 0x1.0p-53;
    const qint64 i = id - 1;
    if (i < launch) {
        const double span = double(m_setup.customerDays - m_setup.orderDays) * DemoSetup::kDay;
        return m_setup.customerStart() + qint64((double(i) + jitter) * span / double(launch));
    }
    const double span = double(m_setup.orderDays - 1) * DemoSetup::kDay;
    return m_setup.orderStart() + qint64((double(i - launch) + jitter) * span / double(n - launch));
}

qint64 DemoCatalog::shopPrice(double cents)
{
    // Shop prices end in .49/.99 below ten, in .99 above.
    const qint64 rounded = std::llround(cents);
    const qint64 price
        = rounded < 1000 ? (rounded + 25) / 50 * 50 - 1 : (rounded + 50) / 100 * 100 - 1;
    return std::max<qint64>(99, price);
}

int DemoCatalog::categoryOfSlot(int slot) const
{
    return m_categoryOfSlot[size_t(slot)];
}

DemoCatalog::Product DemoCatalog::product(qint64 id) const
{
    const int slot = slotOfId(id);
    const int c = categoryOfSlot(slot);
    const Category &category = m_categories[size_t(c)];
    const auto &spec = DemoVocabulary::categories()[size_t(category.top)];
    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::Product), quint64(id));

    Product row;
    row.id = id;
    row.category = c;
    row.createdAt = m_created.empty() ? createdAtOfId(id) : m_created[size_t(slot)];
    row.basePriceCents = shopPrice(random.logNormal(spec.medianPriceCents, spec.priceSpread));
    row.costCents = std::llround(double(row.basePriceCents) * (0.35 + 0.35 * random.uniform()));
    if (random.chance(0.12)) {
        row.minPriceCents = std::min(
            row.basePriceCents, shopPrice(row.basePriceCents * (0.7 + 0.1 * random.uniform())));
        row.maxPriceCents = std::max(
            row.basePriceCents, shopPrice(row.basePriceCents * (1.25 + 0.2 * random.uniform())));
    }
    switch (random.pick({8.0, 17.0, 50.0, 25.0})) {
    case 0:
        row.stockLevel = 0;
        break;
    case 1:
        row.stockLevel = int(random.between(1, 19));
        break;
    case 2:
        row.stockLevel = int(random.between(20, 100));
        break;
    default:
        row.stockLevel = int(random.between(101, 800));
        break;
    }
    // Demand follows how well the product sells, with some noise; two decimals like a score.
    const double share = 1.0 - double(m_rankOfSlot[size_t(slot)]) / double(category.count);
    const double demand = std::min(10.0, 10.0 * share * share * (0.75 + 0.5 * random.uniform()));
    row.demandScore = double(std::llround(demand * 100.0)) / 100.0;
    row.exclusive = random.chance(0.2);

    // Price history: most products never changed price; some were repriced by earlier runs.
    const int wanted = random.pick({80.0, 15.0, 3.0, 2.0});
    const int runCount = int(m_runs.size());
    int firstRun = 0;
    while (firstRun < runCount
           && m_runs[size_t(firstRun)].startedAt < row.createdAt + DemoSetup::kDay)
        ++firstRun;
    std::vector<int> runs;
    const int available = runCount - firstRun;
    while (int(runs.size()) < std::min(wanted, available)) {
        const int run = firstRun + int(random.below(available));
        if (std::find(runs.begin(), runs.end(), run) == runs.end())
            runs.push_back(run);
    }
    std::sort(runs.begin(), runs.end());
    qint64 price = row.basePriceCents;
    for (int run : runs) {
        const bool up = random.chance(0.45);
        const double step = 0.05 + 0.15 * random.uniform();
        qint64 next = shopPrice(double(price) * (up ? 1.0 + step : 1.0 - step));
        if (row.minPriceCents >= 0)
            next = std::clamp(next, row.minPriceCents, row.maxPriceCents);
        if (next == price)
            continue;
        const PricingRun &source = m_runs[size_t(run)];
        PricingChange change;
        change.at = source.startedAt;
        change.run = run;
        change.oldPrice = price;
        change.newPrice = next;
        const QLatin1String kind(source.source);
        if (kind == QLatin1String("schedule"))
            change.reason = next > price ? "Low stock" : "Overstock";
        else if (kind == QLatin1String("cli"))
            change.reason = next > price ? "Demand up" : "Demand down";
        else
            change.reason = next > price ? "Price increase" : "Promotion";
        row.changes.push_back(change);
        price = next;
    }
    row.currentPriceCents = price;
    row.updatedAt = row.changes.empty() ? row.createdAt : row.changes.back().at;
    return row;
}

QString DemoCatalog::title(qint64 id) const
{
    const int slot = slotOfId(id);
    const Category &category = m_categories[size_t(categoryOfSlot(slot))];
    const auto &spec = DemoVocabulary::categories()[size_t(category.top)];
    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::ProductTitle), quint64(id));
    const char *descriptor
        = spec.descriptors[size_t(random.below(qint64(spec.descriptors.size())))];
    int sub
        = category.sub >= 0 ? category.sub : int(random.below(qint64(spec.subcategories.size())));
    for (const auto &[planted, noun] : m_plantedNouns) {
        if (planted == slot)
            sub = noun;
    }
    const DemoVocabulary::Subcategory &kind = spec.subcategories[size_t(sub)];
    QString title = QString::fromUtf8(descriptor) + QLatin1Char(' ') + QString::fromUtf8(kind.noun);
    const QStringList sizes
        = QString::fromUtf8(kind.sizes).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    if (!sizes.isEmpty())
        title += QLatin1Char(' ') + sizes[random.below(sizes.size())];
    return title;
}

QString DemoCatalog::sku(int slot) const
{
    const Category &category = m_categories[size_t(categoryOfSlot(slot))];
    const auto &spec = DemoVocabulary::categories()[size_t(category.top)];
    return QString::fromLatin1(spec.code) + QLatin1Char('-')
           + QStringLiteral("%1").arg(slot - category.topFirst + 1, 6, 10, QLatin1Char('0'));
}

qint64 DemoCatalog::priceAt(int slot, qint64 at) const
{
    const int begin = m_changeBegin[size_t(slot)];
    const int end = m_changeBegin[size_t(slot) + 1];
    if (begin == end)
        return m_current[size_t(slot)];
    qint64 price = m_changes[size_t(begin)].oldPrice;
    for (int i = begin; i < end && m_changes[size_t(i)].at <= at; ++i)
        price = m_changes[size_t(i)].newPrice;
    return price;
}

int DemoCatalog::drawCategory(DemoRandom &random) const
{
    return m_categoryDraw.sample(random);
}

int DemoCatalog::drawFromCategory(DemoRandom &random, int category, qint64 at) const
{
    const Category &c = m_categories[size_t(category)];
    const AliasSampler &zipf = m_zipf[size_t(category)];
    for (int attempt = 0; attempt < 12; ++attempt) {
        const int slot = m_bySales[size_t(c.first + zipf.sample(random))];
        if (m_created[size_t(slot)] <= at)
            return slot;
    }
    return -1;
}

int DemoCatalog::drawAny(DemoRandom &random, qint64 at) const
{
    for (int attempt = 0; attempt < 12; ++attempt) {
        const int slot = int(random.below(productCount()));
        if (m_created[size_t(slot)] <= at)
            return slot;
    }
    return -1;
}

} // namespace md
