#include "segmentspage.h"

#include "common/tone.h"
#include "core/task.h"
#include "db/queryinterrupter.h"
#include "marketing/segmentbuildermodel.h"
#include "marketing/segmentchoices.h"
#include "marketing/segmentexport.h"
#include "rfmpanel.h"
#include "segmentbuilderpanel.h"
#include "segmentlistpanel.h"
#include "segmentresultspanel.h"
#include "segmentsizechart.h"

#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace md {

namespace {

constexpr int kDebounceMs = 250;

struct LiveCount
{
    qint64 count = 0;
    SegmentMembers members;
};

QString fileNameFor(const QString &segment)
{
    QString name = segment.isEmpty() ? QStringLiteral("segment") : segment;
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('-');
    }
    return name + QStringLiteral("-members.csv");
}

} // namespace

SegmentsPage::SegmentsPage(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
    , m_spec(database)
{
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SegmentsPage::startCount);

    auto *heading = new QLabel(tr("Segments"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    m_asOf = new QDateEdit(QDate::currentDate(), this);
    m_asOf->setObjectName(QStringLiteral("segmentAsOf"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(SegmentBuilderPanel::dateFormat());
    m_asOf->setToolTip(tr("Counts, members and the chart as of the end of this day: only "
                          "customers, orders and events up to then count"));
    auto *asOfLabel = new QLabel(tr("&As of:"), this);
    asOfLabel->setBuddy(m_asOf);
    connect(m_asOf, &QDateEdit::dateChanged, this, [this] {
        reload(m_currentName);
        startCount();
        startChart();
    });
    auto *top = new QHBoxLayout;
    top->addStretch(1);
    top->addWidget(asOfLabel);
    top->addWidget(m_asOf);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("segmentMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_list = new SegmentListPanel(this);
    connect(m_list, &SegmentListPanel::chosen, this, &SegmentsPage::choose);
    connect(m_list, &SegmentListPanel::newRequested, this, &SegmentsPage::newSegment);
    connect(m_list, &SegmentListPanel::duplicateRequested, this, &SegmentsPage::askDuplicate);
    connect(m_list, &SegmentListPanel::renameRequested, this, &SegmentsPage::askRename);
    connect(m_list, &SegmentListPanel::deleteRequested, this, &SegmentsPage::askRemove);
    splitter->addWidget(m_list);
    splitter->addWidget(buildEditor());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    // Two tabs: the segments themselves, and the RFM overview of all buyers (made when first
    // shown, since it reads every completed order of the shop).
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("segmentTabs"));
    auto *segmentsTab = new QWidget(m_tabs);
    auto *segmentsLayout = new QVBoxLayout(segmentsTab);
    segmentsLayout->addLayout(top);
    segmentsLayout->addWidget(m_message);
    segmentsLayout->addWidget(splitter, 1);
    m_tabs->addTab(segmentsTab, tr("Segments"));
    auto *rfmTab = new QWidget(m_tabs);
    auto *rfmLayout = new QVBoxLayout(rfmTab);
    m_tabs->addTab(rfmTab, tr("RFM analysis"));
    m_tabs->setTabToolTip(1, tr("Every customer who bought, scored 1 to 5 on how recently "
                                "(recency), how often (frequency) and how much (monetary) they "
                                "bought, and the groups those scores make: Champions, At risk, "
                                "Lost and the others. Each group is also a segment."));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, rfmTab, rfmLayout](int index) {
        if (m_tabs->widget(index) == rfmTab && !m_rfm) {
            m_rfm = new RfmPanel(m_spec, rfmTab);
            rfmLayout->addWidget(m_rfm);
        }
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_tabs, 1);

    connect(builderModel(), &SegmentBuilderModel::ruleEdited, this, &SegmentsPage::ruleEdited);

    auto *choices = new Task<SegmentChoices>(m_spec, this);
    choices->start([](const Database &db, TaskProgress &) { return SegmentChoices::load(db); },
                   [this, choices](const Result<SegmentChoices> &loaded) {
                       choices->deleteLater();
                       if (loaded)
                           m_builder->setChoices(*loaded);
                       else
                           showMessage(loaded.error(), true);
                   });
    updateActions();
    reload();
}

SegmentsPage::~SegmentsPage() = default;

QWidget *SegmentsPage::buildEditor()
{
    auto *box = new QWidget(this);
    m_title = new QLabel(box);
    m_title->setObjectName(QStringLiteral("segmentTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_save = new QPushButton(tr("&Save"), box);
    m_save->setObjectName(QStringLiteral("saveSegment"));
    m_save->setToolTip(tr("Store the rule under the segment's name (a new segment asks for one)"));
    connect(m_save, &QPushButton::clicked, this, &SegmentsPage::save);
    m_export = new QPushButton(tr("&Export members…"), box);
    m_export->setObjectName(QStringLiteral("exportMembers"));
    m_export->setToolTip(tr("All members of the rule as shown, as a CSV file: email, first and "
                            "last name and the values of the fields the rule uses"));
    connect(m_export, &QPushButton::clicked, this, &SegmentsPage::askExport);
    m_description = new QLabel(box);
    m_description->setObjectName(QStringLiteral("segmentDescription"));
    m_description->setWordWrap(true);
    tone::apply(m_description, tone::Tone::Muted);
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_description);
    auto *titleRow = new QHBoxLayout;
    titleRow->addLayout(titles, 1);
    titleRow->addWidget(m_save);
    titleRow->addWidget(m_export);

    m_builder = new SegmentBuilderPanel(box);
    m_liveCount = new QLabel(box);
    m_liveCount->setObjectName(QStringLiteral("liveCount"));
    m_liveCount->setWordWrap(true);
    m_liveCount->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_liveCount->setFont(bold);

    m_results = new SegmentResultsPanel(box);

    // The rule and the results share the height; the owner can move the line between them.
    auto *rulePart = new QWidget(box);
    auto *ruleLayout = new QVBoxLayout(rulePart);
    ruleLayout->setContentsMargins(0, 0, 0, 0);
    ruleLayout->addLayout(titleRow);
    ruleLayout->addWidget(m_builder, 1);
    ruleLayout->addWidget(m_liveCount);
    auto *split = new QSplitter(Qt::Vertical, box);
    split->addWidget(rulePart);
    split->addWidget(m_results);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split, 1);
    return box;
}

QTableWidget *SegmentsPage::segmentTable() const
{
    return m_list->table();
}

QTableWidget *SegmentsPage::memberTable() const
{
    return m_results->memberTable();
}

SegmentSizeChart *SegmentsPage::sizeChart() const
{
    return m_results->chart();
}

SegmentBuilderModel *SegmentsPage::builderModel() const
{
    return m_builder->model();
}

bool SegmentsPage::isBusy() const
{
    return m_writes > 0;
}

QDate SegmentsPage::asOfDate() const
{
    return m_asOf->date();
}

void SegmentsPage::setAsOfDate(QDate date)
{
    m_asOf->setDate(date);
}

qint64 SegmentsPage::asOf() const
{
    // The end of the chosen UTC day, as the command line's --as-of takes a date.
    auto parsed = SegmentService::parseAsOf(m_asOf->date().toString(Qt::ISODate));
    return parsed ? *parsed : 0;
}

void SegmentsPage::reload(const QString &select, bool refreshChart)
{
    const int generation = ++m_listGeneration;
    const qint64 moment = asOf();
    auto *task = new Task<std::vector<SegmentSummary>>(m_spec, this);
    task->start(
        [moment](const Database &db, TaskProgress &) { return SegmentService::list(db, moment); },
        [this, task, generation, select,
         refreshChart](const Result<std::vector<SegmentSummary>> &r) {
            task->deleteLater();
            if (generation != m_listGeneration)
                return;
            if (!r) {
                showMessage(tr("Listing the segments: %1").arg(r.error()), true);
                emit listed();
                return;
            }
            m_segments = *r;
            m_list->setSegments(m_segments, m_currentName);
            const bool first = m_title->text().isEmpty();
            if (!select.isEmpty() && select != m_currentName)
                selectSegment(select);
            else if (first && !m_segments.empty())
                selectSegment(m_segments.front().record.name);
            else if (first)
                newSegment();
            else if (refreshChart)
                startChart();
            emit listed();
        });
}

void SegmentsPage::choose(const QString &name)
{
    if (name == m_currentName)
        return;
    if (m_dirty) {
        const auto answer = QMessageBox::question(
            this, tr("Segments"),
            tr("The rule you are editing has changes that are not saved. Discard them and show "
               "\"%1\"?")
                .arg(name));
        if (answer != QMessageBox::Yes) {
            m_list->setCurrent(m_currentName);
            return;
        }
    }
    selectSegment(name);
}

bool SegmentsPage::selectSegment(const QString &name)
{
    for (size_t i = 0; i < m_segments.size(); ++i) {
        if (m_segments[i].record.name == name) {
            m_list->setCurrent(name);
            showSegment(int(i));
            return true;
        }
    }
    return false;
}

void SegmentsPage::showSegment(int row)
{
    const SegmentSummary &summary = m_segments[size_t(row)];
    m_currentName = summary.record.name;
    m_title->setText(m_currentName);
    m_description->setText(summary.record.description);
    m_description->setVisible(!summary.record.description.isEmpty());
    if (auto loaded = builderModel()->setDefinition(summary.record.definition.toUtf8()); !loaded) {
        builderModel()->reset();
        showMessage(tr("The stored rule of \"%1\" does not read (%2); the builder starts over.")
                        .arg(m_currentName, loaded.error()),
                    true);
    } else {
        m_message->hide();
    }
    setDirty(false);
    startCount();
    startChart();
}

void SegmentsPage::newSegment()
{
    m_currentName.clear();
    m_list->setCurrent(QString());
    builderModel()->reset();
    m_title->setText(tr("New segment (not saved yet)"));
    m_description->hide();
    m_message->hide();
    setDirty(true);
    startCount();
    startChart();
}

void SegmentsPage::ruleEdited()
{
    setDirty(true);
    m_liveValue = -1;
    m_liveCount->setText(tr("Counting…"));
    tone::apply(m_liveCount, tone::Tone::Muted);
    m_debounce->start();
}

void SegmentsPage::startCount()
{
    m_debounce->stop();
    const int generation = ++m_countGeneration;
    m_liveValue = -1;
    auto rule = builderModel()->rule();
    if (!rule) {
        m_liveCount->setText(tr("The rule cannot be counted yet: %1").arg(rule.error()));
        tone::apply(m_liveCount, tone::Tone::Error);
        m_results->clearMembers(tr("The members are listed once the rule is complete."));
        updateActions();
        emit counted();
        return;
    }
    m_liveCount->setText(tr("Counting…"));
    tone::apply(m_liveCount, tone::Tone::Muted);
    updateActions();
    if (m_countTask) {
        // One count runs at a time: the running one is stopped (its statement interrupted) and
        // its result dropped; this rule is counted as soon as it has ended.
        m_countTask->cancel();
        m_countInterrupter->interrupt();
        m_countPending = true;
        return;
    }
    const qint64 moment = asOf();
    auto *task = new Task<LiveCount>(m_spec, this);
    m_countTask = task;
    m_countInterrupter = std::make_shared<QueryInterrupter>();
    task->start(
        [checked = *rule, moment, interrupter = m_countInterrupter](
            const Database &db, TaskProgress &progress) -> Result<LiveCount> {
            const QueryInterrupter::Scope scope(*interrupter, db);
            LiveCount out;
            auto count = SegmentService::count(db, checked, moment);
            if (!count)
                return fail(count.error());
            out.count = *count;
            if (progress.isCancelled())
                return fail(tr("Superseded by a newer edit"));
            auto members = SegmentService::members(db, checked, moment, kMemberRows);
            if (!members)
                return fail(members.error());
            out.members = std::move(*members);
            return out;
        },
        [this, task, generation](const Result<LiveCount> &result) {
            task->deleteLater();
            m_countTask = nullptr;
            if (m_countPending) {
                m_countPending = false;
                startCount();
                return;
            }
            if (generation != m_countGeneration)
                return; // the rule became invalid meanwhile
            if (!result) {
                m_liveCount->setText(tr("Counting the rule: %1").arg(result.error()));
                tone::apply(m_liveCount, tone::Tone::Error);
                m_results->clearMembers(QString());
            } else {
                m_liveValue = result->count;
                m_liveCount->setText(tr("%Ln customer(s) match as of %1.", "", result->count)
                                         .arg(QLocale().toString(
                                             m_asOf->date(), SegmentBuilderPanel::dateFormat())));
                tone::apply(m_liveCount, tone::Tone::Normal);
                m_results->showMembers(result->members, result->count);
            }
            updateActions();
            emit counted();
        });
}

void SegmentsPage::startChart()
{
    const int generation = ++m_chartGeneration;
    const SegmentSummary *summary = nullptr;
    for (const SegmentSummary &s : m_segments) {
        if (s.record.name == m_currentName)
            summary = &s;
    }
    if (m_currentName.isEmpty() || !summary) {
        m_results->chart()->clear(
            tr("Save the segment to see how its size changed over the last %1 months.")
                .arg(SegmentSizeChart::kMonths));
        return;
    }
    auto rule = SegmentRule::parse(summary->record.definition.toUtf8());
    if (!rule) {
        m_results->chart()->clear(rule.error());
        return;
    }
    const QList<QDate> days = SegmentSizeChart::monthEnds(m_asOf->date());
    QList<qint64> moments;
    for (QDate day : days) {
        auto moment = SegmentService::parseAsOf(day.toString(Qt::ISODate));
        moments << (moment ? *moment : 0);
    }
    m_results->chart()->clear(tr("Counting the last %1 months…").arg(SegmentSizeChart::kMonths));
    const QString name = m_currentName;
    auto *task = new Task<QList<qint64>>(m_spec, this);
    task->start(
        [checked = *rule, moments](const Database &db,
                                   TaskProgress &progress) -> Result<QList<qint64>> {
            QList<qint64> counts;
            for (qint64 moment : moments) {
                if (progress.isCancelled())
                    return fail(tr("Cancelled"));
                auto count = SegmentService::count(db, checked, moment);
                if (!count)
                    return fail(count.error());
                counts << *count;
            }
            return counts;
        },
        [this, task, generation, name, days](const Result<QList<qint64>> &result) {
            task->deleteLater();
            if (generation != m_chartGeneration)
                return;
            if (!result)
                m_results->chart()->clear(tr("Counting the months: %1").arg(result.error()));
            else
                m_results->chart()->setSizes(name, days, *result);
        });
}

void SegmentsPage::write(std::function<Result<QString>(const Database &)> work,
                         const QString &doing, std::function<void(const QString &)> after)
{
    ++m_writes;
    updateActions();
    auto *task = new Task<QString>(m_spec, this);
    task->start([work](const Database &db, TaskProgress &) { return work(db); },
                [this, task, doing, after](const Result<QString> &result) {
                    task->deleteLater();
                    --m_writes;
                    updateActions();
                    if (!result) {
                        showMessage(tr("%1: %2").arg(doing, result.error()), true);
                        emit written(false);
                        return;
                    }
                    m_message->hide();
                    if (after)
                        after(*result);
                    reload(*result, true);
                    emit written(true);
                });
}

void SegmentsPage::save()
{
    if (!m_currentName.isEmpty()) {
        saveAs(m_currentName);
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save segment"), tr("Name of the segment:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok)
        saveAs(name);
}

void SegmentsPage::saveAs(const QString &name)
{
    auto rule = builderModel()->rule();
    if (!rule) {
        showMessage(tr("The segment is not saved: the rule is not complete: %1").arg(rule.error()),
                    true);
        m_builder->select(builderModel()->indexOfPath(rule.error()));
        emit written(false);
        return;
    }
    const QByteArray json = rule->toJson();
    if (!m_currentName.isEmpty() && name == m_currentName) {
        write(
            [name, json](const Database &db) -> Result<QString> {
                auto updated = SegmentService::update(db, name, json);
                if (!updated)
                    return fail(updated.error());
                return updated->name;
            },
            tr("Saving the segment \"%1\"").arg(name),
            [this](const QString &) { setDirty(false); });
        return;
    }
    write(
        [name, json](const Database &db) -> Result<QString> {
            auto created = SegmentService::create(db, name, json);
            if (!created)
                return fail(created.error());
            return created->name;
        },
        tr("Saving the new segment \"%1\"").arg(name.trimmed()),
        [this](const QString &saved) {
            // The builder already shows the saved rule: it becomes that segment's.
            m_currentName = saved;
            m_title->setText(saved);
            setDirty(false);
        });
}

void SegmentsPage::askRename()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename segment"),
                                               tr("New name of \"%1\":").arg(m_currentName),
                                               QLineEdit::Normal, m_currentName, &ok);
    if (ok && name != m_currentName)
        renameTo(name);
}

void SegmentsPage::renameTo(const QString &newName)
{
    const QString name = m_currentName;
    if (name.isEmpty())
        return;
    write(
        [name, newName](const Database &db) -> Result<QString> {
            auto renamed = SegmentService::rename(db, name, newName);
            if (!renamed)
                return fail(renamed.error());
            return renamed->name;
        },
        tr("Renaming the segment \"%1\"").arg(name),
        [this](const QString &renamed) {
            // Only the name changed: the builder keeps what is being edited.
            m_currentName = renamed;
            m_title->setText(renamed);
            updateActions();
        });
}

void SegmentsPage::askDuplicate()
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Duplicate segment"), tr("Name of the copy of \"%1\":").arg(m_currentName),
        QLineEdit::Normal, tr("%1 (copy)").arg(m_currentName), &ok);
    if (ok)
        duplicateAs(name);
}

void SegmentsPage::duplicateAs(const QString &newName)
{
    const QString name = m_currentName;
    if (name.isEmpty())
        return;
    write(
        [name, newName](const Database &db) -> Result<QString> {
            auto copy = SegmentService::duplicate(db, name, newName);
            if (!copy)
                return fail(copy.error());
            return copy->name;
        },
        tr("Duplicating the segment \"%1\"").arg(name));
}

void SegmentsPage::askRemove()
{
    const auto answer = QMessageBox::question(
        this, tr("Delete segment"),
        tr("Delete the segment \"%1\"? Its customers stay; only the rule goes.")
            .arg(m_currentName));
    if (answer == QMessageBox::Yes)
        removeCurrent();
}

void SegmentsPage::removeCurrent()
{
    const QString name = m_currentName;
    if (name.isEmpty())
        return;
    write(
        [name](const Database &db) -> Result<QString> {
            if (auto removed = SegmentService::remove(db, name); !removed)
                return fail(removed.error());
            return QString();
        },
        tr("Deleting the segment \"%1\"").arg(name),
        [this](const QString &) {
            m_currentName.clear();
            m_title->clear(); // the list shows its first segment once read again
        });
}

void SegmentsPage::askExport()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export members"), folder + QLatin1Char('/') + fileNameFor(m_currentName),
        tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void SegmentsPage::exportTo(const QString &path)
{
    auto rule = builderModel()->rule();
    if (!rule) {
        showMessage(tr("Nothing was exported: the rule is not complete: %1").arg(rule.error()),
                    true);
        emit exported(false);
        return;
    }
    ++m_writes;
    updateActions();
    const qint64 moment = asOf();
    auto *task = new Task<qint64>(m_spec, this);
    task->start(
        [checked = *rule, moment, path](const Database &db, TaskProgress &) -> Result<qint64> {
            auto members = SegmentService::members(db, checked, moment);
            if (!members)
                return fail(members.error());
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return fail(tr("%1 cannot be written: %2").arg(path, file.errorString()));
            if (auto written = SegmentExport::writeMembers(*members, &file); !written)
                return fail(written.error());
            if (!file.commit())
                return fail(tr("%1 cannot be written: %2").arg(path, file.errorString()));
            return qint64(members->rows.size());
        },
        [this, task, path](const Result<qint64> &result) {
            task->deleteLater();
            --m_writes;
            updateActions();
            if (!result) {
                showMessage(tr("Exporting the members: %1").arg(result.error()), true);
                emit exported(false);
                return;
            }
            showMessage(tr("%Ln member(s) exported to %1.", "", *result).arg(path), false);
            emit exported(true);
        });
}

void SegmentsPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    tone::apply(m_message, error ? tone::Tone::Error : tone::Tone::Normal);
    m_message->show();
}

void SegmentsPage::setDirty(bool dirty)
{
    m_dirty = dirty;
    updateActions();
}

void SegmentsPage::updateActions()
{
    const bool idle = m_writes == 0;
    m_list->setActionsEnabled(idle, !m_currentName.isEmpty(), m_currentName);
    m_save->setEnabled(idle && m_dirty);
    m_export->setEnabled(idle);
}

} // namespace md
