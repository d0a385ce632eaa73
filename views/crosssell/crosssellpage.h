#pragma once

// The Cross-sell page: mining parameters and "Mine now" (off the GUI thread, with progress and
// cancel), the rules (sortable, filterable by product), for one product what is bought with it,
// its bundles and what is bought after viewing it, a chart of the strongest pairs, a cart
// simulator whose recommendations update as products are added, and the exports back to the shop.

#include "crosssell/crossselltask.h"
#include "db/databasespec.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QHorizontalBarSeries;
class QBarCategoryAxis;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTableWidget;
class QTabWidget;
class QValueAxis;

namespace md {

class RuleTableModel;

class CrossSellPage : public QWidget
{
    Q_OBJECT

public:
    explicit CrossSellPage(const DatabaseSpec &database, QWidget *parent = nullptr);

    // For tests: the parts a user works with.
    RuleTableModel *ruleModel() const { return m_rules; }
    QSortFilterProxyModel *ruleProxy() const { return m_proxy; }
    QStandardItemModel *chartModel() const { return m_chartModel; }
    QTableWidget *recommendationTable() const { return m_recommendations; }
    QTableWidget *togetherTable() const { return m_together; }
    QTableWidget *bundleTable() const { return m_bundleTable; }
    std::shared_ptr<const CrossSellData> data() const { return m_data; }

    void mine();
    void cancel();
    // The product (by SKU) whose lists the Product tab shows; false if no rule names it.
    bool showProduct(const QString &sku);
    // Adds a product to the simulated cart by SKU; false if no rule names it.
    bool addToCart(const QString &sku);
    void clearCart();
    Status exportRecommendations(const QString &path) const;
    Status exportWooCommerce(const QString &path) const;

signals:
    // After a run was loaded or mined, or an error was shown.
    void updated();

private:
    QWidget *buildParameters();
    QWidget *buildRulesTab();
    QWidget *buildProductTab();
    QWidget *buildChartTab();
    QWidget *buildCartTab();
    void onLoaded(std::shared_ptr<const CrossSellData> data);
    void onFailed(const QString &message);
    void setBusy(bool busy);
    void fillProductLists();
    void fillChart();
    void updateRecommendations();
    void showSelectedRule();
    void chooseExport(bool wooCommerce);
    // Product ids by SKU of every product a rule names, with their info.
    const ProductInfo *productBySku(const QString &sku, qint64 *id) const;

    CrossSellTask *m_task = nullptr;
    std::shared_ptr<const CrossSellData> m_data;
    QHash<QString, std::pair<qint64, ProductInfo>> m_products; // SKU → (id, info)

    QDoubleSpinBox *m_minSupport = nullptr;
    QDoubleSpinBox *m_minConfidence = nullptr;
    QDoubleSpinBox *m_minLift = nullptr;
    QCheckBox *m_useSince = nullptr;
    QDateEdit *m_since = nullptr;
    QPushButton *m_mine = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportWoo = nullptr;
    QTabWidget *m_tabs = nullptr;

    RuleTableModel *m_rules = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_ruleView = nullptr;

    QComboBox *m_product = nullptr;
    QTableWidget *m_together = nullptr;
    QTableWidget *m_bundleTable = nullptr;
    QTableWidget *m_viewed = nullptr;

    QStandardItemModel *m_chartModel = nullptr;
    QHorizontalBarSeries *m_series = nullptr;
    QBarCategoryAxis *m_pairAxis = nullptr;
    QValueAxis *m_liftAxis = nullptr;

    QComboBox *m_cartProduct = nullptr;
    QListWidget *m_cart = nullptr;
    QTableWidget *m_recommendations = nullptr;
    QLabel *m_cartHint = nullptr;
    QList<qint64> m_cartIds;
};

} // namespace md
