#pragma once

// The Import… and Export… buttons of a table page: for one entity plain buttons, for several
// (Orders: orders and order lines) buttons with a menu. Import opens the wizard with the
// entity chosen; export asks for the file and streams it off the GUI thread.

#include "db/databasespec.h"

#include <QStringList>
#include <QWidget>

#include <functional>

class QToolButton;

namespace md {

class TransferButtons : public QWidget
{
    Q_OBJECT

public:
    TransferButtons(const DatabaseSpec &database, const QStringList &entities,
                    QWidget *parent = nullptr);

    const QStringList &entities() const { return m_entities; }
    QToolButton *importButton() const { return m_import; }

    // The entity a page holds, for File ▸ Import… on it: the first its Import button offers
    // ("products" on Catalog); empty for a page without one.
    static QString entityOfPage(const QWidget *page);
    QToolButton *exportButton() const { return m_export; }

signals:
    // An import wrote rows: the page reads its tables again.
    void imported(const QString &entity);

private:
    QToolButton *makeButton(const QString &text, const QString &objectName,
                            const std::function<void(const QString &)> &run);

    DatabaseSpec m_database;
    QStringList m_entities;
    QToolButton *m_import = nullptr;
    QToolButton *m_export = nullptr;
};

} // namespace md
