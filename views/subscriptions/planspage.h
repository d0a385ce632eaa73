#pragma once

// The Plans page: the feature matrix with plans as columns and features as rows, each cell
// edited by its type, inherited values greyed and overrides bold; Save writes every change in
// one transaction, Discard drops them. Plans and features are added and edited from here.

#include "db/database.h"
#include "db/databasespec.h"

#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QTableView;
class QToolButton;

namespace md {

class PlanMatrixModel;

class PlansPage : public QWidget
{
    Q_OBJECT

public:
    explicit PlansPage(const DatabaseSpec &database, QWidget *parent = nullptr);

    PlanMatrixModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QAction *saveAction() const { return m_save; }
    QAction *discardAction() const { return m_discard; }
    QAction *deletePlanAction() const { return m_deletePlan; }
    QAction *deleteFeatureAction() const { return m_deleteFeature; }
    // Opens the menu of the rarely used actions (deleting a plan or a feature).
    QToolButton *moreButton() const { return m_more; }
    QString lastMessage() const;

    void reload();
    bool save();

private:
    void addPlan();
    void editPlan();
    void deletePlan();
    void addFeature();
    void editFeature();
    void deleteFeature();
    void useInherited();
    void updateActions();
    void showMessage(const QString &text, bool error);
    bool confirmDropEdits();

    std::optional<Database> m_db;
    PlanMatrixModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_save = nullptr;
    QAction *m_discard = nullptr;
    QAction *m_editPlan = nullptr;
    QAction *m_deletePlan = nullptr;
    QAction *m_editFeature = nullptr;
    QAction *m_deleteFeature = nullptr;
    QAction *m_inherit = nullptr;
    QToolButton *m_more = nullptr;
};

} // namespace md
