#pragma once

// What the Repricing page says when a preview is shown, and after an apply or an undo: how many
// prices changed in which run, and the products left alone because their price changed in
// between, one line each.

#include "pricing/pricingpreview.h"
#include "pricing/pricingrun.h"

#include <QCoreApplication>
#include <QString>

namespace md {

class PricingReportText
{
    Q_DECLARE_TR_FUNCTIONS(md::PricingReportText)

public:
    // What the applied changes were computed from: their conflicts are changes "since" it.
    enum class Source { Preview, Proposal };

    // `unsavedRules`: it was computed with rules not saved yet.
    static QString preview(const PricingPreview &preview, bool unsavedRules);
    static QString applied(const PricingRunReport &report, Source source);
    static QString undone(qint64 undoneRunId, const PricingRunReport &report);

private:
    // `message`, then `leftAlone` (with %1 the number of conflicts) and the conflicts.
    static QString withConflicts(QString message, const PricingRunReport &report,
                                 const QString &leftAlone);
};

} // namespace md
