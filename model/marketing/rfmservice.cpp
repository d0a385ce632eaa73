#include "rfmservice.h"

#include "rfmstore.h"

namespace md {

Result<RfmAnalysis> RfmService::analyse(const Database &db, qint64 asOf)
{
    auto rows = RfmStore::customers(db, asOf);
    if (!rows)
        return fail(tr("RFM analysis: %1").arg(rows.error()));
    std::vector<RfmCustomer> customers;
    customers.reserve(rows->size());
    for (RfmCustomerRow &row : *rows) {
        RfmCustomer customer;
        customer.customerId = row.customerId;
        customer.email = std::move(row.email);
        customer.measures = row.measures;
        customers.push_back(std::move(customer));
    }
    rows->clear();
    return analyse(std::move(customers), asOf);
}

RfmAnalysis RfmService::analyse(std::vector<RfmCustomer> customers, qint64 asOf)
{
    RfmAnalysis out;
    out.asOf = asOf;
    {
        std::vector<RfmMeasures> measures;
        measures.reserve(customers.size());
        for (const RfmCustomer &customer : customers)
            measures.push_back(customer.measures);
        out.breaks = RfmScoring::breaks(measures);
    }
    constexpr int groupCount = int(RfmGroup::Others) + 1;
    out.groups.resize(groupCount);
    for (int g = 0; g < groupCount; ++g)
        out.groups[size_t(g)].group = RfmGroup(g);
    for (RfmCustomer &customer : customers) {
        customer.score = RfmScoring::score(customer.measures, out.breaks);
        customer.group = RfmScoring::group(customer.score);
        ++out.grid[size_t(customer.score.r - 1)][size_t(customer.score.f - 1)];
        RfmGroupSummary &group = out.groups[size_t(customer.group)];
        ++group.customers;
        group.revenueCents += customer.measures.monetaryCents;
        out.revenueCents += customer.measures.monetaryCents;
    }
    const qint64 total = qint64(customers.size());
    for (RfmGroupSummary &group : out.groups) {
        group.customerShare = total > 0 ? double(group.customers) / double(total) : 0.0;
        group.revenueShare
            = out.revenueCents > 0 ? double(group.revenueCents) / double(out.revenueCents) : 0.0;
    }
    out.customers = std::move(customers);
    return out;
}

} // namespace md
