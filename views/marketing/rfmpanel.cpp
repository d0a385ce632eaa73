#include "rfmpanel.h"

#include "common/tone.h"
#include "marketing/segmentservice.h"
#include "segmentbuilderpanel.h"

#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace md {

namespace {

using Grid = std::array<std::array<qint64, 5>, 5>;

// The 5 x 5 grid painted: frequency score left to right, recency score bottom to top (5 =
// bought most recently at the top), each cell as dark as its share of the fullest cell.
class RfmHeatMap : public QWidget
{
public:
    explicit RfmHeatMap(QWidget *parent)
        : QWidget(parent)
    {
        setObjectName(QStringLiteral("rfmHeatMap"));
        setMinimumSize(320, 260);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }

    void setGrid(const Grid &grid)
    {
        m_grid = grid;
        update();
    }
    const Grid &grid() const { return m_grid; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing, false);
        const QPalette &pal = palette();
        const QColor text = tone::colour(tone::Tone::Normal, pal);
        const QColor muted = tone::colour(tone::Tone::Muted, pal);
        const QFontMetrics metrics = fontMetrics();
        const int line = metrics.height();
        const int left = line * 2 + metrics.horizontalAdvance(QStringLiteral("5")) + 8;
        const int bottom = line * 2 + 8;
        const QRect area(left, 4, std::max(10, width() - left - 4),
                         std::max(10, height() - bottom - 4));
        const double cellW = area.width() / 5.0;
        const double cellH = area.height() / 5.0;

        qint64 fullest = 0;
        for (const auto &row : m_grid) {
            for (qint64 cell : row)
                fullest = std::max(fullest, cell);
        }
        const QColor fill = pal.color(QPalette::Highlight);
        const QColor empty = pal.color(QPalette::Base);
        for (int r = 1; r <= 5; ++r) {
            for (int f = 1; f <= 5; ++f) {
                const qint64 count = m_grid[size_t(r - 1)][size_t(f - 1)];
                const double share = fullest > 0 ? double(count) / double(fullest) : 0.0;
                const QRectF cell(area.left() + (f - 1) * cellW, area.top() + (5 - r) * cellH,
                                  cellW, cellH);
                QColor colour = fill;
                colour.setAlphaF(float(0.08 + 0.92 * share));
                painter.fillRect(cell, empty);
                if (count > 0)
                    painter.fillRect(cell, colour);
                painter.setPen(pal.color(QPalette::Mid));
                painter.drawRect(cell);
                painter.setPen(share > 0.55 ? pal.color(QPalette::HighlightedText) : text);
                painter.drawText(cell, Qt::AlignCenter, QLocale().toString(count));
            }
        }
        painter.setPen(muted);
        for (int i = 1; i <= 5; ++i) {
            painter.drawText(QRectF(area.left() + (i - 1) * cellW, area.bottom() + 2, cellW, line),
                             Qt::AlignCenter, QString::number(i));
            painter.drawText(QRectF(line + 4, area.top() + (5 - i) * cellH, left - line - 8, cellH),
                             Qt::AlignRight | Qt::AlignVCenter, QString::number(i));
        }
        painter.setPen(text);
        painter.drawText(QRectF(area.left(), area.bottom() + line + 4, area.width(), line),
                         Qt::AlignCenter, RfmPanel::tr("Frequency score (5 = most orders)"));
        painter.save();
        painter.translate(2, area.top() + area.height() / 2.0);
        painter.rotate(-90);
        painter.drawText(QRectF(-area.height() / 2.0, 0, area.height(), line), Qt::AlignCenter,
                         RfmPanel::tr("Recency score (5 = bought most recently)"));
        painter.restore();
    }

private:
    Grid m_grid{};
};

QString percent(double share)
{
    return QLocale().toString(share * 100.0, 'f', 1) + QStringLiteral(" %");
}

} // namespace

RfmPanel::RfmPanel(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
    , m_task(new Task<RfmAnalysis>(database, this))
{
    m_asOf = new QDateEdit(QDateTime::currentDateTimeUtc().date(), this);
    m_asOf->setObjectName(QStringLiteral("rfmAsOf"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(SegmentBuilderPanel::dateFormat());
    m_asOf->setToolTip(tr("Customers are scored on their completed orders up to the end of this "
                          "day (UTC)"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("rfmStatus"));
    m_status->setWordWrap(true);

    m_heatMap = new RfmHeatMap(this);

    m_groups = new QTableWidget(0, 4, this);
    m_groups->setObjectName(QStringLiteral("rfmGroups"));
    m_groups->setHorizontalHeaderLabels(
        {tr("Group"), tr("Customers"), tr("Share of customers"), tr("Revenue share")});
    m_groups->verticalHeader()->hide();
    m_groups->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_groups->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_groups->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 4; ++column)
        m_groups->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto *top = new QHBoxLayout;
    auto *asOfLabel = new QLabel(tr("&As of:"), this);
    asOfLabel->setBuddy(m_asOf);
    top->addWidget(asOfLabel);
    top->addWidget(m_asOf);
    top->addStretch(1);
    auto *body = new QHBoxLayout;
    body->addWidget(m_heatMap, 1);
    body->addWidget(m_groups, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addLayout(body, 1);

    connect(m_asOf, &QDateEdit::dateChanged, this, &RfmPanel::refresh);
    refresh();
}

RfmPanel::~RfmPanel() = default;

std::array<std::array<qint64, 5>, 5> RfmPanel::shownGrid() const
{
    return static_cast<RfmHeatMap *>(m_heatMap)->grid();
}

bool RfmPanel::isComputing() const
{
    return m_task->isRunning();
}

void RfmPanel::refresh()
{
    if (m_task->isRunning()) {
        // One run at a time: the latest date is analysed as soon as this run ends.
        m_again = true;
        return;
    }
    auto asOf = SegmentService::parseAsOf(m_asOf->date().toString(Qt::ISODate));
    if (!asOf) {
        showError(asOf.error());
        return;
    }
    m_status->setText(tr("Computing…"));
    tone::apply(m_status, tone::Tone::Muted);
    m_heatMap->setEnabled(false);
    m_groups->setEnabled(false);
    const qint64 moment = *asOf;
    m_task->start(
        [moment](const Database &db, TaskProgress &) { return RfmService::analyse(db, moment); },
        [this](const Result<RfmAnalysis> &result) {
            if (m_again) {
                m_again = false;
                refresh();
                return;
            }
            if (result)
                showAnalysis(*result);
            else
                showError(result.error());
        });
}

void RfmPanel::showAnalysis(const RfmAnalysis &analysis)
{
    // The panel shows the totals only: the per-customer rows are not kept.
    RfmAnalysis totals;
    totals.asOf = analysis.asOf;
    totals.breaks = analysis.breaks;
    totals.grid = analysis.grid;
    totals.groups = analysis.groups;
    totals.revenueCents = analysis.revenueCents;
    m_analysis = std::move(totals);
    const QDateTime asOf = QDateTime::fromSecsSinceEpoch(analysis.asOf, QTimeZone::utc());
    m_status->setText(tr("Customers with a completed order up to the end of %1 (UTC): %2")
                          .arg(QLocale().toString(asOf.date(), SegmentBuilderPanel::dateFormat()),
                               QLocale().toString(qint64(analysis.customers.size()))));
    tone::apply(m_status, tone::Tone::Normal);
    static_cast<RfmHeatMap *>(m_heatMap)->setGrid(analysis.grid);
    m_groups->setRowCount(int(analysis.groups.size()));
    int row = 0;
    for (const RfmGroupSummary &group : analysis.groups) {
        const auto set = [&](int column, const QString &text, Qt::Alignment align) {
            auto *item = new QTableWidgetItem(text);
            item->setTextAlignment(align | Qt::AlignVCenter);
            m_groups->setItem(row, column, item);
        };
        set(0, RfmScoring::label(group.group), Qt::AlignLeft);
        set(1, QLocale().toString(group.customers), Qt::AlignRight);
        set(2, percent(group.customerShare), Qt::AlignRight);
        set(3, percent(group.revenueShare), Qt::AlignRight);
        ++row;
    }
    m_heatMap->setEnabled(true);
    m_groups->setEnabled(true);
    emit updated();
}

void RfmPanel::showError(const QString &message)
{
    m_status->setText(tr("The RFM analysis failed: %1").arg(message));
    tone::apply(m_status, tone::Tone::Error);
    m_heatMap->setEnabled(true);
    m_groups->setEnabled(true);
    emit updated();
}

} // namespace md
