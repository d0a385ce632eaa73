#include "transferbuttons.h"

#include "csvtransfer.h"

#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>

namespace md {

TransferButtons::TransferButtons(const DatabaseSpec &database, const QStringList &entities,
                                 QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_entities(entities)
{
    m_import
        = makeButton(tr("&Import…"), QStringLiteral("importButton"), [this](const QString &entity) {
              if (CsvTransfer::importWithWizard(window(), m_database, entity))
                  emit imported(entity);
          });
    m_import->setToolTip(tr("Import rows from a CSV file"));
    m_export
        = makeButton(tr("E&xport…"), QStringLiteral("exportButton"), [this](const QString &entity) {
              CsvTransfer::exportWithDialogs(window(), m_database, entity);
          });
    m_export->setToolTip(tr("Write every row to a CSV file"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_import);
    layout->addWidget(m_export);
}

QString TransferButtons::entityOfPage(const QWidget *page)
{
    const auto *buttons = page ? page->findChild<TransferButtons *>() : nullptr;
    return buttons ? buttons->entities().value(0) : QString();
}

QToolButton *TransferButtons::makeButton(const QString &text, const QString &objectName,
                                         const std::function<void(const QString &)> &run)
{
    auto *button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    if (m_entities.size() == 1) {
        const QString entity = m_entities.constFirst();
        connect(button, &QToolButton::clicked, this, [run, entity] { run(entity); });
        return button;
    }
    auto *menu = new QMenu(button);
    for (const QString &entity : m_entities) {
        QAction *action = menu->addAction(CsvTransfer::entityTitle(entity) + QStringLiteral("…"));
        action->setObjectName(objectName + QLatin1Char('_') + entity);
        connect(action, &QAction::triggered, this, [run, entity] { run(entity); });
    }
    button->setMenu(menu);
    button->setPopupMode(QToolButton::InstantPopup);
    return button;
}

} // namespace md
