#pragma once

// The note above the preview table when a scheduled run set to "prepare for approval" left a
// proposal: when it was made and how many prices it would change, with "Review and Approve…"
// and "Discard". Hidden while no proposal with changes is pending.

#include <QFrame>

class QLabel;

namespace md {

class Database;

class PricingProposalBanner : public QFrame
{
    Q_OBJECT

public:
    // `db` is the page's connection; it outlives the banner's use of it.
    explicit PricingProposalBanner(const Database &db, QWidget *parent = nullptr);

    // The newest pending proposal with changes; -1 when there is none.
    qint64 proposalId() const { return m_proposalId; }

public slots:
    // Reads the newest pending proposal: shown when it has changes, hidden otherwise.
    void reload();

signals:
    void reviewRequested(qint64 proposalId);
    void discardRequested(qint64 proposalId);
    void failed(const QString &message);

private:
    const Database &m_db;
    qint64 m_proposalId = -1;
    QLabel *m_text = nullptr;
};

} // namespace md
