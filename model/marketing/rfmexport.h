#pragma once

// An RFM analysis as CSV, one row per scored customer by customer id, with the columns
// email,recency_days,frequency,monetary,r,f,m,group: monetary in currency units ("1234.50"),
// group as its key ("champions").

#include "core/result.h"
#include "rfmservice.h"

class QIODevice;

namespace md {

class RfmExport
{
public:
    static Status writeCustomers(const RfmAnalysis &analysis, QIODevice *device);
};

} // namespace md
