#include "crosssellpage.h"

#include "crosssell/crosssellexport.h"
#include "crosssell/recommender.h"
#include "crosssell/ruletablemodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace md {

namespace {

constexpr int kChartPairs = 10;
constexpr int kCartRecommendations = 5;

QString productText(const ProductInfo &info)
{
    return info.sku + QStringLiteral(" · ") + info.title;
}

QString percent(double share, int decimals = 1)
{
    return QLocale().toString(share * 100, 'f', decimals) + QLatin1Char('%');
}

QTableWidget *makeTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < headers.size(); ++column)
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        if (column > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, column, item);
    }
}

QComboBox *makeProductPicker(const QString &name, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->setMinimumContentsLength(32);
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    combo->completer()->setFilterMode(Qt::MatchContains);
    combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    return combo;
}

} // namespace

CrossSellPage::CrossSellPage(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
{
    m_task = new CrossSellTask(database, this);
    connect(m_task, &CrossSellTask::progress, this, [this](int value, const QString &stage) {
        m_progress->setValue(value);
        m_progress->setFormat(tr("%1: %p%").arg(stage));
    });
    connect(m_task, &CrossSellTask::loaded, this, &CrossSellPage::onLoaded);
    connect(m_task, &CrossSellTask::failed, this, &CrossSellPage::onFailed);
    connect(m_task, &CrossSellTask::cancelled, this, [this] {
        setBusy(false);
        m_status->setText(tr("Mining was cancelled; the rules shown are those of the last "
                             "complete run."));
        emit updated();
    });

    auto *heading = new QLabel(tr("Cross-sell"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    m_exportCsv = new QPushButton(tr("Export &recommendations…"), this);
    m_exportCsv->setObjectName(QStringLiteral("exportRecommendations"));
    m_exportCsv->setToolTip(tr("A CSV file with the top %1 recommended products of every "
                               "product: sku, recommended_sku, rank, confidence, lift")
                                .arg(CrossSellExport::kDefaultPerProduct));
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExport(false); });
    m_exportWoo = new QPushButton(tr("Export for &WooCommerce…"), this);
    m_exportWoo->setObjectName(QStringLiteral("exportWooCommerce"));
    m_exportWoo->setToolTip(tr("A product CSV with the Cross-sells column filled, for "
                               "WooCommerce's product importer (Products → Import, “Update "
                               "existing products”); products are matched by SKU"));
    connect(m_exportWoo, &QPushButton::clicked, this, [this] { chooseExport(true); });
    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch(1);
    top->addWidget(m_exportCsv);
    top->addWidget(m_exportWoo);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("crossSellStatus"));
    m_status->setWordWrap(true);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildRulesTab(), tr("Rules"));
    m_tabs->addTab(buildProductTab(), tr("Product"));
    m_tabs->addTab(buildChartTab(), tr("Strongest pairs"));
    m_tabs->addTab(buildCartTab(), tr("Cart simulator"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buildParameters());
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    setBusy(true);
    m_status->setText(tr("Reading the last cross-sell run…"));
    m_task->startLoading();
}

QWidget *CrossSellPage::buildParameters()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    const MiningParameters defaults;

    m_minSupport = new QDoubleSpinBox(box);
    m_minSupport->setObjectName(QStringLiteral("minSupport"));
    m_minSupport->setDecimals(4);
    m_minSupport->setRange(0.0001, 1'000'000);
    m_minSupport->setValue(defaults.minSupport);
    m_minSupport->setToolTip(tr("How often a pair must be bought together. Below 1: a share of "
                                "the orders (0.01 = 1 %); 1 or more: a number of orders."));
    m_minConfidence = new QDoubleSpinBox(box);
    m_minConfidence->setObjectName(QStringLiteral("minConfidence"));
    m_minConfidence->setDecimals(2);
    m_minConfidence->setRange(0, 1);
    m_minConfidence->setSingleStep(0.05);
    m_minConfidence->setValue(defaults.minConfidence);
    m_minConfidence->setToolTip(tr("Share of the orders with the first product that must also "
                                   "hold the second"));
    m_minLift = new QDoubleSpinBox(box);
    m_minLift->setObjectName(QStringLiteral("minLift"));
    m_minLift->setDecimals(2);
    m_minLift->setRange(0, 1000);
    m_minLift->setSingleStep(0.1);
    m_minLift->setValue(defaults.minLift);
    m_minLift->setToolTip(tr("Above 1: bought together more often than chance"));
    m_useSince = new QCheckBox(tr("Only orders since"), box);
    m_useSince->setObjectName(QStringLiteral("useSince"));
    m_since = new QDateEdit(QDate::currentDate().addYears(-1), box);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_since->setObjectName(QStringLiteral("sinceDate"));
    m_since->setCalendarPopup(true);
    m_since->setEnabled(false);
    connect(m_useSince, &QCheckBox::toggled, m_since, &QWidget::setEnabled);

    m_mine = new QPushButton(tr("&Mine now"), box);
    m_mine->setObjectName(QStringLiteral("mineNow"));
    m_mine->setToolTip(tr("Count which products are bought together in the completed orders "
                          "and store the rules"));
    connect(m_mine, &QPushButton::clicked, this, &CrossSellPage::mine);
    m_cancel = new QPushButton(tr("Cancel"), box);
    m_cancel->setObjectName(QStringLiteral("cancelMining"));
    connect(m_cancel, &QPushButton::clicked, this, &CrossSellPage::cancel);
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("miningProgress"));
    m_progress->setRange(0, 100);
    m_progress->setMinimumWidth(220);

    row->addWidget(new QLabel(tr("Min. support:"), box));
    row->addWidget(m_minSupport);
    row->addWidget(new QLabel(tr("Min. confidence:"), box));
    row->addWidget(m_minConfidence);
    row->addWidget(new QLabel(tr("Min. lift:"), box));
    row->addWidget(m_minLift);
    row->addWidget(m_useSince);
    row->addWidget(m_since);
    row->addStretch(1);
    // The action on a line of its own: the thresholds and a progress bar side by side would
    // make the page wider than a laptop screen.
    auto *action = new QHBoxLayout;
    action->addWidget(m_mine);
    action->addWidget(m_progress, 1);
    action->addWidget(m_cancel);
    action->addStretch(1);
    auto *outer = new QWidget(this);
    box->setParent(outer);
    auto *outerLayout = new QVBoxLayout(outer);
    outerLayout->setContentsMargins(0, 0, 0, 0);
    outerLayout->addWidget(box);
    outerLayout->addLayout(action);
    return outer;
}

QWidget *CrossSellPage::buildRulesTab()
{
    auto *tab = new QWidget(this);
    m_rules = new RuleTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_rules);
    m_proxy->setSortRole(RuleTableModel::RawRole);
    m_proxy->setFilterRole(RuleTableModel::ProductRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter = new QLineEdit(tab);
    m_filter->setObjectName(QStringLiteral("ruleFilter"));
    m_filter->setPlaceholderText(tr("Filter by product: SKU or title"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_ruleView = new QTableView(tab);
    m_ruleView->setObjectName(QStringLiteral("ruleTable"));
    m_ruleView->setModel(m_proxy);
    m_ruleView->setSortingEnabled(true);
    m_ruleView->sortByColumn(RuleTableModel::Lift, Qt::DescendingOrder);
    m_ruleView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ruleView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ruleView->verticalHeader()->hide();
    m_ruleView->setWordWrap(false);
    m_ruleView->horizontalHeader()->setSectionResizeMode(RuleTableModel::Antecedent,
                                                         QHeaderView::Stretch);
    m_ruleView->horizontalHeader()->setSectionResizeMode(RuleTableModel::Consequent,
                                                         QHeaderView::Stretch);
    connect(m_ruleView, &QTableView::doubleClicked, this, &CrossSellPage::showSelectedRule);
    auto *hint = new QLabel(tr("Double-click a rule to see everything bought with its first "
                               "product."),
                            tab);

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_filter);
    layout->addWidget(m_ruleView, 1);
    layout->addWidget(hint);
    return tab;
}

QWidget *CrossSellPage::buildProductTab()
{
    auto *tab = new QWidget(this);
    m_product = makeProductPicker(QStringLiteral("productPicker"), tab);
    connect(m_product, &QComboBox::currentIndexChanged, this, &CrossSellPage::fillProductLists);

    m_together
        = makeTable({tr("Bought together with it"), tr("Orders"), tr("Confidence"), tr("Lift")},
                    QStringLiteral("togetherTable"), tab);
    m_bundleTable = makeTable({tr("Bundle: bought together with it"), tr("Orders"), tr("Support")},
                              QStringLiteral("bundleTable"), tab);
    m_viewed = makeTable(
        {tr("Viewed it, bought the same day"), tr("Customer days"), tr("Confidence"), tr("Lift")},
        QStringLiteral("viewedTable"), tab);

    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Product:"), tab));
    pick->addWidget(m_product, 1);
    auto *lists = new QSplitter(Qt::Horizontal, tab);
    lists->addWidget(m_together);
    lists->addWidget(m_bundleTable);
    lists->addWidget(m_viewed);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(pick);
    layout->addWidget(lists, 1);
    return tab;
}

QWidget *CrossSellPage::buildChartTab()
{
    m_chartModel = new QStandardItemModel(0, 1, this);
    m_chartModel->setHorizontalHeaderLabels({tr("Lift")});
    m_series = new QHorizontalBarSeries(this);
    m_series->setObjectName(QStringLiteral("pairSeries"));
    auto *mapper = new QVBarModelMapper(this);
    mapper->setFirstBarSetColumn(0);
    mapper->setLastBarSetColumn(0);
    mapper->setSeries(m_series);
    mapper->setModel(m_chartModel);

    auto *chart = new QChart;
    chart->setTitle(tr("The %1 pairs with the highest lift (how much likelier together than by "
                       "chance)")
                        .arg(kChartPairs));
    chart->addSeries(m_series);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    m_pairAxis = new QBarCategoryAxis(chart);
    chart->addAxis(m_pairAxis, Qt::AlignLeft);
    m_series->attachAxis(m_pairAxis);
    m_liftAxis = new QValueAxis(chart);
    m_liftAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_liftAxis->setMin(0);
    chart->addAxis(m_liftAxis, Qt::AlignBottom);
    m_series->attachAxis(m_liftAxis);
    auto *view = new QChartView(chart, this);
    view->setObjectName(QStringLiteral("pairChart"));
    view->setRenderHint(QPainter::Antialiasing);
    return view;
}

QWidget *CrossSellPage::buildCartTab()
{
    auto *tab = new QWidget(this);
    m_cartProduct = makeProductPicker(QStringLiteral("cartPicker"), tab);
    auto *add = new QPushButton(tr("&Add to cart"), tab);
    add->setObjectName(QStringLiteral("addToCart"));
    connect(add, &QPushButton::clicked, this,
            [this] { addToCart(m_cartProduct->currentData().toString()); });
    m_cart = new QListWidget(tab);
    m_cart->setObjectName(QStringLiteral("cartList"));
    auto *remove = new QPushButton(tr("&Remove"), tab);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_cart->currentRow();
        if (row < 0)
            return;
        delete m_cart->takeItem(row);
        m_cartIds.removeAt(row);
        updateRecommendations();
    });
    auto *clear = new QPushButton(tr("&Empty the cart"), tab);
    connect(clear, &QPushButton::clicked, this, &CrossSellPage::clearCart);
    m_recommendations = makeTable({tr("Recommended"), tr("Score"), tr("Why")},
                                  QStringLiteral("recommendationTable"), tab);
    m_recommendations->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_recommendations->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_recommendations->setColumnWidth(0, 280);

    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Product:"), tab));
    pick->addWidget(m_cartProduct, 1);
    pick->addWidget(add);
    auto *cartButtons = new QHBoxLayout;
    cartButtons->addWidget(remove);
    cartButtons->addWidget(clear);
    cartButtons->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Cart"), tab));
    left->addWidget(m_cart, 1);
    left->addLayout(cartButtons);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("Recommended for this cart (in stock, not in the cart; score "
                                   "= confidence × lift)"),
                                tab));
    right->addWidget(m_recommendations, 1);
    m_cartHint = new QLabel(tab);
    m_cartHint->setObjectName(QStringLiteral("cartHint"));
    m_cartHint->setWordWrap(true);
    right->addWidget(m_cartHint);
    auto *lists = new QHBoxLayout;
    lists->addLayout(left, 1);
    lists->addLayout(right, 2);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(pick);
    layout->addLayout(lists, 1);
    return tab;
}

void CrossSellPage::setBusy(bool busy)
{
    m_mine->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    const bool hasRules = m_data && !m_data->rules.empty();
    m_exportCsv->setEnabled(!busy && hasRules);
    m_exportWoo->setEnabled(!busy && hasRules);
    if (busy) {
        m_progress->setValue(0);
        m_progress->setFormat(tr("Starting…"));
    }
}

void CrossSellPage::mine()
{
    MiningParameters parameters;
    parameters.minSupport = m_minSupport->value();
    parameters.minConfidence = m_minConfidence->value();
    parameters.minLift = m_minLift->value();
    if (m_useSince->isChecked()) {
        parameters.sinceAt
            = QDateTime(m_since->date(), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    }
    if (auto valid = parameters.validate(); !valid) {
        m_status->setText(valid.error());
        return;
    }
    if (!m_task->startMining(parameters))
        return;
    setBusy(true);
    m_status->setText(tr("Mining the completed orders…"));
}

void CrossSellPage::cancel()
{
    m_task->cancel();
    m_cancel->setEnabled(false);
}

void CrossSellPage::onFailed(const QString &message)
{
    setBusy(false);
    m_status->setText(tr("Cross-sell failed: %1").arg(message));
    emit updated();
}

void CrossSellPage::onLoaded(std::shared_ptr<const CrossSellData> data)
{
    m_data = std::move(data);
    m_products.clear();
    for (const RuleRow &row : m_data->rules) {
        m_products.insert(row.antecedent.sku, {row.rule.antecedent, row.antecedent});
        m_products.insert(row.consequent.sku, {row.rule.consequent, row.consequent});
    }
    setBusy(false);
    m_rules->setRules(m_data->rules);

    const QLocale locale;
    if (!m_data->run) {
        m_status->setText(tr("No rules mined yet. Set the thresholds and press “Mine now”: "
                             "MerchantDesk counts which products the completed orders hold "
                             "together."));
    } else {
        const CrossSellRun &run = *m_data->run;
        m_minSupport->setValue(run.parameters.minSupport);
        m_minConfidence->setValue(run.parameters.minConfidence);
        m_minLift->setValue(run.parameters.minLift);
        m_useSince->setChecked(run.parameters.sinceAt.has_value());
        if (run.parameters.sinceAt) {
            m_since->setDate(
                QDateTime::fromSecsSinceEpoch(*run.parameters.sinceAt, QTimeZone::utc()).date());
        }
        const QString when = locale.toString(
            QDateTime::fromSecsSinceEpoch(run.finishedAt).toLocalTime(), QLocale::ShortFormat);
        const qint64 bought = m_rules->rowCount();
        m_status->setText(tr("Mined %1 from %2 completed orders (a pair must be in at least %3 of "
                             "them): %4 bought-together rules, %5 bundles of three, %6 "
                             "viewed-then-bought rules.")
                              .arg(when, locale.toString(run.baskets),
                                   locale.toString(run.minCount), locale.toString(bought),
                                   locale.toString(run.bundleCount),
                                   locale.toString(qint64(m_data->rules.size()) - bought)));
    }

    // Product pickers: every product a rule names, by title.
    std::vector<std::pair<QString, QString>> entries; // (text, sku)
    for (auto it = m_products.cbegin(); it != m_products.cend(); ++it)
        entries.emplace_back(productText(it->second), it.key());
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.first, b.first) < 0;
    });
    for (QComboBox *combo : {m_product, m_cartProduct}) {
        const QSignalBlocker blocker(combo);
        const QString current = combo->currentData().toString();
        combo->clear();
        for (const auto &[text, sku] : entries)
            combo->addItem(text, sku);
        const int at = combo->findData(current);
        combo->setCurrentIndex(at >= 0 ? at : (combo->count() > 0 ? 0 : -1));
    }
    // Products of the cart that no rule names any more leave it.
    for (int row = int(m_cartIds.size()) - 1; row >= 0; --row) {
        const QString sku = m_cart->item(row)->data(Qt::UserRole).toString();
        if (!m_products.contains(sku)) {
            delete m_cart->takeItem(row);
            m_cartIds.removeAt(row);
        }
    }
    fillProductLists();
    fillChart();
    updateRecommendations();
    emit updated();
}

const ProductInfo *CrossSellPage::productBySku(const QString &sku, qint64 *id) const
{
    const auto it = m_products.constFind(sku);
    if (it == m_products.cend())
        return nullptr;
    *id = it->first;
    return &it->second;
}

bool CrossSellPage::showProduct(const QString &sku)
{
    const int at = m_product->findData(sku);
    if (at < 0)
        return false;
    m_product->setCurrentIndex(at);
    fillProductLists();
    return true;
}

void CrossSellPage::showSelectedRule()
{
    const QModelIndex index = m_ruleView->currentIndex();
    if (!index.isValid())
        return;
    const auto &row = m_rules->rules()[size_t(m_proxy->mapToSource(index).row())];
    if (showProduct(row.antecedent.sku))
        m_tabs->setCurrentIndex(1);
}

void CrossSellPage::fillProductLists()
{
    m_together->setRowCount(0);
    m_bundleTable->setRowCount(0);
    m_viewed->setRowCount(0);
    qint64 id = 0;
    if (!m_data || !productBySku(m_product->currentData().toString(), &id))
        return;
    const QLocale locale;
    for (const RuleRow &row : m_data->rules) {
        if (row.rule.antecedent != id)
            continue;
        QTableWidget *table = row.kind == RuleRow::Kind::Bought ? m_together : m_viewed;
        const int at = table->rowCount();
        table->insertRow(at);
        setRow(table, at,
               {productText(row.consequent), locale.toString(row.rule.count),
                percent(row.rule.confidence), locale.toString(row.rule.lift, 'f', 2)});
    }
    for (const BundleRow &row : m_data->bundles) {
        QStringList others;
        for (const auto &[productId, info] :
             {std::pair{row.bundle.a, row.a}, {row.bundle.b, row.b}, {row.bundle.c, row.c}}) {
            if (productId != id)
                others << productText(info);
        }
        if (others.size() != 2)
            continue;
        const int at = m_bundleTable->rowCount();
        m_bundleTable->insertRow(at);
        setRow(m_bundleTable, at,
               {others.join(QStringLiteral(" + ")), locale.toString(row.bundle.count),
                percent(row.bundle.support, 2)});
    }
}

void CrossSellPage::fillChart()
{
    // The strongest pairs, each pair once (A → B and B → A share their lift), strongest on top:
    // a horizontal bar chart draws its first category at the bottom.
    std::vector<const RuleRow *> pairs;
    QSet<std::pair<qint64, qint64>> seen;
    for (const RuleRow &row : m_rules->rules()) {
        const auto key = std::minmax(row.rule.antecedent, row.rule.consequent);
        if (seen.contains({key.first, key.second}))
            continue;
        seen.insert({key.first, key.second});
        pairs.push_back(&row);
        if (int(pairs.size()) == kChartPairs)
            break;
    }
    std::reverse(pairs.begin(), pairs.end());
    QStringList labels;
    m_chartModel->setRowCount(0);
    double highest = 1;
    for (const RuleRow *row : pairs) {
        labels << row->antecedent.title.left(32) + QStringLiteral(" + ")
                      + row->consequent.title.left(32);
        auto *item = new QStandardItem;
        item->setData(row->rule.lift, Qt::DisplayRole);
        m_chartModel->appendRow(item);
        highest = std::max(highest, row->rule.lift);
    }
    m_pairAxis->setCategories(labels);
    m_liftAxis->setRange(0, highest * 1.1);
    m_liftAxis->applyNiceNumbers();
}

bool CrossSellPage::addToCart(const QString &sku)
{
    qint64 id = 0;
    const ProductInfo *info = productBySku(sku, &id);
    if (!info || m_cartIds.contains(id))
        return info != nullptr;
    auto *item = new QListWidgetItem(productText(*info), m_cart);
    item->setData(Qt::UserRole, sku);
    m_cartIds << id;
    updateRecommendations();
    return true;
}

void CrossSellPage::clearCart()
{
    m_cart->clear();
    m_cartIds.clear();
    updateRecommendations();
}

void CrossSellPage::updateRecommendations()
{
    m_recommendations->setRowCount(0);
    if (!m_data)
        return;
    const QSet<qint64> cart(m_cartIds.begin(), m_cartIds.end());
    const auto picks = Recommender::recommend(m_data->rules, cart, kCartRecommendations);
    if (cart.isEmpty()) {
        m_cartHint->setText(tr("Add products to the cart to see what the shop would recommend "
                               "with them."));
    } else if (picks.empty()) {
        m_cartHint->setText(tr("No recommendation: no rule starts from these products, or every "
                               "product they lead to is in the cart or out of stock."));
    } else {
        m_cartHint->clear();
    }
    const QLocale locale;
    for (const Recommendation &pick : picks) {
        const RuleRow &row = pick.rule;
        const int at = m_recommendations->rowCount();
        m_recommendations->insertRow(at);
        setRow(m_recommendations, at,
               {productText(row.consequent), locale.toString(pick.score, 'f', 3),
                tr("%1 of the orders with %2 also hold it; %3 times likelier than in any order")
                    .arg(percent(row.rule.confidence), row.antecedent.title,
                         locale.toString(row.rule.lift, 'f', 1))});
        m_recommendations->item(at, 2)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    }
}

Status CrossSellPage::exportRecommendations(const QString &path) const
{
    if (!m_data)
        return fail(tr("There are no rules to export yet."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (auto written = CrossSellExport::writeRecommendations(m_data->rules, &file); !written)
        return fail(tr("Writing %1: %2").arg(path, written.error()));
    if (!file.commit())
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Status CrossSellPage::exportWooCommerce(const QString &path) const
{
    if (!m_data)
        return fail(tr("There are no rules to export yet."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (auto written = CrossSellExport::writeWooCommerce(m_data->rules, &file); !written)
        return fail(tr("Writing %1: %2").arg(path, written.error()));
    if (!file.commit())
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

void CrossSellPage::chooseExport(bool wooCommerce)
{
    const QString path = QFileDialog::getSaveFileName(
        this, wooCommerce ? tr("Export for WooCommerce") : tr("Export recommendations"),
        wooCommerce ? QStringLiteral("woocommerce-cross-sells.csv")
                    : QStringLiteral("recommendations.csv"),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const Status written = wooCommerce ? exportWooCommerce(path) : exportRecommendations(path);
    if (!written) {
        QMessageBox::warning(this, tr("Export failed"),
                             tr("The file was not written.\n\n%1").arg(written.error()));
        return;
    }
    m_status->setText(tr("Exported to %1.").arg(path));
}

} // namespace md
