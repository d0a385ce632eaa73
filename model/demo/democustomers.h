#pragma once

// The demo shop's customers: sign-ups growing over three years (ids follow sign-up time), names,
// unique e-mail addresses on reserved domains, marketing consent and unsubscribes.

#include "demosetup.h"

#include <QString>

#include <vector>

namespace md {

class DemoCustomers
{
public:
    struct Customer
    {
        qint64 id = 0;
        QString email;
        QString firstName;
        QString lastName;
        qint64 createdAt = 0;
        bool acceptsMarketing = false;
        qint64 unsubscribedAt = -1; // -1: never unsubscribed
    };

    explicit DemoCustomers(const DemoSetup &setup);

    int count() const { return int(m_created.size()); }
    // Customers are numbered from 0 here; their database id is index + 1.
    qint64 createdAt(int index) const { return m_created[size_t(index)]; }
    // How many customers had signed up before the time (they are sorted by sign-up).
    int signedUpBefore(qint64 at) const;
    Customer customer(int index) const;

private:
    DemoSetup m_setup;
    std::vector<qint64> m_created;
};

} // namespace md
