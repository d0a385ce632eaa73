#pragma once

// Reads and writes plans, features and plan values. Every write is one transaction: a matrix
// edit is saved whole or not at all, and a value that does not fit its feature's type is
// refused before anything is written, with the plan and the feature named.

#include "db/database.h"
#include "planmatrix.h"

#include <QCoreApplication>

#include <optional>
#include <vector>

namespace md {

struct CellEdit
{
    qint64 planId = 0;
    qint64 featureId = 0;
    std::optional<QString> value; // nullopt: drop the plan's own value, inherit again
};

class PlanStore
{
    Q_DECLARE_TR_FUNCTIONS(md::PlanStore)

public:
    static Result<PlanMatrix> load(const Database &db);

    // Validates every edit against `matrix` (its plans and features), then writes them all in one
    // transaction. Values are stored in canonical form.
    static Status saveValues(const Database &db, const PlanMatrix &matrix,
                             const std::vector<CellEdit> &edits);

    // Inserts (id 0) or updates a plan; returns its id. Refuses a parent that would make a loop.
    static Result<qint64> savePlan(const Database &db, const PlanDef &plan);
    // Inserts (id 0) or updates a feature; returns its id. Existing plan values must still fit.
    static Result<qint64> saveFeature(const Database &db, const FeatureDef &feature);

    // Refused while the plan has subscribers who are not cancelled (the message gives their
    // count) or while other plans inherit from it.
    static Status deletePlan(const Database &db, qint64 planId);
    // Removes a feature in one transaction. Refused while any plan sets its own value for it (the
    // message names the feature, how many plans and which), so no plan loses a value unnoticed.
    static Status deleteFeature(const Database &db, qint64 featureId);
    // Subscribers of the plan whose subscription is not cancelled.
    static Result<qint64> liveSubscriberCount(const Database &db, qint64 planId);
};

} // namespace md
