#include "subscriptionspage.h"
#include "common/tone.h"

#include "common/labeldelegate.h"
#include "common/pagedtablewidget.h"
#include "core/task.h"
#include "customerfeaturesdialog.h"
#include "db/pagedquerymodel.h"
#include "db/sql.h"
#include "subscriptions/planstore.h"
#include "subscriptions/subscriptionmetrics.h"
#include "subscriptions/subscriptionquery.h"
#include "subscriptions/subscriptionservice.h"
#include "subscriptions/subscriptionstatus.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeAxis>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QToolBar>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>

namespace md {

// What composing a cycle gives the page: the month's input and its boxes.
struct ComposedCycle
{
    bool confirmed = false;
    BoxCycleInput input;
    BoxComposition composition;
};

namespace {

// In a Task with its own connection: a big shop composes without freezing the window.
Result<ComposedCycle> composeCycle(const Database &db, const QString &cycle)
{
    ComposedCycle out;
    auto confirmed = BoxCycleStore::isConfirmed(db, cycle);
    if (!confirmed)
        return fail(confirmed.error());
    out.confirmed = *confirmed;
    const quint64 seed = BoxCycleStore::defaultSeed(cycle);
    auto input = BoxCycleStore::load(db, cycle, seed);
    if (!input)
        return fail(input.error());
    out.input = std::move(*input);
    out.composition = BoxComposer::compose(out.input.products, out.input.subscribers, seed);
    return out;
}

} // namespace

SubscriptionsPage::SubscriptionsPage(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
    , m_spec(database)
    , m_composeTask(new Task<ComposedCycle>(database, this))
    , m_confirmTask(new Task<BoxCycleSummary>(database, this))
{
    auto *heading = new QLabel(tr("Subscriptions"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    auto db
        = Database::open(database, Database::Options{.migrate = false, .createIfMissing = false});
    if (db)
        m_db.emplace(std::move(*db));

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildSubscribersTab(), tr("Subscribers"));
    m_tabs->addTab(buildBoxesTab(), tr("Boxes"));
    m_tabs->addTab(buildGrowthTab(), tr("Growth"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_tabs, 1);
    if (!m_db)
        m_message->setText(tr("Cannot open the database: %1").arg(db.error()));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 2)
            refreshGrowth();
    });
}

// The tasks, children of the page, wait for their workers when they go; nothing is delivered.
SubscriptionsPage::~SubscriptionsPage() = default;

bool SubscriptionsPage::isComposing() const
{
    return m_composeTask->isRunning() || m_confirmTask->isRunning();
}

QWidget *SubscriptionsPage::buildSubscribersTab()
{
    auto *tab = new QWidget(this);
    auto *toolbar = new QToolBar(tab);
    m_pause = toolbar->addAction(tr("&Pause until…"), this, &SubscriptionsPage::pause);
    m_resume = toolbar->addAction(tr("&Resume"), this, &SubscriptionsPage::resume);
    m_cancel = toolbar->addAction(tr("&Cancel…"), this, &SubscriptionsPage::cancel);
    m_changePlan = toolbar->addAction(tr("Change &plan…"), this, &SubscriptionsPage::changePlan);
    toolbar->addSeparator();
    m_features
        = toolbar->addAction(tr("Customer's &features…"), this, &SubscriptionsPage::showFeatures);
    toolbar->addSeparator();
    toolbar->addAction(tr("Resume due pauses"), this, &SubscriptionsPage::resumeDue);

    auto *model = new PagedQueryModel(m_spec, SubscriptionQuery::spec());
    m_subscribers = new PagedTableWidget(model, tab);
    m_subscribers->setSearchPlaceholder(tr("Search by email or plan"));
    m_subscribers->setCountText(
        [](int rows) { return SubscriptionsPage::tr("%n subscription(s)", nullptr, rows); });
    m_subscribers->setEmptyTexts(tr("Nobody has subscribed yet."),
                                 tr("No subscriptions match “%1”."));
    m_subscribers->setStretchColumn(SubscriptionQuery::Reason);
    m_subscribers->table()->setItemDelegateForColumn(
        SubscriptionQuery::Status,
        new LabelDelegate(
            [](const QVariant &raw) {
                const auto status = fromKey<SubscriptionStatus>(raw.toString());
                return status ? SubscriptionStatusInfo::label(*status) : raw.toString();
            },
            false, m_subscribers->table()));
    auto *status = new QComboBox(tab);
    status->addItem(tr("All statuses"), QString());
    for (auto s : {SubscriptionStatus::Active, SubscriptionStatus::Paused,
                   SubscriptionStatus::PastDue, SubscriptionStatus::Cancelled}) {
        status->addItem(SubscriptionStatusInfo::label(s), keyOf(s));
    }
    m_subscribers->addFilterWidget(status);
    connect(status, &QComboBox::currentIndexChanged, this, [this, status, model] {
        const QString value = status->currentData().toString();
        if (value.isEmpty())
            model->setFixedFilter(QString(), {});
        else
            model->setFixedFilter(QStringLiteral("s.status = ?"), {value});
        m_subscribers->setFilterActive(!value.isEmpty());
    });
    connect(m_subscribers->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SubscriptionsPage::updateSubscriberActions);
    connect(model, &QAbstractItemModel::modelReset, this,
            &SubscriptionsPage::updateSubscriberActions);

    m_message = new QLabel(tab);
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(toolbar);
    layout->addWidget(m_subscribers, 1);
    layout->addWidget(m_message);
    updateSubscriberActions();
    return tab;
}

qint64 SubscriptionsPage::currentSubscription() const
{
    const QModelIndex index = m_subscribers->table()->currentIndex();
    if (!index.isValid())
        return 0;
    return index.siblingAtColumn(0).data(PagedQueryModel::KeyRole).toLongLong();
}

void SubscriptionsPage::updateSubscriberActions()
{
    const QModelIndex index = m_subscribers->table()->currentIndex();
    const auto status = fromKey<SubscriptionStatus>(
        index.isValid() ? index.siblingAtColumn(SubscriptionQuery::Status)
                              .data(PagedQueryModel::RawValueRole)
                              .toString()
                        : QString());
    const bool open = m_db && status && *status != SubscriptionStatus::Cancelled;
    m_pause->setEnabled(open && *status != SubscriptionStatus::Paused);
    m_resume->setEnabled(open && *status != SubscriptionStatus::Active);
    m_cancel->setEnabled(open);
    m_changePlan->setEnabled(open);
    m_features->setEnabled(m_db && status);
}

void SubscriptionsPage::afterChange(const Status &status, const QString &done)
{
    if (!status) {
        tone::apply(m_message, tone::Tone::Error);
        m_message->setText(status.error());
        return;
    }
    tone::apply(m_message, tone::Tone::Normal);
    m_message->setText(done);
    m_subscribers->model()->reload();
}

void SubscriptionsPage::pause()
{
    const qint64 id = currentSubscription();
    if (!id || !m_db)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Pause subscription"));
    auto *date = new QDateEdit(QDate::currentDate().addMonths(1), &dialog);
    date->setCalendarPopup(true);
    date->setMinimumDate(QDate::currentDate().addDays(1));
    auto *form = new QFormLayout(&dialog);
    form->addRow(new QLabel(tr("The subscription resumes on its own on this day."), &dialog));
    form->addRow(tr("&Resume on:"), date);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The resume date starts at local midnight of the chosen day.
    const qint64 until = QDateTime(date->date(), QTime(0, 0)).toSecsSinceEpoch();
    afterChange(SubscriptionService::pause(*m_db, id, until, QDateTime::currentSecsSinceEpoch()),
                tr("Paused until %1.").arg(QLocale().toString(date->date(), QLocale::LongFormat)));
}

void SubscriptionsPage::resume()
{
    const qint64 id = currentSubscription();
    if (!id || !m_db)
        return;
    afterChange(SubscriptionService::resume(*m_db, id, QDateTime::currentSecsSinceEpoch()),
                tr("Resumed."));
}

void SubscriptionsPage::cancel()
{
    const qint64 id = currentSubscription();
    if (!id || !m_db)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Cancel subscription"),
                                                 tr("Why does the customer cancel?"),
                                                 QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    afterChange(SubscriptionService::cancel(*m_db, id, reason, QDateTime::currentSecsSinceEpoch()),
                tr("Cancelled."));
}

void SubscriptionsPage::changePlan()
{
    const qint64 id = currentSubscription();
    if (!id || !m_db)
        return;
    auto matrix = PlanStore::load(*m_db);
    if (!matrix) {
        afterChange(Status(fail(matrix.error())), QString());
        return;
    }
    QStringList names;
    std::vector<qint64> ids;
    for (const PlanDef &plan : matrix->plans) {
        if (!plan.active)
            continue;
        names << plan.name;
        ids.push_back(plan.id);
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Change plan"),
        tr("The new plan takes effect when the current billing period ends:"), names, 0, false,
        &ok);
    if (!ok)
        return;
    const qint64 planId = ids[size_t(names.indexOf(chosen))];
    afterChange(SubscriptionService::changePlanNextCycle(*m_db, id, planId),
                tr("Moves to %1 at the next cycle.").arg(chosen));
}

void SubscriptionsPage::showFeatures()
{
    const qint64 id = currentSubscription();
    if (!id || !m_db)
        return;
    auto row = SubscriptionService::subscriber(*m_db, id);
    if (!row) {
        afterChange(Status(fail(row.error())), QString());
        return;
    }
    CustomerFeaturesDialog dialog(*m_db, row->customerId, row->email, this);
    dialog.exec();
}

void SubscriptionsPage::resumeDue()
{
    if (!m_db)
        return;
    auto resumed = SubscriptionService::resumeDuePauses(*m_db, QDateTime::currentSecsSinceEpoch());
    if (!resumed) {
        afterChange(Status(fail(resumed.error())), QString());
        return;
    }
    afterChange({}, tr("%n paused subscription(s) resumed.", nullptr, *resumed));
}

// --- boxes

QWidget *SubscriptionsPage::buildBoxesTab()
{
    auto *tab = new QWidget(this);
    m_cycle = new QDateEdit(QDate::currentDate().addMonths(1), tab);
    m_cycle->setDisplayFormat(QStringLiteral("MMMM yyyy"));
    m_cycle->setObjectName(QStringLiteral("cycleEdit"));
    m_compose = new QPushButton(tr("&Compose boxes"), tab);
    m_confirm = new QPushButton(tr("Con&firm cycle"), tab);
    m_confirm->setToolTip(tr("Records what each subscriber receives and takes the items from "
                             "stock"));
    m_export = new QPushButton(tr("&Export picking list…"), tab);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Shipping month:"), tab));
    row->addWidget(m_cycle);
    row->addWidget(m_compose);
    row->addStretch(1);
    row->addWidget(m_confirm);
    row->addWidget(m_export);

    m_boxSummary = new QLabel(tr("Choose a month and compose its boxes to see them here before "
                                 "anything is recorded."),
                              tab);
    m_boxSummary->setWordWrap(true);
    m_boxModel = new QStandardItemModel(0, 4, this);
    m_boxModel->setHorizontalHeaderLabels({tr("Customer"), tr("Plan"), tr("Box"), tr("Items")});
    m_boxTable = new QTableView(tab);
    m_boxTable->setModel(m_boxModel);
    m_boxTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_boxTable->horizontalHeader()->setStretchLastSection(true);
    m_boxTable->verticalHeader()->hide();

    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(row);
    layout->addWidget(m_boxSummary);
    layout->addWidget(m_boxTable, 1);

    connect(m_compose, &QPushButton::clicked, this, &SubscriptionsPage::compose);
    connect(m_confirm, &QPushButton::clicked, this, &SubscriptionsPage::confirmCycle);
    connect(m_export, &QPushButton::clicked, this, &SubscriptionsPage::exportPickingList);
    connect(m_cycle, &QDateEdit::dateChanged, this, [this] {
        m_composition.reset();
        m_input.reset();
        m_boxModel->removeRows(0, m_boxModel->rowCount());
        m_confirm->setEnabled(false);
        m_export->setEnabled(false);
    });
    m_confirm->setEnabled(false);
    m_export->setEnabled(false);
    return tab;
}

QString SubscriptionsPage::cycleText() const
{
    return m_cycle->date().toString(QStringLiteral("yyyy-MM"));
}

void SubscriptionsPage::setCycle(int year, int month)
{
    m_cycle->setDate(QDate(year, month, 1));
}

void SubscriptionsPage::compose()
{
    if (isComposing())
        return;
    const QString cycle = cycleText();
    const bool started = m_composeTask->start(
        [cycle](const Database &db, TaskProgress &) { return composeCycle(db, cycle); },
        [this](const Result<ComposedCycle> &result) {
            m_compose->setEnabled(true);
            if (!result) {
                m_boxSummary->setText(tr("Composing failed: %1").arg(result.error()));
                emit composed();
                return;
            }
            m_confirmed = result->confirmed;
            m_input = result->input;
            m_composition = result->composition;
            showComposition();
            emit composed();
        });
    if (!started)
        return;
    m_compose->setEnabled(false);
    m_confirm->setEnabled(false);
    m_export->setEnabled(false);
    m_boxSummary->setText(tr("Composing the boxes of %1…").arg(cycle));
}

void SubscriptionsPage::showComposition()
{
    m_boxModel->removeRows(0, m_boxModel->rowCount());
    const BoxCycleInput &input = *m_input;
    const BoxComposition &c = *m_composition;
    QHash<qint64, int> productIndex;
    for (int i = 0; i < int(input.products.size()); ++i)
        productIndex.insert(input.products[size_t(i)].id, i);
    const QColor problem(0xb0, 0x00, 0x20);
    for (int b = 0; b < c.boxCount(); ++b) {
        const int s = c.boxSubscriber[size_t(b)];
        QStringList titles;
        for (qint64 i = c.itemStart[size_t(b)]; i < c.itemStart[size_t(b) + 1]; ++i) {
            const int p = productIndex.value(c.items[size_t(i)]);
            titles << (c.itemExclusive[size_t(i)] ? tr("%1 (exclusive)") : QStringLiteral("%1"))
                          .arg(input.productTitle[size_t(p)]);
        }
        m_boxModel->appendRow(
            {new QStandardItem(input.email[size_t(s)]),
             new QStandardItem(input.planName[size_t(s)]),
             new QStandardItem(tr("%n item(s)", nullptr,
                                  int(c.itemStart[size_t(b) + 1] - c.itemStart[size_t(b)]))),
             new QStandardItem(titles.join(QStringLiteral("; ")))});
    }
    for (const UnfilledBox &box : c.unfilled) {
        auto *status = new QStandardItem(tr("Not filled"));
        status->setForeground(problem);
        auto *reason = new QStandardItem(BoxComposer::reasonText(box));
        reason->setForeground(problem);
        m_boxModel->appendRow({new QStandardItem(input.email[size_t(box.subscriber)]),
                               new QStandardItem(input.planName[size_t(box.subscriber)]), status,
                               reason});
    }
    m_boxTable->resizeColumnsToContents();
    const QLocale locale;
    QString text = tr("%1: %2 boxes with %3 items for %4 subscribers; %5 could not be filled.")
                       .arg(QLocale().toString(m_cycle->date(), QStringLiteral("MMMM yyyy")),
                            locale.toString(c.boxCount()), locale.toString(qint64(c.items.size())),
                            locale.toString(qint64(input.subscribers.size())),
                            locale.toString(qint64(c.unfilled.size())));
    if (m_confirmed)
        text += QLatin1Char(' ') + tr("This month was confirmed already.");
    m_boxSummary->setText(text);
    m_confirm->setEnabled(!m_confirmed && c.boxCount() > 0);
    m_export->setEnabled(c.boxCount() > 0);
}

void SubscriptionsPage::confirmCycle()
{
    if (!m_db || !m_composition || m_confirmed || isComposing())
        return;
    const auto answer
        = QMessageBox::question(this, tr("Confirm cycle"),
                                tr("Record the %1 boxes of %2 and take their items from stock?")
                                    .arg(m_composition->boxCount())
                                    .arg(cycleText()));
    if (answer != QMessageBox::Yes)
        return;
    // Recording 100,000 boxes takes a while: its own thread and connection, like composing.
    const QString cycle = cycleText();
    const qint64 at = QDateTime::currentSecsSinceEpoch();
    const bool started = m_confirmTask->start(
        [input = *m_input, composition = *m_composition, at](const Database &db, TaskProgress &) {
            return BoxCycleStore::confirm(db, input, composition, at);
        },
        [this, cycle](const Result<BoxCycleSummary> &summary) {
            m_compose->setEnabled(true);
            if (!summary) {
                m_confirm->setEnabled(true);
                m_boxSummary->setText(tr("Nothing was recorded: %1").arg(summary.error()));
                return;
            }
            m_confirmed = true;
            m_boxSummary->setText(tr("Recorded %1 boxes with %2 items for %3; the items were "
                                     "taken from stock. Export the picking list for the "
                                     "warehouse.")
                                      .arg(summary->boxes)
                                      .arg(summary->items)
                                      .arg(cycle));
        });
    if (!started)
        return;
    m_compose->setEnabled(false);
    m_confirm->setEnabled(false);
    m_boxSummary->setText(tr("Recording the boxes of %1…").arg(cycle));
}

void SubscriptionsPage::exportPickingList()
{
    if (!m_composition)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export picking list"), QStringLiteral("picklist-%1.csv").arg(cycleText()),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    Status written;
    if (!file.open(QIODevice::WriteOnly))
        written = fail(file.errorString());
    else
        written = BoxCycleStore::writePickingList(&file, *m_input, *m_composition);
    if (written && !file.commit())
        written = fail(file.errorString());
    if (!written) {
        QMessageBox::warning(this, tr("Export picking list"),
                             tr("Cannot write %1: %2").arg(path, written.error()));
        return;
    }
    m_boxSummary->setText(m_boxSummary->text() + QLatin1Char(' ')
                          + tr("Picking list written to %1.").arg(path));
}

// --- growth

QWidget *SubscriptionsPage::buildGrowthTab()
{
    auto *tab = new QWidget(this);
    m_growthModel = new QStandardItemModel(this);
    m_churnModel = new QStandardItemModel(this);
    m_growthChart = new QChartView(tab);
    m_growthChart->setRenderHint(QPainter::Antialiasing);
    m_churnChart = new QChartView(tab);
    m_churnChart->setRenderHint(QPainter::Antialiasing);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_growthChart, 3);
    layout->addWidget(m_churnChart, 2);
    return tab;
}

void SubscriptionsPage::refreshGrowth()
{
    if (!m_db)
        return;
    constexpr int kMonths = 12;
    auto metrics = SubscriptionMetrics::compute(*m_db, QDateTime::currentSecsSinceEpoch(), kMonths);
    if (!metrics) {
        auto *chart = new QChart;
        chart->setTitle(tr("Cannot read the subscriptions: %1").arg(metrics.error()));
        m_growthChart->setChart(chart);
        return;
    }
    const int plans = int(metrics->planNames.size());
    // Column 0: the month (ms since the epoch), then subscribers per plan, then MRR.
    m_growthModel->clear();
    m_growthModel->setColumnCount(plans + 2);
    m_churnModel->clear();
    m_churnModel->setColumnCount(1);
    QStringList months;
    qint64 maxSubscribers = 1;
    double maxMrr = 1;
    for (const SubscriptionMonth &month : metrics->months) {
        QList<QStandardItem *> row;
        row << new QStandardItem;
        row.back()->setData(double(month.monthStart) * 1000.0, Qt::DisplayRole);
        for (qint64 count : month.subscribers) {
            row << new QStandardItem;
            row.back()->setData(double(count), Qt::DisplayRole);
            maxSubscribers = std::max(maxSubscribers, count);
        }
        row << new QStandardItem;
        row.back()->setData(double(month.mrrCents) / 100.0, Qt::DisplayRole);
        maxMrr = std::max(maxMrr, double(month.mrrCents) / 100.0);
        m_growthModel->appendRow(row);
        auto *cancelled = new QStandardItem;
        cancelled->setData(double(month.cancellations), Qt::DisplayRole);
        m_churnModel->appendRow(cancelled);
        months << QLocale().toString(
            QDateTime::fromSecsSinceEpoch(month.monthStart, QTimeZone::utc()).date(),
            QStringLiteral("MMM yy"));
    }

    auto *chart = new QChart;
    chart->setTitle(tr("Subscribers per plan and monthly recurring revenue"));
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MMM yy"));
    x->setTickCount(std::min(kMonths, 7));
    auto *left = new QValueAxis;
    left->setTitleText(tr("Subscribers"));
    left->setRange(0, double(maxSubscribers) * 1.1);
    left->setLabelFormat(QStringLiteral("%d"));
    auto *right = new QValueAxis;
    right->setTitleText(tr("MRR"));
    right->setRange(0, maxMrr * 1.1);
    right->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(left, Qt::AlignLeft);
    chart->addAxis(right, Qt::AlignRight);
    for (int p = 0; p <= plans; ++p) {
        auto *series = new QLineSeries;
        series->setName(p < plans ? metrics->planNames[size_t(p)] : tr("MRR"));
        auto *mapper = new QVXYModelMapper(series);
        mapper->setXColumn(0);
        mapper->setYColumn(p + 1);
        mapper->setSeries(series);
        mapper->setModel(m_growthModel);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(p < plans ? left : right);
        if (p == plans) {
            QPen pen = series->pen();
            pen.setStyle(Qt::DashLine);
            pen.setWidth(2);
            series->setPen(pen);
        }
    }
    m_growthChart->setChart(chart);

    auto *churn = new QChart;
    churn->setTitle(tr("Cancellations per month (churn)"));
    auto *bars = new QBarSeries;
    auto *barMapper = new QVBarModelMapper(bars);
    barMapper->setFirstBarSetColumn(0);
    barMapper->setLastBarSetColumn(0);
    barMapper->setSeries(bars);
    barMapper->setModel(m_churnModel);
    if (!bars->barSets().isEmpty())
        bars->barSets().first()->setLabel(tr("Cancellations"));
    churn->addSeries(bars);
    auto *categories = new QBarCategoryAxis;
    categories->append(months);
    churn->addAxis(categories, Qt::AlignBottom);
    bars->attachAxis(categories);
    auto *count = new QValueAxis;
    count->setLabelFormat(QStringLiteral("%d"));
    churn->addAxis(count, Qt::AlignLeft);
    bars->attachAxis(count);
    churn->legend()->hide();
    m_churnChart->setChart(churn);
}

} // namespace md
