#include "pricingrulespanel.h"

#include "pricing/pricingrulestore.h"
#include "ruleeditor.h"
#include "scheduleeditor.h"

#include <QDateTime>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace md {

PricingRulesPanel::PricingRulesPanel(const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
{
    auto *content = new QWidget(this);
    QWidget *rulesBox = buildRulesBox();
    QWidget *lockedBox = buildLockedBox();
    QWidget *helpBox = buildHelpBox();
    auto *scheduleBox = new QGroupBox(tr("Schedule"), content);
    m_schedule = new ScheduleEditor(scheduleBox);
    m_schedule->setObjectName(QStringLiteral("scheduleEditor"));
    auto *scheduleLayout = new QVBoxLayout(scheduleBox);
    scheduleLayout->addWidget(m_schedule);

    auto *left = new QVBoxLayout;
    left->addWidget(rulesBox);
    left->addWidget(lockedBox);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(helpBox, 1);
    right->addWidget(scheduleBox);
    auto *columns = new QHBoxLayout(content);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

QWidget *PricingRulesPanel::buildRulesBox()
{
    auto *rulesBox = new QGroupBox(tr("Rules"));
    m_rules = new RuleEditor(rulesBox);
    m_rules->setObjectName(QStringLiteral("ruleEditor"));
    m_rulesState = new QLabel(rulesBox);
    m_rulesState->setObjectName(QStringLiteral("rulesState"));
    connect(m_rules, &RuleEditor::edited, this, [this] {
        m_rulesState->setText(tr("Changed, not saved yet. \"Compute Preview\" already uses the "
                                 "rules as shown here."));
    });
    m_saveRules = new QPushButton(tr("Save Rules"), rulesBox);
    m_saveRules->setObjectName(QStringLiteral("saveRules"));
    m_saveRules->setToolTip(tr("Store the rules in the shop database: scheduled runs and the "
                               "command line use them too"));
    connect(m_saveRules, &QPushButton::clicked, this, &PricingRulesPanel::saveRules);
    auto *revert = new QPushButton(tr("Undo Edits"), rulesBox);
    revert->setObjectName(QStringLiteral("revertRules"));
    connect(revert, &QPushButton::clicked, this, [this] {
        if (Status loaded = loadSavedRules(); !loaded)
            emit message(loaded.error(), true);
    });
    auto *defaults = new QPushButton(tr("Playbook Defaults"), rulesBox);
    defaults->setObjectName(QStringLiteral("defaultRules"));
    connect(defaults, &QPushButton::clicked, this, [this] {
        m_rules->setRules(PricingRules::defaults());
        emit m_rules->edited();
    });
    auto *ruleButtons = new QHBoxLayout;
    ruleButtons->addWidget(m_saveRules);
    ruleButtons->addWidget(revert);
    ruleButtons->addWidget(defaults);
    ruleButtons->addStretch(1);
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->addWidget(m_rules);
    rulesLayout->addWidget(m_rulesState);
    rulesLayout->addLayout(ruleButtons);
    return rulesBox;
}

QWidget *PricingRulesPanel::buildLockedBox()
{
    auto *lockedBox = new QGroupBox(tr("Locked products"));
    m_locked = new QListWidget(lockedBox);
    m_locked->setObjectName(QStringLiteral("lockedProducts"));
    m_locked->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_locked->setMaximumHeight(110);
    m_unlock = new QPushButton(tr("Unlock Selected"), lockedBox);
    m_unlock->setObjectName(QStringLiteral("unlockSelected"));
    connect(m_unlock, &QPushButton::clicked, this, [this] {
        std::vector<qint64> ids;
        for (QListWidgetItem *entry : m_locked->selectedItems())
            ids.push_back(entry->data(Qt::UserRole).toLongLong());
        setLocked(ids, false);
    });
    auto *lockedLayout = new QVBoxLayout(lockedBox);
    lockedLayout->addWidget(new QLabel(tr("Lock products from the preview table (\"Lock Selected "
                                          "Products\"); they are never repriced."),
                                       lockedBox));
    lockedLayout->addWidget(m_locked);
    lockedLayout->addWidget(m_unlock, 0, Qt::AlignLeft);
    return lockedBox;
}

QWidget *PricingRulesPanel::buildHelpBox()
{
    auto *helpBox = new QGroupBox(tr("How the rules work"));
    auto *help = new QTextBrowser(helpBox);
    help->setObjectName(QStringLiteral("rulesHelp"));
    help->setOpenExternalLinks(false);
    help->setHtml(
        tr("<p>For each product, with its <b>current</b> price, its <b>base</b> price, its "
           "<b>stock</b> and its <b>demand</b> score (0 to 10):</p>"
           "<ul><li>stock <b>below the low threshold</b>: new price = current + base × step × "
           "demand;</li>"
           "<li>stock <b>between the thresholds</b>: new price = base + base × step × "
           "demand;</li>"
           "<li>stock <b>above the high threshold</b>: the price is held (or marked down by the "
           "overstock markdown when the demand is 0).</li></ul>"
           "<p>Then the move is <b>capped</b> at the largest move per run (up or down), and two "
           "guard rails win over the cap: never below the <b>floor</b> (the higher of the "
           "product's minimum price and cost plus the minimum margin) and never above the "
           "product's <b>maximum price</b>. The result is rounded to the cent. A product whose "
           "price would not change gets no decision.</p>"
           "<p>Products without cost and without minimum price, with base price 0, or whose "
           "floor is above their maximum price are skipped, with the reason in the "
           "preview.</p>"
           "<p><b>Derive demand from sales</b> sets every product's demand score from its "
           "completed orders: with <i>r</i> the units sold in the last 14 days and <i>p</i> the "
           "units sold in the 14 days before,<br><b>demand = 10 × r / (r + p + 2)</b>, rounded "
           "to two decimals. Steady sales score about 5, sales that only happen now approach "
           "10, a product that stopped selling scores 0; the \"+ 2\" keeps a single sale from "
           "looking like a trend.</p>"));
    m_derive = new QPushButton(tr("Derive Demand from Sales"), helpBox);
    m_derive->setObjectName(QStringLiteral("deriveDemand"));
    m_derive->setToolTip(tr("Replace every product's demand score by the score its sales of the "
                            "last 28 days give"));
    connect(m_derive, &QPushButton::clicked, this, &PricingRulesPanel::deriveRequested);
    auto *helpLayout = new QVBoxLayout(helpBox);
    helpLayout->addWidget(help, 1);
    helpLayout->addWidget(m_derive, 0, Qt::AlignLeft);
    return helpBox;
}

Status PricingRulesPanel::loadSavedRules()
{
    auto rules = PricingRuleStore::load(m_db);
    if (!rules)
        return fail(rules.error());
    m_rules->setRules(*rules);
    m_rulesState->setText(tr("These are the saved rules."));
    return {};
}

Result<PricingRules> PricingRulesPanel::editedRules()
{
    return m_rules->rules();
}

bool PricingRulesPanel::areSaved(const PricingRules &rules) const
{
    auto stored = PricingRuleStore::load(m_db);
    return stored && *stored == rules;
}

bool PricingRulesPanel::saveRules()
{
    auto rules = m_rules->rules();
    if (!rules) {
        emit message(tr("The rules were not saved: %1").arg(rules.error()), true);
        return false;
    }
    if (Status saved = PricingRuleStore::save(m_db, *rules, QDateTime::currentSecsSinceEpoch());
        !saved) {
        emit message(tr("The rules were not saved: %1").arg(saved.error()), true);
        return false;
    }
    m_rulesState->setText(tr("These are the saved rules."));
    emit message(tr("Rules saved. Scheduled runs and the command line use them from now on."),
                 false);
    return true;
}

void PricingRulesPanel::setLocked(const std::vector<qint64> &productIds, bool locked)
{
    if (productIds.empty())
        return;
    if (Status done
        = PricingRuleStore::setLocked(m_db, productIds, locked, QDateTime::currentSecsSinceEpoch());
        !done) {
        emit message(done.error(), true);
        return;
    }
    reloadLocked();
    const QString count = QLocale().toString(qint64(productIds.size()));
    emit message(locked ? tr("Products locked: %1. The next preview leaves them alone.").arg(count)
                        : tr("Products unlocked: %1.").arg(count),
                 false);
}

void PricingRulesPanel::reloadLocked()
{
    m_locked->clear();
    auto locked = PricingRuleStore::lockedProducts(m_db);
    if (!locked) {
        emit message(locked.error(), true);
        return;
    }
    for (const LockedProduct &product : *locked) {
        auto *entry
            = new QListWidgetItem(product.sku + QStringLiteral(" — ") + product.title, m_locked);
        entry->setData(Qt::UserRole, product.productId);
    }
    m_unlock->setEnabled(!locked->empty());
}

void PricingRulesPanel::setScheduler(JobScheduler *scheduler)
{
    m_schedule->setScheduler(scheduler);
}

void PricingRulesPanel::setBusy(bool busy)
{
    m_saveRules->setEnabled(!busy);
    m_derive->setEnabled(!busy);
}

} // namespace md
