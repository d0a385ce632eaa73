#include "rfmexport.h"

#include "core/money.h"
#include "io/csvwriter.h"

namespace md {

Status RfmExport::writeCustomers(const RfmAnalysis &analysis, QIODevice *device)
{
    CsvWriter csv(device);
    for (const char *column :
         {"email", "recency_days", "frequency", "monetary", "r", "f", "m", "group"})
        csv.addPlain(column);
    if (auto ended = csv.endRow(); !ended)
        return ended;
    for (const RfmCustomer &customer : analysis.customers) {
        csv.addText(customer.email);
        csv.addPlain(QByteArray::number(customer.measures.recencyDays));
        csv.addPlain(QByteArray::number(customer.measures.frequency));
        csv.addPlain(money::toPlain(customer.measures.monetaryCents).toLatin1());
        csv.addPlain(QByteArray::number(customer.score.r));
        csv.addPlain(QByteArray::number(customer.score.f));
        csv.addPlain(QByteArray::number(customer.score.m));
        csv.addPlain(keyOf(customer.group).toLatin1());
        if (auto ended = csv.endRow(); !ended)
            return ended;
    }
    return csv.flush();
}

} // namespace md
