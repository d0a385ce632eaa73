#include "planspage.h"
#include "common/tone.h"

#include "featuredialog.h"
#include "plandialog.h"
#include "planvaluedelegate.h"
#include "subscriptions/planmatrixmodel.h"
#include "subscriptions/planstore.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace md {

PlansPage::PlansPage(const DatabaseSpec &database, QWidget *parent)
    : QWidget(parent)
{
    auto *heading = new QLabel(tr("Plans"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    auto *hint = new QLabel(tr("Each column is a plan, each row a feature. Bold values are set "
                               "on the plan; grey ones come from the plan it inherits from or "
                               "the feature's default. Changes are kept until you save them."),
                            this);
    hint->setWordWrap(true);

    // The everyday actions sit on the toolbar; the rare, destructive ones wait in the More menu,
    // so the toolbar stays narrower than a 1200 px window in the longer languages (German).
    auto *toolbar = new QToolBar(this);
    m_save = toolbar->addAction(tr("&Save changes"), this, &PlansPage::save);
    m_discard = toolbar->addAction(tr("&Discard changes"), this, [this] {
        m_model->discard();
        showMessage(tr("Changes discarded."), false);
    });
    toolbar->addSeparator();
    toolbar->addAction(tr("New &plan…"), this, &PlansPage::addPlan);
    m_editPlan = toolbar->addAction(tr("&Edit plan…"), this, &PlansPage::editPlan);
    toolbar->addSeparator();
    toolbar->addAction(tr("New &feature…"), this, &PlansPage::addFeature);
    m_editFeature = toolbar->addAction(tr("Edit feature…"), this, &PlansPage::editFeature);
    m_inherit = toolbar->addAction(tr("Use &inherited value"), this, &PlansPage::useInherited);
    toolbar->addSeparator();
    auto *more = new QMenu(this);
    m_deletePlan = more->addAction(tr("Delete plan"), this, &PlansPage::deletePlan);
    m_deleteFeature = more->addAction(tr("Delete feature"), this, &PlansPage::deleteFeature);
    m_more = new QToolButton(toolbar);
    m_more->setObjectName(QStringLiteral("plansMore"));
    m_more->setText(tr("More"));
    m_more->setToolTip(tr("Delete a plan or a feature"));
    m_more->setMenu(more);
    m_more->setPopupMode(QToolButton::InstantPopup);
    toolbar->addWidget(m_more);
    m_save->setShortcut(QKeySequence::Save);

    m_model = new PlanMatrixModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("planMatrix"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new PlanValueDelegate(m_table));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::SelectedClicked);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumHeight(44);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("plansMessage"));
    m_message->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addWidget(toolbar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);

    connect(m_model, &PlanMatrixModel::valueRefused, this,
            [this](const QString &message) { showMessage(message, true); });
    connect(m_model, &PlanMatrixModel::dirtyChanged, this, &PlansPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PlansPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PlansPage::updateActions);

    auto db
        = Database::open(database, Database::Options{.migrate = false, .createIfMissing = false});
    if (!db) {
        showMessage(tr("Cannot open the database: %1").arg(db.error()), true);
    } else {
        m_db.emplace(std::move(*db));
        reload();
    }
    updateActions();
}

QString PlansPage::lastMessage() const
{
    return m_message->text();
}

void PlansPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    tone::apply(m_message, error ? tone::Tone::Error : tone::Tone::Normal);
}

void PlansPage::reload()
{
    if (!m_db)
        return;
    auto matrix = PlanStore::load(*m_db);
    if (!matrix) {
        showMessage(tr("Reading the plans failed: %1").arg(matrix.error()), true);
        return;
    }
    m_model->setMatrix(*matrix);
    if (matrix->plans.empty())
        showMessage(tr("No plans yet: add one with New plan."), false);
    updateActions();
}

bool PlansPage::save()
{
    if (!m_db || !m_model->isDirty())
        return true;
    const int count = m_model->pendingEdits();
    if (auto saved = m_model->save(*m_db); !saved) {
        showMessage(tr("Nothing was saved: %1").arg(saved.error()), true);
        return false;
    }
    showMessage(tr("Saved %n change(s).", nullptr, count), false);
    return true;
}

bool PlansPage::confirmDropEdits()
{
    if (!m_model->isDirty())
        return true;
    const auto answer
        = QMessageBox::question(this, tr("Unsaved changes"),
                                tr("The matrix has changes that are not saved. Save them first?"),
                                QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Save);
    return answer == QMessageBox::Save && save();
}

void PlansPage::addPlan()
{
    if (!m_db || !confirmDropEdits())
        return;
    PlanDef plan;
    plan.displayOrder = int(m_model->matrix().plans.size()) + 1;
    PlanDialog dialog(m_model->matrix(), plan, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto saved = PlanStore::savePlan(*m_db, dialog.plan());
    if (!saved) {
        showMessage(saved.error(), true);
        return;
    }
    reload();
    showMessage(tr("Plan “%1” added.").arg(dialog.plan().name), false);
}

void PlansPage::editPlan()
{
    const PlanDef *plan = m_model->planAt(m_table->currentIndex().column());
    if (!m_db || !plan || !confirmDropEdits())
        return;
    plan = m_model->planAt(m_table->currentIndex().column());
    PlanDialog dialog(m_model->matrix(), *plan, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto saved = PlanStore::savePlan(*m_db, dialog.plan());
    if (!saved) {
        showMessage(saved.error(), true);
        return;
    }
    reload();
    showMessage(tr("Plan “%1” saved.").arg(dialog.plan().name), false);
}

void PlansPage::deletePlan()
{
    const PlanDef *plan = m_model->planAt(m_table->currentIndex().column());
    if (!m_db || !plan || !confirmDropEdits())
        return;
    plan = m_model->planAt(m_table->currentIndex().column());
    const QString name = plan->name;
    if (QMessageBox::question(this, tr("Delete plan"), tr("Delete plan “%1”?").arg(name))
        != QMessageBox::Yes) {
        return;
    }
    if (auto removed = PlanStore::deletePlan(*m_db, plan->id); !removed) {
        showMessage(removed.error(), true);
        return;
    }
    reload();
    showMessage(tr("Plan “%1” deleted.").arg(name), false);
}

void PlansPage::addFeature()
{
    if (!m_db || !confirmDropEdits())
        return;
    FeatureDef feature;
    feature.defaultValue = QStringLiteral("false");
    feature.displayOrder = int(m_model->matrix().features.size()) + 1;
    FeatureDialog dialog(feature, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto saved = PlanStore::saveFeature(*m_db, dialog.feature());
    if (!saved) {
        showMessage(saved.error(), true);
        return;
    }
    reload();
    showMessage(tr("Feature “%1” added.").arg(dialog.feature().label), false);
}

void PlansPage::editFeature()
{
    const FeatureDef *feature = m_model->featureAt(m_table->currentIndex().row());
    if (!m_db || !feature || !confirmDropEdits())
        return;
    feature = m_model->featureAt(m_table->currentIndex().row());
    FeatureDialog dialog(*feature, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto saved = PlanStore::saveFeature(*m_db, dialog.feature());
    if (!saved) {
        showMessage(saved.error(), true);
        return;
    }
    reload();
    showMessage(tr("Feature “%1” saved.").arg(dialog.feature().label), false);
}

void PlansPage::deleteFeature()
{
    const FeatureDef *feature = m_model->featureAt(m_table->currentIndex().row());
    if (!m_db || !feature || !confirmDropEdits())
        return;
    feature = m_model->featureAt(m_table->currentIndex().row());
    const QString label = feature->label;
    if (QMessageBox::question(
            this, tr("Delete feature"),
            tr("Delete feature “%1” (%2)? It is removed from every plan.").arg(label, feature->key))
        != QMessageBox::Yes) {
        return;
    }
    if (auto removed = PlanStore::deleteFeature(*m_db, feature->id); !removed) {
        showMessage(removed.error(), true);
        return;
    }
    reload();
    showMessage(tr("Feature “%1” deleted.").arg(label), false);
}

void PlansPage::useInherited()
{
    m_model->clearOverride(m_table->currentIndex());
}

void PlansPage::updateActions()
{
    const QModelIndex current = m_table->currentIndex();
    const bool open = m_db.has_value();
    m_save->setEnabled(open && m_model->isDirty());
    m_discard->setEnabled(m_model->isDirty());
    m_editPlan->setEnabled(open && m_model->planAt(current.column()));
    m_deletePlan->setEnabled(open && m_model->planAt(current.column()));
    m_editFeature->setEnabled(open && m_model->featureAt(current.row()));
    m_deleteFeature->setEnabled(open && m_model->featureAt(current.row()));
    m_inherit->setEnabled(current.isValid()
                          && !current.data(PlanMatrixModel::InheritedRole).toBool());
}

} // namespace md
