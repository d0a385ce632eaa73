#pragma once

// The "Preview and Apply" tab of the Repricing page without the proposal banner: "Compute
// Preview", the filter and the search, the totals of what is shown, the preview table with a
// check box per change, the ticking buttons, "Lock Selected Products" and "Apply Ticked
// Changes". It shows a preview and says what the user asked for; computing, applying and
// locking are the page's (it owns the tasks and the connection).

#include "pricing/pricingpreview.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;

namespace md {

class PricingPreviewModel;

class PricingPreviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PricingPreviewPanel(QWidget *parent = nullptr);

    // Puts `detail` (the price history chart) below the table, in the same splitter.
    void setDetail(QWidget *detail);

    std::shared_ptr<const PricingPreview> preview() const { return m_preview; }
    // The products of the rows selected in the table.
    std::vector<qint64> selectedProductIds() const;

    PricingPreviewModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *filterBox() const { return m_filter; }
    QLineEdit *searchField() const { return m_search; }
    QLabel *totalsLabel() const { return m_totals; }
    QPushButton *applyButton() const { return m_apply; }

public slots:
    // Shows a preview, every change ticked; nullptr: the preview is spent, the table empties.
    void setPreview(std::shared_ptr<const PricingPreview> preview);
    // While the page works: no new preview and no apply.
    void setBusy(bool busy);

signals:
    void computeRequested();
    void applyRequested();
    void lockRequested(const std::vector<qint64> &productIds);
    // The first selected row changed to this product ("SKU — title").
    void productSelected(qint64 productId, const QString &label);

private:
    void updateTotals();
    void updateButtons();
    void selectionChanged();
    void tickSelectedOnly();

    std::shared_ptr<const PricingPreview> m_preview;
    bool m_busy = false;
    PricingPreviewModel *m_model = nullptr;
    QPushButton *m_compute = nullptr;
    QComboBox *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    QLabel *m_totals = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr;
    QPushButton *m_checkAll = nullptr;
    QPushButton *m_checkNone = nullptr;
    QPushButton *m_tickSelected = nullptr;
    QPushButton *m_lock = nullptr;
    QPushButton *m_apply = nullptr;
};

} // namespace md
