#include "segmentlistpanel.h"

#include "common/tone.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace md {

SegmentListPanel::SegmentListPanel(QWidget *parent)
    : QWidget(parent)
{
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("segmentList"));
    m_table->setHorizontalHeaderLabels({tr("Segment"), tr("Members")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row, int, int previous) {
        if (row >= 0 && row != previous && row < m_names.size())
            emit chosen(m_names.at(row));
    });

    m_new = new QPushButton(tr("&New"), this);
    m_new->setObjectName(QStringLiteral("newSegment"));
    m_new->setToolTip(tr("Start a new segment"));
    connect(m_new, &QPushButton::clicked, this, &SegmentListPanel::newRequested);
    m_duplicate = new QPushButton(tr("D&uplicate…"), this);
    m_duplicate->setObjectName(QStringLiteral("duplicateSegment"));
    m_duplicate->setToolTip(tr("Store a copy of the selected segment under a new name"));
    connect(m_duplicate, &QPushButton::clicked, this, &SegmentListPanel::duplicateRequested);
    m_rename = new QPushButton(tr("Re&name…"), this);
    m_rename->setObjectName(QStringLiteral("renameSegment"));
    connect(m_rename, &QPushButton::clicked, this, &SegmentListPanel::renameRequested);
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteSegment"));
    m_delete->setToolTip(tr("Delete the selected segment; one that a campaign uses stays"));
    connect(m_delete, &QPushButton::clicked, this, &SegmentListPanel::deleteRequested);

    // Two rows of buttons keep the list narrow, also with longer (German) labels.
    auto *firstRow = new QHBoxLayout;
    firstRow->addWidget(m_new);
    firstRow->addWidget(m_duplicate);
    auto *secondRow = new QHBoxLayout;
    secondRow->addWidget(m_rename);
    secondRow->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(firstRow);
    layout->addLayout(secondRow);
}

void SegmentListPanel::setSegments(const std::vector<SegmentSummary> &segments,
                                   const QString &current)
{
    const QSignalBlocker blocker(m_table);
    m_names.clear();
    m_table->setRowCount(int(segments.size()));
    for (size_t i = 0; i < segments.size(); ++i) {
        const SegmentSummary &summary = segments[i];
        const int row = int(i);
        m_names << summary.record.name;
        auto *name = new QTableWidgetItem(summary.record.name);
        name->setToolTip(summary.record.description);
        m_table->setItem(row, 0, name);
        auto *count = new QTableWidgetItem;
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (summary.error.isEmpty()) {
            count->setText(QLocale().toString(summary.count));
        } else {
            count->setText(tr("cannot count"));
            count->setToolTip(summary.error);
            count->setForeground(tone::colour(tone::Tone::Error, m_table->palette()));
        }
        m_table->setItem(row, 1, count);
    }
    setCurrent(current);
}

void SegmentListPanel::setCurrent(const QString &name)
{
    const QSignalBlocker blocker(m_table);
    const int row = int(m_names.indexOf(name));
    if (row >= 0) {
        m_table->setCurrentCell(row, 0);
    } else {
        m_table->clearSelection();
        m_table->setCurrentIndex({});
    }
}

void SegmentListPanel::setActionsEnabled(bool idle, bool saved, const QString &current)
{
    m_new->setEnabled(idle);
    m_duplicate->setEnabled(idle && saved);
    m_rename->setEnabled(idle && saved);
    m_delete->setEnabled(idle && saved);
    m_rename->setToolTip(saved ? tr("Give \"%1\" another name").arg(current)
                               : tr("Save the new segment first"));
}

} // namespace md
