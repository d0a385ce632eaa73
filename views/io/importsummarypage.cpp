#include "importsummarypage.h"
#include "common/tone.h"

#include "csvtransfer.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace md {

ImportSummaryPage::ImportSummaryPage(ImportJob &job, QWidget *parent)
    : ImportPage(job, parent)
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Summary"));
    m_summaryHeadline = noteLabel(QString(), this);
    m_summaryHeadline->setObjectName(QStringLiteral("summaryHeadline"));
    QFont bold = m_summaryHeadline->font();
    bold.setBold(true);
    m_summaryHeadline->setFont(bold);
    m_summaryCounts = noteLabel(QString(), this);
    m_summaryCounts->setObjectName(QStringLiteral("summaryCounts"));
    m_summaryCounts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summaryProblems = new QListWidget(this);
    m_summaryProblems->setObjectName(QStringLiteral("summaryProblems"));
    m_summaryListLabel = new QLabel(tr("Problems and notes, by line of the file:"), this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryHeadline);
    layout->addWidget(m_summaryCounts);
    layout->addWidget(m_summaryListLabel);
    layout->addWidget(m_summaryProblems, 1);
}

void ImportSummaryPage::initializePage()
{
    m_summaryProblems->clear();
    m_summaryProblems->hide();
    m_summaryListLabel->hide();
    m_outcome = m_job.outcome;
    if (!m_job.summary) {
        tone::apply(m_summaryHeadline, tone::Tone::Error);
        m_summaryHeadline->setText(m_outcome == ImportOutcome::Cancelled
                                       ? tr("The import was cancelled. Nothing was written.")
                                       : tr("The import failed. Nothing was written."));
        m_summaryCounts->setText(m_job.runError);
        return;
    }
    const ImportSummary &summary = *m_job.summary;
    const QLocale locale;
    if (summary.refused) {
        tone::apply(m_summaryHeadline, tone::Tone::Error);
        m_summaryHeadline->setText(tr("Nothing was imported: the file has %n problem(s).", nullptr,
                                      int(summary.problemCount)));
        m_summaryCounts->setText(tr("Fix the rows below (line:column: reason) and import again, "
                                    "or choose to import the valid rows and write the rejected "
                                    "ones to a file."));
    } else {
        tone::apply(m_summaryHeadline, tone::Tone::Normal);
        m_summaryHeadline->setText(tr("%1 rows of %2 were imported into %3.")
                                       .arg(locale.toString(summary.inserted + summary.updated
                                                            + summary.unchanged + summary.kept),
                                            QFileInfo(summary.file).fileName(),
                                            CsvTransfer::entityTitle(summary.entity)));
        QStringList lines;
        const auto add = [&](const QString &label, qint64 count) {
            lines << QStringLiteral("<tr><td>%1</td><td align=\"right\">&nbsp;&nbsp;%2</td></tr>")
                         .arg(label.toHtmlEscaped(), locale.toString(count));
        };
        add(tr("Rows read"), summary.rows);
        add(tr("Inserted"), summary.inserted);
        add(tr("Updated"), summary.updated);
        add(tr("Unchanged"), summary.unchanged);
        if (summary.options.mode == ImportMode::Insert)
            add(tr("Kept (already stored)"), summary.kept);
        if (summary.options.mode == ImportMode::Replace)
            add(tr("Deleted (not in the file)"), summary.deleted);
        add(tr("Rejected"), summary.rejected);
        for (const auto &[reason, count] : summary.skipped)
            add(tr("Skipped: %1").arg(reason), count);
        QString text
            = QStringLiteral("<table>") + lines.join(QString()) + QStringLiteral("</table>");
        if (summary.rejected > 0) {
            text
                += QStringLiteral("<p>")
                   + tr("The rejected rows and their reasons are in %1.")
                         .arg(QDir::toNativeSeparators(summary.options.rejectsPath).toHtmlEscaped())
                   + QStringLiteral("</p>");
        }
        if (!summary.ignoredColumns.isEmpty()) {
            text += QStringLiteral("<p>")
                    + tr("Columns not imported: %1")
                          .arg(summary.ignoredColumns.join(QStringLiteral(", ")).toHtmlEscaped())
                    + QStringLiteral("</p>");
        }
        m_summaryCounts->setText(text);
    }
    for (const QString &problem : summary.problems)
        m_summaryProblems->addItem(problem);
    for (const QString &note : summary.notes)
        m_summaryProblems->addItem(note);
    if (summary.problemCount > summary.problems.size()) {
        m_summaryProblems->addItem(tr("… and %n more problem(s)", nullptr,
                                      int(summary.problemCount - summary.problems.size())));
    }
    m_summaryProblems->setVisible(m_summaryProblems->count() > 0);
    m_summaryListLabel->setVisible(m_summaryProblems->count() > 0);
}

} // namespace md
