#pragma once

// The table of every entity that CSV import and export handle, with their columns, keys and
// rules (see docs/csv.md, which documents the same table). The command line, the import wizard
// and the tests look entities up here by name.

#include "entitydescriptor.h"

#include <QCoreApplication>

#include <vector>

namespace md {

class EntityCatalog
{
    Q_DECLARE_TR_FUNCTIONS(md::EntityCatalog)

public:
    static const std::vector<EntityDescriptor> &all();
    // By name or alias, case-insensitively ("products", "product", "order-lines", ...).
    static const EntityDescriptor *find(const QString &name);
    static QStringList names();
};

} // namespace md
