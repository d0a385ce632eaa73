#pragma once

// The demo shop's order history: when each order was placed and by whom (seasonality, growth,
// one-off buyers and loyal regulars, guests), its status, and its basket. A basket is drawn from
// its own sub-stream, so the order lines can be regenerated exactly where they are needed.

#include "core/enumkeys.h"
#include "demosetup.h"

#include <QString>

#include <vector>

namespace md {

class DemoCatalog;
class DemoCustomers;
class DemoRandom;

class DemoOrders
{
public:
    enum class Status : quint8 { Completed, Pending, Cancelled, Refunded };

    struct Line
    {
        int slot = 0;
        int quantity = 1;
        qint64 unitPriceCents = 0;
    };

    DemoOrders(const DemoSetup &setup, const DemoCatalog &catalog, const DemoCustomers &customers);

    // Orders are numbered from 0 in time order; their database id is index + 1.
    int count() const { return int(m_at.size()); }
    qint64 orderedAt(int order) const { return m_at[size_t(order)]; }
    int customer(int order) const { return m_customer[size_t(order)]; } // -1: guest checkout
    Status status(int order) const { return Status(m_status[size_t(order)]); }
    qint64 totalCents(int order) const { return m_total[size_t(order)]; }
    static QString orderNumber(int order);

    // The first order placed at or after the time.
    int firstOrderFrom(qint64 at) const;
    // A customer's orders, oldest first.
    const qint32 *ordersOf(int customer, int *count) const;

    void basket(int order, std::vector<Line> &lines) const;
    // Totals need every basket once; done in slices so the caller can report progress.
    void computeTotals(int begin, int end);

private:
    void buildDayWeights();
    qint64 drawTime(DemoRandom &random, qint64 earliest, qint64 signedUp = -1) const;
    static double activity(double ageDays);
    static double activityIntegral(double fromDays, double toDays);
    qint64 drawSecondOfDay(DemoRandom &random) const;

    DemoSetup m_setup;
    const DemoCatalog &m_catalog;
    std::vector<double> m_dayCumulative; // cumulative order weight, one entry per day plus one
    std::vector<qint64> m_at;
    std::vector<qint32> m_customer;
    std::vector<quint8> m_status;
    std::vector<qint64> m_total;
    std::vector<qint32> m_customerBegin;
    std::vector<qint32> m_customerOrders;
};

// The values of orders.status.
constexpr auto enumKeys(DemoOrders::Status)
{
    using Status = DemoOrders::Status;
    return keyTable<Status>({{Status::Completed, "completed"},
                             {Status::Pending, "pending"},
                             {Status::Cancelled, "cancelled"},
                             {Status::Refunded, "refunded"}});
}

} // namespace md
