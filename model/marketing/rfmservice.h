#pragma once

// RFM analysis end to end, the one entry point the RFM panel, `segment rfm` and the rfm_group
// segment field share: the measures of every scored customer as of a moment (RfmStore), their
// breaks and scores (RfmScoring), the 5 x 5 recency/frequency grid and each group's customers
// and revenue.

#include "core/result.h"
#include "rfmscoring.h"

#include <QCoreApplication>
#include <QString>

#include <array>
#include <vector>

namespace md {

class Database;

struct RfmCustomer
{
    qint64 customerId = 0;
    QString email;
    RfmMeasures measures;
    RfmScore score;
    RfmGroup group = RfmGroup::Others;
};

struct RfmGroupSummary
{
    RfmGroup group = RfmGroup::Others;
    qint64 customers = 0;
    qint64 revenueCents = 0;
    double customerShare = 0; // 0..1 of the scored customers; 0 when there are none
    double revenueShare = 0;  // 0..1 of their revenue; 0 when it is zero
};

struct RfmAnalysis
{
    qint64 asOf = 0;
    std::vector<RfmCustomer> customers; // by customer id
    RfmMeasureBreaks breaks;
    // Customer counts by recency score (first index, r - 1) and frequency score (f - 1).
    std::array<std::array<qint64, 5>, 5> grid{};
    // Every group, Others included, in RfmGroup order.
    std::vector<RfmGroupSummary> groups;
    qint64 revenueCents = 0; // of all scored customers
};

class RfmService
{
    Q_DECLARE_TR_FUNCTIONS(md::RfmService)

public:
    // `asOf`: UTC epoch seconds (see docs/rfm.md).
    static Result<RfmAnalysis> analyse(const Database &db, qint64 asOf);
    // The same from measured rows (the store's), with no database.
    static RfmAnalysis analyse(std::vector<RfmCustomer> customers, qint64 asOf);
};

} // namespace md
