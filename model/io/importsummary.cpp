#include "importsummary.h"

namespace md {

qint64 ImportSummary::skippedCount() const
{
    qint64 total = 0;
    for (const auto &[reason, count] : skipped)
        total += count;
    return total;
}

QString ImportSummary::problemReport() const
{
    QString text;
    for (const QString &problem : problems)
        text += problem + QLatin1Char('\n');
    if (problemCount > problems.size())
        text += tr("... and %n more problem(s)", nullptr, int(problemCount - problems.size()))
                + QLatin1Char('\n');
    return text;
}

QString ImportSummary::report() const
{
    QString text;
    const QString how
        = tr("%1 format, %2, delimiter \"%3\", decimal symbol \"%4\"")
              .arg(keyOf(format), keyOf(settings.encoding),
                   CsvSettings::delimiterKey(settings.delimiter), QString(settings.decimalSymbol));
    if (options.dryRun)
        text += tr("Dry run of importing %1 into %2 (%3); nothing was written:")
                    .arg(file, entity, how);
    else
        text += tr("Imported %1 into %2 (%3):").arg(file, entity, how);
    text += QLatin1Char('\n');

    QList<QPair<QString, qint64>> lines = {
        {tr("rows read"), rows},
        {tr("inserted"), inserted},
        {tr("updated"), updated},
        {tr("unchanged"), unchanged},
    };
    if (options.mode == ImportMode::Insert)
        lines.append({tr("kept (already stored)"), kept});
    if (options.mode == ImportMode::Replace)
        lines.append({tr("deleted"), deleted});
    for (const auto &[reason, count] : skipped)
        lines.append({tr("skipped: %1").arg(reason), count});
    if (!options.rejectsPath.isEmpty())
        lines.append({tr("rejected (see %1)").arg(options.rejectsPath), rejected});
    qsizetype width = 0;
    for (const auto &line : lines)
        width = qMax(width, line.first.size());
    for (const auto &[label, count] : lines)
        text += QStringLiteral("  %1  %2\n").arg(label, -int(width)).arg(count);

    if (!ignoredColumns.isEmpty()) {
        text += tr("Columns not imported: %1").arg(ignoredColumns.join(QStringLiteral(", ")))
                + QLatin1Char('\n');
    }
    if (noteCount > 0) {
        text += tr("Notes:") + QLatin1Char('\n');
        for (const QString &note : notes)
            text += QStringLiteral("  ") + note + QLatin1Char('\n');
        if (noteCount > notes.size())
            text += QStringLiteral("  ")
                    + tr("... and %n more note(s)", nullptr, int(noteCount - notes.size()))
                    + QLatin1Char('\n');
    }
    if (!options.rejectsPath.isEmpty() && problemCount > 0) {
        text += tr("Rejected rows:") + QLatin1Char('\n');
        for (const QString &problem : problems)
            text += QStringLiteral("  ") + problem + QLatin1Char('\n');
        if (problemCount > problems.size())
            text += QStringLiteral("  ")
                    + tr("... and %n more problem(s)", nullptr, int(problemCount - problems.size()))
                    + QLatin1Char('\n');
    }
    return text;
}

} // namespace md
