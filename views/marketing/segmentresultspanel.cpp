#include "segmentresultspanel.h"

#include "segmentsizechart.h"

#include "core/money.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace md {

namespace {

// The member values are the command line's machine text (SegmentCompiler::formatValue); the
// table shows them as the rest of the window does: local times, money and yes/no in the locale.
QString shown(SegmentField field, const QString &text)
{
    if (text.isEmpty())
        return text;
    switch (SegmentFields::info(field).type) {
    case SegmentValueType::Date: {
        const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
        return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : text;
    }
    case SegmentValueType::Money: {
        auto cents = money::parse(text);
        return cents ? money::format(*cents) : text;
    }
    case SegmentValueType::Bool:
        return text == QLatin1String("true") ? SegmentResultsPanel::tr("yes")
                                             : SegmentResultsPanel::tr("no");
    case SegmentValueType::Count:
    case SegmentValueType::Hours:
        return QLocale().toString(text.toLongLong());
    default:
        break;
    }
    return text;
}

} // namespace

SegmentResultsPanel::SegmentResultsPanel(QWidget *parent)
    : QWidget(parent)
{
    m_members = new QTableWidget(0, 3, this);
    m_members->setObjectName(QStringLiteral("segmentMembers"));
    m_members->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_members->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_members->verticalHeader()->hide();
    m_members->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_members->horizontalHeader()->setStretchLastSection(false);
    m_members->setHorizontalHeaderLabels({tr("Email"), tr("First name"), tr("Last name")});
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("membersNote"));
    m_note->setWordWrap(true);
    auto *membersTab = new QWidget(this);
    auto *membersLayout = new QVBoxLayout(membersTab);
    membersLayout->addWidget(m_note);
    membersLayout->addWidget(m_members, 1);

    m_chart = new SegmentSizeChart(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(membersTab, tr("Members"));
    m_tabs->addTab(m_chart, tr("Size over time"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

void SegmentResultsPanel::clearMembers(const QString &why)
{
    m_members->setRowCount(0);
    m_note->setText(why);
}

void SegmentResultsPanel::showMembers(const SegmentMembers &members, qint64 total)
{
    QStringList headers{tr("Email"), tr("First name"), tr("Last name")};
    for (SegmentField field : members.fields)
        headers << SegmentFields::label(field);
    m_members->clearContents();
    m_members->setColumnCount(int(headers.size()));
    m_members->setHorizontalHeaderLabels(headers);
    m_members->setRowCount(int(members.rows.size()));
    for (size_t i = 0; i < members.rows.size(); ++i) {
        const SegmentMember &member = members.rows[i];
        const int row = int(i);
        m_members->setItem(row, 0, new QTableWidgetItem(member.email));
        m_members->setItem(row, 1, new QTableWidgetItem(member.firstName));
        m_members->setItem(row, 2, new QTableWidgetItem(member.lastName));
        for (qsizetype v = 0; v < member.values.size() && v < members.fields.size(); ++v) {
            auto *item = new QTableWidgetItem(shown(members.fields.at(v), member.values.at(v)));
            const SegmentValueType type = SegmentFields::info(members.fields.at(v)).type;
            if (type == SegmentValueType::Money || type == SegmentValueType::Count
                || type == SegmentValueType::Hours) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_members->setItem(row, int(3 + v), item);
        }
    }
    const QString columns = members.fields.isEmpty()
                                ? QString()
                                : tr(" The last columns hold the values that made them match.");
    if (total > qint64(members.rows.size())) {
        m_note->setText(tr("The first %1 of %2 members, by customer number.%3 Export the "
                           "members for all of them.")
                            .arg(QLocale().toString(qint64(members.rows.size())),
                                 QLocale().toString(total), columns));
    } else if (total == 0) {
        m_note->setText(tr("No customer matches the rule."));
    } else {
        m_note->setText(tr("All %1 members.%2").arg(QLocale().toString(total), columns));
    }
}

} // namespace md
