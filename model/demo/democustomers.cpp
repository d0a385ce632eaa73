#include "democustomers.h"

#include "demorandom.h"
#include "demovocabulary.h"

#include <algorithm>
#include <cmath>

namespace md {

namespace {

// Twice as many sign-ups per day at the end of the three years as at the start.
const double kGrowth = std::log(2.0);

QString emailPart(const char *name)
{
    QString part;
    for (const QChar c : QString::fromUtf8(name).toLower()) {
        if (c.isLetterOrNumber())
            part += c;
    }
    return part;
}

} // namespace

DemoCustomers::DemoCustomers(const DemoSetup &setup)
    : m_setup(setup)
{
    const int n = setup.customerCount;
    m_created.resize(size_t(n));
    const double span = double(setup.customerDays) * DemoSetup::kDay;
    const double scale = std::exp(kGrowth) - 1.0;
    for (int i = 0; i < n; ++i) {
        // The i-th quantile of an exponentially growing sign-up rate, jittered inside its own
        // slice so the times stay in id order.
        DemoRandom random(setup.seed, setup.stream(DemoStream::Customer), quint64(i));
        const double u = (double(i) + random.uniform()) / double(n);
        const double offset = std::log1p(u * scale) / kGrowth * span;
        m_created[size_t(i)]
            = std::min(setup.customerStart() + qint64(offset), setup.asOfEpoch - 1);
    }
}

int DemoCustomers::signedUpBefore(qint64 at) const
{
    return int(std::lower_bound(m_created.begin(), m_created.end(), at) - m_created.begin());
}

DemoCustomers::Customer DemoCustomers::customer(int index) const
{
    DemoRandom random(m_setup.seed, m_setup.stream(DemoStream::Customer), quint64(index));
    (void)random.uniform(); // the sign-up jitter drawn in the constructor
    const auto &first = DemoVocabulary::firstNames();
    const auto &last = DemoVocabulary::lastNames();
    const char *firstName = first[size_t(random.below(qint64(first.size())))];
    const char *lastName = last[size_t(random.below(qint64(last.size())))];

    Customer row;
    row.id = index + 1;
    row.firstName = QString::fromUtf8(firstName);
    row.lastName = QString::fromUtf8(lastName);
    row.createdAt = m_created[size_t(index)];

    // The id at the end keeps every address unique whatever the name pattern; a pattern never
    // ends in a digit, so two customers can never produce the same text.
    const QString f = emailPart(firstName);
    const QString l = emailPart(lastName);
    QString local;
    switch (random.pick({4.0, 2.0, 2.0, 1.0, 1.0})) {
    case 0:
        local = f + QLatin1Char('.') + l;
        break;
    case 1:
        local = f + l;
        break;
    case 2:
        local = f.left(1) + QLatin1Char('.') + l;
        break;
    case 3:
        local = f + QLatin1Char('_') + l;
        break;
    default:
        local = l + QLatin1Char('.') + f;
        break;
    }
    static const char *const domains[] = {"example.com", "example.org", "example.net"};
    row.email = local + QString::number(row.id) + QLatin1Char('@')
                + QLatin1String(domains[random.pick({5.0, 3.0, 2.0})]);

    row.acceptsMarketing = random.chance(0.6);
    if (row.acceptsMarketing && random.chance(0.05)) {
        const qint64 earliest = row.createdAt + DemoSetup::kDay;
        if (earliest < m_setup.asOfEpoch) {
            row.acceptsMarketing = false;
            row.unsubscribedAt = random.between(earliest, m_setup.asOfEpoch - 1);
        }
    }
    return row;
}

} // namespace md
