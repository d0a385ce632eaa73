#include "pricingreporttext.h"

#include "core/money.h"

#include <QDateTime>
#include <QLocale>

namespace md {

namespace {

constexpr int kConflictsListed = 10;

} // namespace

QString PricingReportText::preview(const PricingPreview &preview, bool unsavedRules)
{
    const QLocale locale;
    const QString when = locale.toString(
        QDateTime::fromSecsSinceEpoch(preview.computedAt).toLocalTime(), QLocale::ShortFormat);
    return tr("Preview as of %1: %2 products looked at, %3 prices would "
              "change. Nothing has changed in the shop yet.")
               .arg(when, locale.toString(preview.totals.products),
                    locale.toString(preview.totals.changes))
           + (unsavedRules ? QLatin1Char(' ')
                                 + tr("It uses the rules in the editor, which are not saved yet.")
                           : QString());
}

QString PricingReportText::applied(const PricingRunReport &report, Source source)
{
    return withConflicts(
        tr("Price changes applied: %1 (run %2).")
            .arg(QLocale().toString(report.changed))
            .arg(report.runId),
        report,
        source == Source::Preview
            ? tr("Left alone because their price changed since the preview: %1.")
            : tr("Left alone because their price changed since the proposal: %1."));
}

QString PricingReportText::undone(qint64 undoneRunId, const PricingRunReport &report)
{
    return withConflicts(tr("Undid run %1 as run %2; prices restored: %3.")
                             .arg(undoneRunId)
                             .arg(report.runId)
                             .arg(QLocale().toString(report.changed)),
                         report, tr("Left alone because their price changed since: %1."));
}

QString PricingReportText::withConflicts(QString message, const PricingRunReport &report,
                                         const QString &leftAlone)
{
    if (report.conflicts.empty())
        return message;
    const QLocale locale;
    const qint64 count = qint64(report.conflicts.size());
    message += QLatin1Char(' ') + leftAlone.arg(locale.toString(count));
    for (int i = 0; i < int(count); ++i) {
        if (i == kConflictsListed) {
            message += QLatin1Char('\n')
                       + tr("… and %1 more").arg(locale.toString(count - kConflictsListed));
            break;
        }
        const PricingConflict &conflict = report.conflicts[size_t(i)];
        message += QLatin1Char('\n')
                   + (conflict.actualCents < 0
                          ? tr("%1: deleted since").arg(conflict.sku)
                          : tr("%1: now %2 (expected %3)")
                                .arg(conflict.sku, money::format(conflict.actualCents, locale),
                                     money::format(conflict.expectedCents, locale)));
    }
    return message;
}

} // namespace md
